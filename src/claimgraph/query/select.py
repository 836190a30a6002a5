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


def first_rows(view, columns: tuple, where: list, keys: tuple, limit: int) -> list:
    """The first `limit` rows (of `columns`, which hold `keys` and the claim id) meeting `where`, in
    the order of `keys` descending, then claim id: read backwards from an index on (…, *keys,
    claim_id), which stops at the limit, then the rows tied with the last on `keys` in claim id
    order (the index's order within a tie)."""
    base = select(*columns).where(*where)
    rows = list(view.session.execute(base.order_by(*(k.desc() for k in keys), F.claim_id.desc()).limit(limit)))
    value = lambda r: tuple(getattr(r, k.key) for k in keys)  # noqa: E731
    if len(rows) == limit:
        last = value(rows[-1])
        rows = [r for r in rows if value(r) != last]
        rows += view.session.execute(base.where(*(k == v for k, v in zip(keys, last)))
                                     .order_by(F.claim_id).limit(limit - len(rows)))
    rows.sort(key=lambda r: r.claim_id)
    rows.sort(key=value, reverse=True)
    return rows


def _relation_lines(view, column, entity_id: str, conds: list, limit: int | None, offset: int) -> dict:
    """predicate → (its best attested claim ids with `entity_id` in `column` after the first
    `offset`, how many there are): counted from the side's index, each predicate's first
    `offset + limit` read from its end."""
    where = [column == entity_id, F.kind == "relation", *conds]
    counts = view.session.execute(select(F.predicate, func.count()).where(*where).group_by(F.predicate))
    out = {}
    for predicate, n in counts:
        if limit is None:
            ids = list(view.session.scalars(select(F.claim_id).where(*where, F.predicate == predicate).order_by(*RANK)))
        else:
            ids = [r.claim_id for r in first_rows(view, (F.claim_id, F.sources, F.documents), [*where, F.predicate == predicate],
                                                  (F.sources, F.documents), offset + limit)]
        out[predicate] = (ids[offset:], n)
    return out


def _latest_events(view, entity_id: str, conds: list, limit: int) -> tuple[list[str], int]:
    """The `limit` latest events touching an actor (as actor, target or place: undated last), and
    how many there are, per side from its index: each claim counted on its first side only."""
    sides = [[F.subject == entity_id],
             [F.object == entity_id, F.subject != entity_id],
             [F.location == entity_id, F.subject != entity_id, or_(F.object.is_(None), F.object != entity_id)]]
    total = sum(view.session.scalar(select(func.count()).select_from(F).where(F.kind == "event", *side, *conds)) or 0
                for side in sides)
    dated = {}
    for side in sides:
        for r in first_rows(view, (F.claim_id, F.date_last), [F.kind == "event", *side, F.date_last.is_not(None), *conds],
                            (F.date_last,), limit):
            dated[r.claim_id] = r.date_last
    ids = sorted(dated)
    ids.sort(key=dated.get, reverse=True)
    ids = ids[:limit]
    if len(ids) < limit:
        undated = set()
        for side in sides:
            undated.update(view.session.scalars(select(F.claim_id).where(F.kind == "event", *side, F.date_last.is_(None),
                                                                         *conds).order_by(F.claim_id)
                                                .limit(limit - len(ids))))
        ids += sorted(undated)[:limit - len(ids)]
    return ids, total


def dossier_lines(view, entity_id: str, rule: ClaimFilter, limit: int | None, where: list = (),
                  offset: int = 0) -> dict:
    """The relation lines of an actor per (predicate, side), best attested first, and its events,
    latest first, each a page of `limit` after the first `offset`, with the totals of each
    (`where`: more conditions).
    A hub's sections are read a page each from the side indexes (migration 0018)."""
    conds = [*rule.conditions(F), *where]
    relations: dict[tuple[str, str], tuple[list[str], int]] = {}
    touching = or_(F.subject == entity_id, F.object == entity_id, F.location == entity_id)
    if rule.sql_exact:
        for side, column in (("as_subject", F.subject), ("as_object", F.object)):
            for predicate, found in _relation_lines(view, column, entity_id, conds, limit, offset).items():
                relations[(predicate, side)] = found
        if limit is not None:
            events, total = _latest_events(view, entity_id, conds, offset + limit)
            return {"relations": relations, "events": events[offset:], "events_total": total}
        where = (F.kind == "event", touching, *conds)
        query = select(F.claim_id).where(*where).order_by(F.date_last.is_(None), F.date_last.desc(), F.claim_id)
        events = list(view.session.scalars(query))
        return {"relations": relations, "events": events[offset:], "events_total": len(events)}
    claims = kept(view, rule, select(FIGURES).where(touching, *conds))
    for side in ("as_subject", "as_object"):
        sided = [c for c in claims if c.kind == "relation" and entity_id == (c.subject if side == "as_subject" else c.object)]
        by_predicate: dict[str, list[Claim]] = {}
        for c in sided:
            by_predicate.setdefault(c.predicate, []).append(c)
        for predicate, found in by_predicate.items():
            relations[(predicate, side)] = ([c.id for c in _page(_best(found, view), limit, offset)], len(found))
    events = _latest([c for c in claims if c.kind == "event"], view)
    return {"relations": relations, "events": [c.id for c in _page(events, limit, offset)], "events_total": len(events)}


def _page(items: list, limit: int | None, offset: int) -> list:
    return items[offset:] if limit is None else items[offset:offset + limit]


def mentioning(view, entity_id: str, limit: int | None, offset: int = 0) -> tuple[list[dict], int]:
    """The documents that mention an actor (under any of its merged ids), most mentions first, and
    how many there are, in one statement: the mentions are counted per document from the index
    alone, and only the documents with as many mentions as the last of the page (`limit` after
    `offset`) are joined to be ordered (a hub is mentioned once or twice in each of a hundred
    thousand documents)."""
    members = view.members(entity_id)  # its ids first: an OR across the join lets a planner scan every mention
    counts = (select(MentionRow.doc_id, func.count().label("n")).where(MentionRow.entity_id.in_(members))
              .group_by(MentionRow.doc_id).cte("counts"))
    total = select(func.count()).select_from(counts).scalar_subquery()
    query = (select(counts.c.doc_id, counts.c.n, DocumentRow.title, DocumentRow.source, DocumentRow.published,
                    total.label("total"))
             .join(DocumentRow, DocumentRow.id == counts.c.doc_id)
             .order_by(counts.c.n.desc(), func.coalesce(DocumentRow.published, ""), counts.c.doc_id))
    if limit is not None:
        least = select(counts.c.n).order_by(counts.c.n.desc()).limit(1).offset(offset + limit - 1).scalar_subquery()
        query = query.where(counts.c.n >= func.coalesce(least, 0)).limit(limit)
    query = query.offset(offset) if offset else query
    found = list(view.session.execute(query))
    rows = [{"id": d, "title": t, "source": s, "published": p, "mentions": n} for d, n, t, s, p, _ in found]
    if not found and offset:  # a page past the last
        return rows, view.session.scalar(select(total)) or 0
    return rows, found[0].total if found else 0


def actor_events(view, actor: str, where: list, limit: int) -> list[Claim]:
    """The first `limit` events with `actor` as actor or target that meet `where`, in the events
    list's order (own day, undated last, then type and id): each side's first dated ones, then
    if need be its first undated ones, read from the side's index (migration 0018) and merged."""
    order = lambda f: (f.date_own is None, f.date_own or "", f.predicate, f.claim_id)  # noqa: E731
    found: dict = {}
    for dated in (True, False):
        wanted = limit - len(found)
        if wanted <= 0:
            break
        day = F.date_own.is_not(None) if dated else F.date_own.is_(None)
        rows = {}
        for column in (F.subject, F.object):
            query = (select(FIGURES).where(column == actor, F.kind == "event", day, *where)
                     .order_by(F.date_own, F.predicate, F.claim_id).limit(wanted))
            rows.update((f.claim_id, f) for f in view.session.execute(query))
        found.update((f.claim_id, f) for f in sorted(rows.values(), key=order)[:wanted])
    return light(view, sorted(found.values(), key=order))


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

