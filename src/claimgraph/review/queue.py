"""The review queue: what needs a person, by kind, a page at a time.

- `candidates`: pairs of entities the resolver scored below its merge threshold but at or above a
  floor (`Resolver.candidates`), and pairs it recorded as unsure, not yet decided (no live
  positive or negative judgement, not one actor), with the score and the names that matched;
- `contested`: claims contradicted in the store (negated against affirmed, conflicting values);
- `single_source`: claims one independent source stands behind, graded doubtful or worse
  (credibility 4 or more);
- `surface`: claims read by the surface fallback rule (`surface:LEMMA`, where the parse gave no
  reading) — their `claims.rule` says so.

A claim an analyst has decided (a live verdict or reading) leaves the queue; a rejected claim is
in `rejected` instead. The claim kinds are selected, counted, ordered and paged in SQL over the
stored figures; candidate pairs are scored in Python (rapidfuzz) over the stored names, as
`claimgraph resolve` scores them, then paged.
"""
from __future__ import annotations

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from claimgraph.resolve.judgements import NEGATIVE, POSITIVE, UNSURE
from claimgraph.store.schema import (
    ClaimFiguresRow as F,
    ClaimReadingRow,
    ClaimRow,
    DocumentRow,
    EntityRow,
    EvidenceRow,
    MentionRow,
    ReviewRow,
)

CLAIM_KINDS = ("contested", "single_source", "surface")
KINDS = ("candidates", *CLAIM_KINDS)
FLOOR = 0.8  # the lowest score of a candidate pair shown
LOW_CREDIBILITY = 4  # doubtful (4), improbable (5), cannot be judged (6)
CONTEXT = 90  # characters of a document shown on each side of a mention


class QueueError(ValueError):
    """A queue that does not exist; the message lists those that do."""


def _undecided():
    """Claims (by figures row) no analyst has decided: no live verdict, no live reading."""
    reviewed = exists().where(ReviewRow.claim_id == F.claim_id, ReviewRow.undone_at.is_(None))
    read = exists().where(ClaimReadingRow.claim_id == F.claim_id, ClaimReadingRow.undone_at.is_(None))
    return and_(~reviewed, ~read)


def _surface():
    return exists().where(ClaimRow.canonical == F.claim_id, ClaimRow.rule.like("surface:%"))


def claim_conditions(kind: str) -> tuple[list, list]:
    """The SQL conditions on `claim_figures` of a claim kind, and its order."""
    if kind == "contested":
        return [F.contested.is_(True)], [F.sources.desc(), F.documents.desc(), F.claim_id]
    if kind == "single_source":
        return ([F.independent <= 1, F.credibility >= LOW_CREDIBILITY],
                [F.credibility.desc(), F.documents.desc(), F.claim_id])
    if kind == "surface":
        return [_surface()], [F.documents.desc(), F.claim_id]
    raise QueueError(f"a review queue is one of {', '.join(KINDS)}, not {kind!r}")


def _why(kind: str, row: dict, rules: dict[str, str]) -> str:
    if kind == "contested":
        parts = [f"{x['type']}: " + " against ".join(
            f"{v if not isinstance(v, dict) else (v.get('text') or v.get('start') or v)} ({', '.join(s) or '?'})"
            for v, s in zip(x.get("values") or [], x.get("sources") or [])) for x in row.get("contradictions") or []]
        return "contradicted \u2014 " + ("; ".join(parts) if parts else "another reading of it disagrees")
    if kind == "single_source":
        return (f"one independent source ({row['sources']} outlet(s), {row['documents']} document(s)); "
                f"graded {row.get('admiralty') or row.get('credibility')}: {row.get('credibility_label') or ''}").strip()
    rule = rules.get(row["claim"], "surface")
    return (f"read by the surface fallback rule {rule} (the parse gave no reading; "
            f"reading confidence {round((row.get('confidence') or 0) * 100)}%)")


def claim_items(view, kind: str, limit: int, offset: int) -> tuple[int, list[dict]]:
    """(how many, one page of claim rows with `why`) of a claim kind, over a `StoreView`."""
    where, order = claim_conditions(kind)
    where = [*where, _undecided()]
    total = view.session.scalar(select(func.count()).select_from(F).where(*where)) or 0
    ids = view.session.scalars(select(F.claim_id).where(*where).order_by(*order).limit(limit).offset(offset))
    rules = dict(view.session.execute(select(ClaimRow.canonical, ClaimRow.rule).where(
        ClaimRow.canonical.in_(ids), ClaimRow.rule.like("surface:%")))) if kind == "surface" and ids else {}
    rows = [view.claim_row(c) for c in view.claims_by_id(ids)]
    for row in rows:
        row["why"] = _why(kind, row, rules)
        row["queue"] = kind
    return total, rows


def counts(view, resolver) -> dict[str, int]:
    """How many items each queue holds (and how many claims are rejected)."""
    out = {}
    for kind in CLAIM_KINDS:
        where, _ = claim_conditions(kind)
        out[kind] = view.session.scalar(select(func.count()).select_from(F).where(*where, _undecided())) or 0
    out["candidates"] = len(candidate_pairs(resolver))
    out["rejected"] = rejected_count(view)
    return out


def rejected_count(view) -> int:
    latest = (select(ReviewRow.claim_id, func.max(ReviewRow.id).label("id"))
              .where(ReviewRow.undone_at.is_(None)).group_by(ReviewRow.claim_id).subquery())
    return view.session.scalar(select(func.count()).select_from(ReviewRow).join(latest, latest.c.id == ReviewRow.id)
                               .where(ReviewRow.verdict == "rejected")) or 0


# -- candidate pairs ------------------------------------------------------------------------------

_SCORED: dict[tuple, list] = {}  # (store, floor, what the scores depend on) → the scored candidates


def _scored(resolver, floor: float) -> list:
    """`Resolver.candidates(floor)`, scored again only when entities, aliases, mentions or
    judgements changed (the last row ids and counts say so): switching tabs does not rescore."""
    from claimgraph.store.schema import AliasRow, JudgementRow
    with Session(resolver.store.engine.execution_options(sqlite_begin="DEFERRED")) as session:
        state = tuple(session.execute(select(
            select(func.count()).select_from(EntityRow).scalar_subquery(),
            select(func.max(AliasRow.id)).scalar_subquery(), select(func.count()).select_from(AliasRow).scalar_subquery(),
            select(func.max(MentionRow.id)).scalar_subquery(),
            select(func.count()).select_from(MentionRow).scalar_subquery(),
            select(func.max(JudgementRow.id)).scalar_subquery())).one())
    key = (str(resolver.store.engine.url), floor, state)
    if key not in _SCORED:
        if len(_SCORED) >= 4:
            _SCORED.pop(next(iter(_SCORED)))
        _SCORED[key] = resolver.candidates(min_score=floor)
    return _SCORED[key]


def candidate_pairs(resolver, floor: float = FLOOR, threshold: float | None = None) -> list[dict]:
    """Undecided pairs, best score first: scored from `floor` up to the merge threshold, and those
    recorded unsure; each `{left_id, right_id, score, rule, why, judgement}`."""
    from claimgraph.resolve.resolver import DEFAULT_THRESHOLD

    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    latest: dict[tuple[str, str], object] = {}
    for j in resolver.judgements(live_only=True):
        latest[j.pair] = j
    canonical = resolver.mapping()
    one = lambda a, b: canonical.get(a, a) == canonical.get(b, b)  # noqa: E731
    found: dict[tuple[str, str], dict] = {}
    for c in _scored(resolver, floor):
        pair = (c.left_id, c.right_id)
        j = latest.get(pair)
        if c.score >= threshold and (j is None or j.judgement != UNSURE):
            continue
        if (j is not None and j.judgement in (POSITIVE, NEGATIVE)) or one(*pair):
            continue
        found[pair] = {"left_id": pair[0], "right_id": pair[1], "score": round(c.score, 4), "rule": c.rule,
                       "why": c.reason, "judgement": j.judgement if j else None}
    for pair, j in latest.items():  # recorded unsure, and no longer a scored candidate (names changed)
        if j.judgement == UNSURE and pair not in found and not one(*pair):
            found[pair] = {"left_id": pair[0], "right_id": pair[1], "score": j.score, "rule": j.decided_by,
                           "why": j.reason, "judgement": UNSURE}
    return sorted(found.values(), key=lambda p: (-(p["score"] or 0), p["left_id"], p["right_id"]))


def _entity(session: Session, entity_id: str, canonical: dict[str, str]) -> dict:
    e = session.get(EntityRow, entity_id)
    if e is None:
        return {"id": entity_id, "name": entity_id}
    mentions = _mentions(session, entity_id)
    documents = session.scalar(select(func.count(func.distinct(MentionRow.doc_id))).where(MentionRow.entity_id == entity_id))
    return {"id": e.id, "name": e.name, "type": e.type, "country": e.country, "kb_id": e.kb_id,
            "actor": canonical.get(e.id, e.id), "documents": documents or 0, "mentions": mentions}


def _mentions(session: Session, entity_id: str, n: int = 2) -> list[dict]:
    """The first mentions of an entity in `n` documents, each with the text around it."""
    first = (select(MentionRow.doc_id, func.min(MentionRow.start).label("start"))
             .where(MentionRow.entity_id == entity_id).group_by(MentionRow.doc_id).subquery())
    rows = session.execute(
        select(MentionRow.doc_id, MentionRow.start, MentionRow.end, DocumentRow.title, DocumentRow.source,
               DocumentRow.published)
        .join(first, and_(first.c.doc_id == MentionRow.doc_id, first.c.start == MentionRow.start))
        .join(DocumentRow, DocumentRow.id == MentionRow.doc_id)
        .where(MentionRow.entity_id == entity_id).order_by(DocumentRow.published.desc(), MentionRow.doc_id)
        .limit(n)).all()
    out = []
    for r in rows:
        lo = max(r.start - CONTEXT, 0)
        text = session.scalar(select(func.substr(DocumentRow.text, lo + 1, (r.end - lo) + CONTEXT))
                              .where(DocumentRow.id == r.doc_id)) or ""
        out.append({"doc": r.doc_id, "title": r.title, "source": r.source, "published": r.published,
                    "excerpt": text, "start": r.start - lo, "end": r.end - lo, "cut_before": lo > 0})
    return out


def pair_items(store, resolver, limit: int, offset: int, floor: float = FLOOR) -> tuple[int, list[dict]]:
    pairs = candidate_pairs(resolver, floor)
    canonical = resolver.mapping()
    shown = pairs[offset:offset + limit]
    with Session(store.engine.execution_options(sqlite_begin="DEFERRED")) as session:
        for p in shown:
            p["left"] = _entity(session, p["left_id"], canonical)
            p["right"] = _entity(session, p["right_id"], canonical)
            p["queue"] = "candidates"
    return len(pairs), shown


# -- rejected claims ------------------------------------------------------------------------------

def rejected_items(store, limit: int, offset: int) -> tuple[int, list[dict]]:
    """The rejected claims, latest rejection first, as the machine (or the analyst) read them, with
    who rejected them, why, and their first sentence."""
    from claimgraph.review.readings import live_readings
    from claimgraph.review.reviews import Reviews

    total, rows = Reviews(store).rejected(limit, offset)
    ids = [r["claim"] for r in rows]
    with Session(store.engine.execution_options(sqlite_begin="DEFERRED")) as session:
        claims = {c.id: c for c in session.scalars(select(ClaimRow).where(ClaimRow.id.in_(ids)))}
        readings = live_readings(session, ids)
        named = {x for c in claims.values() for x in (c.subject, c.object) if x}
        named |= {x for r in readings.values() for x in (r.subject, r.object) if x}
        names = dict(session.execute(select(EntityRow.id, EntityRow.name).where(EntityRow.id.in_(sorted(named)))).all())
        evidence = {}
        for cid in ids:
            ev = session.execute(select(EvidenceRow.doc_id, EvidenceRow.text, DocumentRow.title, DocumentRow.source,
                                        DocumentRow.published)
                                 .join(DocumentRow, DocumentRow.id == EvidenceRow.doc_id)
                                 .where(EvidenceRow.claim_id == cid).order_by(EvidenceRow.id).limit(1)).first()
            evidence[cid] = None if ev is None else {"doc": ev.doc_id, "excerpt": ev.text, "title": ev.title,
                                                     "source": ev.source, "published": ev.published}
    ref = lambda i: None if i is None else {"id": i, "name": names.get(i, i)}  # noqa: E731
    for r in rows:
        c = claims.get(r["claim"])
        if c is None:
            continue
        read = readings.get(c.id)
        r.update(kind=c.kind, subject=ref(read.subject if read else c.subject),
                 predicate=read.predicate if read else c.predicate,
                 object=ref(read.object if read else c.object), modality=read.modality if read else c.modality,
                 rule=c.rule, evidence=evidence.get(c.id), queue="rejected")
    return total, rows
