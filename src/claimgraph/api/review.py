"""Analyst actions: verdicts on claims (confirm, reject, restore), corrected readings, merge,
split, "not the same", undo and redo, the review queue and the audit log of them all.

Each action is one call to `Reviews`, `Readings` or `Resolver` under the write lock, then a new
snapshot, so the next read shows it (a rejected claim is gone, merged actors are one). Who decides
is the analyst the token names (`--analyst-token NAME=TOKEN`), else the `analyst` of the body,
else "analyst".
"""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from claimgraph.api.auth import token_analyst, write_access
from claimgraph.api.errors import ApiError
from claimgraph.api.paging import Limit, Offset
from claimgraph.api.state import AppState, Cg
from claimgraph.resolve import Resolver
from claimgraph.resolve.resolver import NotYours

router = APIRouter(prefix="/api", tags=["review"])
Write = [Depends(write_access)]

Name = Annotated[str, Field(min_length=1, max_length=255, pattern=r"^[^\x00-\x1f]+$")]
Reason = Annotated[str | None, Field(max_length=2000)]


TokenAnalyst = Annotated[str | None, Depends(token_analyst)]
DEFAULT_ANALYST = "analyst"


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")
    analyst: Name | None = Field(None, description="Who decides, for the audit log (a token that names its "
                                                   "analyst wins; default \"analyst\").")


def who(named: str | None, body: Body | None) -> str:
    """The analyst of a request: the token's name, else the body's, else "analyst"."""
    return named or (body.analyst if body is not None and body.analyst else DEFAULT_ANALYST)


class Decision(Body):
    force: bool = Field(False, description="Undo or redo another analyst's action.")
    expect: int | None = Field(None, ge=1, description="The audit entry id the preview showed (`GET /api/undo/"
                                                      "preview`): refused with 409 when the action to take back "
                                                      "(or, for redo, the undo to bring back) is another one now.")


class Verdict(Body):
    verdict: Literal["confirm", "reject"]
    reason: Reason = None


class Merge(Body):
    a: Name = Field(description="Entity id or exact name.")
    b: Name = Field(description="Entity id or exact name.")
    reason: Reason = None


class MergeBody(Merge):
    force: bool = Field(False, description="Merge even entities of different countries or of types that never "
                                           "mix (two states, a state and a person); refused with 409 otherwise.")


class Split(Body):
    entity: Name = Field(description="Entity id or exact name.")
    reason: Reason = None


class Restore(Body):
    reason: Reason = None


class Correct(Body):
    predicate: Annotated[str | None, Field(max_length=64)] = Field(None, description="The predicate it should have.")
    modality: Literal["asserted", "reported", "alleged", "speculative", "negated"] | None = None
    reverse: bool = Field(False, description="Swap subject and object.")
    reason: Reason = None


def _reads(cg: AppState):
    """A session that reads without the write lock."""
    from sqlalchemy.orm import Session
    return Session(cg.store.engine.execution_options(sqlite_begin="DEFERRED"))


def _as_dict(x):
    return x.as_dict() if hasattr(x, "as_dict") else x


def _write(cg: AppState, action):
    """Run one analyst action under the write lock and reload the snapshot."""
    with cg.write_lock:
        try:
            return action()
        finally:
            cg.reload()


@router.post("/claims/{claim_id}/review", summary="Confirm or reject a claim", dependencies=Write)
def review_claim(cg: Cg, claim_id: str, body: Verdict, named: TokenAnalyst) -> dict:
    """Record an analyst's verdict (on the claim and the claims joined into it); returns the audit
    entry. A rejected claim leaves every query and is listed by `GET /api/review/rejected`;
    `POST /api/undo` takes the verdict back."""
    from claimgraph.review import Reviews
    reviews = Reviews(cg.store)
    act = reviews.confirm if body.verdict == "confirm" else reviews.reject
    return _as_dict(_write(cg, lambda: act(claim_id, analyst=who(named, body), reason=body.reason)))


@router.post("/claims/{claim_id}/restore", summary="Bring back a rejected claim", dependencies=Write)
def restore_claim(cg: Cg, claim_id: str, named: TokenAnalyst, body: Restore | None = None) -> dict:
    """The rejection taken back, as an action of its own in the audit log (undone as any other);
    409 when the claim is not rejected."""
    from claimgraph.review import Reviews
    reason = body.reason if body else None
    return _as_dict(_write(cg, lambda: Reviews(cg.store).restore(claim_id, analyst=who(named, body), reason=reason)))


@router.post("/claims/{claim_id}/correct", summary="Correct how a claim was read", dependencies=Write)
def correct_claim(cg: Cg, claim_id: str, body: Correct, named: TokenAnalyst) -> dict:
    """An analyst's reading of the claim beside the machine's: another predicate (of the ontology,
    for its kind), modality, or the direction reversed. The queries and exports then use it; the
    machine's stays in `GET /api/claims/{id}/reading`. Returns the audit entry and the claim id
    to read it under."""
    from claimgraph.review import ReadingError, Readings
    try:
        entry = _write(cg, lambda: Readings(cg.store).correct(
            claim_id, analyst=who(named, body), reason=body.reason, predicate=body.predicate,
            modality=body.modality, reverse=body.reverse))
    except ReadingError as e:
        status = 404 if str(e).startswith("no claim") else 422 if "is one of" in str(e) else 409
        raise ApiError(status, str(e)) from e
    return {**_as_dict(entry), "claim": _shown_as(cg, claim_id)}


def _shown_as(cg: AppState, claim_id: str) -> str | None:
    from sqlalchemy import select

    from claimgraph.store.schema import ClaimRow
    return cg.view.snap.session.scalar(select(ClaimRow.canonical).where(ClaimRow.id == claim_id))


@router.get("/claims/{claim_id}/reading", summary="The analyst's and the machine's reading of a claim")
def claim_reading(cg: Cg, claim_id: str) -> dict:
    """`{"claim", "machine": {subject, predicate, object, modality}, "analyst": {..., analyst,
    reason, at} | null}`: how the extractor read the claim, and the reading an analyst put beside
    it (the one the queries use), actors as `{id, name}`."""
    from sqlalchemy import select

    from claimgraph.review.readings import live_readings
    from claimgraph.store.schema import ClaimRow
    snap = cg.view.snap
    row = snap.session.execute(select(ClaimRow.id, ClaimRow.kind, ClaimRow.subject, ClaimRow.predicate, ClaimRow.object,
                                      ClaimRow.modality, ClaimRow.rule).where(ClaimRow.id == claim_id))
    row = row[0] if row else None
    if row is None:
        raise ApiError(404, f"no claim with id {claim_id!r} in the store")
    with _reads(cg) as session:
        reading = live_readings(session, [claim_id]).get(claim_id)
    ref = lambda i: None if i is None else {"id": snap.canonical(i), "name": snap.name(snap.canonical(i))}  # noqa: E731
    machine = {"subject": ref(row.subject), "predicate": row.predicate, "object": ref(row.object),
               "modality": row.modality, "rule": row.rule}
    analyst = None if reading is None else {
        "subject": ref(reading.subject), "predicate": reading.predicate, "object": ref(reading.object),
        "modality": reading.modality, "analyst": reading.analyst, "reason": reading.reason,
        "at": reading.at.isoformat() if reading.at else None}
    return {"claim": claim_id, "kind": row.kind, "machine": machine, "analyst": analyst}


@router.post("/merge", summary="Two entities are one actor", dependencies=Write)
def merge(cg: Cg, body: MergeBody, named: TokenAnalyst) -> dict:
    """An analyst's judgement that `a` and `b` are one actor; 409 when refused (already one, judged
    different before, or, unless `force`, entities of different countries or of types that never
    mix: the reason in `detail`). Returns the judgement and the merged actor's id."""
    from claimgraph.resolve.merge_check import MergeConflict, check_merge
    resolver = Resolver(cg.store)
    if not body.force:
        try:
            check_merge(resolver, body.a, body.b)
        except MergeConflict as e:
            raise ApiError(409, f"{e}; send force: true to merge them anyway") from None
    j = _write(cg, lambda: resolver.merge(body.a, body.b, analyst=who(named, body), reason=body.reason))
    return {"judgement": _as_dict(j), "actor": resolver.canonical(j.left_id)}


@router.post("/distinct", summary="Two entities are not the same actor", dependencies=Write)
def distinct(cg: Cg, body: Merge, named: TokenAnalyst) -> dict:
    """An analyst's judgement that `a` and `b` are two actors: the pair leaves the review queue and
    no automatic pass merges them; 409 when they are one actor now (split instead)."""
    j = _write(cg, lambda: Resolver(cg.store).distinct(body.a, body.b, analyst=who(named, body), reason=body.reason))
    return {"judgement": _as_dict(j)}


@router.post("/split", summary="Take an entity out of the actor it was merged into", dependencies=Write)
def split(cg: Cg, body: Split, named: TokenAnalyst) -> dict:
    """Negative judgements between the entity and the rest of its cluster; 409 when it is not merged."""
    resolver = Resolver(cg.store)
    made = _write(cg, lambda: resolver.split(body.entity, analyst=who(named, body), reason=body.reason))
    return {"judgements": [_as_dict(j) for j in made]}


@router.get("/undo/preview", summary="What undo and redo would do now")
def undo_preview(cg: Cg, named: TokenAnalyst,
                 analyst: Annotated[str | None, Query(max_length=255)] = None) -> dict:
    """`{"analyst", "undo": {id, action, actor, at, description, own, entry} | null, "redo": ... | null}`:
    the action `POST /api/undo` would take back, in words, whether it is this analyst's own, an
    automatic pass, and whether the undo `needs_force` (another analyst's action); and the undo
    `POST /api/redo` would bring back."""
    resolver = Resolver(cg.store)
    name = named or analyst or DEFAULT_ANALYST
    return {"analyst": name, "undo": resolver.undo_preview(name), "redo": resolver.redo_preview(name)}


def _decide(cg: AppState, what: str, named: str | None, body: Decision | None) -> dict:
    resolver = Resolver(cg.store)
    name, force = who(named, body), bool(body and body.force)
    expect = body.expect if body is not None else None
    act = resolver.undo if what == "undo" else resolver.redo
    try:
        entry = _write(cg, lambda: act(name, force=force, expect=expect))
    except NotYours as e:
        preview = resolver.undo_preview(name) if what == "undo" else resolver.redo_preview(name)
        raise ApiError(409, str(e), **{what: preview}) from e
    return {**_as_dict(entry), "description": resolver.describe([entry])[entry.id]}


@router.post("/undo", summary="Undo the last analyst action", dependencies=Write)
def undo(cg: Cg, named: TokenAnalyst, body: Decision | None = None) -> dict:
    """Take back the last action not undone yet (merge, split, not the same, automatic resolution,
    verdict, restore, correction); returns the audit entry of the undo with `description`, what it
    undid in words. 409 when there is nothing to undo, or when the action is another analyst's
    and `force` is not set: the answer's `undo` says whose (`GET /api/undo/preview` says it
    before). An automatic pass is nobody's: it is undone, and the answer says what it was. With
    `expect` (the preview's id), 409 and nothing undone when the last action is another one now."""
    return _decide(cg, "undo", named, body)


@router.post("/redo", summary="Redo what the last undo took back", dependencies=Write)
def redo(cg: Cg, named: TokenAnalyst, body: Decision | None = None) -> dict:
    """Bring back what the last undo took back, while no other action came after it (any new
    action clears what can be redone); 409 when there is nothing to redo, or the undo is another
    analyst's and `force` is not set, or `expect` is not the id of the undo it would bring back."""
    return _decide(cg, "redo", named, body)


@router.get("/audit", summary="The audit log, newest first")
def audit(cg: Cg, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Who did what and when: merges, splits, automatic passes, verdicts, corrections, undos and
    redos, each with `description`: the action in words, naming the actors and claims it touched."""
    total, items = Resolver(cg.store).audit_page(limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


Kind = Literal["candidates", "contested", "single_source", "surface"]


@router.get("/review/queue", summary="What needs an analyst")
def review_queue(cg: Cg, kind: Kind = "candidates", limit: Limit = 50, offset: Offset = 0,
                 floor: Annotated[float, Query(ge=0.5, le=1.0, description="Lowest score of a candidate pair.")] = 0.8
                 ) -> dict:
    """One page of a review queue, with `counts` of every queue (and of rejected claims):
    `candidates`: pairs of entities scored from `floor` up to the merge threshold, or recorded
    unsure (`left`, `right`: names, type, country, documents, mentions in their sentences; `score`,
    `rule`, `why`); `contested`, `single_source` (one independent source, credibility 4 or worse),
    `surface` (read by the surface fallback rule): claim rows as `GET /api/claims` gives them, with `why`."""
    from claimgraph.review import queue
    resolver = Resolver(cg.store)
    view = cg.view.snap
    if kind == "candidates":
        total, items = queue.pair_items(cg.store, resolver, limit, offset, floor)
    else:
        total, items = queue.claim_items(view, kind, limit, offset)
    return {"kind": kind, "total": total, "limit": limit, "offset": offset, "items": items,
            "counts": queue.counts(view, resolver)}


@router.get("/review/rejected", summary="The rejected claims")
def review_rejected(cg: Cg, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Rejected claims, latest first, with who rejected them, why and when, their reading and first
    sentence; `POST /api/claims/{id}/restore` brings one back."""
    from claimgraph.review import queue
    total, items = queue.rejected_items(cg.store, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}
