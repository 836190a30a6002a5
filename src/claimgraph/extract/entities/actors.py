"""The entity stage: from a parsed document to its actors, each with every mention.

KB spans and spaCy's entities give mention candidates; acronyms and surnames are linked to the
full names they stand for; generic collectives are added as groups; candidates with one key
are one entity. Actors missing from the KB get an id made from their type and folded name, so
the same name gives the same id in every run; a generic collective's id is made from its class
and qualifier (`collectives`), so "Iran-backed militias" is one actor in every document, and
one that only its document can identify ("the defendants") gets an id of that document.

An entity's aliases are the names it is called by: a description ("AAH, an Iran-backed
militia") or a reference is no alias, nor is a capital read as its state in capitals (a
dateline or a headline's "TEHRAN"); "Tehran said" is.
"""
from __future__ import annotations

import hashlib
from collections import Counter

from claimgraph.extract.entities import collectives, courts
from claimgraph.extract.entities.districts import districts
from claimgraph.extract.entities.lexicon import Lexicon, default_lexicon
from claimgraph.extract.entities.linking import link_short_bodies, shared_surnames, link_acronyms, link_aliases, link_surnames
from claimgraph.extract.entities.companies import company_names, link_short_names
from claimgraph.extract.entities.org_names import org_names
from claimgraph.extract.entities.mentions import (Cand, aged_persons, candidates, datelines, harmonize_conjuncts,
                                                  states_taken_for_persons)
from claimgraph.extract.entities.regimes import link_regimes
from claimgraph.kb.fold import fold_name
from claimgraph.kb.loader import KnowledgeBase, default_kb
from claimgraph.model import Document, Entity, Mention


# mentions that point at an actor without naming it: never its aliases
_NOT_NAMING = ("description", "coref", "kb:dateline")


def entity_id(type_: str, name: str) -> str:
    """A stable id for an actor the knowledge base does not know."""
    digest = hashlib.sha1(f"{type_}:{fold_name(name)}".encode()).hexdigest()[:12]
    return f"ent-{type_[:3]}-{digest}"


def group_id(key: str, document_id: str) -> str:
    """The id of a generic collective: its class and qualifier, and its document when only the
    document identifies it."""
    if key.startswith(collectives.DOCUMENT_KEY):
        return entity_id("group", f"{key} {document_id}")
    return entity_id("group", key)


def names_actor(rule: str, text: str = "") -> bool:
    """Whether a mention `text` found by `rule` is one of its actor's names."""
    if rule == "kb:capital-as-state" and text.isupper():
        return False
    return not rule.startswith(_NOT_NAMING)


def extract_entities(document: Document, kb: KnowledgeBase | None = None, lex: Lexicon | None = None) -> None:
    """Fill `document.entities` from `document.spacy_doc`."""
    kb = kb or default_kb()
    lex = lex or default_lexicon()
    doc = document.spacy_doc
    cands = candidates(doc, kb, lex)
    company_names(doc, cands, lex)
    org_names(doc, cands, lex)
    districts(doc, cands, lex)
    aged_persons(doc, cands)
    datelines(doc, cands, kb)
    states_taken_for_persons(doc, cands)
    harmonize_conjuncts(doc, cands, lex)
    link_aliases(doc, cands)
    cands += link_acronyms(doc, cands)
    cands += link_short_names(doc, cands, lex)
    link_short_bodies(doc, cands)
    cands += shared_surnames(doc, cands)
    link_surnames(doc, cands)  # appends the surnames the NER missed
    link_regimes(doc, cands, kb, lex)
    cands += collectives.find(doc, cands, lex)
    cands += courts.self_references(doc, cands)
    document.entities = build(document, cands)


def _name(group: list[Cand]) -> str:
    if group[0].actor is not None:
        return group[0].actor.name
    if group[0].type == "group":
        qualified = [c for c in group if c.country and c.rule == "collective"] or group
        return qualified[0].name
    counts = Counter(c.name for c in group)
    return max(counts, key=lambda n: (len(n.split()), counts[n], len(n)))


_TYPE_ORDER = {"organization": 0, "location": 1, "person": 2, "group": 3, "country": 4}


def _vote_type(group: list[Cand]) -> str:
    """The type most mentions give; a lone word called PERSON counts half (spaCy often calls a
    one-word organization a person, and a real person's surname is linked to the full name)."""
    votes: Counter = Counter()
    for c in group:
        votes[c.type] += 0.5 if c.type == "person" and c.end - c.start == 1 else 1.0
    return max(votes, key=lambda t: (votes[t], -_TYPE_ORDER.get(t, 9)))


def build(document: Document, cands: list[Cand]) -> list[Entity]:
    kb_aliases = {c.actor.id: c.actor.aliases for c in cands if c.actor}
    doc, text = document.spacy_doc, document.text
    groups: dict[str, list[Cand]] = {}
    for c in sorted(cands, key=lambda c: c.start):
        groups.setdefault(c.key, []).append(c)
    entities: dict[str, Entity] = {}
    for group in groups.values():
        first = group[0]
        name = _name(group)
        typ = first.actor.type if first.actor else _vote_type(group)
        if first.actor:
            eid = first.actor.entity_id
        elif collectives.is_group_key(first.key):
            eid = group_id(first.key, document.id)
        else:
            eid = entity_id(typ, name)
        ent = entities.get(eid)
        if ent is None:
            actor = first.actor
            ent = Entity(id=eid, name=name, type=typ,
                         subtype=actor.subtype if actor else next((c.subtype for c in group if c.subtype), None),
                         country=actor.country if actor else next((c.country for c in group if c.country), None),
                         kb_id=actor.id if actor else None)
            entities[eid] = ent
        for c in group:
            span = doc[c.start:c.end]
            start, end = span.start_char, span.end_char
            ent.mentions.append(Mention(start, end, text[start:end], document.id, c.rule))
            if names_actor(c.rule, text[start:end]):
                ent.add_alias(text[start:end])
    for ent in entities.values():
        ent.mentions.sort(key=lambda m: (m.start, m.end))
        if ent.kb_id:
            for alias in kb_aliases.get(ent.kb_id, ()):
                ent.add_alias(alias)
    return sorted(entities.values(), key=lambda e: e.mentions[0].start)
