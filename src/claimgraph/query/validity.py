"""When a relation holds: its validity span, from its own date, "former"/"then-" words, and the
death of its subject (rules in `codebook/validity.yaml`), and the `as_of` test of the views."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from claimgraph.model import Claim

OPENING = ("since", "from", "after")
CLOSING = ("until", "till", "through", "by", "before")
_RANGE = re.compile(r"\d\s*[-–—]\s*\d|\b(?:to|until|till|through|and)\b", re.I)


@dataclass(frozen=True)
class Validity:
    start: str | None  # ISO day, or None when unknown
    end: str | None
    ended: bool  # known to be over (former, then-, the subject's death)
    basis: str  # what the span rests on, in words

    def as_dict(self) -> dict:
        return {"from": self.start, "to": self.end, "ended": self.ended, "basis": self.basis}

    def covers(self, day: str) -> bool:
        """Could the relation hold on `day` (ISO)? An unknown bound is open."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@cache
def rules() -> dict:
    text = resources.files("claimgraph.codebook").joinpath("validity.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    fatal = {event: {"rules": set(v.get("rules") or ()), "modes": set(v.get("modes") or ())}
             for event, v in (data.get("fatal_events") or {}).items()}
    return {"ended_words": set(data.get("ended_words") or ()), "ended_by_death": set(data.get("ended_by_death") or ()),
            "fatal": fatal}


def deaths(snap) -> dict[str, tuple[str, str]]:
    """Person id → (day of death, claim id) from the fatal events that occurred to them."""
    cached = snap.cache.get("deaths")
    if cached is not None:
        return cached
    found: dict[str, tuple[str, str]] = {}
    for c in snap.claims.values():
        target = snap.entities.get(c.object) if c.object else None
        _record_death(found, c, target.type if target else None)
    snap.cache["deaths"] = found
    return found


def _record_death(found: dict, c: Claim, target_type: str | None) -> None:
    kinds = rules()["fatal"].get(c.predicate) if c.kind == "event" else None
    if not kinds or c.object is None or c.modality not in ("asserted", "reported"):
        return
    if c.attrs.get("status") not in (None, "occurred") or not (
            c.rule in kinds["rules"] or c.attrs.get("mode") in kinds["modes"]):
        return
    day = ((c.attrs.get("date") or {}).get("start") or "")[:10]
    if target_type != "person" or not day:
        return
    if c.object not in found or day < found[c.object][0]:
        found[c.object] = (day, c.id)


def validity(snap, c: Claim) -> Validity:
    """The span over which relation `c` holds, as far as the documents tell. "since 2014" opens it,
    "until 2017" closes it, "from 2014 to 2017" bounds it; a plain date ("in 2011") says when it
    held, not when it began or ended, so it bounds nothing."""
    date = c.attrs.get("date") or {}
    text = (date.get("text") or "").strip()
    first = text.split()[0].lower() if text else ""
    words = set(text.lower().replace("-", " ").split())
    start, end, ended, basis = None, None, False, "no date given"
    if date.get("precision") == "relative" and words & rules()["ended_words"]:
        days = sorted(p[:10] for p in (snap.documents[d].published for d in snap.doc_ids(c)
                                       if d in snap.documents) if p)
        end, ended = (days[0] if days else None), True
        basis = f"'{text}': over by the time of the report"
    elif first in OPENING and date.get("start"):
        start, basis = date["start"], f"'{text}'"
        if _RANGE.search(text) and date.get("end"):
            end = date["end"]
    elif first in CLOSING and date.get("end"):
        end, basis = date["end"], f"'{text}'"
    elif date.get("start") and date.get("end") and _RANGE.search(text):
        start, end, basis = date["start"], date["end"], f"'{text}'"
    elif date.get("start"):
        basis = f"held {text}" if text else "held then"
    death = deaths(snap).get(c.subject) if c.predicate in rules()["ended_by_death"] else None
    if death and (end is None or death[0] < end) and (start is None or start <= death[0]):
        end, ended, basis = death[0], True, f"ended by the death of {snap.name(c.subject)} ({death[1]})"
    return Validity(start[:10] if start else None, end[:10] if end else None, ended, basis)


def holds_on(snap, c: Claim, day: str | None) -> bool:
    """Whether `c` belongs to the view as of `day`: a relation that could hold then, an event that
    had happened by then (undated: reported by then)."""
    if not day:
        return True
    if c.kind == "relation":
        return snap.validity(c).covers(day)
    spans = snap.dates(c)
    return any(start <= day for start, _ in spans) if spans else True
