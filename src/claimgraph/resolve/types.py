"""Which entity types can be one actor.

A type from the knowledge base is known; a type the NER gave is a guess: spaCy calls a lone
surname an organization in one article and a person in the next, and a state it missed a
place. So an entity the knowledge base does not know may join one of a kindred type: a person
and an organization (`KINDRED`), a country and a place that is only the NER's. Two types the
knowledge base gave never mix, and nothing else does (a state is never a person).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

KINDRED = ({"person", "organization"}, {"country", "location"})
# of a kindred pair, the type an entity of the knowledge base may not take from the NER's side:
# a country absorbs a place the NER named, never the reverse
_ONLY_FROM_NER = {"location"}


class Typed(Protocol):
    type: str
    kb_id: str | None


def compatible(records: Iterable[Typed]) -> str | None:
    """None when the entities can be one actor by their types; else why not."""
    records = list(records)
    types = {r.type for r in records}
    if len(types) <= 1:
        return None
    if not any(types <= k for k in KINDRED):
        return f"types differ ({', '.join(sorted(types))})"
    known = {r.type for r in records if r.kb_id}
    if len(known) > 1:
        return f"types differ ({', '.join(sorted(known))}), both from the knowledge base"
    if any(r.kb_id and r.type in _ONLY_FROM_NER for r in records):
        return f"types differ ({', '.join(sorted(types))}): a known place is not a state"
    return None


def scoring_type(records: Iterable[Typed]) -> str:
    """The type whose name rules compare the entities: the knowledge base's when one has it, else
    person (the stricter rules) when a person is among them."""
    records = list(records)
    known = [r.type for r in records if r.kb_id]
    if known:
        return known[0]
    types = {r.type for r in records}
    return "person" if "person" in types else min(types)
