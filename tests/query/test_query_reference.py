"""The queries, run in SQL over the stored figures, answer as the whole-store computation in
Python did (`reference/`, over `snapshot(store)`), on the real stores of these tests: same
claims, evidence, grades and merges."""
from __future__ import annotations

import pytest
import reference.actors as ref_actors
import reference.graph as ref_graph
import reference.listing as ref_listing
import reference.outlets as ref_outlets
from query_corpus import IRAN, KH, QF, SOLEIMANI

from claimgraph import query
from claimgraph.query.snapshot import snapshot
from claimgraph.resolve import Resolver

FILTERS = [{}, {"min_independent": 2}, {"max_credibility": 3}, {"as_of": "2019-12-31"}, {"as_of": "2020-06-01"}]


@pytest.mark.parametrize("filters", FILTERS)
def test_dossier_of_every_actor_matches_the_reference(store, filters):
    snap = snapshot(store)
    for actor in sorted(snap.entities):
        for limit, offset in ((100, 0), (1, 0), (1, 1), (2, 1), (None, 2), (3, 50)):
            want = ref_actors.dossier(snap, actor, limit=limit, offset=offset, **filters)
            got = query.dossier(store, actor, limit=limit, offset=offset, **filters)
            assert got == want, (actor, limit, offset)


@pytest.mark.parametrize("filters", [{}, {"min_independent": 2}, {"modalities": ["negated"]},
                                     {"date_from": "2019-01-01", "date_to": "2019-12-31"}, {"as_of": "2020-01-04"}])
def test_neighbourhoods_match_the_reference(store, filters):
    snap = snapshot(store)
    for actor in sorted(snap.entities):
        for depth, max_nodes in ((1, 100), (2, 100), (2, 2), (1, 1), (2, 3), (2, 4)):
            want = ref_graph.neighbors(snap, actor, depth=depth, max_nodes=max_nodes, **filters)
            got = query.neighbors(store, actor, depth=depth, max_nodes=max_nodes, **filters)
            assert got == want, (actor, depth)


def test_paths_match_the_reference(store):
    snap = snapshot(store)
    actors = sorted(snap.entities)
    found = 0
    for a in actors:
        for b in actors:
            want = ref_graph.path(snap, a, b)
            got = query.path(store, a, b)
            assert [h["from"] for h in got] == [h["from"] for h in want], (a, b)
            assert got == want, (a, b)
            found += bool(got)
    assert found > 10


@pytest.mark.parametrize("filters", [{}, {"actor": KH}, {"actor": IRAN}, {"place": "IRQ"}, {"type": "ASSAULT"},
                                     {"date_from": "2020"}, {"min_independent": 2}, {"as_of": "2019-06-01"}])
def test_events_match_the_reference(store, filters):
    snap = snapshot(store)
    assert query.events(store, **filters) == ref_listing.events(snap, **filters)


@pytest.mark.parametrize("filters", [{}, {"contested": True}, {"single_source": True}, {"actor": SOLEIMANI},
                                     {"limit": 3}, {"predicate": "trains"}, {"modality": "negated"},
                                     {"date_from": "2019", "date_to": "2019", "limit": 2}, {"max_credibility": 2},
                                     {"as_of": "2020-02-01", "actor": QF}])
def test_claim_lists_match_the_reference(store, filters):
    snap = snapshot(store)
    assert query.claims(store, **filters) == ref_listing.claims(snap, **filters)


def test_rank_and_sources_match_the_reference(store):
    snap = snapshot(store)
    for metric in query.METRICS:
        assert query.rank(store, metric, 50) == ref_graph.rank(snap, metric, 50)
    assert query.sources(store) == ref_outlets.sources(snap)


def test_find_actor_matches_the_reference(store):
    snap = snapshot(store)
    for name in ("Qasem Soleimani", "Kataib Hezbollah", "quds", "Tehran", "Hassan", "nobody at all", QF):
        want, got = ref_actors.find_actor(snap, name), query.find_actor(store, name)
        assert got == want, name


def test_queries_match_the_reference_after_merges_and_verdicts(store):
    from claimgraph.review import Reviews
    snap = snapshot(store)
    resolver = Resolver(store)
    resolver.merge(KH, "ent-hezbollah") if "ent-hezbollah" in snap.entities else resolver.merge(KH, sorted(snap.entities)[0])
    first = sorted(snapshot(store).claims)
    Reviews(store).reject(first[0])
    Reviews(store).confirm(first[1])
    snap = snapshot(store)
    for actor in sorted(snap.entities):
        assert query.dossier(store, actor) == ref_actors.dossier(snap, actor)
        assert query.neighbors(store, actor, depth=2) == ref_graph.neighbors(snap, actor, depth=2)
    assert query.claims(store) == ref_listing.claims(snap)
    assert query.events(store) == ref_listing.events(snap)
    resolver.undo()
    resolver.undo()
    resolver.undo()
    snap = snapshot(store)
    for actor in sorted(snap.entities):
        assert query.dossier(store, actor) == ref_actors.dossier(snap, actor)
    assert query.claims(store) == ref_listing.claims(snap)


def test_events_cut_at_a_limit_are_the_first_of_the_whole_list(store):
    snap = snapshot(store)
    every = ref_listing.events(snap)
    assert len(every) > 3
    for limit in (1, 2, len(every) + 5):
        assert query.events(store, limit=limit) == every[:limit]
    assert query.events(store, date_from="2019", limit=2) == ref_listing.events(snap, date_from="2019")[:2]


def test_an_actors_events_cut_at_a_limit_are_the_first_of_its_whole_list(store):
    snap = snapshot(store)
    cut = 0
    for actor in sorted(snap.entities):
        for filters in ({}, {"type": "ASSAULT"}, {"min_independent": 2}, {"as_of": "2019-06-01"}, {"place": "IRQ"}):
            every = ref_listing.events(snap, actor=actor, **filters)
            for limit in (1, 2, 3):
                got = query.events(store, actor=actor, limit=limit, **filters)
                assert got == every[:limit], (actor, limit, filters)
                cut += len(every) > limit
    assert cut >= 3  # some actors have more events than the cut


def test_an_actors_best_claims_cut_at_a_limit_match_the_reference(store):
    snap = snapshot(store)
    for actor in sorted(snap.entities):
        for limit in (1, 2, 5):
            for filters in ({}, {"min_independent": 2}, {"modality": "asserted"}):
                want = ref_listing.claims(snap, actor=actor, limit=limit, **filters)
                assert query.claims(store, actor=actor, limit=limit, **filters) == want, (actor, limit, filters)
