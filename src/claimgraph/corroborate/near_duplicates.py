"""Near-duplicate documents: reprints and syndicated copies of one story.

Each text is folded (case, diacritics and punctuation do not count) and cut into word
5-shingles; a MinHash of the shingles goes into an LSH index, which proposes candidate pairs;
a pair whose shingles' Jaccard similarity reaches the threshold is joined (near-duplicates
are transitive: a chain of reprints is one cluster). A cluster is named by its
earliest-published document (else the smallest id), so the name is stable across runs.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH
from networkx.utils import UnionFind

from claimgraph.kb.fold import fold
from claimgraph.model import Document

SHINGLE = 5
SEED = 1  # fixed, so that every run draws the same permutations
_WORD = re.compile(r"\w+")
# `fold` keeps up to 200,000 tokens it folded; a whole text goes through it uncached, or every
# document written would stay in that cache (twice: as it came and folded) for the process's life
_fold_text = fold.__wrapped__


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The word `size`-grams of a folded text (a text shorter than that is one shingle)."""
    words = _WORD.findall(_fold_text(text))
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def minhash(text: str, num_perm: int = 128) -> MinHash:
    m = MinHash(num_perm=num_perm, seed=SEED)
    m.update_batch([s.encode("utf-8") for s in shingles(text)])
    return m


def clusters(documents: Iterable[Document], threshold: float = 0.8, num_perm: int = 128) -> dict[str, str]:
    """Map every document id to its cluster id: the id of the cluster's earliest-published
    document (undated documents come last; ties go to the smallest id). A document with no
    near-duplicate is its own cluster."""
    docs: dict[str, Document] = {}
    for d in documents:
        docs.setdefault(d.id, d)
    hashes = {doc_id: minhash(d.text, num_perm) for doc_id, d in docs.items() if d.text.strip()}
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    for doc_id, m in hashes.items():
        lsh.insert(doc_id, m)
    joined = UnionFind(docs)
    cache: dict[str, set[str]] = {}

    def shingled(doc_id: str) -> set[str]:
        if doc_id not in cache:
            cache[doc_id] = shingles(docs[doc_id].text)
        return cache[doc_id]

    for doc_id, m in hashes.items():
        for other in lsh.query(m):
            # LSH only proposes candidates; the exact similarity of their shingles decides
            if other > doc_id and jaccard(shingled(doc_id), shingled(other)) >= threshold:
                joined.union(doc_id, other)
    result: dict[str, str] = {}
    for group in joined.to_sets():
        first = min(group, key=lambda i: (docs[i].published is None, docs[i].published or "", i))
        result.update({i: first for i in group})
    return result


@lru_cache(maxsize=8)
def _bands(threshold: float, num_perm: int) -> tuple[tuple[int, int], ...]:
    """datasketch's banding for a threshold (found by numerical integration: worth keeping)."""
    return tuple(MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges)


def band_keys(text: str, threshold: float = 0.8, num_perm: int = 128) -> list[str]:
    """The LSH band keys of a text's MinHash, with the banding datasketch picks for `threshold`:
    two texts that share a key are candidates (the store keeps the keys to find reprints)."""
    ranges = _bands(threshold, num_perm)
    values = minhash(text, num_perm).hashvalues
    return [hashlib.sha1(values[lo:hi].tobytes()).hexdigest() for lo, hi in ranges]
