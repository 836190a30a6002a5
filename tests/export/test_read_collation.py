"""The export read on a PostgreSQL database whose collation is not byte order (a server set up
with an en_US locale, here ICU's with punctuation ignored, as glibc's en_US does): the actors and
their mentions come in the order the formats merge them in (Python's string order)."""
from __future__ import annotations

import json
import uuid

import pytest
from demo_store import build, run
from sqlalchemy.engine import make_url

from claimgraph.export.read import Selection, StoreRead
from claimgraph.store import Store


@pytest.fixture(scope="module")
def shifted_db(pg_server):
    import psycopg

    name = f"claimgraph_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        try:
            conn.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 LOCALE_PROVIDER icu "
                         f"ICU_LOCALE 'en-US-u-ka-shifted' LOCALE 'C' ENCODING 'UTF8'")
        except psycopg.Error as e:
            pytest.skip(f"this server cannot make an ICU database: {e}")
    try:
        yield build(make_url(pg_server).set(database=name).render_as_string(hide_password=False))
    finally:
        with psycopg.connect(pg_server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.parametrize("negated", [True, False])  # every actor (SQL's order) / the claims' actors
def test_actors_and_mentions_in_python_order(shifted_db, negated):
    with Store(shifted_db) as store:
        read = StoreRead(store, Selection(include_negated=negated))
        ids = read.actor_ids()
        heads = [m[0] for m in read.mentions()]
        streamed = [a["id"] for a in read.actors()]
    assert ids == sorted(ids) and streamed == ids
    assert heads == sorted(heads) and set(heads) <= set(ids)


def test_ftm_proof_names_every_mentioning_document(shifted_db, tmp_path):
    out = tmp_path / "out.ftm"
    assert run("export", "--db", shifted_db, "--format", "ftm", "-o", out).exit_code == 0
    with Store(shifted_db) as store:
        read = StoreRead(store, Selection(include_negated=False))
        exported = set(read.document_ids())
        docs: dict[str, set[str]] = {}
        for actor, doc, *_ in read.mentions():
            if doc in exported:
                docs.setdefault(actor, set()).add(doc)
        by_ftm_id = {}
        from claimgraph.export.ftm import Ids
        from claimgraph.export import ExportOptions
        ids = Ids(ExportOptions().dataset)
        for actor in read.actor_ids():
            by_ftm_id[ids("actor", actor)] = {ids("document", d) for d in docs.get(actor, ())}
    proofs = {e["id"]: set(e["properties"].get("proof", [])) for e in map(json.loads, out.open())
              if e["id"] in by_ftm_id}
    assert proofs and all(proofs[i] == by_ftm_id[i] for i in proofs if len(by_ftm_id[i]) <= 50)
