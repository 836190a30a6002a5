"""The claim filters every query shares: predicate, modality, sources, independent sources,
credibility, date range and the `as_of` view."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from claimgraph.model import Claim
from claimgraph.query.dates import bound, overlaps
from claimgraph.query.validity import holds_on


@dataclass
class ClaimFilter:
    predicates: Iterable[str] | None = None
    modalities: Iterable[str] | None = None
    min_sources: int = 0
    min_independent: int = 0
    max_credibility: int | None = None  # 1 (confirmed) … 6; keep claims graded this or better
    date_from: str | None = None
    date_to: str | None = None
    as_of: str | None = None  # relations that could hold on that day, events that had happened

    def __post_init__(self) -> None:
        if self.max_credibility is not None and not 1 <= self.max_credibility <= 6:
            raise ValueError("credibility is a grade from 1 (confirmed) to 6 (cannot be judged)")
        if self.min_sources < 0 or self.min_independent < 0:
            raise ValueError("a minimum number of sources cannot be negative")
        self._preds = {p for q in self.predicates for p in (q, q.lower(), q.upper())} if self.predicates else None
        self._mods = {m.lower() for m in self.modalities} if self.modalities else None
        self._lo, self._hi = bound(self.date_from), bound(self.date_to, end=True)
        self._day = bound(self.as_of, end=True)

    @property
    def trivial(self) -> bool:
        """Keeps every claim."""
        return (self._preds is None and self._mods is None and not self.min_sources and not self.min_independent
                and self.max_credibility is None and not (self._lo or self._hi or self._day))

    def keep(self, snap, c: Claim) -> bool:
        """Cheap tests first; the corroboration of a claim is computed only when asked for."""
        if self._preds is not None and c.predicate not in self._preds:
            return False
        if self._mods is not None and c.modality not in self._mods:
            return False
        if self.min_sources and len(snap.sources(c)) < self.min_sources:
            return False
        if (self._lo or self._hi) and not overlaps(snap.dates(c), self._lo, self._hi):
            return False
        if self._day and not holds_on(snap, c, self._day):
            return False
        if self.min_independent and snap.independent(c) < self.min_independent:
            return False
        return self.max_credibility is None or snap.credibility(c) <= self.max_credibility
