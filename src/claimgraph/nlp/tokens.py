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


SENTENCES = "claimgraph.sentences"


def sentences(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's sentence, as two lists indexed like the Doc: the index of its first token and
    the index after its last (`Token.sent` and `Span.sent` walk to both ends of the sentence and
    make a Span on every call). As `Span.sent`, a Span's sentence starts at its first token's start,
    `starts[span.start]`, and ends at its last token's end, `ends[span.end - 1]`.
    Made once per Doc, after the parse (the stages do not move sentence boundaries)."""
    got = doc.user_data.get(SENTENCES)
    if got is None or len(got[0]) != len(doc):
        starts, ends = [0] * len(doc), [0] * len(doc)
        for s in doc.sents:
            n = s.end - s.start
            starts[s.start:s.end], ends[s.start:s.end] = [s.start] * n, [s.end] * n
        got = doc.user_data[SENTENCES] = (starts, ends)
    return got


def release(doc: Doc) -> None:
    doc.user_data.pop(KEY, None)
    doc.user_data.pop(SENTENCES, None)
