"""paths: the k shortest chains of claims between two actors, under the claim filters."""
from __future__ import annotations

from itertools import pairwise

import networkx as nx
import pytest
from query_corpus import IRAN, KH, QF, SOLEIMANI

from claimgraph.query import claim_graph, path
from claimgraph.query.paths import paths
from claimgraph.query.snapshot import snapshot


def chain(p) -> list[str]:
    return [n["id"] for n in p["nodes"]]


def test_the_best_chain_is_the_one_path_gives(store):
    one = paths(store, IRAN, SOLEIMANI, k=1)
    assert [chain(p) for p in one["paths"]] == [[IRAN, KH, QF, SOLEIMANI]]
    hops = path(store, IRAN, SOLEIMANI)
    assert [[c["claim"] for c in h["claims"]] for h in one["paths"][0]["hops"]] == \
        [[c["claim"] for c in h["claims"]] for h in hops]
    assert one["paths"][0]["length"] == 3 and one["paths"][0]["hops"][2]["claims"][0]["evidence"][0]["excerpt"]
    assert paths(store, IRAN, SOLEIMANI, max_hops=2)["paths"] == []
    assert paths(store, IRAN, IRAN)["paths"] == []


def test_k_shortest_chains_match_the_simple_paths_of_the_whole_graph(store):
    """Against every simple path of the undirected claim graph (networkx over the snapshot):
    the lengths of the chains found are the k smallest of those within shortest + 1 hops."""
    snap = snapshot(store)
    g = nx.Graph(claim_graph(snap).to_undirected())
    actors = sorted(n for n in g if n in snap.entities)
    checked = 0
    for a in actors:
        for b in actors:
            if a >= b:
                continue
            got = paths(store, a, b, k=3, max_hops=4)["paths"]
            every = sorted(len(p) - 1 for p in nx.all_simple_paths(g, a, b, cutoff=4))
            if not every:
                assert got == []
                continue
            want = [n for n in every if n <= every[0] + 1][:3]
            assert [p["length"] for p in got] == want, (a, b)
            for p in got:
                ids = chain(p)
                assert ids[0] == a and ids[-1] == b and len(set(ids)) == len(ids)
                for (u, v), hop in zip(pairwise(ids), p["hops"]):
                    assert hop["claims"], (a, b, u, v)
                    assert all({c["subject"]["id"], c["object"]["id"]} == {u, v} for c in hop["claims"])
            checked += 1
    assert checked > 10


def test_filters_apply_to_every_hop(store):
    negated = paths(store, IRAN, KH, modalities=["negated"])
    assert negated["paths"] and all(c["modality"] == "negated" for p in negated["paths"]
                                    for h in p["hops"] for c in h["claims"])
    assert paths(store, IRAN, SOLEIMANI, predicates=["leads"])["paths"] == []
    strong = paths(store, QF, SOLEIMANI, min_sources=2)["paths"]
    assert strong and all(c["sources"] >= 2 for p in strong for h in p["hops"] for c in h["claims"])
    assert paths(store, IRAN, SOLEIMANI, date_from="2030")["paths"] == []


def test_bad_arguments_are_errors(store):
    for bad in ({"k": 0}, {"k": 11}, {"max_hops": 0}, {"max_hops": 9}, {"date_from": "last year"}):
        with pytest.raises(ValueError):
            paths(store, IRAN, SOLEIMANI, **bad)
