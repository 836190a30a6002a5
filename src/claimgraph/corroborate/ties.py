"""The ties of two actors (`actor_ties`), kept with the figures in the same transactions.

A tie sums the claims between two different actors (`claim_figures`, by canonical ids),
whichever way they point: how many, their pieces of evidence, and their weight (a claim
without evidence counts one). Each tie is stored both ways round, so that an actor's ties are
one range of the table's key. `refresh` recounts the pairs of the groups it recomputes
(`recount`); `reindex` rebuilds the table from the figures (`rebuild`).
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import case, delete, func, insert, select, tuple_, union_all
from sqlalchemy.orm import Session

from claimgraph.store.schema import ActorTieRow, ClaimGroupRow
from claimgraph.store.schema import ClaimFiguresRow as F

T = ActorTieRow
PAIRS = 200  # pairs per statement: both orientations, two ids each, under SQLite's old 999 variables
TIED = (F.object.is_not(None), F.object != F.subject)


def _sums(a, b):
    return (a.label("a"), b.label("b"), func.count().label("n"), func.sum(F.evidence).label("e"),
            func.sum(case((F.evidence < 1, 1), else_=F.evidence)).label("w"))


def pairs_of(session: Session, keys: Iterable[str]) -> set[tuple[str, str]]:
    """The pairs of actors (smaller id first) of these claim groups, as they are stored now."""
    keys = sorted(set(keys))
    out: set[tuple[str, str]] = set()
    for n in range(0, len(keys), 900):
        for s, o in session.execute(select(ClaimGroupRow.subject, ClaimGroupRow.object).where(
                ClaimGroupRow.key.in_(keys[n:n + 900]), ClaimGroupRow.object.is_not(None),
                ClaimGroupRow.object != ClaimGroupRow.subject)):
            out.add((min(s, o), max(s, o)))
    return out


def recount(session: Session, pairs: Iterable[tuple[str, str]]) -> None:
    """Recompute the ties of these pairs (smaller id first) from the figures as they are now."""
    pairs = sorted(set(pairs))
    for n in range(0, len(pairs), PAIRS):
        part = pairs[n:n + PAIRS]
        both = part + [(b, a) for a, b in part]
        session.execute(delete(T).where(tuple_(T.actor, T.other).in_(both)))
        totals: dict[tuple[str, str], list[int]] = {}
        for a, b, claims, evidence, weight in session.execute(
                select(*_sums(F.subject, F.object)).where(tuple_(F.subject, F.object).in_(both), *TIED)
                .group_by(F.subject, F.object)):
            t = totals.setdefault((min(a, b), max(a, b)), [0, 0, 0])
            t[0], t[1], t[2] = t[0] + claims, t[1] + int(evidence or 0), t[2] + int(weight or 0)
        rows = [{"actor": x, "other": y, "claims": c, "evidence": e, "weight": w}
                for (a, b), (c, e, w) in totals.items() for x, y in ((a, b), (b, a))]
        if rows:
            session.execute(insert(T), rows)


def rebuild(session: Session) -> None:
    """Every tie again, from the figures."""
    session.execute(delete(T))
    directed = union_all(select(*_sums(F.subject, F.object)).where(*TIED).group_by(F.subject, F.object),
                         select(*_sums(F.object, F.subject)).where(*TIED).group_by(F.object, F.subject)).subquery()
    d = directed.c
    session.execute(insert(T).from_select(
        ["actor", "other", "claims", "evidence", "weight"],
        select(d.a, d.b, func.sum(d.n), func.sum(d.e), func.sum(d.w)).group_by(d.a, d.b)))
