"""`Reviews`: an analyst confirms or rejects a claim. A rejected claim leaves every query (the
snapshot drops it); a confirmed one shows its verdict. Each verdict is one row and one audit-log
entry; `Resolver.undo` takes back the last action, whether a verdict or a merge."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from claimgraph.resolve import judgements as jdb
from claimgraph.store.db import lock_writes
from claimgraph.store.schema import ClaimRow, ReviewRow

VERDICTS = {"confirm": "confirmed", "reject": "rejected"}


class ReviewError(ValueError):
    """A verdict that cannot be recorded; the message says why."""


class Reviews:
    def __init__(self, store):
        self.store = store
        self._sessions = sessionmaker(store.engine, expire_on_commit=False)

    def confirm(self, claim_id: str, analyst: str = "analyst", reason: str | None = None) -> jdb.AuditEntry:
        return self.record(claim_id, "confirm", analyst, reason)

    def reject(self, claim_id: str, analyst: str = "analyst", reason: str | None = None) -> jdb.AuditEntry:
        return self.record(claim_id, "reject", analyst, reason)

    def record(self, claim_id: str, action: str, analyst: str = "analyst",
               reason: str | None = None) -> jdb.AuditEntry:
        """Record `action` ("confirm" or "reject") on a stored claim; a new verdict replaces the last."""
        if action not in VERDICTS:
            raise ReviewError(f"a verdict is one of {', '.join(VERDICTS)}, not {action!r}")
        with self._sessions.begin() as session:
            lock_writes(session)  # one writer at a time, on PostgreSQL too
            if session.scalar(select(ClaimRow.id).where(ClaimRow.id == claim_id)) is None:
                raise ReviewError(f"no claim with id {claim_id!r} in the store")
            values = {"claim_id": claim_id, "verdict": VERDICTS[action], "analyst": analyst, "reason": reason,
                      "created_at": jdb.now(), "undone_at": None}
            review_id = session.execute(insert(ReviewRow).values(**values).returning(ReviewRow.id)).scalar_one()
            from claimgraph.corroborate import figures  # a rejected claim leaves its group's figures
            figures.refresh(session, figures.touched_by_claims(session, [claim_id]))
            return jdb.log(session, analyst, action,
                           {"claim_id": claim_id, "reviews": [review_id], "reason": reason})

    def verdicts(self) -> dict[str, str]:
        """Claim id → its live verdict ("confirmed" or "rejected"): the latest not undone."""
        with Session(self.store.engine.execution_options(sqlite_begin="DEFERRED")) as session:  # no write lock
            return live_verdicts(session)


def live_verdicts(session: Session) -> dict[str, str]:
    rows = session.execute(select(ReviewRow.claim_id, ReviewRow.verdict)
                           .where(ReviewRow.undone_at.is_(None)).order_by(ReviewRow.id))
    return {claim_id: verdict for claim_id, verdict in rows}


def live_reviews(session: Session) -> set[int]:
    return set(session.scalars(select(ReviewRow.id).where(ReviewRow.undone_at.is_(None))))


def mark_undone(session: Session, ids: list[int], at: datetime) -> None:
    if ids:
        session.execute(update(ReviewRow).where(ReviewRow.id.in_(ids), ReviewRow.undone_at.is_(None))
                        .values(undone_at=at))
