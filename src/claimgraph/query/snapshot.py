"""A read-only snapshot of the store for queries: actors, documents, claims with evidence.

Every query takes a `Store` or a `Snapshot`. A `Store` is read afresh on each call (right for
the command line); a long-running caller (the REST API, a benchmark) loads a `Snapshot` once
with `snapshot(store)` and passes it, and loads a new one when the store has changed.
Document texts and mention offsets are not loaded: only what the answers show.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimgraph.corroborate import contradictions, grade, support
from claimgraph.corroborate.credibility import CREDIBILITY, reading_reliability
from claimgraph.corroborate.sources import Sources, default_sources
from claimgraph.corroborate.support import group_key
from claimgraph.model import Claim, Entity, Evidence
from claimgraph.query.validity import Validity, validity
from claimgraph.store.schema import (
    AliasRow,
    ClaimRow,
    DocumentRow,
    EntityRow,
    EvidenceRow,
    MentionRow,
)
from claimgraph.query.records import ActorRefs, DocInfo, claim_row, evidence_rows
from claimgraph.review.reviews import live_verdicts


@dataclass
class Snapshot(ActorRefs):
    store: Any
    entities: dict[str, Entity]
    documents: dict[str, DocInfo]
    claims: dict[str, Claim]  # in a stable order: by id
    mentions: dict[str, dict[str, int]] = field(default_factory=dict)  # entity id → doc id → mentions
    reviews: dict[str, str] = field(default_factory=dict)  # claim id → "confirmed" (rejected ones are gone)
    source_grades: Sources = field(default_factory=default_sources)
    # answers derived once per snapshot (grades, deaths, the path graph, the name index), by name
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def groups(self) -> dict[tuple, list[Claim]]:
        """(kind, subject, predicate, object) → its claims, whatever their modality or year."""
        index: dict[tuple, list[Claim]] = defaultdict(list)
        for c in self.claims.values():
            index[group_key(c)].append(c)
        return index

    @cached_property
    def clusters(self) -> dict[str, str]:
        return {d.id: d.cluster for d in self.documents.values() if d.cluster}

    def corroboration(self, c: Claim) -> dict:
        """Support, contradictions and credibility of the claim's group, computed once per group."""
        key = group_key(c)
        cache = self.cache.setdefault("corroboration", {})
        if key not in cache:
            cache[key] = self._corroborate(self.groups.get(key) or [c])
        return cache[key]

    def _corroborate(self, claims: list[Claim]) -> dict:
        docs: dict[str, SimpleNamespace] = {}
        for c in claims:
            by_doc: dict[str, list[Evidence]] = defaultdict(list)
            for ev in c.evidence:
                by_doc[ev.doc_id].append(ev)
            for doc_id, evs in by_doc.items():
                info = self.documents.get(doc_id)
                doc = docs.setdefault(doc_id, SimpleNamespace(
                    id=doc_id, source=info.source if info else None, published=info.published if info else None,
                    claims=[]))
                # the reading of this document, with its own date and quantity
                doc.claims.append(replace(c, evidence=evs, attrs=evs[0].attrs or c.attrs))
        found = contradictions(claims, list(docs.values()), self.source_grades)
        names = {c.attributed_to: self.name(c.attributed_to) for c in claims if c.attributed_to in self.entities}
        score, reason = grade(claims, docs, self.clusters, found, self.source_grades, names)
        backing = support(claims, docs, self.clusters, self.source_grades)
        best = min((reading_reliability(c, ev.doc_id, docs, self.source_grades, names)
                    for c in claims if c.modality != "negated" for ev in c.evidence), default="F")
        return {"group_independent": backing["independent"], "modalities": dict(sorted(backing["modalities"].items())),
                "credibility": score, "credibility_label": CREDIBILITY[score], "credibility_reason": reason,
                "reliability": best, "admiralty": f"{best}{score}",
                "contradictions": found, "contested": bool(found)}

    def validity(self, c: Claim) -> Validity:
        return validity(self, c)

    @cached_property
    def claims_of(self) -> dict[str, list[Claim]]:
        """Entity id → claims where it is subject, object or event location."""
        index: dict[str, list[Claim]] = defaultdict(list)
        for c in self.claims.values():
            for key in {c.subject, c.object, c.attrs.get("location")} - {None}:
                index[key].append(c)
        return index

    @cached_property
    def ties(self) -> dict[str, dict[str, tuple[int, list[Claim]]]]:
        """Actor → the other actors it shares claims with (either direction) → (their pieces of
        evidence, the claims): the walks of the neighbourhood query go over this."""
        index: dict[str, dict[str, list]] = defaultdict(dict)
        for c in self.claims.values():
            if c.object is None or c.object == c.subject:
                continue
            for a, b in ((c.subject, c.object), (c.object, c.subject)):
                tie = index[a].get(b)
                if tie is None:
                    tie = index[a][b] = [0, []]
                tie[0] += len(c.evidence)
                tie[1].append(c)
        return {a: {b: (w, cs) for b, (w, cs) in others.items()} for a, others in index.items()}

    def doc_ids(self, c: Claim) -> list[str]:
        return list(dict.fromkeys(ev.doc_id for ev in c.evidence))

    def sources(self, c: Claim) -> set[str]:
        """The outlets behind a claim; a document with no source counts as a source of its own."""
        from claimgraph.corroborate.support import source_of  # an outlet once, whatever its spelling
        return {source_of(d, self.documents, self.source_grades)[0] for d in self.doc_ids(c)}

    def source_count(self, c: Claim) -> int:
        return len(self.sources(c))

    def dates(self, c: Claim) -> list[tuple[str, str]]:
        """The spans a claim is placed at: its own date, else the publication days of its documents."""
        date = c.attrs.get("date") or {}
        if date.get("start"):
            return [(date["start"], date.get("end") or date["start"])]
        days = [self.documents[d].published[:10] for d in self.doc_ids(c)
                if d in self.documents and self.documents[d].published]
        return [(d, d) for d in days]

    def doc_count(self, c: Claim) -> int:
        return len(self.doc_ids(c))

    def evidence(self, c: Claim) -> list[dict]:
        return evidence_rows(c, self.documents)

    def independent(self, c: Claim) -> int:
        """The independent sources of this claim itself (its modality); its group's are in
        `corroboration(c)["modalities"]`."""
        cache = self.cache.setdefault("independent", {})
        if c.id not in cache:
            docs = {d: self.documents[d] for d in self.doc_ids(c) if d in self.documents}
            cache[c.id] = support(c, docs, self.clusters, self.source_grades)["independent"]
        return cache[c.id]

    def credibility(self, c: Claim) -> int:
        return self.corroboration(c)["credibility"]

    def claim_row(self, c: Claim) -> dict:
        """A claim as the queries show it (`records.claim_row`), computed here."""
        return claim_row(self, c)


def snapshot(store) -> Snapshot:
    """Read what the queries need from `store` (a `Store`; a `Snapshot` is returned as is)."""
    if isinstance(store, Snapshot):
        return store
    with Session(store.engine.execution_options(sqlite_begin="DEFERRED")) as session:  # reads: no write lock
        snap = _load(session, store)
        verdicts = live_verdicts(session)
    snap.claims = {k: c for k, c in snap.claims.items() if verdicts.get(k) != "rejected"}
    snap.reviews = {k: v for k, v in verdicts.items() if v == "confirmed"}
    from claimgraph.resolve import Resolver  # the recorded merge decisions (resolve/)
    return _resolved(snap, Resolver(store).mapping())


def _resolved(snap: Snapshot, mapping: dict[str, str]) -> Snapshot:
    """The snapshot with merged entities as one: names and aliases joined, mentions added up,
    claims pointed at the canonical ids, and claims that become the same joined with all their
    evidence (also with no merge: two readings of one event in one year, dated differently, are
    one claim, as the stored figures have them)."""
    canon = lambda eid: mapping.get(eid, eid) if eid else eid  # noqa: E731
    for member, head in mapping.items():
        gone, kept = snap.entities.pop(member, None), snap.entities.get(head)
        if gone is not None and kept is not None:
            for name in [gone.name, *gone.aliases]:
                kept.add_alias(name)
        for doc_id, n in snap.mentions.pop(member, {}).items():
            snap.mentions.setdefault(head, {})
            snap.mentions[head][doc_id] = snap.mentions[head].get(doc_id, 0) + n
    for c in snap.claims.values():
        c.subject, c.object = canon(c.subject), canon(c.object)
        if c.attributed_to in mapping:
            c.attributed_to = mapping[c.attributed_to]
        if c.attrs.get("location") in mapping:
            c.attrs["location"] = mapping[c.attrs["location"]]
    from claimgraph.corroborate.figures import join_claims  # the joining the stored figures use

    snap.claims = {c.id: c for c in join_claims(list(snap.claims.values()))[0]}
    return snap


def _load(session: Session, store) -> Snapshot:
    aliases: dict[str, list[str]] = defaultdict(list)
    for entity_id, alias in session.execute(select(AliasRow.entity_id, AliasRow.alias).order_by(AliasRow.id)):
        aliases[entity_id].append(alias)
    entities = {
        r.id: Entity(r.id, r.name, r.type, r.subtype, r.country, r.kb_id, aliases.get(r.id, []))
        for r in session.execute(select(EntityRow.id, EntityRow.name, EntityRow.type, EntityRow.subtype,
                                        EntityRow.country, EntityRow.kb_id))
    }
    documents = {
        r.id: DocInfo(r.id, r.title, r.source, r.published, r.cluster, r.genre)
        for r in session.execute(select(DocumentRow.id, DocumentRow.title, DocumentRow.source, DocumentRow.published,
                                        DocumentRow.cluster, DocumentRow.genre))
    }
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for r in session.execute(select(EvidenceRow.claim_id, EvidenceRow.doc_id, EvidenceRow.start, EvidenceRow.end,
                                    EvidenceRow.text, EvidenceRow.attrs).order_by(EvidenceRow.id)):
        evidence[r.claim_id].append(Evidence(r.doc_id, r.start, r.end, r.text, r.attrs or {}))
    claims = {
        r.id: Claim(r.id, r.kind, r.subject, r.predicate, r.object, r.modality,
                    r.attributed_to_entity or r.attributed_to_text, r.rule, r.confidence,
                    evidence.get(r.id, []), dict(r.attrs or {}))
        for r in session.execute(select(ClaimRow.id, ClaimRow.kind, ClaimRow.subject, ClaimRow.predicate, ClaimRow.object,
                                        ClaimRow.modality, ClaimRow.attributed_to_entity, ClaimRow.attributed_to_text,
                                        ClaimRow.rule, ClaimRow.confidence, ClaimRow.attrs).order_by(ClaimRow.id))
    }
    mentions: dict[str, dict[str, int]] = defaultdict(dict)
    for entity_id, doc_id, n in session.execute(
            select(MentionRow.entity_id, MentionRow.doc_id, func.count()).group_by(MentionRow.entity_id, MentionRow.doc_id)):
        mentions[entity_id][doc_id] = n
    from claimgraph.corroborate.outlet_grades import store_sources  # the analysts' grades over the YAML
    return Snapshot(store, entities, documents, claims, dict(mentions), source_grades=store_sources(session))
