"""A dossier is a page of each of its lists, and an actor's first events are read side by side:
on the bench's synthetic store (a hub with lists longer than a page, ties in sources and
documents, dated and undated events), each page and its counts equal those the whole-store
computation in Python gives (`reference/`), on SQLite and PostgreSQL."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import reference.actors as ref_actors
import reference.listing as ref_listing
from sqlalchemy import func, select

from claimgraph import query
from claimgraph.query.actors import DOSSIER_LIMIT
from claimgraph.query.snapshot import snapshot
from claimgraph.store import Store
from claimgraph.store.schema import ClaimFiguresRow as F

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import million_store  # noqa: E402


@pytest.fixture(scope="module")
def synthetic(module_db_url):
    million_store.build_bulk(module_db_url, 3000, 11)
    with Store(module_db_url) as store:
        with store.engine.connect() as conn:
            hubs = list(conn.scalars(select(F.subject).group_by(F.subject)
                                     .order_by(func.count().desc(), F.subject).limit(2)))
        yield store, snapshot(store), hubs


def _ids(lines: list[dict]) -> list[str]:
    return [line["claim"] for line in lines]


@pytest.mark.parametrize("limit, offset", [(DOSSIER_LIMIT, 0), (DOSSIER_LIMIT, DOSSIER_LIMIT), (7, 14), (1, 0),
                                           (3, 100_000), (None, 5)])
def test_a_page_of_a_hubs_dossier_is_the_references(synthetic, limit, offset):
    store, snap, hubs = synthetic
    for hub in hubs:
        got = query.dossier(store, hub, limit=limit, offset=offset, shown=None)
        assert got == ref_actors.dossier(snap, hub, limit=limit, offset=offset), (hub, limit, offset)


def test_the_pages_of_a_list_are_its_lines_once_each_and_count_the_rest(synthetic):
    store, snap, hubs = synthetic
    whole = query.dossier(store, hubs[0], limit=None)
    cut = 0
    for predicate, group in whole["relations"].items():
        for side in ("as_subject", "as_object"):
            lines, seen, offset = set(_ids(group[side])), [], 0
            while True:
                page = query.dossier(store, hubs[0], limit=DOSSIER_LIMIT, offset=offset)
                found = page["relations"].get(predicate, {}).get(side, [])
                seen += _ids(found)
                more = page["relations"].get(predicate, {}).get("more", {}).get(side, 0)
                assert more == max(len(lines) - offset - DOSSIER_LIMIT, 0)
                if not more:
                    break
                cut += 1
                offset += DOSSIER_LIMIT
            assert sorted(seen) == sorted(lines), (predicate, side)
    assert cut  # some list of the hub is longer than a page
    assert whole["timeline_more"] == whole["documents_more"] == 0
    first = query.dossier(store, hubs[0])
    assert first["timeline_more"] == len(whole["timeline"]) - DOSSIER_LIMIT > 0
    assert first["documents_more"] == len(whole["documents"]) - DOSSIER_LIMIT > 0


@pytest.mark.parametrize("filters", [{}, {"min_independent": 2}, {"type": "ASSAULT"}, {"modalities": ["reported"]}])
def test_a_hubs_first_events_are_the_first_of_its_whole_list(synthetic, filters):
    store, snap, hubs = synthetic
    for hub in hubs:
        every = ref_listing.events(snap, actor=hub, **filters)
        for limit in (1, 5, DOSSIER_LIMIT, len(every) + 3):
            got = query.events(store, actor=hub, limit=limit, shown=None, **filters)
            assert got == every[:limit], (hub, limit, filters)
        assert len(every) > DOSSIER_LIMIT or filters  # cut by the limit


def test_offset_is_at_least_zero(synthetic):
    store, _, hubs = synthetic
    with pytest.raises(ValueError):
        query.dossier(store, hubs[0], offset=-1)
