"""Descriptions that stand for persons named elsewhere in the document, before or after:
"police arrested an Iranian diplomat ... Bild named the arrested diplomat as Assadollah A.",
"an Iranian-origin married couple ... named the husband and wife as Amir S. and Nasimeh N.",
"charges against two Iranians ... identified one suspect as X ... named the second suspect as Y",
"a senior commander was killed ... The commander, identified as X, ..." ("the leader was identified as X").

What a person is called comes from identity statements ("named/identified D as P") and from the
titles and appositions around the name; a description whose head is one of those words links to
the person when one person alone (or exactly as many as it counts) fits. Otherwise it is left
alone: a guess never becomes a claim.
"""
from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Span, Token

from claimgraph.extract.index import EntityIndex

IDENTIFY = {"name", "identify", "describe", "confirm"}
# words for the same kind of person
KINDS = {"diplomat": "diplomat", "envoy": "diplomat", "ambassador": "diplomat", "attache": "diplomat",
         "consul": "diplomat", "suspect": "suspect", "defendant": "suspect", "accused": "suspect",
         "husband": "couple", "wife": "couple", "couple": "couple", "spouse": "couple",
         "journalist": "journalist", "reporter": "journalist", "informant": "informant",
         "officer": "officer", "commander": "commander", "general": "commander", "minister": "minister",
         "cleric": "cleric", "leader": "leader", "spokesman": "spokesman", "spokeswoman": "spokesman",
         "official": "official", "agent": "agent", "operative": "operative", "man": "man", "woman": "woman"}
PLURAL_OF = {"couple": 2, "pair": 2, "duo": 2}
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}
PEOPLE = {"men", "women", "people", "individuals", "persons", "suspects", "defendants", "nationals"}


def _kind(tok: Token) -> str | None:
    return KINDS.get(tok.lemma_.lower()) or KINDS.get(tok.lower_)


def _persons(index: EntityIndex, tok: Token) -> list[str]:
    """Person entities named by a phrase headed by `tok`, with its conjuncts."""
    out = []
    for t in [tok, *tok.conjuncts]:
        for e in index.entities_of(t):
            if e.type == "person" and e.id not in out:
                out.append(e.id)
    return out


def link_descriptions(index: EntityIndex) -> None:
    kinds: dict[str, set[str]] = defaultdict(set)  # person id → kinds of person the text calls it
    countries: dict[str, set[str]] = defaultdict(set)  # person id → states its titles name ("Saudi envoy")
    identified: set[str] = set()  # persons named in an identity statement ("named D as P")
    direct: list[tuple[Span, list[str]]] = []
    for tok in index.tokens:
        # "named the arrested diplomat as Assadollah A."; "identified one suspect as X"
        if tok.pos_ == "VERB" and tok.lemma_.lower() in IDENTIFY:
            dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if dobj is None and tok.dep_ == "acl" and tok.tag_ == "VBN":
                dobj = tok.head  # "the commander, identified as X, ..."
            elif dobj is None:
                dobj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)  # "the leader was identified as X"
            as_ = next((c for x in (tok, dobj) if x is not None for c in x.children
                        if c.dep_ == "prep" and c.lower_ == "as"), None)
            pobj = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
            if dobj is None or pobj is None:
                continue
            for desc, name in ((dobj, pobj), (pobj, dobj)):
                people = _persons(index, name)
                if people and not index.entities_of(desc):
                    for t in [desc, *desc.conjuncts]:
                        k = _kind(t)
                        if k:
                            for p in people:
                                kinds[p].add(k)
                    if _kind(desc) == "couple" or len(people) > 1 and _kind(desc):
                        for p in people:
                            kinds[p].add("couple" if _kind(desc) == "couple" else _kind(desc))
                    direct.append((_np(desc), people))
                    identified.update(people)
        # titles and appositions: "Saudi envoy Adel al-Jubeir", "X, an Iranian diplomat"
        ent = index.entity_of(tok)
        if ent is not None and ent.type == "person":
            for c in tok.children:
                if c.dep_ in ("compound", "appos", "amod") and _kind(c) and index.entity_of(c) is None:
                    kinds[ent.id].add(_kind(c))
                    countries[ent.id] |= _states(index, c)
            if tok.dep_ == "appos" and _kind(tok.head) and index.entity_of(tok.head) is None:
                kinds[ent.id].add(_kind(tok.head))  # "Saudi envoy Adel al-Jubeir" parsed envoy ← appos
                countries[ent.id] |= _states(index, tok.head)
    for span, people in direct:
        if not any(index.entities_of(t) for t in span):
            _link(index, span, people)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for p, ks in kinds.items():
        for k in ks:
            by_kind[k].append(p)
    if not by_kind:
        return
    plurals = _demonym_plurals(index)
    for tok in index.tokens:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        k = _kind(tok)
        if k is None and tok.lower_ not in PEOPLE and tok.lower_ not in plurals:
            continue
        if _is_title(index, tok):
            continue  # "Saudi Ambassador Adel al-Jubeir": a title, read as a role, not a reference
        count = _count(tok)
        ents = index.entities_of(tok)
        nationals = count and ents and all(e.type == "country" for e in ents) and tok.lower_ in plurals
        if ents and not nationals:
            continue
        if k is None and count and (tok.lower_ in PEOPLE or nationals):
            k = "suspect"  # "two Iranians", "three men": as many suspects as the text names
        if k is None or k not in by_kind:
            continue
        fits = by_kind[k]
        want = count or PLURAL_OF.get(tok.lemma_.lower()) or (len(fits) if tok.tag_ == "NNS" else 1)
        if len(fits) != want:
            continue
        # before the name is given, a description links only where the text will say so
        # ("named the arrested diplomat as ...") or where it names the same state ("the Saudi
        # ambassador" … "Saudi envoy Adel al-Jubeir"), not on a shared word alone
        mine = _states(index, tok)
        if all(_first_named(index, p) > tok.i and p not in identified and not (mine & countries[p]) for p in fits):
            continue
        _link(index, _np(tok), fits)


def _states(index: EntityIndex, noun: Token) -> set[str]:
    return {e.id for c in noun.lefts for t in c.subtree for e in index.entities_of(t) if e.type == "country"}


def _first_named(index: EntityIndex, person_id: str) -> int:
    m = min((m for m in index.entities[person_id].mentions if not m.rule.startswith("coref")),
            key=lambda m: m.start, default=None)
    return index.doc.char_span(m.start, m.end, alignment_mode="expand").start if m else 10 ** 9


def _is_title(index: EntityIndex, tok: Token) -> bool:
    """A role noun that stands in a person's name phrase (before it, or in apposition to it)."""
    near = [tok.head, *tok.children] + ([tok.head.head] if tok.dep_ in ("compound", "amod") else [])
    return any(t.i != tok.i and t.dep_ in ("appos", "compound", "ROOT", "nsubj", "dobj", "pobj")
               and any(e.type == "person" for e in index.entities_of(t))
               and (t.i > tok.i or tok.dep_ == "appos" or t.dep_ == "appos") for t in near)


def _count(tok: Token) -> int | None:
    for c in tok.lefts:
        if c.dep_ == "nummod" and c.lower_ in NUMBERS:
            return NUMBERS[c.lower_]
    return None


def _demonym_plurals(index: EntityIndex) -> set[str]:
    return {m.text.lower() for e in index.entities.values() if e.type == "country"
            for m in e.mentions if m.text.endswith("s") and m.text[:1].isupper() and " " not in m.text}


def _np(tok: Token) -> Span:
    """The description's own words: its modifiers and head, without a relative clause."""
    start = min([tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ not in ("punct",)])
    return tok.doc[start:tok.i + 1]


def _link(index: EntityIndex, span: Span, people: list[str]) -> None:
    if len(people) == 1:
        index.add_reference(span, people[0], "coref:description")
        return
    index.add_group_reference(span, people, "coref:description")
    for t in span.doc[span.end:span.sent.end]:  # "two Iranians ..., accusing them of ..."
        if t.lower_ in ("they", "them", "their") and not index.entities_of(t):
            index.add_group_reference(span.doc[t.i:t.i + 1], people, "coref:pronoun")
            break
