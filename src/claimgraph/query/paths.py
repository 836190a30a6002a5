"""Several shortest chains of claims between two actors, over the claims that pass a filter.

`path` (query/graph.py) gives the one best chain; `paths` gives the `k` shortest (fewest hops,
then the most evidence), at most `max_hops` long, counting only the claims a `ClaimFilter`
keeps, each hop with its claims and their evidence: the web app's path finder.
"""
from __future__ import annotations

from itertools import pairwise

from claimgraph.query.filters import ClaimFilter
from claimgraph.query.graph import _claims_of_pairs, _node, _pairs
from claimgraph.query.view import open_view, reads

MAX_PATHS = 10
MAX_HOPS = 8
HOP_CLAIMS = 10  # claims shown per hop, best attested first; `more` counts the rest
MAX_FRONTIER = 2000  # a side whose next step would start from more actors stops there (`truncated`)


@reads
def paths(store, a_id: str, b_id: str, k: int = 3, max_hops: int = 4, predicates=None, modalities=None,
          min_sources: int = 0, min_independent: int = 0, max_credibility: int | None = None,
          date_from: str | None = None, date_to: str | None = None, as_of: str | None = None,
          hop_claims: int = HOP_CLAIMS) -> dict:
    """The `k` shortest chains of claims linking two actors (direction ignored), at most
    `max_hops` long, over the claims that pass the filters (as `neighbors` takes them).

    `{"from", "to", "k", "max_hops", "truncated", "paths": [{"length", "evidence", "nodes",
    "hops": [{"from", "to", "claims", "more"}]}]}`, shortest first, then most evidence; no
    path is an empty list. When there are fewer than `k` shortest chains, chains one hop longer
    fill the list. The search goes out from both ends a step at a time (the smaller side first),
    one SQL read of the filtered ties per step, until the two sides together reach the shortest
    length (plus one when `k` > 1) or `max_hops`."""
    if not 1 <= k <= MAX_PATHS:
        raise ValueError(f"k is from 1 to {MAX_PATHS}")
    if not 1 <= max_hops <= MAX_HOPS:
        raise ValueError(f"max_hops is from 1 to {MAX_HOPS}")
    snap = open_view(store)
    snap.entity(a_id), snap.entity(b_id)
    rule = ClaimFilter(predicates, modalities, min_sources, min_independent, max_credibility, date_from, date_to,
                       as_of)
    answer = {"from": _node(snap, a_id), "to": _node(snap, b_id), "k": k, "max_hops": max_hops,
              "truncated": False, "paths": []}
    if a_id == b_id:
        return answer
    ties, limit, truncated = _ties_between(snap, a_id, b_id, max_hops, rule, extra=1 if k > 1 else 0)
    answer["truncated"] = truncated
    chains = _shortest_chains(ties, a_id, b_id, k, limit)
    if not chains:
        return answer
    wanted = {pair: ties[pair][1] for chain in chains for pair in map(_pair, pairwise(chain))}
    rows = {}
    for c in snap.claims_by_id(_claims_of_pairs(snap, wanted, rule)):
        rows.setdefault(_pair((c.subject, c.object)), []).append(snap.claim_row(c))
    for found in rows.values():
        found.sort(key=lambda r: (-r["sources"], -len(r["evidence"]), r["claim"]))
    snap.entities.prefetch({n for chain in chains for n in chain})
    for chain in chains:
        hops = []
        for u, v in pairwise(chain):
            found = rows.get(_pair((u, v)), [])
            hops.append({"from": snap.ref(u), "to": snap.ref(v), "claims": found[:hop_claims],
                         "more": max(len(found) - hop_claims, 0)})
        answer["paths"].append({"length": len(chain) - 1, "evidence": sum(ties[_pair(p)][0] for p in pairwise(chain)),
                                "nodes": [_node(snap, n) for n in chain], "hops": hops})
    return answer


def _pair(p) -> tuple[str, str]:
    u, v = p
    return (u, v) if u <= v else (v, u)


def _ties_between(view, a: str, b: str, max_hops: int, rule: ClaimFilter, extra: int):
    """{(u, v) in order: (pieces of evidence, claims)} of the filtered ties seen by a search from
    both ends, deep enough that every chain of at most `shortest + extra` (and `max_hops`) hops is
    among them; that length; and whether a side stopped early (more than MAX_FRONTIER actors to go on from)."""
    sides = {a: {"dist": {a: 0}, "frontier": [a], "depth": 0}, b: {"dist": {b: 0}, "frontier": [b], "depth": 0}}
    directed: dict[tuple[str, str], tuple[int, int]] = {}
    limit, truncated = max_hops, False
    while sides[a]["depth"] + sides[b]["depth"] < limit:
        open_sides = [s for s in (sides[a], sides[b]) if s["frontier"]]
        if len(open_sides) < 2:
            break  # a side with nowhere to go: no chain, or none longer than those found
        side = min(open_sides, key=lambda s: len(s["frontier"]))
        if len(side["frontier"]) > MAX_FRONTIER:
            truncated = True
            limit = sides[a]["depth"] + sides[b]["depth"]
            break
        found = _pairs(view, side["frontier"], rule)
        directed.update(found)
        step, nxt = side["depth"] + 1, set()
        for subject, obj in found:
            for other in (subject, obj):
                if other not in side["dist"]:
                    side["dist"][other] = step
                    nxt.add(other)
        side["frontier"], side["depth"] = sorted(nxt), step
        met = [sides[a]["dist"][x] + sides[b]["dist"][x] for x in sides[a]["dist"] if x in sides[b]["dist"]]
        if met:
            limit = min(limit, min(met) + extra)
    ties: dict[tuple[str, str], tuple[int, int]] = {}
    for (subject, obj), (evidence, n) in directed.items():
        pair = _pair((subject, obj))
        e, m = ties.get(pair, (0, 0))
        ties[pair] = (e + max(evidence, n), m + n)
    return ties, limit, truncated


def _shortest_chains(ties, a: str, b: str, k: int, max_hops: int) -> list[list[str]]:
    """Up to `k` simple chains from a to b of at most `max_hops` hops: fewest hops first, then
    the least sum of 1 / (100 × a tie's evidence), the lengths `path` uses."""
    import networkx as nx

    g = nx.Graph()
    for (u, v), (evidence, _) in sorted(ties.items()):
        g.add_edge(u, v, cost=1 + 1 / (100 * max(evidence, 1)))  # the hops always count first
    if a not in g or b not in g:
        return []
    chains = []
    try:
        for chain in nx.shortest_simple_paths(g, a, b, weight="cost"):
            if len(chain) - 1 > max_hops or len(chains) == k:
                break
            chains.append(chain)
    except nx.NetworkXNoPath:
        return []
    return chains
