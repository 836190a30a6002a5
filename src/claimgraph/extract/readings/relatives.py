"""Relative clauses the parser hung on the wrong noun.

In "militias from Iraq, which operate in Syria" the parser may hang the clause on "Iraq". When the
trigger's types say the noun it was hung on cannot be the relative pronoun's actor (a country does
not operate in a place as an organization does), or when a restrictive clause ("that ...", "who
...") follows a place's name, which nobody restricts, the pronoun stands for the nearest noun above
that fits: the one the place's preposition hangs on.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from claimgraph.model import Entity

RELATIVE = {"which", "that", "who", "whom"}
PLACES = {"country", "location"}
_UP = 3  # nouns climbed through prepositions ("militias from towns in Iraq, which ...")


def pronoun(verb: Token, deps: tuple[str, ...]) -> Token | None:
    """The relative pronoun that is the clause verb's subject or object (`deps`)."""
    if verb.dep_ != "relcl":
        return None
    return next((c for c in verb.children if c.dep_ in deps and c.lower_ in RELATIVE), None)


def refit(args, verb: Token, found: list[Entity], fits: Callable[[Entity], bool]) -> list[Entity]:
    """What a relative pronoun of `verb` stands for: `found` (what the parse says) unless it does
    not fit or is a place's name before a restrictive clause; then the nearest fitting noun above."""
    if found and any(fits(e) for e in found) and not _place_restricted(args, verb):
        return found
    noun = verb.head
    for _ in range(_UP):
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("NOUN", "PROPN"):
            break
        noun = prep.head
        above = [e for e in args.actors(noun) if fits(e) and e.type not in PLACES]
        if above:
            return above
    return found


def _place_restricted(args, verb: Token) -> bool:
    """Is the clause hung on a place's name though it restricts ("Iraq that ...", "Syria who ...")?"""
    head = verb.head
    named = args.index.entities_of(head)
    if head.pos_ != "PROPN" or not named or not all(e.type in PLACES for e in named):
        return False
    first = verb.left_edge
    rel = next((c for c in verb.children if c.lower_ in RELATIVE), None)
    return (rel is not None and rel.lower_ in ("who", "whom")) or first.i > 0 and first.doc[first.i - 1].text != ","
