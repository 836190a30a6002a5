"""The claim graph: neighbourhoods, paths between actors, rankings.

A tie is a tie whichever way it points. Neighbourhoods and paths walk the ties in SQL, a step at
a time; rankings sum them in SQL, one row per pair of actors, and rank them with networkx.
`claim_graph` builds the graph of an in-memory `Snapshot` (one edge per claim with an object).
"""
from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from sqlalchemy import and_, func, or_, select

from claimgraph.query import select as select_
from claimgraph.query import ties
from claimgraph.query.filters import ClaimFilter
from claimgraph.query.view import chunks, open_view, reads
from claimgraph.store.schema import ClaimFiguresRow as F
from claimgraph.store.schema import ClaimGroupRow as G

if TYPE_CHECKING:
    import networkx as nx

    from claimgraph.query.snapshot import Snapshot

METRICS = ("pagerank", "degree", "betweenness")
BETWEENNESS_EXACT = 300  # above this many actors, betweenness is estimated from a sample of sources
BETWEENNESS_SAMPLE = 100
MAX_NODES = 100  # a neighbourhood's actors, strongest ties first: what a reader (or a drawing) can take in
MAX_EDGES = 500


def claim_graph(snap: Snapshot, keep=lambda claim: True) -> nx.MultiDiGraph:
    """Actors as nodes, claims between two actors as edges (`keep` filters the claims)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for c in snap.claims.values():
        if c.object is None or c.object == c.subject or not keep(c):
            continue
        g.add_edge(c.subject, c.object, key=c.id, predicate=c.predicate, kind=c.kind, modality=c.modality,
                   weight=max(len(c.evidence), 1))
    return g


def _node(snap, entity_id: str, **extra) -> dict:
    e = snap.entities.get(entity_id)
    return {"id": entity_id, "name": e.name if e else entity_id, "type": e.type if e else None,
            "country": e.country if e else None, **extra}


@reads
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
    (None: no bound); `truncated` says whether anything was left out. Each step is one SQL read
    of the ties of the actors reached so far; no claim is read in full."""
    if depth not in (1, 2, 3):
        raise ValueError("depth is 1, 2 or 3")
    if (max_nodes is not None and max_nodes < 1) or (max_edges is not None and max_edges < 1):
        raise ValueError("max_nodes and max_edges are at least 1")
    snap = open_view(store)
    snap.entity(entity_id)
    rule = ClaimFilter(predicates, modalities, min_sources, min_independent, max_credibility, date_from, date_to,
                       as_of)
    distance, frontier, truncated = {entity_id: 0}, [entity_id], False
    for step in range(1, depth + 1):
        room = None if max_nodes is None else max(max_nodes - (len(distance) - 1), 0)
        if room == 0 and truncated:  # full already: this step could add no one
            break
        if rule.trivial:  # every claim counts: the stored ties, summed and cut in the database
            ranked, _, more = ties.strongest(snap, frontier, distance, room)
        else:
            ranked, more = _step(snap, frontier, distance, rule, room)
        truncated = truncated or more
        distance.update((n, step) for n in ranked)
        frontier = ranked
        if not frontier:
            break
    # the claims among them, the strongest ties first (all their evidence), until max_edges
    strength: dict[tuple[str, str], int] = {}
    allowed: dict[tuple[str, str], int] = {}
    if rule.trivial:
        for pair, (evidence, n) in ties.among(snap, distance).items():
            strength[pair], allowed[pair] = evidence, n
    else:
        for (subject, obj), (evidence, _) in _pairs(snap, list(distance), ClaimFilter(), among=True).items():
            pair = (min(subject, obj), max(subject, obj))
            strength[pair] = strength.get(pair, 0) + evidence
        for (subject, obj), (_, n) in _pairs(snap, list(distance), rule, among=True).items():
            pair = (min(subject, obj), max(subject, obj))
            allowed[pair] = allowed.get(pair, 0) + n
    wanted: dict[tuple[str, str], int] = {}
    room = max_edges
    for *_, u, v in sorted((min(distance[u], distance[v]), -strength[(u, v)], u, v) for u, v in strength):
        n = allowed.get((u, v), 0) if room is None else min(allowed.get((u, v), 0), room)
        if n:
            wanted[(u, v)] = n
            room = None if room is None else room - n
        if room == 0:
            break
    truncated = truncated or sum(allowed.values()) > sum(wanted.values())
    chosen = _claims_of_pairs(snap, wanted, rule)
    figures = _edge_figures(snap, chosen)
    chosen = [c for c in chosen if c in figures]  # a merge beside this query may have moved one
    admiralty = _admiralty(snap, {f.group_key for f in figures.values()})
    edges = []
    for claim_id in chosen:
        f = figures[claim_id]
        edges.append({"claim": claim_id, "source": f.subject, "target": f.object, "predicate": f.predicate,
                      "kind": f.kind, "modality": f.modality, "documents": f.documents,
                      "sources": f.sources, "independent": f.independent,
                      "credibility": f.credibility, "admiralty": admiralty.get(f.group_key),
                      "contested": f.contested, "evidence": f.evidence})
    edges.sort(key=lambda e: (min(distance[e["source"]], distance[e["target"]]), e["predicate"], e["claim"]))
    snap.entities.prefetch(distance)
    nodes = sorted((n for n in distance if n != entity_id), key=lambda n: (distance[n], snap.name(n) or "", n))
    return {"center": _node(snap, entity_id, distance=0), "depth": depth, "truncated": truncated,
            "nodes": [_node(snap, n, distance=distance[n]) for n in nodes], "edges": edges}


EDGE = (F.claim_id, F.group_key, F.subject, F.object, F.predicate, F.kind, F.modality, F.documents, F.sources,
        F.independent, F.credibility, F.contested, F.evidence)


def _edge_figures(view, ids: list[str]) -> dict:
    """The figures an edge shows, of these claims (not their dates and attributes)."""
    out = {}
    for part in chunks(ids):
        for r in view.session.execute(select(*EDGE).where(F.claim_id.in_(part))):
            out[r.claim_id] = r
    return out


def _admiralty(view, keys: set[str]) -> dict[str, str | None]:
    """Group key → its grade ("B2"), read out of the group's figures in the database: a hub's
    groups hold thousands of contradictions that an edge does not show."""
    out = {}
    for part in chunks(sorted(keys)):
        out.update(view.session.execute(select(G.key, G.data["admiralty"].as_string()).where(G.key.in_(part))).all())
    return out


def _step(view, frontier: list[str], distance: dict, rule: ClaimFilter, room: int | None) -> tuple[list[str], bool]:
    """The actors a filtered walk reaches from `frontier` in one more step (not in `distance`),
    by the evidence of the claims that pass `rule`, the most first (then by name and id): the
    first `room` (None: all), and whether others were left out."""
    weight: dict[str, int] = {}
    reached = set(frontier)
    for (subject, obj), (evidence, _) in _pairs(view, frontier, rule).items():
        for node, other in ((subject, obj), (obj, subject)):
            if node in reached and other not in distance:
                weight[other] = weight.get(other, 0) + evidence
    weight = {n: w for n, w in weight.items() if w}
    view.entities.prefetch(weight)
    ranked = sorted(weight, key=lambda n: (-weight[n], view.name(n) or "", n))
    if room is not None and len(ranked) > room:
        return ranked[:room], True
    return ranked, False


def _pairs(view, nodes: list[str], rule: ClaimFilter, among: bool = False) -> dict[tuple[str, str], tuple[int, int]]:
    """(subject, object) → (pieces of evidence, claims) of the claims between two different actors
    that touch `nodes` (both ends in `nodes` with `among`) and that `rule` keeps: summed in SQL
    when the filter is exact there, else over the claims it narrows to."""
    where = [*rule.conditions(F), F.object.is_not(None), F.object != F.subject]
    out: dict[tuple[str, str], tuple[int, int]] = {}
    node_list = sorted(set(nodes))
    for part in chunks(node_list, 450):
        near = and_(F.subject.in_(part), F.object.in_(node_list)) if among else or_(F.subject.in_(part),
                                                                                  F.object.in_(part))
        if rule.sql_exact:
            query = select(F.subject, F.object, func.sum(F.evidence), func.count()).where(near, *where) \
                .group_by(F.subject, F.object)
            for subject, obj, evidence, n in view.session.execute(query):
                out[(subject, obj)] = (int(evidence or 0), n)
        else:
            found: dict[tuple[str, str], list[int]] = {}
            for c in select_.light(view, view.session.execute(select(F.__table__).where(near, *where))):
                if rule.keep(view, c):
                    total = found.setdefault((c.subject, c.object), [0, 0, set()])
                    if c.id not in total[2]:
                        total[2].add(c.id)
                        total[0] += view._figures[c.id].evidence
                        total[1] += 1
            for key, (evidence, n, _) in found.items():
                out.setdefault(key, (evidence, n))
    return out


def _claims_of_pairs(view, wanted: dict[tuple[str, str], int], rule: ClaimFilter) -> list[str]:
    """For each pair of actors (in the order given), its first `n` claims (by id) that `rule` keeps."""
    chosen: list[str] = []
    pairs = list(wanted)
    found: dict[tuple[str, str], list[str]] = {p: [] for p in pairs}
    for n in range(0, len(pairs), 200):
        part = pairs[n:n + 200]
        either = or_(*(or_(and_(F.subject == u, F.object == v), and_(F.subject == v, F.object == u)) for u, v in part))
        if rule.sql_exact:  # ids only: the figures of the claims chosen are read after
            query = select(F.claim_id, F.subject, F.object).where(either, *rule.conditions(F)).order_by(F.claim_id)
            for claim_id, subject, obj in view.session.execute(query):
                found[(min(subject, obj), max(subject, obj))].append(claim_id)
            continue
        query = select(F.__table__).where(either, *rule.conditions(F)).order_by(F.claim_id)
        for c in select_.light(view, view.session.execute(query)):
            if rule.keep(view, c):
                found[(min(c.subject, c.object), max(c.subject, c.object))].append(c.id)
    for p in pairs:
        chosen += found[p][:wanted[p]]
    return chosen


def _among(view, nodes: list[str]) -> list:
    """(claim id, subject, object, evidence) of the claims between two different actors both in `nodes`."""
    out: dict[str, tuple] = {}
    for part in chunks(sorted(set(nodes)), 450):
        query = select(F.claim_id, F.subject, F.object, F.evidence).where(
            F.subject.in_(part), F.object.in_(nodes), F.object != F.subject)
        for row in view.session.execute(query):
            out[row[0]] = row
    return list(out.values())


def path(store, a_id: str, b_id: str, max_hops: int = 4) -> list[dict]:
    """The shortest chain of claims linking two actors (direction ignored; among chains as short,
    the one with most evidence), at most `max_hops` long; [] when there is none. Each hop: from,
    to, and every claim between the two with its evidence.

    The search goes out from both ends a step at a time (always from the smaller side), each
    step one SQL read of the ties of that side's last actors, and stops where the two meet."""
    snap = open_view(store)
    snap.entity(a_id), snap.entity(b_id)
    if a_id == b_id:
        return []
    found = _meet(snap, a_id, b_id, max_hops)
    if found is None:
        return []
    nodes = found
    hops = []
    for u, v in pairwise(nodes):
        ids = [r[0] for r in _among(snap, [u, v])]
        claims = sorted((snap.claim_row(c) for c in snap.claims_by_id(ids)),
                        key=lambda r: (-r["sources"], -len(r["evidence"]), r["claim"]))
        hops.append({"from": snap.ref(u), "to": snap.ref(v), "claims": claims})
    return hops


def _meet(view, a: str, b: str, max_hops: int) -> list[str] | None:
    """The actors of the best shortest chain from a to b: fewest hops, then the least sum of
    1 / (100 × a tie's evidence) (the lengths `rank` and the earlier graph used)."""
    sides = {a: {"dist": {a: 0}, "cost": {a: 0.0}, "parent": {a: None}, "frontier": [a]},
             b: {"dist": {b: 0}, "cost": {b: 0.0}, "parent": {b: None}, "frontier": [b]}}
    reach = 0
    while reach < max_hops:
        side = min((sides[a], sides[b]), key=lambda s: len(s["frontier"]))
        if not side["frontier"]:
            return None
        weights = view.tie_weights(side["frontier"])
        nxt: dict[str, tuple[float, str]] = {}
        level = side["dist"][side["frontier"][0]] + 1
        for (u, v), w in weights.items():
            for node, other in ((u, v), (v, u)):
                if node in side["dist"] and side["dist"][node] == level - 1 and other not in side["dist"]:
                    cost = side["cost"][node] + 1 / (100 * w)
                    if other not in nxt or (cost, node) < nxt[other]:
                        nxt[other] = (cost, node)
        for other, (cost, node) in nxt.items():
            side["dist"][other], side["cost"][other], side["parent"][other] = level, cost, node
        side["frontier"] = sorted(nxt)
        reach += 1
        meeting = [x for x in side["frontier"] if x in sides[a]["dist"] and x in sides[b]["dist"]]
        if meeting:
            best = min(meeting, key=lambda x: (sides[a]["dist"][x] + sides[b]["dist"][x],
                                               sides[a]["cost"][x] + sides[b]["cost"][x], x))
            left, right = [], []
            x = best
            while x is not None:
                left.append(x)
                x = sides[a]["parent"][x]
            x = sides[b]["parent"][best]
            while x is not None:
                right.append(x)
                x = sides[b]["parent"][x]
            return left[::-1] + right
    return None


@reads
def rank(store, metric: str = "pagerank", limit: int = 20) -> list[dict]:
    """Actors by centrality in the undirected claim graph, each tie weighted by its pieces of
    evidence: PageRank, weighted degree, or betweenness (a tie's length is 1 / its weight).
    The ties are summed in SQL, one row per pair of actors; no claim is read."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}: one of {', '.join(METRICS)}")
    import networkx as nx  # the only query that needs a graph library

    snap = open_view(store)
    g = nx.Graph()
    ties = snap.tie_weights(None)
    g.add_nodes_from(sorted({n for pair in ties for n in pair}))  # the sample of sources follows this order
    for (u, v), w in sorted(ties.items()):
        g.add_edge(u, v, weight=w)
    if metric == "pagerank":
        scores = nx.pagerank(g, weight="weight") if len(g) else {}
    elif metric == "degree":
        scores = dict(g.degree(weight="weight"))
    else:
        for _, _, data in g.edges(data=True):
            data["length"] = 1 / data["weight"]
        k = BETWEENNESS_SAMPLE if len(g) > BETWEENNESS_EXACT else None
        scores = nx.betweenness_centrality(g, k=k, weight="length", seed=0)
    snap.entities.prefetch(scores)
    ranked = sorted(scores, key=lambda n: (-scores[n], snap.name(n) or "", n))[:limit]
    return [_node(snap, n, metric=metric, score=round(float(scores[n]), 6), ties=g.degree(n),
                  evidence=g.degree(n, weight="weight")) for n in ranked]
