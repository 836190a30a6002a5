"""The claims an answer needs, chosen in SQL over the stored figures (`claim_figures`).

Each function returns claim ids (and counts), best first, for a `StoreView` to read in full.
When the filter is exact in SQL (`ClaimFilter.sql_exact`), the database ranks and cuts; with a
date range, SQL narrows and `ClaimFilter.keep` decides on each claim's spans.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, or_, select

from claimgraph.model import Claim
from claimgraph.query.filters import ClaimFilter
from claimgraph.store.schema import ClaimFiguresRow as F
from claimgraph.store.schema import DocumentRow, MentionRow

FIGURES = F.__table__  # selected as rows, not ORM objects
RANK = (F.sources.desc(), F.documents.desc(), F.claim_id)  # best attested first
PAGE = 2000


def light(view, rows: Iterable) -> list[Claim]:
    """Claims without their evidence, from figures rows: enough for the filters and the orders."""
    out = []
    for f in rows:
        view._figures[f.claim_id] = f
        out.append(Claim(f.claim_id, f.kind, f.subject, f.predicate, f.object, f.modality))
    return out


def kept(view, rule: ClaimFilter, query) -> list[Claim]:
    """The claims of `query` (a select of figures rows) that `rule` keeps."""
    claims = light(view, view.session.execute(query))
    return claims if rule.sql_exact else [c for c in claims if rule.keep(view, c)]


def _best(claims: list[Claim], view) -> list[Claim]:
    return sorted(claims, key=lambda c: (-view._figures[c.id].sources, -view._figures[c.id].documents, c.id))


def _latest(claims: list[Claim], view) -> list[Claim]:
    day = lambda c: view._figures[c.id].date_last  # noqa: E731
    dated = sorted((c for c in claims if day(c) is not None), key=lambda c: c.id)
    dated.sort(key=day, reverse=True)
    return dated + sorted((c for c in claims if day(c) is None), key=lambda c: c.id)


def dossier_lines(view, entity_id: str, rule: ClaimFilter, limit: int | None, where: list = ()) -> dict:
    """The relation lines of an actor per (predicate, side), best attested first, and its events,
    latest first, each cut at `limit`, with the totals before the cut (`where`: more conditions)."""
    conds = [*rule.conditions(F), *where]
    relations: dict[tuple[str, str], tuple[list[str], int]] = {}
    touching = or_(F.subject == entity_id, F.object == entity_id, F.location == entity_id)
    if rule.sql_exact:
        for side, column in (("as_subject", F.subject), ("as_object", F.object)):
            ranked = select(F.claim_id, F.predicate,
                            func.row_number().over(partition_by=F.predicate, order_by=RANK).label("rn"),
                            func.count().over(partition_by=F.predicate).label("n")
                            ).where(F.kind == "relation", column == entity_id, *conds).subquery()
            query = select(ranked.c.claim_id, ranked.c.predicate, ranked.c.n)
            if limit is not None:
                query = query.where(ranked.c.rn <= limit)
            for claim_id, predicate, n in view.session.execute(query.order_by(ranked.c.predicate, ranked.c.rn)):
                relations.setdefault((predicate, side), ([], n))[0].append(claim_id)
        where = (F.kind == "event", touching, *conds)
        total = view.session.scalar(select(func.count()).select_from(F).where(*where)) or 0
        query = select(F.claim_id).where(*where).order_by(F.date_last.is_(None), F.date_last.desc(), F.claim_id)
        events = list(view.session.scalars(query.limit(limit) if limit is not None else query))
        return {"relations": relations, "events": events, "events_total": total}
    claims = kept(view, rule, select(FIGURES).where(touching, *conds))
    for side in ("as_subject", "as_object"):
        sided = [c for c in claims if c.kind == "relation" and entity_id == (c.subject if side == "as_subject" else c.object)]
        by_predicate: dict[str, list[Claim]] = {}
        for c in sided:
            by_predicate.setdefault(c.predicate, []).append(c)
        for predicate, found in by_predicate.items():
            relations[(predicate, side)] = ([c.id for c in _best(found, view)[:limit]], len(found))
    events = _latest([c for c in claims if c.kind == "event"], view)
    return {"relations": relations, "events": [c.id for c in events[:limit]], "events_total": len(events)}


def mentioning(view, entity_id: str, limit: int | None) -> tuple[list[dict], int]:
    """The documents that mention an actor (under any of its merged ids), most mentions first."""
    members = view.members(entity_id)  # its ids first: an OR across the join lets a planner scan every mention
    counts = (select(MentionRow.doc_id, func.count().label("n")).where(MentionRow.entity_id.in_(members))
              .group_by(MentionRow.doc_id).subquery())
    total = view.session.scalar(select(func.count()).select_from(counts)) or 0
    query = (select(counts.c.doc_id, counts.c.n, DocumentRow.title, DocumentRow.source, DocumentRow.published)
             .join(DocumentRow, DocumentRow.id == counts.c.doc_id)
             .order_by(counts.c.n.desc(), func.coalesce(DocumentRow.published, ""), counts.c.doc_id))
    if limit is not None:
        query = query.limit(limit)
    rows = [{"id": d, "title": t, "source": s, "published": p, "mentions": n}
            for d, n, t, s, p in view.session.execute(query)]
    return rows, total


def _best_of_side(view, column, actor: str, where: list, limit: int) -> list:
    """(claim id, sources, documents) of the `limit` best attested claims with `actor` in `column`
    (and of every claim tied with the last of them on sources and documents, for the order's last
    key), read from the end of the side's rank index."""
    base = select(F.claim_id, F.sources, F.documents).where(column == actor, *where)
    rows = list(view.session.execute(
        base.order_by(F.sources.desc(), F.documents.desc(), F.claim_id.desc()).limit(limit)))
    if len(rows) == limit:
        last = rows[-1]
        rows += view.session.execute(base.where(F.sources == last.sources, F.documents == last.documents))
    return rows


def ranked_claims(view, rule: ClaimFilter, where: list, limit: int | None, actor: str | None = None) -> list[Claim]:
    """Claims meeting `where` and `rule` (and with `actor` as subject or object), best attested
    first, the first `limit` of them; read a page at a time, so that a date range that SQL only
    narrows still stops at `limit`. An actor's first claims come from each side's rank index."""
    if actor is not None and rule.sql_exact and limit is not None:
        conds = [*where, *rule.conditions(F)]
        rows = {r.claim_id: r for column in (F.subject, F.object) for r in _best_of_side(view, column, actor, conds, limit)}
        ranked = [r.claim_id for r in sorted(rows.values(), key=lambda r: (-r.sources, -r.documents, r.claim_id))[:limit]]
        figures = view.figures_of(ranked)  # the figures of those only
        return light(view, [figures[i] for i in ranked if i in figures])
    if actor is not None:
        where = [*where, or_(F.subject == actor, F.object == actor)]
    query = select(FIGURES).where(*where, *rule.conditions(F)).order_by(*RANK)
    if rule.sql_exact:
        return light(view, view.session.execute(query.limit(limit) if limit is not None else query))
    out: list[Claim] = []
    offset = 0
    while limit is None or len(out) < limit:
        page = light(view, view.session.execute(query.limit(PAGE).offset(offset)))
        out += [c for c in page if rule.keep(view, c)]
        if len(page) < PAGE:
            break
        offset += PAGE
    return out[:limit] if limit is not None else out

