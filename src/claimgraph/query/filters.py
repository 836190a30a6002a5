"""The claim filters every query shares: predicate, modality, sources, independent sources,
credibility, date range and the `as_of` view; and `allowed`, the one check of a filter's value
that the command line and the API share."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from claimgraph.model import Claim
from claimgraph.query.dates import bound, overlaps
from claimgraph.query.validity import holds_on


class UnknownValue(ValueError):
    """A filter's value that no claim or actor can have; the message lists the allowed ones."""


@cache
def vocabulary() -> dict[str, tuple[str, ...]]:
    """What each filter may be, read from the codebook (`ontology.yaml`: the relation predicates and
    PLOVER's event types; `modality.yaml`: the modalities its cues give, beside `asserted`, which no
    cue gives) and the model's actor types."""
    from importlib import resources

    import yaml

    from claimgraph.model import ACTOR_TYPES

    def read(name: str) -> dict:
        text = resources.files("claimgraph.codebook").joinpath(name).read_text("utf-8")
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}

    ontology = read("ontology.yaml")
    relations, events = tuple(ontology.get("relations") or ()), tuple(ontology.get("events") or ())
    return {"predicate": relations + events, "relation predicate": relations, "event type": events,
            "modality": ("asserted", *(read("modality.yaml").get("cues") or {})),
            "kind": ("relation", "event"), "entity type": tuple(ACTOR_TYPES)}


def allowed(what: str, value: str | None) -> str | None:
    """`value` as the store spells it (relation predicates and modalities in lower case, event types
    in upper case), or `UnknownValue` listing the values of `vocabulary()[what]`; None stays None."""
    if value is None:
        return None
    choices = vocabulary()[what]
    text = str(value).strip()
    for spelling in (text, text.lower(), text.upper()):
        if spelling in choices:
            return spelling
    raise UnknownValue(f"unknown {what} {value!r}: use one of {', '.join(choices)}")


def date_range(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """The first day of `date_from` and the last of `date_to` (ISO); a ValueError for a date that
    does not exist or a range that ends before it starts."""
    lo, hi = bound(date_from), bound(date_to, end=True)
    if lo and hi and lo > hi:
        raise ValueError(f"the date range is reversed: from {date_from} is after to {date_to}")
    return lo, hi


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
        self._preds = {allowed("predicate", q) for q in self.predicates} if self.predicates else None
        self._mods = {allowed("modality", m) for m in self.modalities} if self.modalities else None
        self._lo, self._hi = date_range(self.date_from, self.date_to)
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
        if self.min_sources and snap.source_count(c) < self.min_sources:
            return False
        if (self._lo or self._hi) and not overlaps(snap.dates(c), self._lo, self._hi):
            return False
        if self._day and not holds_on(snap, c, self._day):
            return False
        if self.min_independent and snap.independent(c) < self.min_independent:
            return False
        return self.max_credibility is None or snap.credibility(c) <= self.max_credibility

    @property
    def sql_exact(self) -> bool:
        """Whether `conditions` select exactly the claims `keep` keeps (a date range is only narrowed)."""
        return not (self._lo or self._hi)

    def conditions(self, f) -> list:
        """SQL conditions on the stored figures (`claim_figures`, as `f`) that every kept claim meets:
        all the tests of `keep`, the date range narrowed to the claims whose first and last days
        can meet it (`keep` then decides on their spans)."""
        out = []
        if self._preds is not None:
            out.append(f.predicate.in_(sorted(self._preds)))
        if self._mods is not None:
            out.append(f.modality.in_(sorted(self._mods)))
        if self.min_sources:
            out.append(f.sources >= self.min_sources)
        if self.min_independent:
            out.append(f.independent >= self.min_independent)
        if self.max_credibility is not None:
            out.append(f.credibility <= self.max_credibility)
        if self._lo:
            out.append(f.date_hi >= self._lo)
        if self._hi:
            out.append(f.date_lo <= self._hi)
        if self._day:
            from sqlalchemy import and_, or_
            relation = and_(f.kind == "relation", or_(f.valid_from.is_(None), f.valid_from <= self._day),
                            or_(f.valid_to.is_(None), f.valid_to >= self._day))
            event = and_(f.kind == "event", or_(f.date_lo.is_(None), f.date_lo <= self._day))
            out.append(or_(relation, event))
        return out
