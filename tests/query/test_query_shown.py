"""A dossier's lines and a claims list's rows carry the first `shown` pieces of evidence and
contradictions of each claim, chosen in the database, and count the rest; on SQLite and PostgreSQL,
over the bench's synthetic store (claims read by many documents, with many differing figures)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from claimgraph import query
from claimgraph.query.records import SHOWN
from claimgraph.store import Store
from claimgraph.store.schema import ClaimFiguresRow as F

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import million_store  # noqa: E402

CUT = 3
LISTS = ("evidence", "contradictions")


@pytest.fixture(scope="module")
def synthetic(module_db_url):
    million_store.build_bulk(module_db_url, 3000, 5)
    with Store(module_db_url) as store:
        with store.engine.connect() as conn:
            hub = conn.execute(select(F.subject, func.count()).group_by(F.subject)
                               .order_by(func.count().desc(), F.subject).limit(1)).first()[0]
        yield store, hub


def _lines(dossier: dict) -> list[dict]:
    return [line for group in dossier["relations"].values() for side in ("as_subject", "as_object")
            for line in group[side]] + dossier["timeline"]


def _same_but_cut(cut: list[dict], full: list[dict]) -> dict[str, int]:
    """Each cut row is its full row with the first CUT of each list and the count of the rest;
    how many rows were cut, per list."""
    assert [r["claim"] for r in cut] == [r["claim"] for r in full]
    was_cut = dict.fromkeys(LISTS, 0)
    for c, f in zip(cut, full):
        for name in LISTS:
            assert c[name] == f[name][:CUT], (c["claim"], name)
            more = len(f[name]) - CUT
            assert c.get(f"{name}_more") == (more if more > 0 else None), (c["claim"], name)
            was_cut[name] += more > 0
        rest = {k: v for k, v in c.items() if k not in LISTS and not k.endswith("_more")}
        assert rest == {k: v for k, v in f.items() if k not in LISTS}
    return was_cut


def test_a_dossier_shows_the_first_pieces_of_evidence_and_contradictions(synthetic):
    store, hub = synthetic
    full = query.dossier(store, hub, shown=None)
    cut = query.dossier(store, hub, shown=CUT)
    was_cut = _same_but_cut(_lines(cut), _lines(full))
    assert all(was_cut.values()), was_cut  # the store has claims with more of both
    assert {k: v for k, v in cut.items() if k not in ("relations", "timeline")} == \
        {k: v for k, v in full.items() if k not in ("relations", "timeline")}


def test_a_claims_list_shows_the_first_pieces_of_evidence_and_contradictions(synthetic):
    store, hub = synthetic
    full = query.claims(store, actor=hub, limit=60, shown=None)
    cut = query.claims(store, actor=hub, limit=60, shown=CUT)
    was_cut = _same_but_cut(cut, full)
    assert all(was_cut.values()), was_cut


def test_by_default_rows_under_the_cap_are_whole_and_say_nothing_more(synthetic):
    store, hub = synthetic
    full = {r["claim"]: r for r in query.claims(store, actor=hub, shown=None)}
    for row in query.claims(store, actor=hub):
        whole = full[row["claim"]]
        for name in LISTS:
            assert row[name] == whole[name][:SHOWN]
            assert (f"{name}_more" in row) == (len(whole[name]) > SHOWN)


def test_shown_is_at_least_one(synthetic):
    store, hub = synthetic
    with pytest.raises(ValueError):
        query.dossier(store, hub, shown=0)
