"""The support behind a claim: its documents, its sources and its independent sources.

Independent sources are counted as the connected groups of a claim's documents, two documents
being joined when they are near-duplicates (one cluster of `near_duplicates.clusters`) or come
from the same source (outlet or issuing body, whichever of its names it goes by). So a wire story
reprinted by two outlets counts once, and so do two stories of one outlet; a document without a
source is a source of its own.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from claimgraph.corroborate.sources import Sources, default_sources
from claimgraph.model import Claim, Document

FIRM = ("asserted", "reported")
HEDGED = ("alleged", "speculative")
AFFIRMING = FIRM + HEDGED


@dataclass
class ClaimGroup:
    """The claims about one (kind, subject, predicate, object), whatever their modality."""

    kind: str
    subject: str
    predicate: str
    object: str | None
    claims: list[Claim] = field(default_factory=list)
    support: dict = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str, str | None]:
        return self.kind, self.subject, self.predicate, self.object

    @property
    def claim_ids(self) -> list[str]:
        return [c.id for c in self.claims]

    @property
    def modalities(self) -> Counter:
        return self.support.get("modalities", Counter())


def group_key(claim: Claim) -> tuple[str, str, str, str | None]:
    return claim.kind, claim.subject, claim.predicate, claim.object


def source_of(doc_id: str, documents_by_id: Mapping[str, Document], sources: Sources) -> tuple[str, str]:
    """(key, name) of a document's source; a document without one is its own source."""
    doc = documents_by_id.get(doc_id)
    if doc is None or not (doc.source or "").strip():
        return "doc:" + doc_id, doc_id
    return "src:" + sources.key(doc.source), sources.canonical(doc.source)


def source_names(doc_ids: Iterable[str], documents_by_id: Mapping[str, Document], sources: Sources) -> list[str]:
    """The sources of these documents, each once by its key ("Meridian Wire" and "meridianwire"
    are one), named by the sources table, else by the spelling most of its documents here use."""
    spellings: dict[str, Counter] = {}
    for d in doc_ids:
        key, name = source_of(d, documents_by_id, sources)
        spellings.setdefault(key, Counter())[name] += 1
    return sorted(min(c, key=lambda n: (-c[n], n)) for c in spellings.values())


def independent_sources(doc_ids: Iterable[str], documents_by_id: Mapping[str, Document],
                        clusters: Mapping[str, str], sources: Sources | None = None) -> list[list[str]]:
    """The documents grouped into independent sources (each group sorted, groups by first id)."""
    sources = sources or default_sources()
    ids = sorted(set(doc_ids))
    from networkx.utils import UnionFind  # networkx only where documents are grouped

    joined = UnionFind(ids)
    first_of: dict[str, str] = {}
    for i in ids:
        for key in ("cluster:" + clusters.get(i, i), source_of(i, documents_by_id, sources)[0]):
            if key in first_of:
                joined.union(first_of[key], i)
            else:
                first_of[key] = i
    return sorted(sorted(group) for group in joined.to_sets())


def _doc_ids(claim: Claim) -> list[str]:
    return list(dict.fromkeys(ev.doc_id for ev in claim.evidence if ev.doc_id))


def support(claim: Claim | ClaimGroup | Iterable[Claim], documents_by_id: Mapping[str, Document],
            clusters: Mapping[str, str], sources: Sources | None = None) -> dict:
    """How many documents, sources and independent sources stand behind a claim (or a group).

    Returns `documents` (distinct doc ids), `sources` (distinct source names; a document without
    a source by its id), `independent` (the number of independent sources),
    `independent_sources` (their documents) and `modalities` (a Counter: for each modality, the
    number of independent sources that read the claim so).
    """
    sources = sources or default_sources()
    claims = claim.claims if isinstance(claim, ClaimGroup) else [claim] if isinstance(claim, Claim) else list(claim)
    docs = sorted({d for c in claims for d in _doc_ids(c)})
    names = source_names(docs, documents_by_id, sources)
    groups = independent_sources(docs, documents_by_id, clusters, sources)
    where = {d: n for n, g in enumerate(groups) for d in g}
    by_modality: dict[str, set[int]] = {}
    for c in claims:
        by_modality.setdefault(c.modality, set()).update(where[d] for d in _doc_ids(c))
    modalities = Counter({m: len(g) for m, g in by_modality.items() if g})
    return {"documents": docs, "sources": names, "independent": len(groups),
            "independent_sources": groups, "modalities": modalities}


def group(claims: Iterable[Claim], documents_by_id: Mapping[str, Document] | None = None,
          clusters: Mapping[str, str] | None = None, sources: Sources | None = None) -> list[ClaimGroup]:
    """Claims grouped by (kind, subject, predicate, object), in the order first seen, each with
    its `support` over all its claims (modalities aggregated: {"asserted": 1, "alleged": 2})."""
    groups: dict[tuple, ClaimGroup] = {}
    for c in claims:
        key = group_key(c)
        if key not in groups:
            groups[key] = ClaimGroup(*key)
        groups[key].claims.append(c)
    for g in groups.values():
        g.support = support(g, documents_by_id or {}, clusters or {}, sources)
    return list(groups.values())
