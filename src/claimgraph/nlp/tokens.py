"""A Doc's tokens as one list of `Token` objects, made once per Doc.

spaCy makes a new `Token` on every `doc[i]` and every step of `for t in doc` (about 0.8 µs each):
the stages that walk the whole document share this list instead. A `Token` reads its annotation
live from the Doc, so the list made after tokenizing stays right as later components annotate.
It is kept in `user_data` while the stages run; `release` takes it out (a Token does not serialize).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

KEY = "claimgraph.tokens"


def tokens(doc: Doc) -> list[Token]:
    toks = doc.user_data.get(KEY)
    if toks is None or len(toks) != len(doc):
        toks = doc.user_data[KEY] = list(doc)
    return toks


def release(doc: Doc) -> None:
    doc.user_data.pop(KEY, None)
