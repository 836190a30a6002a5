"""What the queries hand around besides entities and claims: a document's details for the
answers, the error of an unknown entity, and a claim as every answer shows it (built the same
way from the stored figures of a `StoreView` and from the in-memory `Snapshot` of the tests)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class UnknownEntity(KeyError):
    """An entity id that is not in the store."""

    def __str__(self) -> str:
        return f"no entity with id {self.args[0]!r} in the store"


class ActorRefs:
    """Actors by id as the answers name them, over an `entities` mapping (`get`, `in`)."""

    entities: Any

    def entity(self, entity_id: str):
        e = self.entities.get(entity_id)
        if e is None:
            raise UnknownEntity(entity_id)
        return e

    def name(self, entity_id: str | None) -> str | None:
        e = self.entities.get(entity_id) if entity_id else None
        return e.name if e else entity_id

    def ref(self, entity_id: str | None) -> dict | None:
        """`{"id", "name"}` of an entity, or None."""
        return None if entity_id is None else {"id": entity_id, "name": self.name(entity_id)}

    def attribution(self, value: str | None) -> dict | str | None:
        """An entity source as `{"id", "name"}`, an unnamed one as its phrase, the author as None."""
        return self.ref(value) if value in self.entities else value


@dataclass
class DocInfo:
    id: str
    title: str | None
    source: str | None
    published: str | None
    cluster: str | None = None  # its near-duplicate story (the id of the story's first document)
    genre: str | None = None


def reprint_of(doc: DocInfo | None) -> str | None:
    return doc.cluster if doc is not None and doc.cluster and doc.cluster != doc.id else None


# pieces of evidence and contradictions a claim of a dossier or a claims list shows: a claim read
# by many documents holds hundreds of one and thousands of the other (each pair of differing
# figures); the rest are counted (`evidence_more`, `contradictions_more`), and the claim's own
# answer (`GET /api/claims/{id}`) or `shown=None` gives them all
SHOWN = 5

GRADE_FIELDS = ("modalities", "credibility", "credibility_label", "credibility_reason", "reliability", "admiralty",
                "contested")


def evidence_rows(claim, documents) -> list[dict]:
    """Each piece of evidence with its document's title, source, date and story."""
    rows = []
    for ev in claim.evidence:
        doc = documents.get(ev.doc_id)
        rows.append({"doc": ev.doc_id, "title": doc.title if doc else None, "source": doc.source if doc else None,
                     "published": doc.published if doc else None, "reprint_of": reprint_of(doc),
                     "start": ev.start, "end": ev.end, "excerpt": ev.text})
    return rows


def claim_row(q, c, graded: dict | None = None, contradictions: list[dict] | None = None) -> dict:
    """A claim as the queries show it: actors by name, counts of documents and sources, its grade,
    contradictions and validity, and its evidence; `q` is a `StoreView` or a `Snapshot`. `graded`
    (its group's grade) and `contradictions` (those of the claim) are given when read already."""
    row = {"claim": c.id, "kind": c.kind, "subject": q.ref(c.subject), "predicate": c.predicate,
           "object": q.ref(c.object), "modality": c.modality, "attributed_to": q.attribution(c.attributed_to),
           "confidence": round(c.confidence, 4), "date": c.attrs.get("date"),
           "documents": q.doc_count(c), "sources": q.source_count(c), "independent": q.independent(c)}
    graded = graded if graded is not None else q.corroboration(c)
    row.update({k: graded[k] for k in GRADE_FIELDS})
    if contradictions is None:
        contradictions = [x for x in graded["contradictions"] if c.id in x["claims"]]
    row["contradictions"] = [
        {"type": x["type"], "claims": x["claims"], "values": x["values"], "sources": x["sources"],
         "interested": bool(x.get("interested"))}
        for x in contradictions]
    row["valid"] = q.validity(c).as_dict() if c.kind == "relation" else None
    row["review"] = q.reviews.get(c.id)
    if c.kind == "event":
        row.update(status=c.attrs.get("status"), conditional=c.attrs.get("conditional"), mode=c.attrs.get("mode"),
                   location=q.ref(c.attrs.get("location")))
    row["evidence"] = evidence_rows(c, q.documents)
    return row
