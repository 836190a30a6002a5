"""Misspelt knowledge-base names: "Kait'ib Hezbollah" for "Kata'ib Hezbollah".

A run of capitalised words as long as a multi-word KB name of a group or organization, sharing its
first or its last word and close to it as a whole (rapidfuzz's normalized Indel similarity), is
that actor. Persons are left to resolution: one letter apart, two persons are often two people.
"""
from __future__ import annotations

from collections import defaultdict

from rapidfuzz.distance import Indel
from spacy.tokens import Doc

from claimgraph.nlp.tokens import tokens


MIN_SIMILARITY = 0.9
MIN_WORD_SIMILARITY = 0.8
MIN_CHARS = 10  # shorter names are too easily near something else
NEAR_TYPES = {"organization", "group"}
_GLUE = {"al", "el", "ul", "of", "the", "and"}


class NearNames:
    """Multi-word names of the KB keyed by their first and by their last folded word."""

    def __init__(self) -> None:
        self.by_end: dict[tuple[int, str], list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        # words that name something else when spelt otherwise: states' names and demonyms ("Iraqi"
        # is not "Iranian"), titles and the words that end names ("Minister" is not "Ministry")
        self.qualifiers: set[str] = set()

    def add(self, keys: tuple[str, ...], actor_id: str, actor_type: str) -> None:
        if len(keys) < 2 or actor_type not in NEAR_TYPES or len(" ".join(keys)) < MIN_CHARS:
            return
        self.__dict__.pop("_edges", None)  # made again from `by_end` when next asked
        for end in ((0, keys[0]), (len(keys) - 1, keys[-1])):
            entry = (keys, actor_id)
            slot = self.by_end[(len(keys),) + end]
            if entry not in slot:
                slot.append(entry)

    def edges(self) -> dict[int, tuple[frozenset[str], frozenset[str]]]:
        """For each name length, the first words and the last words of the names of that length
        (`by_end`'s keys as sets: the test made for every word of every document)."""
        edges = self.__dict__.get("_edges")
        if edges is None:
            edges = {}
            for size, at, word in self.by_end:
                edges.setdefault(size, (set(), set()))[0 if at == 0 else 1].add(word)
            edges = self._edges = {size: (frozenset(a), frozenset(b)) for size, (a, b) in edges.items()}
        return edges

    def matches(self, doc: Doc, exact: list[tuple[int, int]], keys: list[str],
                joiner: list[bool]) -> list[tuple[int, int, str]]:
        """(start, end, actor id) of the near misses. A window may swallow an exact match inside
        it ("Hezbollah" in "Kait'ib Hezbollah"), never cut one in two."""
        if not self.by_end:
            return []
        words = [(i, k) for i, (k, j) in enumerate(zip(keys, joiner)) if not j]
        out: list[tuple[int, int, str]] = []
        edge = {}  # token → the exact span it belongs to
        for s, e in exact:
            for i in range(s, e):
                edge[i] = (s, e)
        busy: set[int] = set()
        by_end = self.by_end
        toks, named = tokens(doc), {}

        def is_named(i: int) -> bool:
            """A name's words are capitalised, punctuation, or the small words inside names."""
            got = named.get(i)
            if got is None:
                t = toks[i]
                got = named[i] = t.text[:1].isupper() or t.is_punct or t.lower_ in _GLUE
            return got

        n, edges, none = len(words), self.edges(), (frozenset(), frozenset())
        for k in range(n):
            for size in (4, 3, 2):
                if k + size > n:
                    continue
                # the cheap test first: some KB name of this length starts or ends with this word
                firsts, lasts = edges.get(size, none)
                if words[k][1] not in firsts and words[k + size - 1][1] not in lasts:
                    continue
                window = words[k:k + size]
                if not all(is_named(i) for i, _ in window):
                    continue
                first, last = window[0][0], window[-1][0]
                if any(i in busy for i in range(first, last + 1)):
                    continue
                spans = {edge[i] for i in range(first, last + 1) if i in edge}
                if any(sp[0] < first or sp[1] > last + 1 or sp == (first, last + 1) for sp in spans):
                    continue
                keys = tuple(w for _, w in window)
                hit = self._closest(keys)
                if hit is not None:
                    out.append((first, last + 1, hit))
                    busy.update(range(first, last + 1))
                    break
        return out

    def _closest(self, keys: tuple[str, ...]) -> str | None:
        found: set[str] = set()
        text = " ".join(keys)
        for end in ((0, keys[0]), (len(keys) - 1, keys[-1])):
            for name, actor_id in self.by_end.get((len(keys),) + end, ()):
                if name != keys and all(self._spelling_of(a, b) for a, b in zip(name, keys)) and \
                        Indel.normalized_similarity(" ".join(name), text) >= MIN_SIMILARITY:
                    found.add(actor_id)
        return found.pop() if len(found) == 1 else None  # near two actors: neither

    def _spelling_of(self, a: str, b: str) -> bool:
        """Two words that may be one word spelt two ways: equal, or close long words of letters with
        the same first letter that name no state ("Brigade 45" and "Brigade 46" are two brigades,
        the "Indian" and the "Iranian" defence ministries two ministries)."""
        if a == b:
            return True
        return (a[:1] == b[:1] and len(a) >= 4 and len(b) >= 4 and a.isalpha() and b.isalpha()
                and a not in self.qualifiers and b not in self.qualifiers
                and Indel.normalized_similarity(a, b) >= MIN_WORD_SIMILARITY)
