"""The events table: events filtered, sorted and paged in SQL (the events page and its CSV).

`events_page` answers one page and the total; `event_rows` yields every event of the filter in
the same order, a page at a time (for a streamed download). Filters: those of `listing.events`
(type, actor, place, date range, modality, the `ClaimFilter` figures) and an event's `status`
(ontology.md: occurred, attempted, planned, ongoing, hypothetical) and `grade` (credibility 1–6).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import String, and_, case, func, or_, select
from sqlalchemy.orm import aliased

from claimgraph.query import select as select_
from claimgraph.query.filters import ClaimFilter
from claimgraph.query.listing import _places
from claimgraph.query.view import StoreView, open_view, reads
from claimgraph.store.schema import ClaimFiguresRow as F
from claimgraph.store.schema import ClaimRow, EntityRow

STATUSES = ("occurred", "attempted", "planned", "ongoing", "hypothetical")
MODALITIES = ("asserted", "reported", "alleged", "speculative", "negated")
GRADES = (1, 2, 3, 4, 5, 6)
SORTS = ("date", "type", "status", "actor", "target", "place", "modality", "grade", "sources")
ORDERS = ("asc", "desc")
PAGE = 500  # events read in full at a time by `event_rows`


def _allowed(what: str, values: Iterable, allowed: Iterable) -> None:
    allowed = [str(a) for a in allowed]
    bad = [str(v) for v in values if str(v) not in allowed]
    if bad:
        raise ValueError(f"unknown {what} {', '.join(map(repr, bad))}: use one of {', '.join(allowed)}")


@dataclass
class EventQuery:
    """What the events table shows: its filters and its order."""

    type: str | None = None
    actor: str | None = None  # an entity id, as actor or target
    place: str | None = None  # an ISO alpha-3 code or a place name
    date_from: str | None = None
    date_to: str | None = None
    modalities: list[str] | None = None
    statuses: list[str] | None = None
    grades: list[int | str] | None = None
    min_independent: int = 0
    max_credibility: int | None = None
    as_of: str | None = None
    sort: str = "date"
    order: str = "asc"
    types: tuple[str, ...] = field(default=(), repr=False)  # the codebook's event types, when checked

    def check(self) -> None:
        """A ValueError naming the allowed values for an unknown status, modality, grade, sort or order."""
        _allowed("status", self.statuses or (), STATUSES)
        _allowed("modality", [str(m).lower() for m in self.modalities or ()], MODALITIES)
        _allowed("grade", self.grades or (), GRADES)
        self.grades = [int(g) for g in self.grades] if self.grades else None
        _allowed("sort", [self.sort], SORTS)
        _allowed("order", [self.order], ORDERS)
        if self.type and self.types:
            _allowed("event type", [self.type.upper()], self.types)


def _status_column():
    # an event stored without a status is one that happened (the extractor's default)
    return func.coalesce(ClaimRow.attrs["status"].as_string(), "occurred")


def _selection(snap: StoreView, q: EventQuery):
    """The select of figures rows (with the sort keys) and the `ClaimFilter` that decides on dates."""
    q.check()
    if q.actor is not None:
        snap.entity(q.actor)
    rule = ClaimFilter(None, q.modalities, 0, q.min_independent, q.max_credibility, q.date_from, q.date_to, q.as_of)
    where = [F.kind == "event", *rule.conditions(F)]
    if q.type:
        where.append(F.predicate == q.type.upper())
    if q.actor is not None:
        where.append(or_(F.subject == q.actor, F.object == q.actor))
    if q.grades:
        where.append(F.credibility.in_(sorted({int(g) for g in q.grades})))
    if q.place:
        ids, countries = _places(snap, q.place)
        if countries:
            ids |= set(snap.session.scalars(select(EntityRow.id).where(
                EntityRow.country.in_(sorted(countries)), EntityRow.canonical.is_(None))))
        where.append(F.location.in_(sorted(ids)))
    status = _status_column()
    if q.statuses:
        where.append(status.in_(sorted(set(q.statuses))))
    # the day the text gives, or for a relative date ("recently") the last day it can be
    when = func.coalesce(F.date_own, ClaimRow.attrs[("date", "end")].as_string())
    subject, obj, place = (aliased(EntityRow) for _ in range(3))
    columns = {
        "date": (when,), "type": (F.predicate,), "status": (status,),
        "actor": (func.lower(subject.name),), "target": (func.lower(obj.name),), "place": (func.lower(place.name),),
        "modality": (F.modality,), "grade": (F.credibility,), "sources": (F.independent, F.sources),
    }
    keys = columns[q.sort]
    desc = q.order == "desc"
    # empty values (undated, no target) last either way, then the key, then the date and the id
    order = [case((and_(*(k.is_(None) for k in keys)), 1), else_=0)]
    order += [k.desc() if desc else k for k in keys]
    if q.sort != "date":
        order += [when.is_(None), when]
    order += [F.predicate, F.claim_id.desc() if desc else F.claim_id]
    query = (select(F.__table__, status.cast(String).label("status"))
             .join(ClaimRow, ClaimRow.id == F.claim_id)
             .outerjoin(subject, subject.id == F.subject)
             .outerjoin(obj, obj.id == F.object)
             .outerjoin(place, place.id == F.location)
             .where(*where).order_by(*order))
    return query, rule


def _ids(snap: StoreView, query, rule: ClaimFilter, limit: int | None, offset: int) -> tuple[list[str], int]:
    """The ids of one page (all of them with `limit` None) and the total."""
    if rule.sql_exact:
        total = snap.session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
        paged = query.offset(offset)
        if limit is not None:
            paged = paged.limit(limit)
        return [r.claim_id for r in snap.session.execute(paged)], total
    kept = select_.kept(snap, rule, query)  # a date range: SQL narrows, the spans decide
    end = None if limit is None else offset + limit
    return [c.id for c in kept[offset:end]], len(kept)


def _rows(snap: StoreView, ids: list[str]) -> list[dict]:
    return [snap.claim_row(c) for c in snap.claims_by_id(ids)]


@reads
def events_page(store, q: EventQuery, limit: int = 50, offset: int = 0) -> dict:
    """`{"total", "limit", "offset", "items"}`: the page of events `q` selects, in its order."""
    if limit < 1 or offset < 0:
        raise ValueError("limit is at least 1 and offset at least 0")
    snap = open_view(store)
    query, rule = _selection(snap, q)
    ids, total = _ids(snap, query, rule, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": _rows(snap, ids)}


def event_rows(store, q: EventQuery) -> Iterator[dict]:
    """Every event `q` selects, in its order, read in full `PAGE` at a time. The filter is checked
    (and a ValueError raised) before the first row is asked for."""
    snap = open_view(store)
    query, rule = _selection(snap, q)
    ids, _ = _ids(snap, query, rule, None, 0)

    def rows() -> Iterator[dict]:
        for n in range(0, len(ids), PAGE):
            yield from _rows(snap, ids[n:n + PAGE])
    return rows()
