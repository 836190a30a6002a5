"""The events table: events filtered, sorted and paged in SQL (the events page and its CSV).

`events_page` answers one page and the total; `event_rows` yields every event of the filter in
the same order, a page at a time (for a streamed download). Filters: those of `listing.events`
(type, actor, place, date range, modality, the `ClaimFilter` figures) and an event's `status`
(ontology.md: occurred, attempted, planned, ongoing, hypothetical; and "threatened" or "condition",
the halves of a hypothetical's condition) and `grade` (credibility 1–6).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import and_, case, func, or_, select

from claimgraph.query import select as select_
from claimgraph.query.filters import ClaimFilter, allowed
from claimgraph.query.listing import _places
from claimgraph.query.view import StoreView, open_view, reads
from claimgraph.store.schema import ClaimFiguresRow as F
from claimgraph.store.schema import ClaimRow, EntityRow

STATUSES = ("occurred", "attempted", "planned", "ongoing", "hypothetical")
# the two halves of a hypothetical event's condition (`conditional`), as statuses to filter on
HALVES = {"threatened": "consequence", "condition": "condition"}
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
    types: tuple[str, ...] = field(default=(), repr=False)  # a narrower list of event types to allow

    def check(self) -> None:
        """A ValueError naming the allowed values for an unknown type, modality, status, grade, sort or
        order (type and modality by the check every filter shares, `filters.allowed`)."""
        _allowed("status", self.statuses or (), STATUSES + tuple(HALVES))
        self.modalities = [allowed("modality", m) for m in self.modalities] if self.modalities else None
        _allowed("grade", self.grades or (), GRADES)
        self.grades = [int(g) for g in self.grades] if self.grades else None
        _allowed("sort", [self.sort], SORTS)
        _allowed("order", [self.order], ORDERS)
        self.type = allowed("event type", self.type) if self.type else None
        if self.type and self.types:
            _allowed("event type", [self.type], self.types)


def _attr(path):
    """A stored attribute of the claim (its head row's `attrs`), read per row only where asked for."""
    return select(ClaimRow.attrs[path].as_string()).where(ClaimRow.id == F.claim_id).correlate(F).scalar_subquery()


def _name(column):
    return select(func.lower(EntityRow.name)).where(EntityRow.id == column).correlate(F).scalar_subquery()


def _selection(snap: StoreView, q: EventQuery):
    """((joined, conditions), order, rule): the conditions on the figures (`joined`: and on the claims
    joined to them), the order, and the `ClaimFilter` that decides on dates. The
    status and a relative date's last day are read from the claim's attributes, and the names an
    order needs from the actors, row by row where the filter or the order asks for them: no join."""
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
    # an event stored without a status is one that happened (the extractor's default); to filter or
    # sort on it, the claims are joined (faster than a read per row when every row needs it)
    joined = bool(q.statuses) or q.sort == "status"
    status = func.coalesce(ClaimRow.attrs["status"].as_string() if joined else _attr("status"), "occurred")
    if q.statuses:
        stored = sorted(set(q.statuses) - set(HALVES))
        halves = sorted(HALVES[h] for h in set(q.statuses) & set(HALVES))
        either = [status.in_(stored)] if stored else []
        if halves:  # "threatened": the deed that hangs on a condition; "condition": its if-clause
            either.append(and_(status == "hypothetical", ClaimRow.attrs["conditional"].as_string().in_(halves)))
        where.append(or_(*either))
    # the day the text gives, or for a relative date ("recently") the last day it can be
    when = func.coalesce(F.date_own, ClaimRow.attrs[("date", "end")].as_string() if joined else _attr(("date", "end")))
    keys = {
        "date": lambda: (when,), "type": lambda: (F.predicate,), "status": lambda: (status,),
        "actor": lambda: (_name(F.subject),), "target": lambda: (_name(F.object),),
        "place": lambda: (_name(F.location),), "modality": lambda: (F.modality,), "grade": lambda: (F.credibility,),
        "sources": lambda: (F.independent, F.sources),
    }[q.sort]()
    desc = q.order == "desc"
    # empty values (undated, no target) last either way, then the key, then the date and the id
    order = [case((and_(*(k.is_(None) for k in keys)), 1), else_=0)] if len(keys) == 1 and q.sort not in (
        "type", "modality", "grade") else []
    order += [k.desc() if desc else k for k in keys]
    if q.sort != "date":
        order += [when.is_(None), when]
    order += [F.predicate, F.claim_id.desc() if desc else F.claim_id]
    return (joined, where), order, rule


def _from(query, joined: bool):
    return query.join(ClaimRow, ClaimRow.id == F.claim_id) if joined else query


def _ids(snap: StoreView, selection: tuple, order: list, rule: ClaimFilter, limit: int | None,
         offset: int) -> tuple[list[str], int]:
    """The ids of one page (all of them with `limit` None) and the total."""
    joined, where = selection
    if rule.sql_exact:
        total = snap.session.scalar(_from(select(func.count()).select_from(F), joined).where(*where)) or 0
        paged = _from(select(F.claim_id), joined).where(*where).order_by(*order).offset(offset)
        if limit is not None:
            paged = paged.limit(limit)
        return list(snap.session.scalars(paged)), total
    # a date range: SQL narrows, the spans decide
    kept = select_.kept(snap, rule, _from(select(F.__table__), joined).where(*where).order_by(*order))
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
    where, order, rule = _selection(snap, q)
    ids, total = _ids(snap, where, order, rule, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": _rows(snap, ids)}


def event_rows(store, q: EventQuery) -> Iterator[dict]:
    """Every event `q` selects, in its order, read in full `PAGE` at a time. The filter is checked
    (and a ValueError raised) before the first row is asked for."""
    snap = open_view(store)
    where, order, rule = _selection(snap, q)
    ids, _ = _ids(snap, where, order, rule, None, 0)

    def rows() -> Iterator[dict]:
        for n in range(0, len(ids), PAGE):
            yield from _rows(snap, ids[n:n + PAGE])
    return rows()
