"""Relative clauses without "that" whose verb the tagger took for a noun.

"the militias Iran arms", "the groups Hezbollah funds": after a name, a verb in -s at the end of
a phrase looks like a plural noun ("Iran arms" as in "Iran's arms"), so the parser makes the name
its compound. Read the shape from the words: a common noun, a name, then a codebook verb in -s
with nothing after it that could be its object; the name does it to the noun.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from claimgraph.extract.codebook import Codebook
from claimgraph.extract.index import EntityIndex
from claimgraph.model import Entity

_OBJECT_POS = {"DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ"}


@dataclass
class Reduced:
    lemma: str
    doers: list[Entity]
    noun: Token  # the noun the clause is said of


def misread_relative(tok: Token, index: EntityIndex, cb: Codebook) -> Reduced | None:
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or index.entity_of(tok) is not None:
        return None
    word = tok.lower_
    lemma = next((w for w in (word[:-1], word[:-2]) if word.endswith("s") and w in cb.verbs), None)
    if lemma is None:
        return None
    doc, sent = tok.doc, tok.sent
    if tok.i == sent.start:
        return None
    name = index.span_of(doc[tok.i - 1])
    doers = index.entities_of(doc[tok.i - 1])
    if name is None or not doers or name.end != tok.i or name.start == sent.start:
        return None
    noun = doc[name.start - 1]
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" and index.entity_of(noun) is None:
        return None  # "the militias Iran arms"; not "Iran's Hezbollah funds"
    if tok.i + 1 < sent.end and doc[tok.i + 1].pos_ in _OBJECT_POS:
        return None  # "the group Hezbollah arms militias": a verb with its object
    return Reduced(lemma, doers, noun)
