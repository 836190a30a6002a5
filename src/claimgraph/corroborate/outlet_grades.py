"""Analysts' source reliability grades, kept in the store (`source_grades`) over the sources YAML.

`set_grade` records an analyst's A–F grade of an outlet with a reason: one row (never deleted),
one 'reliability' entry in the resolver's audit log (outlet, old and new grade, reason, analyst),
and, in the same transaction, the figures of every claim group the grade rates (documents of
that outlet, readings attributed to it). `Resolver.undo` takes it back (`mark_undone`).
The grade of an outlet is its latest row not undone, else the YAML's, else F (`store_sources`).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from claimgraph.corroborate.sources import GRADES, Sources, default_sources, outlet_key
from claimgraph.store.schema import ClaimRow, DocumentRow, EntityRow, EvidenceRow, SourceGradeRow


class GradeError(ValueError):
    """A grade that cannot be recorded; the message says why."""


def live_grades(reader) -> dict[str, SourceGradeRow]:
    """Outlet key → its analyst's grade (the latest row not undone). `reader` is a session or a
    query view's reads (anything with `execute`)."""
    rows = reader.execute(select(SourceGradeRow.id, SourceGradeRow.outlet, SourceGradeRow.name,
                                 SourceGradeRow.reliability, SourceGradeRow.reason, SourceGradeRow.analyst,
                                 SourceGradeRow.created_at)
                          .where(SourceGradeRow.undone_at.is_(None)).order_by(SourceGradeRow.id))
    return {r.outlet: r for r in rows}


def store_sources(reader, base: Sources | None = None) -> Sources:
    """The sources table (the YAML and the analyst's files) with the store's analyst grades over it."""
    base = base or default_sources()
    grades = live_grades(reader)
    if not grades:
        return base
    return base.with_grades((r.name, r.reliability, r.reason, r.analyst) for r in grades.values())


def origin(entry) -> str:
    """Where a grade comes from: "analyst" (the store), "yaml" (a sources file) or "default" (F)."""
    if entry is None:
        return "default"
    return "analyst" if entry.origin == "analyst" else "yaml"


def set_grade(session: Session, outlet: str, reliability: str, reason: str | None = None,
              analyst: str = "analyst"):
    """Record an analyst's grade of `outlet` (any spelling of it) inside the caller's transaction
    (which holds the write lock); returns the audit entry."""
    from claimgraph.corroborate import figures
    from claimgraph.resolve import judgements as jdb

    letter = str(reliability or "").strip().upper()
    if len(letter) != 1 or letter not in GRADES:
        raise GradeError(f"a reliability grade is one of A, B, C, D, E, F, not {reliability!r}")
    name = " ".join(str(outlet or "").split())
    if not outlet_key(name):
        raise GradeError("an outlet needs a name")
    before = store_sources(session)
    known = before.lookup(name)
    shown = known.name if known else display_name(session, name)
    key = Sources().key(shown)  # the key the sources list shows it under
    row = {"outlet": key, "name": shown, "reliability": letter, "reason": reason, "analyst": analyst,
           "created_at": jdb.now(), "undone_at": None}
    grade_id = session.execute(insert(SourceGradeRow).values(**row).returning(SourceGradeRow.id)).scalar_one()
    after = store_sources(session)
    figures.refresh(session, touched_by_outlet(session, [before.lookup(name), after.lookup(name)]))
    return jdb.log(session, analyst, "reliability", {
        "outlet": shown, "key": key, "old": known.reliability if known else "F", "old_origin": origin(known),
        "new": letter, "reason": reason, "grades": [grade_id]})


def grade_outlet(store, outlet: str, reliability: str, reason: str | None = None, analyst: str = "analyst"):
    """`set_grade` in a transaction of its own on `store`, under the write lock."""
    from sqlalchemy.orm import sessionmaker

    from claimgraph.store.db import lock_writes

    with sessionmaker(store.engine, expire_on_commit=False).begin() as session:
        lock_writes(session)  # one writer at a time, on PostgreSQL too
        return set_grade(session, outlet, reliability, reason, analyst)


def live_ids(session: Session) -> set[int]:
    """Ids of the analyst grades not undone (the undo machinery takes back those of an entry)."""
    return set(session.scalars(select(SourceGradeRow.id).where(SourceGradeRow.undone_at.is_(None))))


def mark_undone(session: Session, ids: list[int], at: datetime) -> None:
    """Take grades back (the outlet's grade is its earlier one again) and refresh what they rated."""
    _toggle(session, ids, at)


def mark_live(session: Session, ids: list[int]) -> None:
    """Bring undone grades back (a redo) and refresh what they rated."""
    _toggle(session, ids, None)


def _toggle(session: Session, ids: list[int], at: datetime | None) -> None:
    from claimgraph.corroborate import figures

    if not ids:
        return
    names = list(session.scalars(select(SourceGradeRow.name).where(SourceGradeRow.id.in_(ids))))
    before = store_sources(session)
    session.execute(update(SourceGradeRow).where(SourceGradeRow.id.in_(ids)).values(undone_at=at))
    after = store_sources(session)
    figures.refresh(session, touched_by_outlet(session, [*names, *(t.lookup(n) for n in names for t in (before, after))]))


def display_name(reader, name: str) -> str:
    """The spelling most of the stored documents of this outlet use (ties: the first in order),
    else the name as given."""
    key = Sources().key(name)  # as the sources list keys an outlet ("www.x.com" is "x")
    counts: dict[str, int] = {}
    for source, n in _spellings(reader):
        if Sources().key(source) == key:
            counts[source.strip()] = counts.get(source.strip(), 0) + n
    return min(counts, key=lambda s: (-counts[s], s)) if counts else name


def _spellings(reader):
    from sqlalchemy import func
    return [(s, n) for s, n in reader.execute(select(DocumentRow.source, func.count()).group_by(DocumentRow.source))
            if (s or "").strip()]


def touched_by_outlet(session: Session, entries) -> set[str]:
    """The claim groups an outlet's grade rates: those with evidence in its documents, and those
    with readings attributed to it (by any of its names). `entries` are `SourceGrade`s or names."""
    from claimgraph.corroborate import figures

    keys: set[str] = set()
    for e in entries:
        if e is None:
            continue
        for n in ([e] if isinstance(e, str) else [e.name, *e.aliases]):
            keys |= {k for k in _keys_of(n) if k}
    if not keys:
        return set()
    spellings = [s for s, _ in _spellings(session) if _keys_of(s) & keys]
    claim_ids: set[str] = set()
    for n in range(0, len(spellings), 200):
        docs = select(DocumentRow.id).where(DocumentRow.source.in_(spellings[n:n + 200]))
        claim_ids |= set(session.scalars(select(EvidenceRow.claim_id).distinct().where(EvidenceRow.doc_id.in_(docs))))
    texts = [t for t in session.scalars(select(ClaimRow.attributed_to_text).distinct()
                                        .where(ClaimRow.attributed_to_text.is_not(None))) if _keys_of(t) & keys]
    if texts:
        claim_ids |= set(session.scalars(select(ClaimRow.id).where(ClaimRow.attributed_to_text.in_(texts))))
    # a reading is rated by the name of its source's actor (the head of a merged cluster)
    sources = select(ClaimRow.attributed_to_entity).distinct().where(ClaimRow.attributed_to_entity.is_not(None))
    rows = session.execute(select(EntityRow.id, EntityRow.name, EntityRow.canonical).where(EntityRow.id.in_(sources))).all()
    heads = figures.canonical_of(session, [r.canonical for r in rows if r.canonical])
    head_names = dict(session.execute(select(EntityRow.id, EntityRow.name).where(EntityRow.id.in_(sorted(set(heads.values())))))
                      .all()) if heads else {}
    named = [r.id for r in rows if _keys_of(r.name) & keys
             or (r.canonical and _keys_of(head_names.get(heads.get(r.canonical, r.canonical))) & keys)]
    for n in range(0, len(named), 400):
        claim_ids |= set(session.scalars(select(ClaimRow.id).where(ClaimRow.attributed_to_entity.in_(named[n:n + 400]))))
    return figures.touched_by_claims(session, claim_ids)


def _keys_of(name: str | None) -> set[str]:
    from claimgraph.corroborate.sources import _keys
    return set(_keys(name)) if (name or "").strip() else set()
