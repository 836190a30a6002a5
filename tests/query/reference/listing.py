"""Lists of events and of claims, filtered."""
from __future__ import annotations

import re

from claimgraph.corroborate.support import group_key
from reference.actors import find_actor
from claimgraph.query.filters import ClaimFilter
from claimgraph.query.listing import PLACE_TYPES, _country_code
from claimgraph.query.snapshot import Snapshot, snapshot

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
           date_to: str | None = None, place: str | None = None, modalities=None, min_independent: int = 0,
           max_credibility: int | None = None, as_of: str | None = None) -> list[dict]:
    """Events, oldest first (undated last): of a PLOVER type, with `actor` (an entity id) as actor or
    target, dated (or, if undated, published) within [date_from, date_to], at `place`: an ISO
    alpha-3 code (locations in that country, or the country itself) or a place name; and the
    shared filters of `ClaimFilter`."""
    snap = snapshot(store)
    if actor is not None:
        snap.entity(actor)
    rule = ClaimFilter(None, modalities, 0, min_independent, max_credibility, date_from, date_to, as_of)
    where_ids, where_countries = _places(snap, place) if place else (set(), set())
    rows = []
    pool = snap.claims_of.get(actor, []) if actor is not None else snap.claims.values()
    for c in pool:
        if c.kind != "event" or (type and c.predicate != type.upper()):
            continue
        if actor is not None and actor not in (c.subject, c.object):
            continue
        if place:
            loc = snap.entities.get(c.attrs.get("location"))
            if loc is None or not (loc.id in where_ids or loc.country in where_countries):
                continue
        if rule.keep(snap, c):
            rows.append(snap.claim_row(c))
    rows.sort(key=lambda r: ((r["date"] or {}).get("start") is None, (r["date"] or {}).get("start") or "",
                             r["predicate"], r["claim"]))
    return rows


def claims(store, contested: bool = False, single_source: bool = False, predicate: str | None = None,
           modality: str | None = None, min_independent: int = 0, max_credibility: int | None = None,
           date_from: str | None = None, date_to: str | None = None, as_of: str | None = None,
           actor: str | None = None, limit: int | None = None) -> list[dict]:
    """Claims, most independent sources first. `contested`: contradicted somewhere in the store
    (negated against affirmed, or conflicting quantities or dates); `single_source`: one
    independent source stands behind it (reprints and one outlet's stories count once); `actor`:
    an entity id as subject or object; `limit`: the best attested that many (most sources and
    documents; only those are graded and shown). Each row lists the other modalities of its triple."""
    if limit is not None and limit < 1:
        raise ValueError("limit is at least 1")
    snap = snapshot(store)
    if actor is not None:
        snap.entity(actor)
    rule = ClaimFilter([predicate] if predicate else None, [modality] if modality else None, 0, min_independent,
                       max_credibility, date_from, date_to, as_of)
    rows, found = [], []
    pool = snap.claims_of.get(actor, []) if actor is not None else snap.claims.values()
    for c in pool:
        if actor is not None and actor not in (c.subject, c.object):
            continue
        if not rule.keep(snap, c):
            continue
        if contested and not snap.corroboration(c)["contested"]:
            continue
        if single_source and snap.independent(c) != 1:
            continue
        found.append(c)
    found.sort(key=lambda c: (-len(snap.sources(c)), -len(snap.doc_ids(c)), c.id))
    for c in found[:limit]:
        row = snap.claim_row(c)
        others = [o for o in snap.groups.get(group_key(c), []) if o.modality != c.modality]
        row["contested_by"] = [{"claim": o.id, "modality": o.modality, "sources": len(snap.sources(o))} for o in others]
        rows.append(row)
    rows.sort(key=lambda r: (-r["independent"], -r["sources"], -r["documents"], r["subject"]["name"] or "",
                             r["predicate"], r["claim"]))
    return rows
