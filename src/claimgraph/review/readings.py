"""`Readings`: an analyst corrects how a claim was read — its predicate, its direction (subject and
object swapped) or its modality — as a reading kept beside the machine's.

The machine's reading stays in `claims`; the analyst's is a row of `claim_readings`, and the
latest one of a claim not undone is what the figures, the queries and the exports use
(`corroborate.figures` reads it when it computes a claim's group). Each correction is one audit
entry; `Resolver.undo` takes it back, `Resolver.redo` brings it back.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from claimgraph.model import MODALITIES
from claimgraph.resolve import judgements as jdb
from claimgraph.review.reviews import ReviewError, members
from claimgraph.store.db import lock_writes
from claimgraph.store.schema import ClaimReadingRow, ClaimRow


class ReadingError(ReviewError):
    """A correction that cannot be recorded; the message says why."""


@dataclass(frozen=True)
class Reading:
    subject: str
    predicate: str
    object: str | None
    modality: str
    analyst: str | None = field(default=None, compare=False)
    reason: str | None = field(default=None, compare=False)
    at: datetime | None = field(default=None, compare=False)

    def as_dict(self) -> dict:
        return {"subject": self.subject, "predicate": self.predicate, "object": self.object, "modality": self.modality}


@lru_cache(maxsize=1)
def ontology() -> dict[str, tuple[str, ...]]:
    """Claim kind → the predicates it may have (codebook/ontology.yaml)."""
    from claimgraph.extract.codebook import DATA, read_yaml
    data = read_yaml(DATA / "ontology.yaml")
    return {"relation": tuple(data["relations"]), "event": tuple(data["events"])}


def live_readings(session: Session, claim_ids: list[str] | None = None) -> dict[str, Reading]:
    """Claim id → its analyst's reading (the latest not undone), for the given claims (None: all)."""
    query = (select(ClaimReadingRow.claim_id, ClaimReadingRow.subject, ClaimReadingRow.predicate,
                    ClaimReadingRow.object, ClaimReadingRow.modality, ClaimReadingRow.analyst,
                    ClaimReadingRow.reason, ClaimReadingRow.created_at)
             .where(ClaimReadingRow.undone_at.is_(None)).order_by(ClaimReadingRow.id))
    out: dict[str, Reading] = {}
    if claim_ids is None:
        rows = session.execute(query).all()
    else:
        ids, rows = sorted(set(claim_ids)), []
        for n in range(0, len(ids), 900):
            rows += session.execute(query.where(ClaimReadingRow.claim_id.in_(ids[n:n + 900]))).all()
    for r in rows:  # in id order within a claim: the latest wins
        out[r.claim_id] = Reading(r.subject, r.predicate, r.object, r.modality, r.analyst, r.reason, r.created_at)
    return out


def live_ids(session: Session) -> set[int]:
    return set(session.scalars(select(ClaimReadingRow.id).where(ClaimReadingRow.undone_at.is_(None))))


def mark_undone(session: Session, ids: list[int], at: datetime) -> None:
    if ids:
        session.execute(update(ClaimReadingRow).where(ClaimReadingRow.id.in_(ids), ClaimReadingRow.undone_at.is_(None))
                        .values(undone_at=at))


def mark_live(session: Session, ids: list[int]) -> None:
    """Redo: the readings an undo took back count again."""
    if ids:
        session.execute(update(ClaimReadingRow).where(ClaimReadingRow.id.in_(ids)).values(undone_at=None))


def corrected(current: Reading, kind: str, predicate: str | None = None, modality: str | None = None,
              reverse: bool = False) -> Reading:
    """`current` with the analyst's changes; an impossible change is a `ReadingError`."""
    if predicate is not None:
        allowed = ontology().get(kind, ())
        fitting = next((p for p in allowed if p.lower() == predicate.strip().lower()), None)
        if fitting is None:
            raise ReadingError(f"a {kind} predicate is one of {', '.join(allowed)}, not {predicate!r}")
        predicate = fitting
    if modality is not None and modality not in MODALITIES:
        raise ReadingError(f"a modality is one of {', '.join(MODALITIES)}, not {modality!r}")
    subject, obj = current.subject, current.object
    if reverse:
        if obj is None:
            raise ReadingError("a claim with no object has no direction to reverse")
        subject, obj = obj, subject
    return Reading(subject, predicate or current.predicate, obj, modality or current.modality)


class Readings:
    def __init__(self, store):
        self.store = store
        self._sessions = sessionmaker(store.engine, expire_on_commit=False)

    def correct(self, claim_id: str, analyst: str = "analyst", reason: str | None = None, *,
                predicate: str | None = None, modality: str | None = None, reverse: bool = False) -> jdb.AuditEntry:
        """Record the analyst's reading of the claim shown as `claim_id` (and of the claims joined into
        it): a new predicate, modality, or subject and object swapped, relative to how it reads now."""
        if predicate is None and modality is None and not reverse:
            raise ReadingError("nothing to correct: give a predicate, a modality or reverse the direction")
        from claimgraph.corroborate import figures

        with self._sessions.begin() as session:
            lock_writes(session)  # one writer at a time, on PostgreSQL too
            ids = members(session, claim_id)
            rows = {r.id: r for r in session.scalars(select(ClaimRow).where(ClaimRow.id.in_(ids)))}
            if claim_id not in rows:
                raise ReadingError(f"no claim with id {claim_id!r} in the store")
            before = live_readings(session, ids)
            at, made, changes = jdb.now(), [], {}
            for cid in ids:
                r = rows[cid]
                now = before.get(cid) or Reading(r.subject, r.predicate, r.object, r.modality)
                new = corrected(now, r.kind, predicate, modality, reverse)
                changes[cid] = (now, new)
                values = {"claim_id": cid, **new.as_dict(), "analyst": analyst, "reason": reason,
                          "created_at": at, "undone_at": None}
                made.append(session.execute(insert(ClaimReadingRow).values(**values)
                                            .returning(ClaimReadingRow.id)).scalar_one())
            was, becomes = changes[claim_id]
            if was == becomes:
                raise ReadingError("the claim already reads so")
            figures.refresh(session, figures.touched_by_claims(session, ids))
            return jdb.log(session, analyst, "correct", {
                "claim_id": claim_id, "kind": rows[claim_id].kind, "readings": made, "reason": reason,
                "from": was.as_dict(), "to": becomes.as_dict(),
                "machine": {"subject": rows[claim_id].subject, "predicate": rows[claim_id].predicate,
                            "object": rows[claim_id].object, "modality": rows[claim_id].modality}})

    def of(self, claim_id: str) -> dict | None:
        """The analyst's reading of a claim with who made it, why and when, or None."""
        with Session(self.store.engine.execution_options(sqlite_begin="DEFERRED")) as session:
            row = session.scalars(select(ClaimReadingRow).where(ClaimReadingRow.claim_id == claim_id,
                                                                ClaimReadingRow.undone_at.is_(None))
                                  .order_by(ClaimReadingRow.id.desc()).limit(1)).first()
            return None if row is None else reading_dict(row)


def reading_dict(row: ClaimReadingRow) -> dict:
    return {"subject": row.subject, "predicate": row.predicate, "object": row.object, "modality": row.modality,
            "analyst": row.analyst, "reason": row.reason, "at": row.created_at.isoformat()}

