"""The one read of the store that every export format writes from, in pages.

`StoreRead(store, Selection(...))` streams what an export holds: the kept claims as the queries
show them (`query.records.claim_row`, after merges, with their grade and evidence), the actors
and documents those claims name, and the actors' mentions. Claims come in the order of their
group (kind, subject, predicate, object by canonical ids), so that a writer of one edge per
group meets a group's claims one after another. Each page is read through a fresh `StoreView`:
what one page fetched is dropped before the next, and memory does not grow with the store.
Only the ids of the actors and documents to export are kept between pages.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select, tuple_

from claimgraph.query.filters import ClaimFilter
from claimgraph.query.view import StoreView, chunks
from claimgraph.store.schema import ClaimFiguresRow as F
from claimgraph.store.schema import ClaimRow, DocumentRow, EntityRow, EvidenceRow, MentionRow

PAGE = 500  # claims per page


@dataclass
class Selection:
    """Which claims an export holds: the filters of the queries, plus an actor's own claims,
    contested or single-source ones, and negated claims only when asked for."""

    rule: ClaimFilter = field(default_factory=ClaimFilter)
    contested: bool = False
    single_source: bool = False
    actor: str | None = None  # an entity id: the claims with it as subject, object or place
    include_negated: bool = False
    listed: bool = False  # only claims touching an actor matched to a sanctions or watch list
    # only these claims (canonical ids: a page's selection, the network's edges or an events table),
    # in group order, or in the order given when `ordered`
    claim_ids: Sequence[str] | None = None
    ordered: bool = False

    @property
    def everything(self) -> bool:
        """Keeps every claim of the store."""
        return self.whole_store and self.include_negated

    @property
    def whole_store(self) -> bool:
        """No filter narrows the store to a part of it (leaving denials out does not): then every
        actor and document is exported, those no kept claim names too."""
        return (self.rule.trivial and not self.contested and not self.single_source and self.actor is None
                and not self.listed and self.claim_ids is None)

    def conditions(self) -> list:
        out = list(self.rule.conditions(F))
        if self.contested:
            out.append(F.contested.is_(True))
        if self.single_source:
            out.append(F.independent == 1)
        if self.actor is not None:
            out.append(or_(F.subject == self.actor, F.object == self.actor, F.location == self.actor))
        if not self.include_negated:
            out.append(F.modality != "negated")
        if self.listed:
            from claimgraph.kb.listings import listed_condition
            out.append(listed_condition(F))
        return out


class StoreRead:
    """A store as an export reads it (see the module's docstring)."""

    def __init__(self, store, selection: Selection | None = None, page: int = PAGE, on_claims=None):
        self.store, self.selection, self.page = store, selection or Selection(include_negated=True), page
        self.on_claims = on_claims  # called with the number of claims of each page handed out
        self._actor_ids: list[str] | None = None
        self._doc_ids: list[str] | None = None
        self._count: int | None = None

    # -- claims ---------------------------------------------------------------------------------
    def _id_pages(self) -> Iterator[list]:
        """Pages of the kept claims' figures rows, in (group, claim id) order (keyset paging)."""
        conds = self.selection.conditions()
        if self.selection.claim_ids is not None:
            yield from self._listed_pages(conds)
            return
        last = None
        while True:
            with StoreView(self.store) as view:
                query = select(F.__table__).where(*conds)
                if last is not None:
                    query = query.where(tuple_(F.group_key, F.claim_id) > last)
                rows = list(view.session.execute(query.order_by(F.group_key, F.claim_id).limit(self.page)))
                if not rows:
                    return
                last = (rows[-1].group_key, rows[-1].claim_id)
                kept = self._kept(view, rows)
            if kept:
                yield kept
            if len(rows) < self.page:
                return

    def _listed_pages(self, conds: list) -> Iterator[list]:
        """Pages of the figures rows of `Selection.claim_ids` that the conditions keep: in group
        order (read once as (group, id) pairs, then a page at a time), or as given when `ordered`."""
        ids = list(dict.fromkeys(self.selection.claim_ids))
        if not self.selection.ordered:
            keys = []
            with StoreView(self.store) as view:
                for part in chunks(ids):
                    keys.extend(view.session.execute(select(F.group_key, F.claim_id).where(F.claim_id.in_(part))))
            ids = [claim_id for _, claim_id in sorted(keys)]
        for part in chunks(ids, self.page):
            with StoreView(self.store) as view:
                found = {r.claim_id: r for r in view.session.execute(
                    select(F.__table__).where(F.claim_id.in_(part), *conds))}
                kept = self._kept(view, [found[i] for i in part if i in found])
            if kept:
                yield kept

    def _kept(self, view: StoreView, rows: list) -> list:
        """The rows the selection's filter keeps (those SQL could not decide, checked on the claims)."""
        rule = self.selection.rule
        if rule.sql_exact or not rows:
            return rows
        from claimgraph.query.select import light
        ids = {c.id for c in light(view, rows) if rule.keep(view, c)}
        return [r for r in rows if r.claim_id in ids]

    def claim_pages(self) -> Iterator[list[dict]]:
        """The kept claims, a page at a time, each as `claim_row` shows it plus `rule`, `group`,
        `quantity`, the actors' `type` and `country` in their refs, and each piece of evidence's
        document `url`, `sha256` and `genre`."""
        for rows in self._id_pages():
            with StoreView(self.store) as view:
                claims = view.claims_by_id(r.claim_id for r in rows)
                docs = _doc_details(view, {ev.doc_id for c in claims for ev in c.evidence})
                page = []
                for c in claims:
                    row = view.claim_row(c)
                    row["rule"], row["group"] = c.rule, view.figures(c).group_key
                    row["quantity"] = c.attrs.get("quantity")
                    row.setdefault("location", view.ref(c.attrs.get("location")))  # relations too
                    for key in ("subject", "object", "location", "attributed_to"):
                        ref = row.get(key)
                        if isinstance(ref, dict):
                            e = view.entities.get(ref["id"])
                            ref.update(type=e.type if e else None, country=e.country if e else None)
                    for ev in row["evidence"]:
                        ev.update(docs.get(ev["doc"], {}))
                    page.append(row)
            yield page
            self._progress(len(page))

    def claims(self) -> Iterator[dict]:
        for page in self.claim_pages():
            yield from page

    def claim_objects(self) -> Iterator:
        """The kept claims as `model.Claim` objects (canonical ids, every reading's evidence), for
        the exchange format, a page at a time."""
        for rows in self._id_pages():
            with StoreView(self.store) as view:
                claims = view.claims_by_id(r.claim_id for r in rows)
            yield from claims
            self._progress(len(claims))

    def _progress(self, n: int) -> None:
        if self.on_claims is not None:
            self.on_claims(n)

    def claim_count(self) -> int:
        if self._count is None:
            self._scan()
        return self._count

    # -- what the claims name -------------------------------------------------------------------
    def _scan(self) -> None:
        """One pass over the kept claims' figures: the actors and documents they name."""
        actors: set[str] = set()
        docs: set[str] = set()
        count = 0
        head = func.coalesce(EntityRow.canonical, EntityRow.id)
        for rows in self._id_pages():
            count += len(rows)
            ids = [r.claim_id for r in rows]
            for r in rows:
                actors.update(x for x in (r.subject, r.object, r.location) if x)
            with StoreView(self.store) as view:
                for part in chunks(ids):
                    actors.update(a for a in view.session.scalars(
                        select(head).join(ClaimRow, ClaimRow.attributed_to_entity == EntityRow.id)
                        .where(ClaimRow.id.in_(part))) if a)
                    docs.update(view.session.scalars(
                        select(EvidenceRow.doc_id).distinct().join(ClaimRow, ClaimRow.id == EvidenceRow.claim_id)
                        .where(ClaimRow.canonical.in_(part))))
        self._count = count
        if self.selection.whole_store:
            with StoreView(self.store) as view:
                self._actor_ids = list(view.session.scalars(
                    select(EntityRow.id).where(EntityRow.canonical.is_(None))
                    .order_by(_bytewise(self.store, EntityRow.id))))
                self._doc_ids = list(view.session.scalars(
                    select(DocumentRow.id).order_by(DocumentRow.ingested_at, DocumentRow.id)))
        else:
            self._actor_ids = sorted(actors)
            self._doc_ids = sorted(docs)

    def actor_ids(self) -> list[str]:
        """The canonical ids of the actors to export, in id order: every actor of the store when
        no filter narrows it (`Selection.whole_store`), else those the kept claims name (subject,
        object, place, named source)."""
        if self._actor_ids is None:
            self._scan()
        return self._actor_ids

    def document_ids(self) -> list[str]:
        """Every document when no filter narrows the store, else those the claims cite."""
        if self._doc_ids is None:
            self._scan()
        return self._doc_ids

    def actors(self) -> Iterator[dict]:
        """Each actor to export: id, name, type, subtype, country, kb_id, aliases (of every merged
        entity), mentions and documents (counts), and `listings` (sanctions and watch lists)."""
        from claimgraph.kb import listings
        for part in chunks(self.actor_ids(), self.page):
            with StoreView(self.store) as view:
                view.entities.prefetch(part)
                counts = _mention_counts(view, part)
                listed = listings.of_actors(view, part)
                entities = [view.entities.get(eid) for eid in part]
            for e in entities:
                if e is not None:
                    mentions, documents = counts.get(e.id, (0, 0))
                    yield {"id": e.id, "name": e.name, "type": e.type, "subtype": e.subtype, "country": e.country,
                           "kb_id": e.kb_id, "aliases": list(e.aliases), "mentions": mentions,
                           "documents": documents, "listings": listed.get(e.id, [])}

    def mentions(self) -> Iterator[tuple[str, str, int, int, str]]:
        """(actor id, document id, start, end, text) of every mention of the exported actors, by
        actor, under the actor's canonical id; streamed from the database (a hub's are many)."""
        head = func.coalesce(EntityRow.canonical, EntityRow.id)
        for part in chunks(self.actor_ids(), 450):
            yield from _stream(self.store, select(head, MentionRow.doc_id, MentionRow.start, MentionRow.end,
                                                  MentionRow.text)
                               .join(EntityRow, EntityRow.id == MentionRow.entity_id)
                               .where(or_(EntityRow.id.in_(part), EntityRow.canonical.in_(part)))
                               .order_by(_bytewise(self.store, head), MentionRow.id))

    def mentions_of(self, actor_id: str) -> Iterator[tuple[str, int, int, str]]:
        """(document id, start, end, text) of the mentions of one actor under any of its merged
        ids, in the order they were stored; streamed from the database (a hub's are many)."""
        members = select(EntityRow.id).where(or_(EntityRow.id == actor_id, EntityRow.canonical == actor_id))
        yield from _stream(self.store, select(MentionRow.doc_id, MentionRow.start, MentionRow.end, MentionRow.text)
                           .where(MentionRow.entity_id.in_(members)).order_by(MentionRow.id))

    def documents(self) -> Iterator[dict]:
        """Each document to export, without its text: id, title, source, url, published, genre,
        language, sha256, path, format."""
        for part in chunks(self.document_ids(), self.page):
            with StoreView(self.store) as view:
                rows = {r.id: r for r in view.session.execute(
                    select(DocumentRow.id, DocumentRow.title, DocumentRow.source, DocumentRow.url,
                           DocumentRow.published, DocumentRow.genre, DocumentRow.language, DocumentRow.sha256,
                           DocumentRow.path, DocumentRow.format).where(DocumentRow.id.in_(part)))}
            for doc_id in part:
                if doc_id in rows:
                    yield dict(rows[doc_id]._mapping)


def _mention_counts(view: StoreView, ids: list[str]) -> dict[str, tuple[int, int]]:
    """Actor id → (mentions, documents mentioning it), under any of its merged ids, counted in SQL."""
    head = func.coalesce(EntityRow.canonical, EntityRow.id)
    out = {}
    for part in chunks(ids, 450):
        for eid, n, docs in view.session.execute(
                select(head, func.count(), func.count(MentionRow.doc_id.distinct()))
                .join(EntityRow, EntityRow.id == MentionRow.entity_id)
                .where(or_(EntityRow.id.in_(part), EntityRow.canonical.in_(part))).group_by(head)):
            out[eid] = (n, docs)
    return out


def _bytewise(store, column):
    """`column` ordered by code point, as Python sorts the ids the formats merge on (a PostgreSQL
    database's own collation, en_US say, sorts "ent-al-qaeda" after "ent-alaska")."""
    return column.collate("C") if store.engine.dialect.name == "postgresql" else column


def _stream(store, statement, batch: int = 2000) -> Iterator[tuple]:
    """The rows of `statement`, fetched `batch` at a time (a server-side cursor on PostgreSQL)."""
    with store.engine.connect().execution_options(sqlite_begin="DEFERRED") as conn:  # no write lock held
        result = conn.execution_options(yield_per=batch).execute(statement)
        for row in result:
            yield tuple(row)


def _doc_details(view: StoreView, ids: set[str]) -> dict[str, dict]:
    out = {}
    for part in chunks(sorted(ids)):
        for d in view.session.execute(select(DocumentRow.id, DocumentRow.url, DocumentRow.sha256, DocumentRow.genre)
                                      .where(DocumentRow.id.in_(part))):
            out[d.id] = {"url": d.url, "sha256": d.sha256, "genre": d.genre}
    return out


def fragment(ev: dict) -> str:
    """The evidence's place as a URL: the document's URL (or `claimgraph:doc:<id>`) with an
    RFC 5147 `#char=start,end` fragment."""
    base = (ev.get("url") or f"claimgraph:doc:{ev['doc']}").split("#", 1)[0]
    return f"{base}#char={ev['start']},{ev['end']}"
