"""Consolidation: the readings of one document that state the same claim become one claim.

A relation is one claim per (subject, predicate, object, modality). An event is one claim per
occurrence: two attacks by X on Y on different days or in different places are two claims. A
reading that gives no date or no place ("the attack") joins the one occurrence it fits; when it
fits several, it stays apart rather than be given to one at random.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict

from claimgraph.model import Claim

Key = tuple  # (kind, subject, predicate, object, modality, date start, location)


def claim_id(kind: str, subject: str, predicate: str, obj: str | None, modality: str, when: str | None) -> str:
    key = "|".join([kind, subject, predicate, obj or "", modality, when or ""])
    return "clm-" + hashlib.sha1(key.encode()).hexdigest()[:16]


def key(kind: str, subject: str, predicate: str, obj: str | None, modality: str, attrs: dict) -> Key:
    if kind != "event":
        return (kind, subject, predicate, obj, modality, None, None)
    return (kind, subject, predicate, obj, modality, (attrs.get("date") or {}).get("start"), attrs.get("location"))


def _fits(a: Key, b: Key) -> bool:
    """Nothing known of `a` contradicts `b`: each of date and place equal, or unknown in `a`."""
    return all(x is None or x == y for x, y in zip(a[5:], b[5:]))


def merge(into: Claim, other: Claim, seen: set[tuple[int, int]] | None = None) -> None:
    """Add `other`'s evidence to `into`; each new piece raises confidence as 1 − Π(1 − c).
    `seen`: the (start, end) of `into`'s evidence, kept by a caller that merges into it often (made
    afresh on every call, it would cost the square of a repetitive document's evidence)."""
    if seen is None:
        seen = {(e.start, e.end) for e in into.evidence}
    for ev in other.evidence:
        if (ev.start, ev.end) not in seen:
            seen.add((ev.start, ev.end))
            into.evidence.append(ev)
            into.confidence = 1 - (1 - into.confidence) * (1 - other.confidence)
    into.attributed_to = into.attributed_to or other.attributed_to
    for k, v in other.attrs.items():
        into.attrs.setdefault(k, v)


def settle(claims: dict[Key, Claim]) -> list[Claim]:
    """Join the readings with less known into the one occurrence they fit, then give ids."""
    groups: dict[Key, list[Key]] = defaultdict(list)
    for k in claims:
        groups[k[:5]].append(k)
    out: list[Claim] = []
    for base, keys in groups.items():
        keys.sort(key=lambda k: sum(x is not None for x in k[5:]), reverse=True)  # the best known first
        kept: list[Key] = []
        for k in keys:
            homes = [h for h in kept if h != k and _fits(k, h)]
            if len(homes) == 1:
                merge(claims[homes[0]], claims[k])
            else:
                kept.append(k)
        several = len(kept) > 1
        for k in kept:
            c = claims[k]
            when, where = k[5], k[6]
            # one occurrence keeps the id of its year, so other documents' readings of it join it
            tag = "@".join(x or "" for x in (when, where)) if several else (when[:4] if when else None)
            c.id = claim_id(*base, tag)
            out.append(c)
    return out
