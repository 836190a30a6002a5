"""The claim graph in networkx: neighbourhoods, paths between actors, rankings.

One edge per claim with an object, from its subject to its object (key: the claim id), in a
`MultiDiGraph`. Paths and rankings read it undirected: a tie is a tie whichever way it points.
"""
from __future__ import annotations

from itertools import pairwise

import networkx as nx

from claimgraph.query.dates import bound, overlaps
from claimgraph.query.snapshot import Snapshot, snapshot

METRICS = ("pagerank", "degree", "betweenness")
BETWEENNESS_EXACT = 300  # above this many actors, betweenness is estimated from a sample of sources
BETWEENNESS_SAMPLE = 100


def claim_graph(snap: Snapshot, keep=lambda claim: True) -> nx.MultiDiGraph:
    """Actors as nodes, claims between two actors as edges (`keep` filters the claims)."""
    g = nx.MultiDiGraph()
    for c in snap.claims.values():
        if c.object is None or c.object == c.subject or not keep(c):
            continue
        g.add_edge(c.subject, c.object, key=c.id, predicate=c.predicate, kind=c.kind, modality=c.modality,
                   weight=max(len(c.evidence), 1))
    return g


def _node(snap: Snapshot, entity_id: str, **extra) -> dict:
    e = snap.entities.get(entity_id)
    return {"id": entity_id, "name": e.name if e else entity_id, "type": e.type if e else None,
            "country": e.country if e else None, **extra}


def neighbors(store, entity_id: str, depth: int = 1, predicates=None, modalities=None, min_sources: int = 0,
              date_from: str | None = None, date_to: str | None = None) -> dict:
    """The actors within `depth` claims of `entity_id` (either direction) and the claims among them,
    counting only claims that pass the filters: predicate, modality, at least `min_sources` sources,
    a date (or, for an undated claim, a publication date) within [date_from, date_to]."""
    if depth not in (1, 2):
        raise ValueError("depth is 1 or 2")
    snap = snapshot(store)
    snap.entity(entity_id)
    lo, hi = bound(date_from), bound(date_to, end=True)
    preds = {p for q in predicates or () for p in (q, q.lower(), q.upper())} if predicates else None
    mods = {m.lower() for m in modalities} if modalities else None

    def keep(c) -> bool:
        return ((preds is None or c.predicate in preds) and (mods is None or c.modality in mods)
                and len(snap.sources(c)) >= min_sources and overlaps(snap.dates(c), lo, hi))

    g = claim_graph(snap, keep)
    if entity_id not in g:
        return {"center": _node(snap, entity_id, distance=0), "depth": depth, "nodes": [], "edges": []}
    distance = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), entity_id, cutoff=depth)
    nodes = sorted(distance, key=lambda n: (distance[n], snap.name(n) or "", n))
    edges = []
    for u, v, key, data in g.subgraph(distance).edges(keys=True, data=True):
        c = snap.claims[key]
        edges.append({"claim": key, "source": u, "target": v, "predicate": data["predicate"], "kind": data["kind"],
                      "modality": c.modality, "documents": len(snap.doc_ids(c)), "sources": len(snap.sources(c)),
                      "evidence": len(c.evidence)})
    edges.sort(key=lambda e: (min(distance[e["source"]], distance[e["target"]]), e["predicate"], e["claim"]))
    return {"center": _node(snap, entity_id, distance=0), "depth": depth,
            "nodes": [_node(snap, n, distance=distance[n]) for n in nodes if n != entity_id], "edges": edges}


def path(store, a_id: str, b_id: str, max_hops: int = 4) -> list[dict]:
    """The shortest chain of claims linking two actors (direction ignored; among chains as short,
    the one with most evidence), at most `max_hops` long; [] when there is none. Each hop: from, to, and every claim between the two with its evidence."""
    snap = snapshot(store)
    snap.entity(a_id), snap.entity(b_id)
    g = claim_graph(snap)
    if a_id == b_id or a_id not in g or b_id not in g:
        return []
    ties = _ties(g)
    for _, _, data in ties.edges(data=True):
        # one per hop, plus a little less the more evidence: the fewest hops, then the best attested
        data["length"] = 1 + 1 / (100 * data["weight"])
    try:
        nodes = nx.dijkstra_path(ties, a_id, b_id, weight="length")
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
    g = _ties(claim_graph(snap))
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
