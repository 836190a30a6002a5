"""Reading the store back: documents, entity summaries, figures and the whole graph."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from claimgraph.model import Claim, Document, Entity, Evidence, Mention
from claimgraph.store.schema import AliasRow, ClaimRow, DocumentRow, EntityRow, EvidenceRow, MentionRow


@dataclass
class EntitySummary:
    """One stored actor with how often, and in how many documents, it is mentioned."""

    id: str
    name: str
    type: str
    subtype: str | None
    country: str | None
    kb_id: str | None
    aliases: list[str] = field(default_factory=list)
    mention_count: int = 0
    document_count: int = 0


def documents(session: Session) -> list[Document]:
    rows = session.scalars(select(DocumentRow).order_by(DocumentRow.ingested_at, DocumentRow.id))
    return [
        Document(
            text=r.text, path=r.path, title=r.title, source=r.source, url=r.url, published=r.published,
            language=r.language, genre=r.genre, format=r.format, extra=dict(r.extra or {}), sha256=r.sha256,
        )
        for r in rows
    ]


def _ranked_entities(type: str | None = None, limit: int | None = None, merged: bool = False) -> Select:
    """Entities with their mention and document counts, most mentioned first; with `merged`, actors:
    the entities merged into one (`canonical`) once, under the head's row, counted together."""
    if merged:
        head = func.coalesce(EntityRow.canonical, EntityRow.id).label("head")
        counts = (select(head, func.count(MentionRow.id).label("mentions"),
                         func.count(MentionRow.doc_id.distinct()).label("docs"))
                  .select_from(EntityRow).outerjoin(MentionRow, MentionRow.entity_id == EntityRow.id)
                  .group_by(head).subquery())
        query = (select(EntityRow, counts.c.mentions, counts.c.docs).join(counts, counts.c.head == EntityRow.id)
                 .order_by(counts.c.mentions.desc(), EntityRow.name, EntityRow.id))
    else:
        mentions = func.count(MentionRow.id).label("mentions")
        query = (
            select(EntityRow, mentions, func.count(MentionRow.doc_id.distinct()).label("docs"))
            .outerjoin(MentionRow, MentionRow.entity_id == EntityRow.id)
            .group_by(EntityRow.id)
            .order_by(mentions.desc(), EntityRow.name, EntityRow.id)
        )
    if type is not None:
        query = query.where(EntityRow.type == type)
    if limit is not None:
        query = query.limit(limit)
    return query


def _aliases(session: Session, ids: list[str] | None = None) -> dict[str, list[str]]:
    query = select(AliasRow.entity_id, AliasRow.alias).order_by(AliasRow.id)
    if ids is not None:
        query = query.where(AliasRow.entity_id.in_(ids))
    aliases: dict[str, list[str]] = defaultdict(list)
    for entity_id, alias in session.execute(query):
        aliases[entity_id].append(alias)
    return aliases


def entities(session: Session, type: str | None = None, limit: int | None = None,
             merged: bool = False) -> list[EntitySummary]:
    rows = session.execute(_ranked_entities(type, limit, merged)).all()
    aliases = _aliases(session, [r[0].id for r in rows])
    if merged:  # an actor is also called what the entities merged into it are called
        heads = [r[0].id for r in rows]
        members = session.execute(select(EntityRow.id, EntityRow.name, EntityRow.canonical)
                                  .where(EntityRow.canonical.in_(heads)).order_by(EntityRow.id)).all() if heads else []
        theirs = _aliases(session, [m[0] for m in members])
        for member, name, head in members:
            aliases[head] = list(dict.fromkeys([*aliases.get(head, []), name, *theirs.get(member, [])]))
        names = {r[0].id: r[0].name for r in rows}
        aliases = {k: [a for a in v if a != names.get(k)] for k, v in aliases.items()}
    return [
        EntitySummary(e.id, e.name, e.type, e.subtype, e.country, e.kb_id, aliases.get(e.id, []), n, d)
        for e, n, d in rows
    ]


def _count_by(session: Session, column, *where) -> dict[str, int]:
    rows = session.execute(select(column, func.count()).where(*where).group_by(column)
                           .order_by(func.count().desc(), column))
    return {key: n for key, n in rows}


def summary(session: Session, merged: bool = False) -> dict:
    """Counts of what is stored; with `merged`, entities merged into one actor count once."""
    count = lambda row: session.scalar(select(func.count()).select_from(row)) or 0  # noqa: E731
    heads = [EntityRow.canonical.is_(None)] if merged else []
    return {
        "documents": count(DocumentRow),
        "documents_by_genre": _count_by(session, DocumentRow.genre),
        "entities": session.scalar(select(func.count()).select_from(EntityRow).where(*heads)) or 0,
        "entities_by_type": _count_by(session, EntityRow.type, *heads),
        "mentions": count(MentionRow),
        "claims": count(ClaimRow),
        "claims_by_kind": _count_by(session, ClaimRow.kind),
        "top_actors": [
            {"id": s.id, "name": s.name, "type": s.type, "mentions": s.mention_count, "documents": s.document_count}
            for s in entities(session, limit=10, merged=merged)
        ],
    }


def load_graph(session: Session) -> tuple[list[Document], list[Entity], list[Claim]]:
    """Every document, every entity with its mentions in all documents, every claim with its evidence."""
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for m in session.scalars(select(MentionRow).order_by(MentionRow.id)):
        mentions[m.entity_id].append(Mention(m.start, m.end, m.text, doc_id=m.doc_id, rule=m.rule))
    aliases = _aliases(session)
    graph_entities = [
        Entity(e.id, e.name, e.type, e.subtype, e.country, e.kb_id, aliases.get(e.id, []), mentions.get(e.id, []))
        for e, _, _ in session.execute(_ranked_entities())
    ]
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for ev in session.scalars(select(EvidenceRow).order_by(EvidenceRow.id)):
        evidence[ev.claim_id].append(Evidence(ev.doc_id, ev.start, ev.end, ev.text, dict(ev.attrs or {})))
    order = {claim_id: i for i, claim_id in enumerate(evidence)}  # claims in the order they were first read
    rows = sorted(session.scalars(select(ClaimRow)), key=lambda c: (order.get(c.id, len(order)), c.id))
    claims = [
        Claim(
            id=c.id, kind=c.kind, subject=c.subject, predicate=c.predicate, object=c.object, modality=c.modality,
            attributed_to=c.attributed_to_entity or c.attributed_to_text, rule=c.rule, confidence=c.confidence,
            evidence=evidence.get(c.id, []), attrs=dict(c.attrs or {}),
        )
        for c in rows
    ]
    return documents(session), graph_entities, claims
