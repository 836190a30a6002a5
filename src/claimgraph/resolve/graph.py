"""The store's graph with each cluster of entities as one actor."""
from __future__ import annotations

from collections import defaultdict

from claimgraph.model import Claim, Document, Entity
from claimgraph.resolve.names import name_key
from claimgraph.resolve.types import scoring_type


def resolved_graph(store, resolver=None) -> tuple[list[Document], list[Entity], list[Claim]]:
    """`store.load_graph()` with entity ids mapped to their canonical ids.

    The entities of a cluster become one (all names, aliases and mentions); claims point at
    canonical ids (subject, object, source, event location), and claims that become the same
    (kind, subject, predicate, object, modality, and for events the year) are one claim with
    all the evidence.
    """
    from claimgraph.resolve.resolver import Resolver

    documents, entities, claims = store.load_graph()
    mapping = (resolver or Resolver(store)).mapping()
    return documents, merge_entities(entities, mapping), merge_claims(claims, mapping)


def _name_rank(e: Entity) -> tuple:
    key = name_key(e.name)
    return (e.kb_id is not None, key is not None and not key.abbreviated, len(e.mentions), len(e.name))


def merge_entities(entities: list[Entity], mapping: dict[str, str]) -> list[Entity]:
    groups: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        groups[mapping.get(e.id, e.id)].append(e)
    merged = []
    for canonical, members in groups.items():
        if len(members) == 1 and members[0].id == canonical:
            merged.append(members[0])
            continue
        head = next((m for m in members if m.id == canonical), members[0])
        ordered = [head, *(m for m in members if m is not head)]
        named = max(ordered, key=_name_rank)
        e = Entity(canonical, named.name, scoring_type(ordered),
                   subtype=next((m.subtype for m in ordered if m.subtype), None),
                   country=next((m.country for m in ordered if m.country), None),
                   kb_id=next((m.kb_id for m in ordered if m.kb_id), None))
        for m in ordered:
            for alias in (m.name, *m.aliases):
                e.add_alias(alias)
            e.mentions.extend(m.mentions)
        merged.append(e)
    merged.sort(key=lambda e: (-len(e.mentions), e.name, e.id))
    return merged


def _key(c: Claim) -> tuple:
    when = (c.attrs.get("date") or {}).get("start") if c.kind == "event" else None
    return (c.kind, c.subject, c.predicate, c.object, c.modality, when[:4] if when else None)


def merge_claims(claims: list[Claim], mapping: dict[str, str]) -> list[Claim]:
    if not mapping:
        return claims
    to = lambda x: mapping.get(x, x) if isinstance(x, str) else x
    merged: dict[tuple, Claim] = {}
    for c in claims:
        attrs = dict(c.attrs)
        if "location" in attrs:
            attrs["location"] = to(attrs["location"])
        c = Claim(c.id, c.kind, to(c.subject), c.predicate, to(c.object), c.modality, to(c.attributed_to),
                  c.rule, c.confidence, list(c.evidence), attrs)
        same = merged.get(_key(c))
        if same is None:
            merged[_key(c)] = c
            continue
        seen = {(ev.doc_id, ev.start, ev.end) for ev in same.evidence}
        same.evidence.extend(ev for ev in c.evidence if (ev.doc_id, ev.start, ev.end) not in seen)
        same.confidence = 1 - (1 - same.confidence) * (1 - c.confidence)
        same.attributed_to = same.attributed_to or c.attributed_to
    return list(merged.values())
