"""Actors and the graph: summary, actors by name, dossier, neighbours, path, ranking."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimgraph.api.errors import user_errors
from claimgraph.api.paging import MAX_LIMIT, Limit, Offset, page
from claimgraph.api.params import AsOf, DateFrom, DateTo, MaxCredibility, MinIndependent, Shown
from claimgraph.api.state import Cg, actor_item, call
from claimgraph.model import Entity
from claimgraph.query import METRICS, dossier, find_actor, neighbors, path, rank
from claimgraph.query.actors import DOSSIER_LIMIT
from claimgraph.query.paths import MAX_HOPS, MAX_PATHS, paths
from claimgraph.store.schema import EvidenceRow

router = APIRouter(prefix="/api", tags=["actors and graph"])


@router.get("/summary", summary="What the store holds")
def get_summary(cg: Cg) -> dict:
    """Counts of documents (and by genre), entities (by type), mentions, claims and pieces of
    evidence, the most mentioned actors; `graph` counts what the queries see (merged actors as
    one, rejected claims left out)."""
    s = cg.store.summary()
    with Session(cg.store.engine.execution_options(sqlite_begin="DEFERRED")) as session:
        s["evidence"] = session.scalar(select(func.count()).select_from(EvidenceRow)) or 0
    view = cg.view
    top = {}
    for a in s.get("top_actors", []):  # a merged actor once, under its own id and name
        head = view.canonical(a["id"])
        top.setdefault(head, {**a, "id": head, "name": view.snap.name(head)})
    s["top_actors"] = list(top.values())
    s["graph"] = {"actors": len(view.snap.entities), "claims": len(view.snap.claims)}
    return s


@router.get("/actors", summary="Actors by name, alias or spelling")
def list_actors(cg: Cg, limit: Limit = 50, offset: Offset = 0,
                q: Annotated[str | None, Query(max_length=300, description="A name, alias, spelling or id.")] = None,
                type: Annotated[str | None, Query(max_length=32, description="person, organization, country, location, group.")] = None,
                typed: Annotated[bool, Query(description="`q` is being typed: also the actors with names whose "
                                                         "words begin with the words of `q`.")] = False
                ) -> dict:
    """With `q`, the actors it names (exact name or alias first, else every word given, else a
    close spelling): one item, several when ambiguous, none when nothing fits; with `typed`,
    followed by the actors one of whose names has words beginning with those of `q`
    (`query.suggest`, for suggestions as one types). Without `q`, every actor, most mentioned first.
    An unknown `type` is a 400 listing the types."""
    from claimgraph.query.filters import allowed
    with user_errors():
        type = allowed("entity type", type)
    view = cg.view
    if q is not None and q.strip() and typed:
        from claimgraph.query.suggest import suggest
        found = suggest(view.snap, q.strip(), limit=offset + limit, types=(type,) if type else None)
        return page([actor_item(view, e) for e in found], limit, offset)
    if q is not None and q.strip():
        found = find_actor(view.snap, view.canonical(q.strip()))
        actors = [found] if isinstance(found, Entity) else found
        spelt = not actors and getattr(found, "near", None) == "spelling" and bool(found.candidates)
        if spelt:
            actors = found.candidates  # a search lists the names spelt like it ("Suleimani")
        if type:
            actors = [e for e in actors if e.type == type]
        answer = page([actor_item(view, e) for e in actors], limit, offset)
        return {**answer, "near": "spelling"} if spelt else answer  # candidates, not the actor named
    ranked = view.snap.ranked_actors(type)  # (id, name, mentions), most mentioned first
    shown = ranked[offset:offset + limit]
    view.snap.entities.prefetch(i for i, _, _ in shown)
    items = [actor_item(view, view.snap.entities[i], mentions=n) for i, _, n in shown]
    return {"total": len(ranked), "limit": limit, "offset": offset, "items": items}


@router.get("/actors/{actor}", summary="An actor's dossier")
def get_actor(cg: Cg, actor: str, as_of: AsOf = None, min_independent: MinIndependent = None,
              max_credibility: MaxCredibility = None, shown: Shown = None,
              limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Lines per list: each predicate's "
                                          "lines as subject and as object, the timeline, the documents.")] = DOSSIER_LIMIT,
              offset: Annotated[int, Query(ge=0, le=10_000_000, description="Lines of each list to skip: "
                                           "offset=limit gives every list's next page.")] = 0) -> dict:
    """Identity, relations by predicate, events on a timeline and the documents that mention the
    actor, each line with its first `shown` pieces of evidence and contradictions (`query.dossier`). `actor` is an id or a name (409 with
    the candidates when a name fits several). Each list is a page of `limit` lines after `offset`;
    `more` (per predicate and side), `timeline_more` and `documents_more` count the lines after it."""
    view = cg.view
    e = view.actor(actor)
    with user_errors():
        return call(dossier, view.snap, e.id, as_of=as_of, min_independent=min_independent,
                    max_credibility=max_credibility, shown=shown, limit=limit, offset=offset)


@router.get("/actors/{actor}/neighbors", summary="The actors around one actor")
def get_neighbors(cg: Cg, actor: str,
                  depth: Annotated[int, Query(ge=1, le=3, description="1 to 3 claims away.")] = 1,
                  predicate: Annotated[list[str] | None, Query(description="Only these predicates.")] = None,
                  modality: Annotated[list[str] | None, Query(description="Only these modalities.")] = None,
                  min_sources: Annotated[int | None, Query(ge=0, le=1000)] = None,
                  min_independent: MinIndependent = None, max_credibility: MaxCredibility = None,
                  date_from: DateFrom = None, date_to: DateTo = None, as_of: AsOf = None) -> dict:
    """`{center, depth, nodes, edges}`: the actors within `depth` claims and every claim among
    them that passes the filters (`query.neighbors`)."""
    view = cg.view
    e = view.actor(actor)
    with user_errors():
        return call(neighbors, view.snap, e.id, depth=depth, predicates=predicate or None, modalities=modality or None,
                    min_sources=min_sources, min_independent=min_independent, max_credibility=max_credibility,
                    date_from=date_from, date_to=date_to, as_of=as_of)


@router.get("/path", summary="How two actors are connected")
def get_path(cg: Cg, a: Annotated[str, Query(max_length=300, description="An actor's id or name.")],
             b: Annotated[str, Query(max_length=300, description="An actor's id or name.")],
             max_hops: Annotated[int, Query(ge=1, le=8)] = 4) -> list[dict]:
    """The shortest chain of claims between two actors, as a list of hops `{from, to, claims}`
    (`query.path`); `[]` when none is at most `max_hops` long."""
    view = cg.view
    x, y = view.actor(a), view.actor(b)
    with user_errors():
        return path(view.snap, x.id, y.id, max_hops)


@router.get("/paths", summary="The shortest chains of claims between two actors, under filters")
def get_paths(cg: Cg, a: Annotated[str, Query(max_length=300, description="An actor's id or name.")],
              b: Annotated[str, Query(max_length=300, description="An actor's id or name.")],
              k: Annotated[int, Query(ge=1, le=MAX_PATHS, description="How many chains, shortest first.")] = 3,
              max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS)] = 4,
              predicate: Annotated[list[str] | None, Query(description="Only these predicates.")] = None,
              modality: Annotated[list[str] | None, Query(description="Only these modalities.")] = None,
              min_sources: Annotated[int | None, Query(ge=0, le=1000)] = None,
              min_independent: MinIndependent = None, max_credibility: MaxCredibility = None,
              date_from: DateFrom = None, date_to: DateTo = None, as_of: AsOf = None) -> dict:
    """`{from, to, k, max_hops, truncated, paths: [{length, evidence, nodes, hops: [{from, to,
    claims, more}]}]}`: the `k` shortest chains at most `max_hops` long over the claims that pass
    the filters of the neighbours (`query.paths`); `paths` is empty when there is none."""
    view = cg.view
    x, y = view.actor(a), view.actor(b)
    with user_errors():
        return call(paths, view.snap, x.id, y.id, k=k, max_hops=max_hops, predicates=predicate or None,
                    modalities=modality or None, min_sources=min_sources, min_independent=min_independent,
                    max_credibility=max_credibility, date_from=date_from, date_to=date_to, as_of=as_of)


@router.get("/rank", summary="Actors by centrality")
def get_rank(cg: Cg, metric: Annotated[str, Query(description=f"One of {', '.join(METRICS)}.")] = "pagerank",
             limit: Limit = 20, offset: Offset = 0) -> dict:
    """Actors ranked by centrality in the claim graph, ties weighted by their evidence (`query.rank`)."""
    snap = cg.view.snap
    with user_errors():
        rows = rank(snap, metric, max(len(snap.entities), 1))
    return page(rows, limit, offset)
