"""Documents ⇄ Arrow tables (documents, entities, mentions, claims, evidence): the round trip is
exact for every field the store keeps; dict fields (extra, attrs) travel as JSON strings."""
from __future__ import annotations

import json
from collections import defaultdict

import pyarrow as pa

from claimgraph.model import Claim, Document, Entity, Evidence, Mention

TABLES = ("documents", "entities", "mentions", "claims", "evidence")

_S, _I, _F = pa.string(), pa.int64(), pa.float64()
SCHEMAS = {
    "documents": pa.schema([("doc_id", _S), ("sha256", _S), ("text", _S), ("path", _S), ("title", _S),
                            ("source", _S), ("url", _S), ("published", _S), ("language", _S), ("genre", _S),
                            ("format", _S), ("extra", _S)]),
    "entities": pa.schema([("doc_id", _S), ("ord", _I), ("id", _S), ("name", _S), ("type", _S), ("subtype", _S),
                           ("country", _S), ("kb_id", _S), ("aliases", pa.list_(_S))]),
    "mentions": pa.schema([("doc_id", _S), ("entity_ord", _I), ("ord", _I), ("start", _I), ("end", _I),
                           ("text", _S), ("mention_doc_id", _S), ("rule", _S)]),
    "claims": pa.schema([("doc_id", _S), ("ord", _I), ("id", _S), ("kind", _S), ("subject", _S), ("predicate", _S),
                         ("object", _S), ("modality", _S), ("attributed_to", _S), ("rule", _S),
                         ("confidence", _F), ("attrs", _S)]),
    "evidence": pa.schema([("doc_id", _S), ("claim_ord", _I), ("ord", _I), ("evidence_doc_id", _S), ("start", _I),
                           ("end", _I), ("text", _S), ("attrs", _S)]),
}


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)  # key order kept: the store keeps it too


def to_tables(docs: list[Document]) -> dict[str, pa.Table]:
    """The five tables of `docs` (rows in document order, then in each list's order)."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for d in docs:
        rows["documents"].append({"doc_id": d.id, "sha256": d.sha256, "text": d.text, "path": d.path,
                                  "title": d.title, "source": d.source, "url": d.url, "published": d.published,
                                  "language": d.language, "genre": d.genre, "format": d.format,
                                  "extra": _json(d.extra)})
        for i, e in enumerate(d.entities):
            rows["entities"].append({"doc_id": d.id, "ord": i, "id": e.id, "name": e.name, "type": e.type,
                                     "subtype": e.subtype, "country": e.country, "kb_id": e.kb_id,
                                     "aliases": list(e.aliases)})
            for j, m in enumerate(e.mentions):
                rows["mentions"].append({"doc_id": d.id, "entity_ord": i, "ord": j, "start": m.start, "end": m.end,
                                         "text": m.text, "mention_doc_id": m.doc_id, "rule": m.rule})
        for i, c in enumerate(d.claims):
            rows["claims"].append({"doc_id": d.id, "ord": i, "id": c.id, "kind": c.kind, "subject": c.subject,
                                   "predicate": c.predicate, "object": c.object, "modality": c.modality,
                                   "attributed_to": c.attributed_to, "rule": c.rule,
                                   "confidence": float(c.confidence), "attrs": _json(c.attrs)})
            for j, v in enumerate(c.evidence):
                rows["evidence"].append({"doc_id": d.id, "claim_ord": i, "ord": j, "evidence_doc_id": v.doc_id,
                                         "start": v.start, "end": v.end, "text": v.text, "attrs": _json(v.attrs)})
    return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in TABLES}


def from_tables(tables: dict[str, pa.Table]) -> list[Document]:
    """The documents of the five tables, as `to_tables` wrote them (spacy_doc is None)."""
    def by_doc(name: str) -> dict[str, list[dict]]:
        grouped: dict[str, list[dict]] = defaultdict(list)
        for r in tables[name].to_pylist():
            grouped[r["doc_id"]].append(r)
        return grouped

    entities, mentions, claims, evidence = (by_doc(n) for n in TABLES[1:])
    docs = []
    for r in tables["documents"].to_pylist():
        d = Document(text=r["text"], path=r["path"], title=r["title"], source=r["source"], url=r["url"],
                     published=r["published"], language=r["language"], genre=r["genre"], format=r["format"],
                     extra=json.loads(r["extra"]), sha256=r["sha256"])
        ents = [Entity(id=e["id"], name=e["name"], type=e["type"], subtype=e["subtype"], country=e["country"],
                       kb_id=e["kb_id"], aliases=list(e["aliases"] or []))
                for e in sorted(entities.get(d.id, ()), key=lambda e: e["ord"])]
        for m in sorted(mentions.get(d.id, ()), key=lambda m: (m["entity_ord"], m["ord"])):
            ents[m["entity_ord"]].mentions.append(Mention(start=m["start"], end=m["end"], text=m["text"],
                                                          doc_id=m["mention_doc_id"], rule=m["rule"]))
        cls = [Claim(id=c["id"], kind=c["kind"], subject=c["subject"], predicate=c["predicate"], object=c["object"],
                     modality=c["modality"], attributed_to=c["attributed_to"], rule=c["rule"],
                     confidence=c["confidence"], attrs=json.loads(c["attrs"]))
               for c in sorted(claims.get(d.id, ()), key=lambda c: c["ord"])]
        for v in sorted(evidence.get(d.id, ()), key=lambda v: (v["claim_ord"], v["ord"])):
            cls[v["claim_ord"]].evidence.append(Evidence(doc_id=v["evidence_doc_id"], start=v["start"], end=v["end"],
                                                         text=v["text"], attrs=json.loads(v["attrs"])))
        d.entities, d.claims = ents, cls
        docs.append(d)
    return docs
