"""`Reviews`: an analyst confirms, rejects or restores a claim. A rejected claim leaves every query
(the figures drop it) and is listed by `rejected`; `restore` brings it back; a confirmed one shows
its verdict. A verdict is one row per stored claim (the claim as shown: itself and the claims
joined into it) and one audit-log entry; `Resolver.undo` takes back the last action, whether a
verdict or a merge, and `Resolver.redo` brings it back."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from claimgraph.resolve import judgements as jdb
from claimgraph.store.db import lock_writes
from claimgraph.store.schema import ClaimRow, ReviewRow

VERDICTS = {"confirm": "confirmed", "reject": "rejected"}  # what an analyst may say of a claim
# "restored": a rejection taken back by `Reviews.restore` (its own action, not an undo)


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
        """Record `action` ("confirm" or "reject") on a stored claim, and on the claims joined into it
        after merges (the claim as shown); a new verdict replaces the last."""
        if action not in VERDICTS:
            raise ReviewError(f"a verdict is one of {', '.join(VERDICTS)}, not {action!r}")
        with self._sessions.begin() as session:
            lock_writes(session)  # one writer at a time, on PostgreSQL too
            if session.scalar(select(ClaimRow.id).where(ClaimRow.id == claim_id)) is None:
                raise ReviewError(f"no claim with id {claim_id!r} in the store")
            ids = members(session, claim_id)
            return self._write(session, ids, action, VERDICTS[action], analyst, reason, claim_id)

    def restore(self, claim_id: str, analyst: str = "analyst", reason: str | None = None) -> jdb.AuditEntry:
        """Bring back a rejected claim (and the claims rejected with it in one action): its own
        audited action, undone as any other."""
        with self._sessions.begin() as session:
            lock_writes(session)
            if live_verdicts(session, [claim_id]).get(claim_id) != "rejected":
                raise ReviewError(f"claim {claim_id!r} is not rejected" if session.scalar(
                    select(ClaimRow.id).where(ClaimRow.id == claim_id)) else f"no claim with id {claim_id!r} in the store")
            ids = rejected_with(session, claim_id)
            return self._write(session, ids, "restore", "restored", analyst, reason, claim_id)

    def _write(self, session: Session, ids: list[str], action: str, verdict: str, analyst: str,
               reason: str | None, claim_id: str) -> jdb.AuditEntry:
        at = jdb.now()
        made = [session.execute(insert(ReviewRow).values(
            claim_id=cid, verdict=verdict, analyst=analyst, reason=reason, created_at=at, undone_at=None)
            .returning(ReviewRow.id)).scalar_one() for cid in ids]
        from claimgraph.corroborate import figures  # a rejected claim leaves its group's figures
        figures.refresh(session, figures.touched_by_claims(session, ids))
        payload = {"claim_id": claim_id, "reviews": made, "reason": reason}
        if len(ids) > 1:
            payload["claims"] = ids
        return jdb.log(session, analyst, action, payload)

    def rejected(self, limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
        """The rejected claims, latest rejection first: (how many, one page of `{claim, analyst,
        reason, at}`), in SQL."""
        with Session(self.store.engine.execution_options(sqlite_begin="DEFERRED")) as session:
            latest = (select(ReviewRow.claim_id, func.max(ReviewRow.id).label("id"))
                      .where(ReviewRow.undone_at.is_(None)).group_by(ReviewRow.claim_id).subquery())
            query = (select(ReviewRow).join(latest, latest.c.id == ReviewRow.id)
                     .where(ReviewRow.verdict == "rejected"))
            total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
            rows = session.scalars(query.order_by(ReviewRow.id.desc()).limit(limit).offset(offset)).all()
            return total, [{"claim": r.claim_id, "analyst": r.analyst, "reason": r.reason,
                            "at": r.created_at.isoformat(), "review": r.id} for r in rows]

    def verdicts(self) -> dict[str, str]:
        """Claim id → its live verdict ("confirmed" or "rejected"): the latest not undone."""
        with Session(self.store.engine.execution_options(sqlite_begin="DEFERRED")) as session:  # no write lock
            return live_verdicts(session)


def live_verdicts(session: Session, claim_ids: list[str] | None = None) -> dict[str, str]:
    """Claim id → its live verdict ("confirmed", "rejected" or "restored"), for the claims given (None: all)."""
    query = select(ReviewRow.claim_id, ReviewRow.verdict).where(ReviewRow.undone_at.is_(None)).order_by(ReviewRow.id)
    if claim_ids is not None:
        query = query.where(ReviewRow.claim_id.in_(claim_ids))
    return {claim_id: verdict for claim_id, verdict in session.execute(query)}


def members(session: Session, claim_id: str) -> list[str]:
    """The stored claims shown as `claim_id`: itself and those joined into it after merges."""
    joined = session.scalars(select(ClaimRow.id).where(ClaimRow.canonical == claim_id, ClaimRow.id != claim_id))
    return [claim_id, *sorted(joined)]


def rejected_with(session: Session, claim_id: str) -> list[str]:
    """The claim and those its live rejection rejected in the same action (a claim and the claims
    joined into it), still rejected."""
    review = session.scalar(select(func.max(ReviewRow.id)).where(ReviewRow.claim_id == claim_id,
                                                                 ReviewRow.undone_at.is_(None)))
    at = session.scalar(select(ReviewRow.created_at).where(ReviewRow.id == review))
    together = set(session.scalars(select(ReviewRow.claim_id).where(
        ReviewRow.created_at == at, ReviewRow.verdict == "rejected", ReviewRow.undone_at.is_(None))))
    verdicts = live_verdicts(session, sorted(together | {claim_id}))
    return [claim_id, *sorted(c for c in together - {claim_id} if verdicts.get(c) == "rejected")]


def mark_live(session: Session, ids: list[int]) -> None:
    """Redo: the verdicts an undo took back count again."""
    if ids:
        session.execute(update(ReviewRow).where(ReviewRow.id.in_(ids)).values(undone_at=None))


def live_reviews(session: Session) -> set[int]:
    return set(session.scalars(select(ReviewRow.id).where(ReviewRow.undone_at.is_(None))))


def mark_undone(session: Session, ids: list[int], at: datetime) -> None:
    if ids:
        session.execute(update(ReviewRow).where(ReviewRow.id.in_(ids), ReviewRow.undone_at.is_(None))
                        .values(undone_at=at))
