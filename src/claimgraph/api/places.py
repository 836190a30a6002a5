"""The map: events and `operates_in` ties with the coordinates of their places (`query.places`)."""
from __future__ import annotations

from itertools import islice
from typing import Annotated

from fastapi import APIRouter, Query

from claimgraph.api.claims import EventType, Grade, Modalities, Place, Status, event_types
from claimgraph.api.errors import ApiError, user_errors
from claimgraph.api.params import Actor, AsOf, DateFrom, DateTo, MaxCredibility, MinIndependent
from claimgraph.api.state import Cg
from claimgraph.query import claims, event_list, places

router = APIRouter(prefix="/api", tags=["claims and events"])

MAX_ITEMS = 5000
MAX_PLACES = 500


@router.get("/map", summary="Events and operates_in ties with coordinates")
def on_map(cg: Cg, type: EventType = None, actor: Actor = None, date_from: DateFrom = None,
           date_to: DateTo = None, place: Place = None, modality: Modalities = None, status: Status = None,
           grade: Grade = None, min_independent: MinIndependent = None, max_credibility: MaxCredibility = None,
           as_of: AsOf = None,
           ties: Annotated[bool, Query(description="With the operates_in ties (actor → place) the filters "
                                                   "that apply to a relation keep.")] = True,
           limit: Annotated[int, Query(ge=1, le=MAX_ITEMS, description="At most this many events, and as "
                                                                      "many ties.")] = 2000) -> dict:
    """The events of the filters of `/api/events` (in its order) and, with `ties`, the
    `operates_in` claims (by actor, place, date range, modality, grade, sources, `as_of`; type
    and status are the events' own), grouped under their places with coordinates from the
    gazetteer; `unplaced` lists the places it cannot place, `no_place` the events naming none."""
    view = cg.view
    actor_id = view.actor(actor).id if actor else None
    with user_errors():
        q = event_list.EventQuery(type=type, actor=actor_id, place=place, date_from=date_from, date_to=date_to,
                                  modalities=modality or None, statuses=status or None, grades=grade or None,
                                  min_independent=min_independent or 0, max_credibility=max_credibility,
                                  as_of=as_of, types=event_types())
        events = list(islice(event_list.event_rows(view.snap, q), limit + 1))
        tie_rows = []
        if ties:
            found = claims(view.snap, predicate=places.TIE, min_independent=min_independent or 0,
                           max_credibility=max_credibility, date_from=date_from, date_to=date_to, as_of=as_of,
                           actor=actor_id, limit=None if place or modality or grade else limit + 1)
            tie_rows = places.ties_at(view.snap, found, place, q.modalities, q.grades)
        out = places.placed(view.snap, events[:limit], tie_rows[:limit])
    out["truncated"] = len(events) > limit or len(tie_rows) > limit
    out["limit"] = limit
    return out


@router.get("/places", summary="Coordinates of places")
def locate(cg: Cg, id: Annotated[list[str], Query(description="Entity ids (repeat the parameter; at most "
                                                                f"{MAX_PLACES}).")]) -> dict:
    """`items`: each id's place (`query.places.locate`): name, type, country and `latitude`,
    `longitude`, `precision` ("city", or "capital" for a country), or the `reason` it cannot be placed."""
    if len(id) > MAX_PLACES or any(len(i) > 64 for i in id):
        raise ApiError(422, f"at most {MAX_PLACES} ids of at most 64 characters")
    return {"items": list(places.locate(cg.view.snap, id).values())}
