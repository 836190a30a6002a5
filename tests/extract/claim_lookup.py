"""Finding claims by the names of their actors, for the claim-stage tests."""
from __future__ import annotations

from claimgraph.model import Claim, Document

ANY = object()


def _named(doc: Document, entity_id: str | None, name: str | None) -> bool:
    if name is None or entity_id is None:
        return name is None and entity_id is None
    ent = next((e for e in doc.entities if e.id == entity_id), None)
    return ent is not None and (ent.name == name or any(
        m.text == name for m in ent.mentions if not m.rule.startswith("coref")))


def doc_name(doc: Document, entity_id: str | None) -> str | None:
    return next((e.name for e in doc.entities if e.id == entity_id), None)


def eid(doc: Document, name: str) -> str:
    hits = [e.id for e in doc.entities if e.name == name]
    assert hits, f"no entity {name!r}; got {[e.name for e in doc.entities]}"
    return hits[0]


def listing(doc: Document) -> list[str]:
    names = {e.id: e.name for e in doc.entities}
    return [f"{names.get(c.subject)} -{c.predicate}-> {names.get(c.object)} [{c.modality}]" for c in doc.claims]


def find(doc: Document, subject: str, predicate: str, obj=ANY) -> list[Claim]:
    return [c for c in doc.claims if c.predicate == predicate and _named(doc, c.subject, subject)
            and (obj is ANY or _named(doc, c.object, obj))]


def claim(doc: Document, subject: str, predicate: str, obj=ANY) -> Claim:
    """The claim `subject predicate obj` (names or mention texts; obj None: no object)."""
    hits = find(doc, subject, predicate, obj)
    assert hits, f"no claim {subject} -{predicate}-> {obj}; got {listing(doc)}"
    return hits[0]


def predicates(doc: Document, subject: str, obj: str) -> set[str]:
    return {c.predicate for c in doc.claims if _named(doc, c.subject, subject) and _named(doc, c.object, obj)}


between = predicates


def cue_words(c: Claim) -> list[str]:
    return [cue["text"] for cue in c.attrs["cues"]]
