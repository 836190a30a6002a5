"""Writing one document and everything read from it, inside the caller's transaction."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from claimgraph.corroborate.near_duplicates import band_keys, jaccard, shingles
from claimgraph.model import Claim, Document, Entity
from claimgraph.store.schema import (
    AliasRow,
    ClaimRow,
    DocumentBandRow,
    DocumentRow,
    EntityRow,
    EvidenceRow,
    MentionRow,
)

NEAR_DUPLICATE = 0.8  # Jaccard similarity of word 5-shingles from which two texts are one story


def add_document(session: Session, doc: Document) -> bool:
    """Stage `doc`, its entities, mentions, claims and evidence; False if its text is already stored."""
    if session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == doc.sha256)) is not None:
        return False
    session.execute(insert(DocumentRow), [_document_values(doc)])
    _place_in_cluster(session, doc)
    entities = _merge_by_id(doc.entities)
    _upsert_entities(session, entities)
    _insert_mentions(session, doc, entities)
    _upsert_claims(session, doc, {e.id for e in entities})
    return True


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
    session.execute(insert(DocumentBandRow), [{"doc_id": doc.id, "band": i, "key": k} for i, k in enumerate(keys)])


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
    stored = {row.id: row for row in session.scalars(select(EntityRow).where(EntityRow.id.in_(ids)))}
    new = [e for e in entities if e.id not in stored]
    if new:
        session.execute(insert(EntityRow), [
            {"id": e.id, "name": e.name, "type": e.type, "subtype": e.subtype, "country": e.country, "kb_id": e.kb_id}
            for e in new
        ])
    for e in entities:
        row = stored.get(e.id)
        if row is not None:
            row.subtype, row.country, row.kb_id = row.subtype or e.subtype, row.country or e.country, row.kb_id or e.kb_id
    known = {tuple(r) for r in session.execute(select(AliasRow.entity_id, AliasRow.alias).where(AliasRow.entity_id.in_(ids)))}
    aliases = []
    for e in entities:
        name = stored[e.id].name if e.id in stored else e.name
        for alias in (e.name, *e.aliases):
            if alias and alias != name and (e.id, alias) not in known:
                known.add((e.id, alias))
                aliases.append({"entity_id": e.id, "alias": alias})
    if aliases:
        session.execute(insert(AliasRow), aliases)


def _insert_mentions(session: Session, doc: Document, entities: list[Entity]) -> None:
    rows: dict[tuple, dict] = {}
    for e in entities:
        for m in e.mentions:
            key = (e.id, m.start, m.end)
            if key not in rows:
                rows[key] = {"doc_id": doc.id, "entity_id": e.id, "start": m.start, "end": m.end, "text": m.text, "rule": m.rule or ""}
    if rows:
        session.execute(insert(MentionRow), list(rows.values()))


def _upsert_claims(session: Session, doc: Document, entity_ids: set[str]) -> None:
    """Insert new claims; a claim already stored (same id) gains this document's evidence."""
    claims: dict[str, Claim] = {}
    for c in doc.claims:
        claims.setdefault(c.id, c)
    if not claims:
        return
    stored = {row.id: row for row in session.scalars(select(ClaimRow).where(ClaimRow.id.in_(list(claims))))}
    new = [c for c in claims.values() if c.id not in stored]
    if new:
        session.execute(insert(ClaimRow), [_claim_values(c, entity_ids) for c in new])
    for c in claims.values():
        if c.id in stored:  # the same claim read again: keep it, trust it as much as its best reading
            stored[c.id].confidence = max(stored[c.id].confidence, c.confidence)
    known = {tuple(r) for r in session.execute(
        select(EvidenceRow.claim_id, EvidenceRow.doc_id, EvidenceRow.start, EvidenceRow.end)
        .where(EvidenceRow.claim_id.in_(list(stored)))
    )} if stored else set()
    evidence = []
    for c in doc.claims:
        for ev in c.evidence:
            key = (c.id, ev.doc_id or doc.id, ev.start, ev.end)
            if key not in known:
                known.add(key)
                evidence.append({"claim_id": key[0], "doc_id": key[1], "start": ev.start, "end": ev.end, "text": ev.text,
                                 "attrs": ev.attrs or c.attrs or {}})
    if evidence:
        session.execute(insert(EvidenceRow), evidence)


def _claim_values(c: Claim, entity_ids: set[str]) -> dict:
    source = c.attributed_to
    is_entity = source is not None and (source in entity_ids or source.startswith("ent-"))
    return {
        "id": c.id, "kind": c.kind, "subject": c.subject, "predicate": c.predicate, "object": c.object,
        "modality": c.modality, "attributed_to_entity": source if is_entity else None,
        "attributed_to_text": None if is_entity else source, "rule": c.rule or "",
        "confidence": c.confidence, "attrs": c.attrs or {},
    }
