"""A court's name for itself: "the Court", "this Court" in an opinion or an order.

The capitalized word alone is never a name (`names.yaml` generic words), yet the court that
finds, holds and enters judgment is an actor. It is the one court the document names (its
caption, "the U.S. District Court for the District of Columbia"); when the document names no
court, or several, it is a court of its own, known to this document only ("Court").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from claimgraph.extract.entities.collectives import DOCUMENT_KEY
from claimgraph.extract.entities.mentions import Cand
from claimgraph.nlp.text import doc_text

SUBTYPE = "court"
_WORD = re.compile(r"\bCourt\b")
_DETERMINERS = {"the", "this"}
_QUALIFYING = {"compound", "amod", "poss", "nmod", "nummod", "prep", "appos"}  # "the Supreme Court", "the Court of Appeals"


def self_references(doc: Doc, cands: list[Cand]) -> list[Cand]:
    taken = {i for c in cands for i in range(c.start, c.end)}
    named = {c.key: c for c in cands if c.key and SUBTYPE in (c.subtype, c.actor.subtype if c.actor else None)}
    out = []
    for m in _WORD.finditer(doc_text(doc)):  # the word's places in the text, not a walk over the tokens
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1:
            continue
        tok = span[0]
        if tok.i in taken or tok.i == 0:
            continue
        if not is_self_reference(tok):
            continue
        det = doc[tok.i - 1]
        if len(named) == 1:
            [court] = named.values()
            out.append(Cand(det.i, tok.i + 1, court.type, "description", actor=court.actor, key=court.key,
                            subtype=SUBTYPE, country=court.country, name=court.name))
        else:
            out.append(Cand(tok.i, tok.i + 1, "organization", "court:self", key=f"{DOCUMENT_KEY}court:",
                            subtype=SUBTYPE, name="Court"))
    return out


def is_self_reference(tok) -> bool:
    """Is `tok` the word "Court" of a court's "the Court"/"this Court" (not "the Court of Appeals")?"""
    if tok.text != "Court" or tok.i == 0:
        return False
    det = tok.doc[tok.i - 1]
    return (det.lower_ in _DETERMINERS and det.head.i == tok.i
            and not any(c.dep_ in _QUALIFYING for c in tok.children))
