"""Analyst actions: verdicts on claims, merge, split, undo, and the audit log of them all.

Each action is one call to `Reviews` or `Resolver` under the write lock, then a new snapshot,
so the next read shows it (a rejected claim is gone, merged actors are one).
"""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from claimgraph.api.auth import write_access
from claimgraph.api.paging import Limit, Offset, page
from claimgraph.api.state import AppState, Cg
from claimgraph.resolve import Resolver

router = APIRouter(prefix="/api", tags=["review"])
Write = [Depends(write_access)]

Name = Annotated[str, Field(min_length=1, max_length=255, pattern=r"^[^\x00-\x1f]+$")]
Reason = Annotated[str | None, Field(max_length=2000)]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")
    analyst: Name = Field("analyst", description="Who decides, for the audit log.")


class Verdict(Body):
    verdict: Literal["confirm", "reject"]
    reason: Reason = None


class Merge(Body):
    a: Name = Field(description="Entity id or exact name.")
    b: Name = Field(description="Entity id or exact name.")
    reason: Reason = None


class Split(Body):
    entity: Name = Field(description="Entity id or exact name.")
    reason: Reason = None


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
def review_claim(cg: Cg, claim_id: str, body: Verdict) -> dict:
    """Record an analyst's verdict; returns the audit entry. A rejected claim leaves every query;
    `POST /api/undo` takes the verdict back."""
    from claimgraph.review import Reviews
    reviews = Reviews(cg.store)
    act = reviews.confirm if body.verdict == "confirm" else reviews.reject
    return _as_dict(_write(cg, lambda: act(claim_id, analyst=body.analyst, reason=body.reason)))


@router.post("/merge", summary="Two entities are one actor", dependencies=Write)
def merge(cg: Cg, body: Merge) -> dict:
    """An analyst's judgement that `a` and `b` are one actor; 409 when refused (already one, or
    judged different before). Returns the judgement and the merged actor's id."""
    resolver = Resolver(cg.store)
    j = _write(cg, lambda: resolver.merge(body.a, body.b, analyst=body.analyst, reason=body.reason))
    return {"judgement": _as_dict(j), "actor": resolver.canonical(j.left_id)}


@router.post("/split", summary="Take an entity out of the actor it was merged into", dependencies=Write)
def split(cg: Cg, body: Split) -> dict:
    """Negative judgements between the entity and the rest of its cluster; 409 when it is not merged."""
    resolver = Resolver(cg.store)
    made = _write(cg, lambda: resolver.split(body.entity, analyst=body.analyst, reason=body.reason))
    return {"judgements": [_as_dict(j) for j in made]}


@router.post("/undo", summary="Undo the last analyst action", dependencies=Write)
def undo(cg: Cg, body: Body | None = None) -> dict:
    """Take back the last action not undone yet (merge, split, automatic resolution, verdict);
    returns the audit entry of the undo. 409 when there is nothing to undo."""
    analyst = body.analyst if body else "analyst"
    return _as_dict(_write(cg, lambda: Resolver(cg.store).undo(analyst)))


@router.get("/audit", summary="The audit log, newest first")
def audit(cg: Cg, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Who did what and when: merges, splits, automatic passes, verdicts and undos."""
    entries = [_as_dict(e) for e in reversed(Resolver(cg.store).audit())]
    return page(entries, limit, offset)
