"""Parse-tree and quotation helpers shared by the reference rules."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from claimgraph.extract.modality.quotes import quote_spans


def depth(t: Token) -> int:
    d = 0
    while t.head.i != t.i:
        t = t.head
        d += 1
    return d


def ancestors(t: Token) -> dict[int, int]:
    """Token index → depth, for the token and every head above it."""
    path = [t]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    n = len(path)
    return {x.i: n - 1 - k for k, x in enumerate(path)}


def lca_depth(t: Token, anc: dict[int, int]) -> int:
    while t.i not in anc:
        if t.head.i == t.i:
            return -1
        t = t.head
    return anc[t.i]


def quote_flags(doc: Doc, toks: list[Token]) -> list[bool]:
    """Whether each token is inside a quotation (the quote marks included)."""
    spans = quote_spans(doc)
    flags = [False] * len(toks)
    if spans:
        starts = [t.idx for t in toks]
        for a, b in spans:
            for i in range(max(bisect_right(starts, a) - 1, 0), bisect_left(starts, b)):
                flags[i] = True
    return flags


def clause_head(t: Token) -> Token:
    """The verb of the clause a token is in (the sentence root when none is above it)."""
    x = t
    while x.head.i != x.i and not (x.pos_ in ("VERB", "AUX") and x.i != t.i):
        x = x.head
    return x
