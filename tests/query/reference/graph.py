"""The claim graph in networkx: neighbourhoods, paths between actors, rankings.

One edge per claim with an object, from its subject to its object (key: the claim id), in a
`MultiDiGraph`. Paths and rankings read it undirected: a tie is a tie whichever way it points.
"""
from __future__ import annotations

from itertools import pairwise

import networkx as nx

from claimgraph.query.filters import ClaimFilter
from claimgraph.query.graph import (
    BETWEENNESS_EXACT,
    BETWEENNESS_SAMPLE,
    MAX_EDGES,
    MAX_NODES,
    METRICS,
    _node,
    claim_graph,
)
from claimgraph.query.snapshot import Snapshot, snapshot

def neighbors(store, entity_id: str, depth: int = 1, predicates=None, modalities=None, min_sources: int = 0,
              date_from: str | None = None, date_to: str | None = None, min_independent: int = 0,
              max_credibility: int | None = None, as_of: str | None = None, max_nodes: int | None = MAX_NODES,
              max_edges: int | None = MAX_EDGES) -> dict:
    """The actors within `depth` claims of `entity_id` (either direction) and the claims among them,
    counting only claims that pass the filters (`ClaimFilter`): predicate, modality, at least
    `min_sources` sources and `min_independent` independent ones, a credibility grade of
    `max_credibility` or better, a date (or, undated, a publication date) within
    [date_from, date_to], holding `as_of` a day.

    Two steps from a hub reach most of a large graph, so the answer is bounded: at each step the
    actors tied by the most evidence come first, up to `max_nodes` actors and `max_edges` claims
    (None: no bound); `truncated` says whether anything was left out. Only the claims around
    the walk are read, and only those returned are graded, unless a grade filter asks."""
    if depth not in (1, 2):
        raise ValueError("depth is 1 or 2")
    if (max_nodes is not None and max_nodes < 1) or (max_edges is not None and max_edges < 1):
        raise ValueError("max_nodes and max_edges are at least 1")
    snap = snapshot(store)
    snap.entity(entity_id)
    rule = ClaimFilter(predicates, modalities, min_sources, min_independent, max_credibility, date_from, date_to,
                       as_of)
    passed: dict[str, bool] = {}

    def keep(c) -> bool:
        if c.id not in passed:
            passed[c.id] = c.object is not None and c.object != c.subject and rule.keep(snap, c)
        return passed[c.id]

    ties, everything = snap.ties, rule.trivial
    distance, frontier, truncated = {entity_id: 0}, [entity_id], False
    for step in range(1, depth + 1):
        weight: dict[str, int] = {}
        for node in frontier:
            for other, (w, claims) in ties.get(node, {}).items():
                if other in distance:
                    continue
                if not everything:
                    w = sum(len(c.evidence) for c in claims if keep(c))
                if w:
                    weight[other] = weight.get(other, 0) + w
        ranked = sorted(weight, key=lambda n: (-weight[n], snap.name(n) or "", n))
        room = None if max_nodes is None else max(max_nodes - (len(distance) - 1), 0)
        if room is not None and len(ranked) > room:
            ranked, truncated = ranked[:room], True
        distance.update((n, step) for n in ranked)
        frontier = ranked
    # the claims among them, the strongest ties first, until max_edges
    pairs = []
    for node in distance:
        near = ties.get(node, {})
        pairs += [(min(distance[node], distance[other]), -near[other][0], node, other)
                  for other in near.keys() & distance.keys() if node < other]
    pairs.sort()
    chosen: list = []
    for *_, u, v in pairs:
        for c in ties[u][v][1]:
            if not keep(c):
                continue
            if max_edges is not None and len(chosen) == max_edges:
                truncated = True
                break
            chosen.append(c)
        else:
            continue
        break
    edges = []
    for c in chosen:
        graded = snap.corroboration(c)
        edges.append({"claim": c.id, "source": c.subject, "target": c.object, "predicate": c.predicate,
                      "kind": c.kind, "modality": c.modality, "documents": len(snap.doc_ids(c)),
                      "sources": len(snap.sources(c)), "independent": snap.independent(c),
                      "credibility": graded["credibility"], "admiralty": graded["admiralty"],
                      "contested": graded["contested"], "evidence": len(c.evidence)})
    edges.sort(key=lambda e: (min(distance[e["source"]], distance[e["target"]]), e["predicate"], e["claim"]))
    nodes = sorted((n for n in distance if n != entity_id), key=lambda n: (distance[n], snap.name(n) or "", n))
    return {"center": _node(snap, entity_id, distance=0), "depth": depth, "truncated": truncated,
            "nodes": [_node(snap, n, distance=distance[n]) for n in nodes], "edges": edges}


def path(store, a_id: str, b_id: str, max_hops: int = 4) -> list[dict]:
    """The shortest chain of claims linking two actors (direction ignored; among chains as short,
    the one with most evidence), at most `max_hops` long; [] when there is none. Each hop: from, to, and every claim between the two with its evidence."""
    snap = snapshot(store)
    snap.entity(a_id), snap.entity(b_id)
    g, ties = _path_graphs(snap)
    if a_id == b_id or a_id not in g or b_id not in g:
        return []
    try:
        nodes = nx.bidirectional_dijkstra(ties, a_id, b_id, weight="length")[1]
    except nx.NetworkXNoPath:
        return []
    if len(nodes) - 1 > max_hops:
        return []
    hops = []
    for u, v in pairwise(nodes):
        keys = sorted({*g.get_edge_data(u, v, default={}), *g.get_edge_data(v, u, default={})})
        claims = sorted((snap.claim_row(snap.claims[k]) for k in keys),
                        key=lambda r: (-r["sources"], -len(r["evidence"]), r["claim"]))
        hops.append({"from": snap.ref(u), "to": snap.ref(v), "claims": claims})
    return hops


def _path_graphs(snap: Snapshot) -> tuple[nx.MultiDiGraph, nx.Graph]:
    """The claim graph and its ties, built once per snapshot."""
    cached = snap.cache.get("path_graphs")
    if cached is None:
        g = claim_graph(snap)
        ties = _ties(g)
        for _, _, data in ties.edges(data=True):
            # one per hop, plus a little less the more evidence: the fewest hops, then the best attested
            data["length"] = 1 + 1 / (100 * data["weight"])
        cached = snap.cache["path_graphs"] = (g, ties)
    return cached


def _ties(g: nx.MultiDiGraph) -> nx.Graph:
    """One undirected tie per pair of actors, weighted by the evidence of all their claims."""
    ties = nx.Graph()
    ties.add_nodes_from(g)
    for u, v, w in g.edges(data="weight"):
        ties.add_edge(u, v, weight=ties.get_edge_data(u, v, {"weight": 0})["weight"] + w)
    return ties


def rank(store, metric: str = "pagerank", limit: int = 20) -> list[dict]:
    """Actors by centrality in the undirected claim graph, each tie weighted by its pieces of
    evidence: PageRank, weighted degree, or betweenness (a tie's length is 1 / its weight)."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}: one of {', '.join(METRICS)}")
    snap = snapshot(store)
    ties = _ties(claim_graph(snap))
    g = nx.Graph()  # nodes and ties in id order, as the SQL query builds them (betweenness samples by it)
    g.add_nodes_from(sorted(ties))
    g.add_edges_from(sorted((min(u, v), max(u, v), d) for u, v, d in ties.edges(data=True)))
    if metric == "pagerank":
        scores = nx.pagerank(g, weight="weight") if len(g) else {}
    elif metric == "degree":
        scores = dict(g.degree(weight="weight"))
    else:
        for _, _, data in g.edges(data=True):
            data["length"] = 1 / data["weight"]
        k = BETWEENNESS_SAMPLE if len(g) > BETWEENNESS_EXACT else None
        scores = nx.betweenness_centrality(g, k=k, weight="length", seed=0)
    ranked = sorted(scores, key=lambda n: (-scores[n], snap.name(n) or "", n))[:limit]
    return [_node(snap, n, metric=metric, score=round(float(scores[n]), 6), ties=g.degree(n),
                  evidence=g.degree(n, weight="weight")) for n in ranked]
