"""The coordinations of a parse ("A, B and C", "owned or controlled by X", "recruited, trained and
armed X"), found once per document. The parser hangs each conjunct on the one before, so asking
each member for its list again would cost the square of its length."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from spacy.tokens import Token


class Coordinations:
    def __init__(self, tokens: list[Token]):
        self.tokens = tokens  # one Token object per token (`EntityIndex.tokens`)
        self._group: list[int] | None = None
        self._members: dict[int, list[Token]] = {}
        self._agents: dict[int, list[Token]] = {}
        self._first: dict[int, Token] = {}
        self._conj: list[Token] = []
        self._conj_i: list[int] = []
        self._next: list[int] | None = None

    def _build(self) -> None:
        parent = list(range(len(self.tokens)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i
        for t in self.tokens:
            if t.dep_ == "conj" and t.head.i != t.i:
                parent[root(t.i)] = root(t.head.i)
        self._group = [root(i) for i in range(len(self.tokens))]
        for t in self.tokens:
            self._members.setdefault(self._group[t.i], []).append(t)

    def members(self, tok: Token) -> list[Token]:
        """`tok` and its conjuncts (spaCy's `Token.conjuncts` with the token), in text order."""
        if self._group is None:
            self._build()
        return self._members[self._group[tok.i]]

    def agents(self, tok: Token) -> list[Token]:
        """The "by" agents hung on any member of the coordination of `tok`."""
        if self._group is None:
            self._build()
        g = self._group[tok.i]
        if g not in self._agents:
            self._agents[g] = [c for x in self._members[g] for c in x.children if c.dep_ == "agent"]
        return self._agents[g]

    def first_verb(self, verb: Token, verbal: set[str]) -> Token:
        """The first of a list of verbs: up the conjunct links while the head is a verb."""
        path, cur = [], verb
        while cur.i not in self._first and cur.dep_ == "conj" and cur.head.pos_ in verbal:
            path.append(cur)
            cur = cur.head
        first = self._first.get(cur.i, cur)
        for t in path + [cur]:
            self._first[t.i] = first
        return first

    def candidates_after(self, first: Token, after: int, verbal: set[str]) -> Iterator[Token]:
        """The conjuncts in the subtree of `first` after token `after`, in text order, that can
        hold a list's shared object: a verb with a direct object, or a noun that is no possessor
        ("X's"). Found by jumps over the others (a list of verbs with one object at its end)."""
        if self._next is None:
            self._index_conjuncts(verbal)
        k = self._next[bisect_right(self._conj_i, after)]
        end = first.right_edge.i  # a subtree is the span between its edges (a projective parse)
        while k < len(self._conj) and self._conj[k].i <= end:
            yield self._conj[k]
            k = self._next[k + 1]

    def _index_conjuncts(self, verbal: set[str]) -> None:
        self._conj = [t for t in self.tokens if t.dep_ == "conj" and t.pos_ in verbal | {"NOUN", "PROPN"}]
        self._conj_i = [t.i for t in self._conj]
        self._next = [len(self._conj)] * (len(self._conj) + 1)
        for k in range(len(self._conj) - 1, -1, -1):
            t = self._conj[k]
            if t.pos_ in verbal:
                hit = any(c.dep_ == "dobj" for c in t.children)
            else:
                hit = not any(c.dep_ == "case" for c in t.children)
            self._next[k] = k if hit else self._next[k + 1]
