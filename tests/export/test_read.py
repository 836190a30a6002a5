"""The one read every export writes from (`export.read`), and `export --format json` over it:
complete, paged without loss, filtered like the queries, the same on both databases."""
from __future__ import annotations

import io
import json
import sqlite3

import pytest

from claimgraph.export import exchange_file
from claimgraph.export.read import Selection, StoreRead, fragment
from claimgraph.query import claims as claims_query
from claimgraph.query.filters import ClaimFilter
from claimgraph.store import Store

from demo_store import build, run


def export_json(store, selection=None, page=500) -> dict:
    fh = io.BytesIO()
    exchange_file.export(StoreRead(store, selection, page=page), fh)
    return json.loads(fh.getvalue())


@pytest.fixture(scope="module")
def exported(demo_db):
    with Store(demo_db) as store:
        return export_json(store)


def test_every_evidence_row_and_mention_is_exported_once(demo_db, exported):
    db = sqlite3.connect(demo_db)
    stored = sorted(db.execute('select doc_id, start, "end" from evidence'))
    spans = sorted((ev["doc"], ev["start"], ev["end"]) for c in exported["claims"] for ev in c["evidence"])
    # readings merged into one claim may share a span: each span once per exported claim
    assert set(spans) == set(stored) and len(spans) == len(set((c["id"], *s) for c in exported["claims"]
                                                               for s in [(e["doc"], e["start"], e["end"]) for e in c["evidence"]]))
    mentions = sorted((m["doc"], m["start"], m["end"]) for e in exported["entities"] for m in e["mentions"])
    assert mentions == sorted(db.execute('select doc_id, start, "end" from mentions'))
    heads = {r[0] for r in db.execute("select id from entities where canonical is null")}
    assert [e["id"] for e in exported["entities"]] == sorted(heads)
    assert len(exported["documents"]) == db.execute("select count(*) from documents").fetchone()[0]
    assert {c["id"] for c in exported["claims"]} == {r[0] for r in db.execute("select claim_id from claim_figures")}


def test_export_equals_the_resolved_graph_claims(demo_db, exported):
    from claimgraph.export.exchange import build
    from claimgraph.resolve import resolved_graph
    with Store(demo_db) as store:
        whole = build(*resolved_graph(store))
    key = lambda c: c["id"]  # noqa: E731
    assert sorted(exported["claims"], key=key) == sorted(whole["claims"], key=key)
    assert sorted(exported["documents"], key=lambda d: d["id"]) == sorted(whole["documents"], key=lambda d: d["id"])


def test_small_pages_give_the_same_export(demo_db, exported):
    with Store(demo_db) as store:
        assert export_json(store, page=7) == exported


def test_selection_filters_like_the_claims_query(demo_db):
    with Store(demo_db) as store:
        alleged = export_json(store, Selection(ClaimFilter(modalities=["alleged"])))
        assert alleged["claims"] and {c["modality"] for c in alleged["claims"]} == {"alleged"}
        named = {x for c in alleged["claims"] for x in (c["subject"], c["object"], c.get("location")) if x}
        assert named <= {e["id"] for e in alleged["entities"]}
        cited = {ev["doc"] for c in alleged["claims"] for ev in c["evidence"]}
        assert cited == {d["id"] for d in alleged["documents"]}
        # a date range is narrowed in SQL and decided on each claim's spans, as `claims` decides
        dated = export_json(store, Selection(ClaimFilter(date_from="2019", date_to="2020"), include_negated=True))
        want = {r["claim"] for r in claims_query(store, date_from="2019", date_to="2020")}
        assert want and {c["id"] for c in dated["claims"]} == want


def test_negated_claims_are_left_out_unless_asked_for(demo_db):
    with Store(demo_db) as store:
        kept = export_json(store, Selection())
        every = export_json(store, Selection(include_negated=True))
    assert any(c["modality"] == "negated" for c in every["claims"])
    assert {c["id"] for c in kept["claims"]} == {c["id"] for c in every["claims"] if c["modality"] != "negated"}


def test_an_actors_neighbourhood(demo_db):
    with Store(demo_db) as store:
        read = StoreRead(store, Selection(actor="ent-hizballah", include_negated=True))
        rows = list(read.claims())
    assert rows and all("ent-hizballah" in {(r["subject"] or {}).get("id"), (r["object"] or {}).get("id"),
                                            (r["location"] or {}).get("id")} for r in rows)
    assert all(r["subject"]["type"] for r in rows)
    ev = rows[0]["evidence"][0]
    assert fragment(ev).endswith(f"#char={ev['start']},{ev['end']}") and ev["sha256"]


def test_cli_json_export_to_a_file_and_stdout(demo_db, tmp_path, exported):
    out = tmp_path / "graph.json"
    r = run("export", "--db", demo_db, "-o", str(out))
    assert r.exit_code == 0, r.output
    assert json.loads(out.read_text()) == exported
    assert not (tmp_path / "graph.json.part").exists()
    r = run("export", "--db", demo_db, "--format", "json", "--modality", "alleged")
    assert r.exit_code == 0
    assert {c["modality"] for c in json.loads(r.stdout)["claims"]} == {"alleged"}


def test_the_same_export_on_postgresql(demo_db, exported, pg_server, tmp_path):
    from db_copies import drop, new_url
    url = new_url("postgresql", tmp_path)
    try:
        with Store(build(url)) as store:
            assert export_json(store) == exported
    finally:
        drop(url)


def test_an_actor_without_mentions_is_written_as_json_lays_it_out(demo_copy):
    db = sqlite3.connect(demo_copy)
    actor = db.execute("select id from entities where canonical is null order by id limit 1").fetchone()[0]
    with db:
        db.execute("delete from mentions where entity_id = ?", (actor,))
    db.close()
    with Store(demo_copy) as store:
        fh = io.BytesIO()
        exchange_file.export(StoreRead(store), fh)
    text = fh.getvalue().decode()
    graph = json.loads(text)
    [entity] = [e for e in graph["entities"] if e["id"] == actor]
    assert entity["mentions"] == []
    assert json.dumps(graph, ensure_ascii=False, indent=2) + "\n" == text  # the stream's layout is json's


def test_leaving_denials_out_still_exports_every_actor_and_document(demo_db, exported):
    # ftm leaves negated claims out by default: its export of the whole store still holds the
    # actors that only documents mention (and those only denials name), as json's does
    with Store(demo_db) as store:
        read = StoreRead(store, Selection())
        assert read.actor_ids() == [e["id"] for e in exported["entities"]]
        assert read.document_ids() == [d["id"] for d in exported["documents"]]
        narrowed = StoreRead(store, Selection(ClaimFilter(modalities=["asserted"])))
        assert len(narrowed.actor_ids()) < len(read.actor_ids())  # a real filter still narrows
    lines = [json.loads(line) for line in run("export", "--db", demo_db, "--format", "ftm").stdout.splitlines()]
    actors = [d for d in lines if d["schema"] in ("Person", "Organization", "PublicBody", "Company", "LegalEntity",
                                                  "Address") and not d["properties"].get("recordId")]
    assert len(actors) == len(exported["entities"])
