"""Contradictions between claims about the same (kind, subject, predicate, object).

- `negation`: a negated claim against an asserted, reported or alleged one. A denial that
  comes from a party to the claim (attributed to its subject or object: "Iran denied arming
  the Houthis") is flagged `interested`.
- `quantity`: two readings of the same claim, from different documents, with amounts of the
  same unit (and period) that differ by more than 10 % (fatalities 7 against 10). A bound ("at
  least 7") conflicts only with what lies outside it.
- `date`: two readings of the same event (not relation), from different documents, with day or month
  precision and date spans that do not overlap.

Readings of events count as the same event only in the same year and, when both name a place,
at the same place. A claim read in several documents keeps the attributes of its first reading
once stored; each `Document.claims` holds the readings of that document, so pass documents with
their claims to compare every reading.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass

from claimgraph.corroborate.sources import Sources, default_sources
from claimgraph.corroborate.support import group_key, source_names
from claimgraph.model import Claim, Document

AFFIRMED = ("asserted", "reported", "alleged")
TOLERANCE = 0.10
_LOWER_BOUNDS = ("at least", "more than", "over")
_UPPER_BOUNDS = ("up to", "less than", "nearly", "fewer than", "under")


@dataclass
class Reading:
    claim: Claim
    docs: list[str]
    attrs: dict


def interested(claim: Claim) -> bool:
    """A denial by a party to the claim itself."""
    return claim.modality == "negated" and claim.attributed_to is not None and \
        claim.attributed_to in (claim.subject, claim.object)


def _docs(claim: Claim) -> list[str]:
    return list(dict.fromkeys(ev.doc_id for ev in claim.evidence if ev.doc_id))


def _readings(claims: list[Claim], documents: list[Document]) -> list[Reading]:
    """One reading per claim and document where the document's own claims are at hand, else one
    per stored claim (with its first reading's attributes)."""
    readings, covered = [], set()
    for d in documents:
        for c in d.claims:
            docs = _docs(c) or [d.id]
            readings.append(Reading(c, docs, c.attrs or {}))
            covered.update((c.id, doc) for doc in docs)
    for c in claims:
        rest = [doc for doc in _docs(c) if (c.id, doc) not in covered]
        if rest:
            readings.append(Reading(c, rest, c.attrs or {}))
    return readings


def _year(attrs: dict) -> str | None:
    date = attrs.get("date") or {}
    when = date.get("start") or date.get("end")
    return when[:4] if when else None


def _same_event(a: Reading, b: Reading) -> bool:
    if a.claim.kind != "event":
        return True
    ya, yb = _year(a.attrs), _year(b.attrs)
    la, lb = a.attrs.get("location"), b.attrs.get("location")
    return (ya is None or yb is None or ya == yb) and (la is None or lb is None or la == lb)


def _bounds(q: dict) -> tuple[float, float]:
    amount = float(q["amount"])
    qualifier = (q.get("qualifier") or "").lower()
    if qualifier in _LOWER_BOUNDS:
        return amount, math.inf
    if qualifier in _UPPER_BOUNDS:
        return 0.0, amount
    if q.get("approximate"):
        return amount * (1 - TOLERANCE), amount * (1 + TOLERANCE)
    return amount, amount


def quantities_conflict(a: dict, b: dict) -> bool:
    """Two quantities of one unit and period that cannot both be right, 10 % either way."""
    if a.get("unit") != b.get("unit") or a.get("per") != b.get("per"):
        return False
    (lo_a, hi_a), (lo_b, hi_b) = _bounds(a), _bounds(b)
    return hi_a < (1 - TOLERANCE) * lo_b or hi_b < (1 - TOLERANCE) * lo_a


def dates_conflict(a: dict, b: dict) -> bool:
    """Two day- or month-precise date spans that do not overlap."""
    if a.get("precision") not in ("day", "month") or b.get("precision") not in ("day", "month"):
        return False
    if not all((a.get("start"), a.get("end"), b.get("start"), b.get("end"))):
        return False
    return a["end"] < b["start"] or b["end"] < a["start"]


def contradictions(claims: Iterable[Claim], documents: Iterable[Document],
                   sources: Sources | None = None) -> list[dict]:
    """Every contradiction among the claims, as a dict: `type` (negation, quantity, date), the
    claim's `kind`, `subject`, `predicate` and `object`, and for the two sides their `claims`
    (ids), `values` (modalities, quantities or dates), `documents` and `sources`; negations also
    say whether the denial is `interested`."""
    sources = sources or default_sources()
    claims, documents = list(claims), list(documents)
    by_id = {d.id: d for d in documents}
    names = lambda docs: source_names(docs, by_id, sources)  # noqa: E731
    found: dict[str, dict] = {}

    def record(kind: str, a: Reading, b: Reading, va, vb, **extra) -> None:
        sides = sorted([(a.claim.id, va, a.docs), (b.claim.id, vb, b.docs)], key=lambda s: json.dumps(s, default=str))
        k, s, p, o = group_key(a.claim)
        item = {"type": kind, "kind": k, "subject": s, "predicate": p, "object": o,
                "claims": [x[0] for x in sides], "values": [x[1] for x in sides],
                "documents": [x[2] for x in sides], "sources": [names(x[2]) for x in sides], **extra}
        found.setdefault(json.dumps(item, sort_keys=True, default=str), item)

    every = {c.id: c for c in claims}
    for d in documents:  # claims only read in a document's own list count as well
        for c in d.claims:
            every.setdefault(c.id, c)
    by_key: dict[tuple, list[Claim]] = {}
    for c in every.values():
        by_key.setdefault(group_key(c), []).append(c)
    for group in by_key.values():
        for neg in (c for c in group if c.modality == "negated"):
            for pos in (c for c in group if c.modality in AFFIRMED):
                record("negation", Reading(neg, _docs(neg), {}), Reading(pos, _docs(pos), {}),
                       neg.modality, pos.modality, interested=interested(neg))

    readings: dict[tuple, list[Reading]] = {}
    for r in _readings(claims, documents):
        readings.setdefault(group_key(r.claim), []).append(r)
    for group in readings.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if set(a.docs) & set(b.docs) or not _same_event(a, b):
                    continue
                if "negated" in (a.claim.modality, b.claim.modality):
                    continue  # what did not happen has no size or date to disagree on
                qa, qb = a.attrs.get("quantity"), b.attrs.get("quantity")
                if qa and qb and quantities_conflict(qa, qb):
                    record("quantity", a, b, qa, qb)
                da, db = a.attrs.get("date"), b.attrs.get("date")
                # a relation holds over time: two dates of it are two moments, not a conflict
                if a.claim.kind == "event" and da and db and dates_conflict(da, db):
                    record("date", a, b, da, db)
    return list(found.values())
