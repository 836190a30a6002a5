"""Lists of events and of claims, filtered."""
from __future__ import annotations

import re
from collections import defaultdict

from claimgraph.query.actors import find_actor
from claimgraph.query.dates import bound, overlaps
from claimgraph.query.snapshot import Snapshot, snapshot

PLACE_TYPES = ("country", "location")


def _country_code(text: str) -> str | None:
    import pycountry
    try:
        return pycountry.countries.lookup(text).alpha_3
    except LookupError:
        return None


def _places(snap: Snapshot, place: str) -> tuple[set[str], set[str]]:
    """Location entity ids and country codes that `place` (ISO alpha-3 code or place name) stands for."""
    if re.fullmatch(r"[A-Za-z]{3}", place) and _country_code(place.upper()) == place.upper():
        return set(), {place.upper()}
    found = find_actor(snap, place, types=PLACE_TYPES)
    found = [found] if not isinstance(found, list) else found
    if len(found) > 1:
        raise LookupError(f"{place!r} names several places: " + ", ".join(f"{e.name} ({e.id})" for e in found))
    if found:
        e = found[0]
        return {e.id}, ({e.country} if e.type == "country" and e.country else set())
    code = _country_code(place)  # a country no document names as such, but whose places they name
    if code is None:
        raise LookupError(f"no place called {place!r} in the store")
    return set(), {code}


def events(store, type: str | None = None, actor: str | None = None, date_from: str | None = None,
           date_to: str | None = None, place: str | None = None) -> list[dict]:
    """Events, oldest first (undated last): of a PLOVER type, with `actor` (an entity id) as actor or
    target, dated (or, if undated, published) within [date_from, date_to], at `place`: an ISO
    alpha-3 code (locations in that country, or the country itself) or a place name."""
    snap = snapshot(store)
    if actor is not None:
        snap.entity(actor)
    lo, hi = bound(date_from), bound(date_to, end=True)
    where_ids, where_countries = _places(snap, place) if place else (set(), set())
    rows = []
    for c in snap.claims.values():
        if c.kind != "event" or (type and c.predicate != type.upper()):
            continue
        if actor is not None and actor not in (c.subject, c.object):
            continue
        if not overlaps(snap.dates(c), lo, hi):
            continue
        if place:
            loc = snap.entities.get(c.attrs.get("location"))
            if loc is None or not (loc.id in where_ids or loc.country in where_countries):
                continue
        rows.append(snap.claim_row(c))
    rows.sort(key=lambda r: ((r["date"] or {}).get("start") is None, (r["date"] or {}).get("start") or "",
                             r["predicate"], r["claim"]))
    return rows


def claims(store, contested: bool = False, single_source: bool = False, predicate: str | None = None,
           modality: str | None = None) -> list[dict]:
    """Claims, most sources first. `contested`: the same (subject, predicate, object) is stated with
    different modalities somewhere in the store (asserted here, negated there); `single_source`: all
    the evidence comes from one source. Each row lists the other modalities of its triple."""
    snap = snapshot(store)
    triples: dict[tuple, list] = defaultdict(list)
    for c in snap.claims.values():
        triples[(c.subject, c.predicate, c.object)].append(c)
    rows = []
    for c in snap.claims.values():
        if predicate and c.predicate not in (predicate, predicate.lower(), predicate.upper()):
            continue
        if modality and c.modality != modality.lower():
            continue
        others = [o for o in triples[(c.subject, c.predicate, c.object)] if o.modality != c.modality]
        if contested and not others:
            continue
        if single_source and len(snap.sources(c)) != 1:
            continue
        row = snap.claim_row(c)
        row["contested_by"] = [{"claim": o.id, "modality": o.modality, "sources": len(snap.sources(o))} for o in others]
        rows.append(row)
    rows.sort(key=lambda r: (-r["sources"], -r["documents"], r["subject"]["name"] or "", r["predicate"], r["claim"]))
    return rows
