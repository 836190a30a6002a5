"""Writing one document and everything read from it, inside the caller's transaction.

Rows are added with the dialect's `INSERT … ON CONFLICT` on their unique keys (documents by
sha256, entities and claims by id, aliases, mentions and evidence by their unique constraints),
so that two processes ingesting into one database at once store each row once: a document
another process stored first is skipped whole, an entity or claim it stored first is updated
as if it had been stored here before. Writers also take the store's write lock first
(`db.lock_writes`), so that what one document's transaction derives from the others (its
near-duplicate cluster, the figures kept per claim group) sees every document committed before it.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import case, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from claimgraph.model import Claim, Document, Entity
from claimgraph.store.db import lock_writes
from claimgraph.store.schema import (
    AliasRow,
    ClaimRow,
    DocumentBandRow,
    DocumentRow,
    EntityRow,
    EvidenceRow,
    MentionRow,
    MetaRow,
    RESOLUTION_PENDING,
)

NEAR_DUPLICATE = 0.8  # Jaccard similarity of word 5-shingles from which two texts are one story

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def upsert(session: Session, table):
    """The dialect's INSERT for `table`, the one with `on_conflict_do_nothing / do_update`."""
    dialect = session.get_bind().dialect.name
    if dialect not in _INSERTS:
        raise NotImplementedError(f"no INSERT … ON CONFLICT for {dialect}; the store runs on SQLite or PostgreSQL")
    return _INSERTS[dialect](table)


def add_document(session: Session, doc: Document) -> bool:
    """Stage `doc`, its entities, mentions, claims and evidence; False if its text is already stored."""
    lock_writes(session)
    stored = session.execute(upsert(session, DocumentRow).values(_document_values(doc))
                             .on_conflict_do_nothing(index_elements=["sha256"]).returning(DocumentRow.id)).first()
    if stored is None:
        return False
    _place_in_cluster(session, doc)
    entities = _merge_by_id(doc.entities)
    _upsert_entities(session, entities)
    _insert_mentions(session, doc, entities)
    _upsert_claims(session, doc, {e.id for e in entities})
    mark_resolution_pending(session)
    return True


def mark_resolution_pending(session: Session) -> None:
    """Record, in the transaction that stores a document, that automatic resolution has work to do
    (`Resolver.auto` clears it in its own transaction): a run killed after storing its last
    document but before resolving leaves the mark, and the next run resolves though it stores nothing."""
    session.execute(upsert(session, MetaRow).values(key=RESOLUTION_PENDING, value="1")
                    .on_conflict_do_nothing(index_elements=["key"]))


def _document_values(doc: Document) -> dict:
    return {
        "id": doc.id, "sha256": doc.sha256, "title": doc.title, "source": doc.source, "url": doc.url,
        "published": doc.published, "language": doc.language, "genre": doc.genre, "format": doc.format,
        "path": doc.path, "text": doc.text, "extra": doc.extra or {},
        "ingested_at": datetime.now(timezone.utc),
    }


def _place_in_cluster(session: Session, doc: Document) -> None:
    """Put `doc` in the near-duplicate cluster of the stored texts it reprints (by LSH band
    candidates, confirmed on their shingles), joining clusters it bridges; else in its own."""
    from claimgraph.corroborate.near_duplicates import band_keys, jaccard, shingles  # datasketch: writes only

    if not doc.text.strip():
        return
    keys = band_keys(doc.text, NEAR_DUPLICATE)
    rows = session.execute(select(DocumentBandRow.doc_id, DocumentBandRow.band, DocumentBandRow.key)
                           .where(DocumentBandRow.key.in_(set(keys)))).all()
    candidates = sorted({d for d, band, key in rows if keys[band] == key and d != doc.id})
    cluster = doc.id
    if candidates:
        mine = shingles(doc.text)
        found = session.execute(select(DocumentRow.id, DocumentRow.text, DocumentRow.cluster, DocumentRow.published)
                                .where(DocumentRow.id.in_(candidates))).all()
        same = [r for r in found if jaccard(mine, shingles(r.text)) >= NEAR_DUPLICATE]
        if same:
            heads = {r.cluster or r.id for r in same}
            first = session.execute(select(DocumentRow.id, DocumentRow.published).where(DocumentRow.id.in_(heads))).all()
            cluster = min(first, key=lambda r: (r.published is None, r.published or "", r.id)).id if first else min(heads)
            if len(heads) > 1:
                session.execute(update(DocumentRow).where(DocumentRow.cluster.in_(heads)).values(cluster=cluster))
    session.execute(update(DocumentRow).where(DocumentRow.id == doc.id).values(cluster=cluster))
    session.execute(upsert(session, DocumentBandRow).on_conflict_do_nothing(), [{"doc_id": doc.id, "band": i, "key": k} for i, k in enumerate(keys)])


def _merge_by_id(entities: list[Entity]) -> list[Entity]:
    """One Entity per id (a document may list the same actor twice); inputs are not modified."""
    merged: dict[str, Entity] = {}
    for e in entities:
        if e.id not in merged:
            merged[e.id] = Entity(e.id, e.name, e.type, e.subtype, e.country, e.kb_id, list(e.aliases), list(e.mentions))
            continue
        m = merged[e.id]
        m.subtype, m.country, m.kb_id = m.subtype or e.subtype, m.country or e.country, m.kb_id or e.kb_id
        for alias in (e.name, *e.aliases):
            m.add_alias(alias)
        m.mentions.extend(e.mentions)
    return list(merged.values())


def _upsert_entities(session: Session, entities: list[Entity]) -> None:
    """Insert new entities; a stored one keeps its name and type, gains missing details and new aliases."""
    ids = [e.id for e in entities]
    if not ids:
        return
    stmt = upsert(session, EntityRow)
    # stored or new, as Python's `stored or new`: an empty detail is a missing one
    kept = {c: func.coalesce(func.nullif(getattr(EntityRow, c), ""), getattr(stmt.excluded, c))
            for c in ("subtype", "country", "kb_id")}
    session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=kept), [
        {"id": e.id, "name": e.name, "type": e.type, "subtype": e.subtype, "country": e.country, "kb_id": e.kb_id}
        for e in entities
    ])
    names = dict(session.execute(select(EntityRow.id, EntityRow.name).where(EntityRow.id.in_(ids))).all())
    known = {tuple(r) for r in session.execute(select(AliasRow.entity_id, AliasRow.alias).where(AliasRow.entity_id.in_(ids)))}
    aliases = []
    for e in entities:
        for alias in (e.name, *e.aliases):
            if alias and alias != names[e.id] and (e.id, alias) not in known:
                known.add((e.id, alias))
                aliases.append({"entity_id": e.id, "alias": alias})
    if aliases:
        session.execute(upsert(session, AliasRow).on_conflict_do_nothing(index_elements=["entity_id", "alias"]), aliases)


def _insert_mentions(session: Session, doc: Document, entities: list[Entity]) -> None:
    rows: dict[tuple, dict] = {}
    for e in entities:
        for m in e.mentions:
            key = (e.id, m.start, m.end)
            if key not in rows:
                rows[key] = {"doc_id": doc.id, "entity_id": e.id, "start": m.start, "end": m.end, "text": m.text, "rule": m.rule or ""}
    if rows:
        session.execute(upsert(session, MentionRow).on_conflict_do_nothing(
            index_elements=["doc_id", "entity_id", "start", "end"]), list(rows.values()))


def _upsert_claims(session: Session, doc: Document, entity_ids: set[str]) -> None:
    """Insert new claims; a claim already stored (same id) gains this document's evidence."""
    claims: dict[str, Claim] = {}
    for c in doc.claims:
        claims.setdefault(c.id, c)
    if not claims:
        return
    stmt = upsert(session, ClaimRow)
    # the same claim read again: keep it, trust it as much as its best reading
    best = case((stmt.excluded.confidence > ClaimRow.confidence, stmt.excluded.confidence), else_=ClaimRow.confidence)
    session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_={"confidence": best}),
                    [_claim_values(c, entity_ids) for c in claims.values()])
    evidence: dict[tuple, dict] = {}
    for c in doc.claims:
        for ev in c.evidence:
            key = (c.id, ev.doc_id or doc.id, ev.start, ev.end)
            if key not in evidence:
                evidence[key] = {"claim_id": key[0], "doc_id": key[1], "start": ev.start, "end": ev.end, "text": ev.text,
                                 "attrs": ev.attrs or c.attrs or {}}
    if evidence:
        session.execute(upsert(session, EvidenceRow).on_conflict_do_nothing(
            index_elements=["claim_id", "doc_id", "start", "end"]), list(evidence.values()))


def _claim_values(c: Claim, entity_ids: set[str]) -> dict:
    source = c.attributed_to
    is_entity = source is not None and (source in entity_ids or source.startswith("ent-"))
    return {
        "id": c.id, "kind": c.kind, "subject": c.subject, "predicate": c.predicate, "object": c.object,
        "modality": c.modality, "attributed_to_entity": source if is_entity else None,
        "attributed_to_text": None if is_entity else source, "rule": c.rule or "",
        "confidence": c.confidence, "attrs": c.attrs or {},
    }
