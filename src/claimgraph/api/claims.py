"""Claims and events: filtered lists, and one claim with its evidence marked for highlighting."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from claimgraph.api import event_csv
from claimgraph.api.errors import ApiError, user_errors
from claimgraph.api.highlights import add_highlights
from claimgraph.api.paging import Limit, Offset, page
from claimgraph.api.params import (
    Actor,
    AsOf,
    DateFrom,
    DateTo,
    MaxCredibility,
    MinIndependent,
    Shown,
)
from claimgraph.api.state import Cg, accepts, call
from claimgraph.query import claims, event_list

router = APIRouter(prefix="/api", tags=["claims and events"])


def event_types() -> tuple[str, ...]:
    """The PLOVER event types of the codebook (`query.filters.vocabulary`)."""
    from claimgraph.query.filters import vocabulary
    return vocabulary()["event type"]


Modality = Annotated[str | None, Query(max_length=16, description="asserted, reported, alleged, speculative or negated.")]


@router.get("/claims", summary="Claims, filtered")
def list_claims(cg: Cg, limit: Limit = 50, offset: Offset = 0,
                predicate: Annotated[str | None, Query(max_length=64)] = None,
                kind: Annotated[str | None, Query(max_length=16, description="relation or event.")] = None,
                modality: Modality = None,
                contested: Annotated[bool, Query(description="Contradicted somewhere in the store.")] = False,
                single_source: Annotated[bool, Query(description="One independent source behind it.")] = False,
                min_independent: MinIndependent = None, max_credibility: MaxCredibility = None,
                actor: Actor = None, date_from: DateFrom = None, date_to: DateTo = None, as_of: AsOf = None,
                listed: Annotated[bool, Query(description="Touching an actor on a sanctions or watch list "
                                                          "(with actor: the other one).")] = False,
                shown: Shown = None) -> dict:
    """Claims, most independent sources first, each with its grade and its first `shown` pieces of
    evidence and contradictions (`query.claims`)."""
    from claimgraph.query.filters import allowed
    view = cg.view
    with user_errors():
        kind = allowed("kind", kind)
    actor_id = view.actor(actor).id if actor else None
    native = {k: v for k, v in (("actor", actor_id), ("kind", kind), ("listed", listed or None))
              if v is not None and accepts(claims, k)}
    with user_errors():
        rows = call(claims, view.snap, contested, single_source, predicate, modality, min_independent=min_independent,
                    max_credibility=max_credibility, date_from=date_from, date_to=date_to, as_of=as_of, shown=shown,
                    **native)
    if actor_id and "actor" not in native:
        rows = [r for r in rows if actor_id in (r["subject"]["id"], (r["object"] or {}).get("id"))]
    if kind and "kind" not in native:
        rows = [r for r in rows if r["kind"] == kind]
    return page(rows, limit, offset)


@router.get("/claims/{claim_id}", summary="One claim, its evidence highlighted")
def get_claim(cg: Cg, claim_id: str) -> dict:
    """The claim row with every piece of evidence; each has `highlights`: `[{start, end, kind:
    "actor"|"cue", ...}]`, offsets into its `excerpt` (actors with `entity` and `name`; cue words
    with `role` "trigger" or "modality"). See docs/api.md for how cue words are found."""
    view = cg.view
    c = view.snap.claims.get(claim_id)
    if c is None:
        raise ApiError(404, f"no claim with id {claim_id!r} in the store (or an analyst rejected it)")
    return add_highlights(cg.store, view, c, view.snap.claim_row(c))


EventType = Annotated[str | None, Query(max_length=32, description="A PLOVER type: ASSAULT, COERCE, ...")]
Place = Annotated[str | None, Query(max_length=200, description="ISO alpha-3 code or a place name.")]
Modalities = Annotated[list[str] | None, Query(description="Only these modalities (may repeat).")]
Status = Annotated[list[str] | None, Query(description="Only events of these statuses (may repeat): "
                                                       + ", ".join(event_list.STATUSES) + "; threatened (the deed "
                                                       "of a condition) or condition (its if-clause).")]
Grade = Annotated[list[str] | None, Query(description="Only events of these credibility grades, 1 … 6 (may repeat).")]
Sort = Annotated[str, Query(max_length=16, description="Order by " + ", ".join(event_list.SORTS) + ".")]
Order = Annotated[str, Query(max_length=4, description="asc or desc.")]


def _event_query(view, type, actor, date_from, date_to, place, modality, status, grade, min_independent,
                 max_credibility, as_of, sort, order) -> event_list.EventQuery:
    actor_id = view.actor(actor).id if actor else None
    return event_list.EventQuery(type=type, actor=actor_id, place=place, date_from=date_from, date_to=date_to,
                                 modalities=modality or None, statuses=status or None, grades=grade or None,
                                 min_independent=min_independent or 0, max_credibility=max_credibility,
                                 as_of=as_of, sort=sort, order=order)


@router.get("/events", summary="Events, filtered and sorted")
def list_events(cg: Cg, limit: Limit = 50, offset: Offset = 0, type: EventType = None,
                actor: Actor = None, date_from: DateFrom = None, date_to: DateTo = None, place: Place = None,
                modality: Modalities = None, status: Status = None, grade: Grade = None,
                min_independent: MinIndependent = None, max_credibility: MaxCredibility = None,
                as_of: AsOf = None, sort: Sort = "date", order: Order = "asc") -> dict:
    """Events by type, actor (as actor or target), date range, place, modality, status and grade,
    sorted (`sort`, `order`; oldest first by default) and paged in the database (`query.event_list`)."""
    view = cg.view
    with user_errors():
        q = _event_query(view, type, actor, date_from, date_to, place, modality, status, grade, min_independent,
                         max_credibility, as_of, sort, order)
        return event_list.events_page(view.snap, q, limit, offset)


@router.get("/events.csv", summary="Events, filtered and sorted, as CSV", response_class=StreamingResponse)
def events_csv(cg: Cg, type: EventType = None, actor: Actor = None, date_from: DateFrom = None,
               date_to: DateTo = None, place: Place = None, modality: Modalities = None, status: Status = None,
               grade: Grade = None, min_independent: MinIndependent = None, max_credibility: MaxCredibility = None,
               as_of: AsOf = None, sort: Sort = "date", order: Order = "asc") -> StreamingResponse:
    """Every event of the filters of `/api/events` (all pages), in its order, one CSV row each
    (`api.event_csv.COLUMNS`), streamed."""
    view = cg.view
    with user_errors():
        q = _event_query(view, type, actor, date_from, date_to, place, modality, status, grade, min_independent,
                         max_credibility, as_of, sort, order)
        rows = event_list.event_rows(view.snap, q)
    return StreamingResponse(event_csv.lines(view.snap, rows), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="events.csv"'})
