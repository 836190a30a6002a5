"""Judgements and the audit log in the store: written once, never deleted, undone by a date."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from claimgraph.store.schema import AuditRow, JudgementRow

POSITIVE, NEGATIVE, UNSURE = "positive", "negative", "unsure"
JUDGEMENTS = (POSITIVE, NEGATIVE, UNSURE)


def now() -> datetime:
    return datetime.now(UTC)


def pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


@dataclass
class Judgement:
    id: int
    left_id: str
    right_id: str
    judgement: str
    score: float | None
    decided_by: str
    reason: str | None
    created_at: datetime
    undone_at: datetime | None = None

    @property
    def pair(self) -> tuple[str, str]:
        return (self.left_id, self.right_id)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "left_id": self.left_id, "right_id": self.right_id, "judgement": self.judgement,
                "score": self.score, "decided_by": self.decided_by, "reason": self.reason,
                "created_at": _iso(self.created_at), "undone_at": _iso(self.undone_at)}


@dataclass
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    payload: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": _iso(self.at), "actor": self.actor, "action": self.action, "payload": self.payload}


def _iso(d: datetime | None) -> str | None:
    return None if d is None else d.isoformat()


def _judgement(r: JudgementRow) -> Judgement:
    return Judgement(r.id, r.left_id, r.right_id, r.judgement, r.score, r.decided_by, r.reason, r.created_at, r.undone_at)


def load(session: Session, live_only: bool = False, ids: list[int] | None = None) -> list[Judgement]:
    """Judgements in the order they were made (only those not undone with `live_only`)."""
    query = select(JudgementRow).order_by(JudgementRow.id)
    if live_only:
        query = query.where(JudgementRow.undone_at.is_(None))
    if ids is not None:
        query = query.where(JudgementRow.id.in_(ids))
    return [_judgement(r) for r in session.scalars(query)]


def record(session: Session, left: str, right: str, judgement: str, decided_by: str,
           score: float | None = None, reason: str | None = None) -> int:
    """Add one judgement on the (ordered) pair; returns its id."""
    if judgement not in JUDGEMENTS:
        raise ValueError(f"judgement must be one of {', '.join(JUDGEMENTS)}, not {judgement!r}")
    left, right = pair(left, right)
    values = {"left_id": left, "right_id": right, "judgement": judgement, "score": score,
              "decided_by": decided_by, "reason": reason, "created_at": now(), "undone_at": None}
    return session.execute(insert(JudgementRow).values(**values).returning(JudgementRow.id)).scalar_one()


def mark_undone(session: Session, ids: list[int], at: datetime) -> None:
    if ids:
        session.execute(update(JudgementRow).where(JudgementRow.id.in_(ids), JudgementRow.undone_at.is_(None))
                        .values(undone_at=at))


def log(session: Session, actor: str, action: str, payload: dict[str, Any]) -> AuditEntry:
    at = now()
    values = {"at": at, "actor": actor, "action": action, "payload": payload}
    return AuditEntry(session.execute(insert(AuditRow).values(**values).returning(AuditRow.id)).scalar_one(),
                      at, actor, action, payload)


def audit(session: Session) -> list[AuditEntry]:
    return [AuditEntry(r.id, r.at, r.actor, r.action, dict(r.payload or {}))
            for r in session.scalars(select(AuditRow).order_by(AuditRow.id))]


def mark_live(session: Session, ids: list[int]) -> None:
    """Redo: judgements an undo took back count again."""
    if ids:
        session.execute(update(JudgementRow).where(JudgementRow.id.in_(ids)).values(undone_at=None))
