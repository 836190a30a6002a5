"""Clusters of entities from judgements: union-find over positive edges, kept apart by negative ones.

For each pair only its latest live judgement counts. Positive edges are applied in the order
they were made; one that would join two clusters with a negative edge between them is left
out (`blocked`), so a split stays a split whatever the positive edges around it say.
"""
from __future__ import annotations

from collections import defaultdict

from claimgraph.resolve.candidates import Record
from claimgraph.resolve.judgements import NEGATIVE, POSITIVE, Judgement
from claimgraph.resolve.types import compatible


class Clusters:
    def __init__(self, records: dict[str, Record] | None = None):
        self.records = records or {}
        self._parent: dict[str, str] = {}
        self._members: dict[str, set[str]] = {}
        self._negatives: dict[str, set[str]] = defaultdict(set)  # entity → entities judged different
        self.blocked: list[Judgement] = []  # positive judgements a negative one overrides

    @classmethod
    def from_judgements(cls, judgements: list[Judgement], records: dict[str, Record] | None = None) -> Clusters:
        latest: dict[tuple[str, str], Judgement] = {}
        for j in judgements:
            if j.undone_at is None:
                latest[j.pair] = j
        clusters = cls(records)
        for j in latest.values():
            if j.judgement == NEGATIVE:
                clusters.add_negative(j.left_id, j.right_id)
        for j in sorted(latest.values(), key=lambda j: j.id):
            if j.judgement == POSITIVE and not clusters.union(j.left_id, j.right_id):
                clusters.blocked.append(j)
        return clusters

    def find(self, x: str) -> str:
        root = x
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        while x != root:  # path compression
            self._parent[x], x = root, self._parent[x]
        return root

    def members(self, x: str) -> set[str]:
        return set(self._members.get(self.find(x), {x}))

    def add_negative(self, a: str, b: str) -> None:
        self._negatives[a].add(b)
        self._negatives[b].add(a)

    def negative_between(self, a: str, b: str) -> tuple[str, str] | None:
        """A pair of entities, one in each cluster, judged different; None if there is none."""
        ma, mb = self.members(a), self.members(b)
        if len(ma) > len(mb):
            ma, mb = mb, ma
        for x in ma:
            hit = self._negatives.get(x, set()) & mb
            if hit:
                return (x, min(hit))
        return None

    def union(self, a: str, b: str) -> bool:
        """Join the clusters of a and b; False (and nothing joined) across a negative judgement."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.negative_between(a, b):
            return False
        ma, mb = self._members.pop(ra, {ra}), self._members.pop(rb, {rb})
        if len(ma) < len(mb):
            ra, rb, ma, mb = rb, ra, mb, ma
        self._parent[rb] = ra
        self._members[ra] = ma | mb
        return True

    def conflict(self, a: str, b: str) -> str | None:
        """Why the two clusters cannot be one actor (types, countries, knowledge-base ids), or None."""
        ma, mb = self.members(a), self.members(b)
        why = compatible(r for m in ma | mb if (r := self.records.get(m)) is not None)
        if why:
            return why
        for label, get in (("countries", lambda r: r.country), ("knowledge-base actors", lambda r: r.kb_id)):
            values = {get(r) for m in ma | mb if (r := self.records.get(m)) is not None} - {None}
            if len(values) > 1:
                return f"{label} differ ({', '.join(sorted(values))})"
        return None

    def canonical(self, x: str) -> str:
        """The cluster's id: its knowledge-base actor if it has one, else its smallest id (stable as data grows)."""
        def rank(e: str) -> tuple[int, str]:
            r = self.records.get(e)
            return (0 if r is not None and r.kb_id else 1, e)
        return min(self.members(x), key=rank)

    def groups(self) -> list[set[str]]:
        """Clusters of more than one entity."""
        return [set(m) for m in self._members.values() if len(m) > 1]
