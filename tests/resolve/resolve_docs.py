"""Short documents written for the resolution tests, entities built by hand (ids as the pipeline makes them)."""
from __future__ import annotations

from claimgraph.extract.entities.actors import entity_id
from claimgraph.model import Claim, Document, Entity, Evidence, Mention


def actor(text: str, name: str, type: str = "person", *, surface: str | None = None, kb: str | None = None,
          **kw) -> Entity:
    """An entity for `name`, mentioned where `surface` (default: the name) first occurs in `text`."""
    surface = surface or name
    start = text.index(surface)
    eid = f"ent-{kb}" if kb else entity_id(type, name)
    return Entity(eid, name, type, kb_id=kb, mentions=[Mention(start, start + len(surface), surface, rule="test")], **kw)


def document(text: str, *entities: Entity, claims: list[Claim] = (), source: str = "testwire") -> Document:
    doc = Document(text, path=f"{abs(hash(text))}.txt", source=source, genre="news")
    for e in entities:
        for m in e.mentions:
            m.doc_id = doc.id
    doc.entities = list(entities)
    doc.claims = list(claims)
    return doc


def relation(doc_text: str, subject: Entity, predicate: str, obj: Entity, cid: str) -> Claim:
    from claimgraph.model import text_sha256
    doc_id = "doc-" + text_sha256(doc_text)[:16]
    return Claim(cid, "relation", subject.id, predicate, obj.id, rule="test", confidence=0.8,
                 evidence=[Evidence(doc_id, 0, len(doc_text), doc_text)])
