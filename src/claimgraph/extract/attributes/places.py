"""Where an event happened: a place named by a locative phrase ("in", "at", "near" ...) on its
trigger, on the verb an event noun depends on, or on its target ("struck a depot near Baalbek",
"attacked a patrol in southern Lebanon"), or the site that is its target ("attacked Camp Taji").
"near the town of al-Qaim" names al-Qaim."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from claimgraph.extract.index import EntityIndex
from claimgraph.model import Entity

LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "on", "around", "off", "along", "outside"}
PLACES = {"location", "country"}
_TARGET_PREPS = {"at", "on", "against", "into", "toward", "towards"}
_VERBAL = {"VERB", "AUX"}


def location_for(trig: Token, index: EntityIndex, exclude: set) -> str | None:
    """The id of the place of the event whose trigger is given, or None. A site that is the
    event's target ("attacked Camp Taji") is its place before any place named around it."""
    heads = _heads(trig)
    for t in heads[1:]:  # "the Abqaiq facility": a site named before its noun
        for w in [t] + ([c for c in t.children if c.dep_ == "compound"] if t.pos_ == "NOUN" else []):
            e = index.entity_of(w)
            if e is not None and e.type == "location" and e.id not in exclude:
                return e.id
    for head in heads:
        for place in _places_on(head, index):
            if place.id not in exclude:
                return place.id
    return None


def _heads(trig: Token) -> list[Token]:
    """The trigger, the verb an event noun depends on, then the phrases naming the target."""
    heads = [trig]
    if trig.pos_ not in _VERBAL and trig.head.i != trig.i:
        heads.append(trig.head)
    if trig.pos_ in _VERBAL:
        heads += [c for c in trig.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [o for c in trig.children if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS
              for o in c.children if o.dep_ == "pobj"]
    return heads


def _places_on(tok: Token, index: EntityIndex) -> Iterator[Entity]:
    for c in tok.children:
        if c.dep_ in ("prep", "advmod") and c.lower_ in LOCATIVE:
            for o in c.children:
                if o.dep_ != "pobj":
                    continue
                e = index.entity_of(o)
                if e is not None and e.type in PLACES:
                    yield e
                elif e is None:  # "near the border town of al-Qaim", "on the outskirts of Baghdad"
                    for of in o.children:
                        if of.dep_ == "prep" and of.lower_ == "of":
                            yield from (x for p in of.children if p.dep_ == "pobj"
                                        for x in [index.entity_of(p)] if x is not None and x.type in PLACES)
