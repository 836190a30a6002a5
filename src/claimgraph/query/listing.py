"""Lists of events and of claims, filtered."""
from __future__ import annotations

import re

from sqlalchemy import or_, select

from claimgraph.query import select as select_
from claimgraph.query.actors import find_actor
from claimgraph.query.filters import ClaimFilter, allowed
from claimgraph.query.records import SHOWN
from claimgraph.query.view import StoreView, open_view, reads
from claimgraph.store.schema import ClaimFiguresRow as F
from claimgraph.store.schema import EntityRow

PLACE_TYPES = ("country", "location")


def _country_code(text: str) -> str | None:
    import pycountry
    try:
        return pycountry.countries.lookup(text).alpha_3
    except LookupError:
        return None


def _places(snap: StoreView, place: str) -> tuple[set[str], set[str]]:
    """Location entity ids and country codes that `place` (ISO alpha-3 code or place name) stands for."""
    if re.fullmatch(r"[A-Za-z]{3}", place) and _country_code(place.upper()) == place.upper():
        return set(), {place.upper()}
    found = find_actor(snap, place, types=PLACE_TYPES)
    found = [found] if not isinstance(found, list) else found
    if len(found) > 1:  # a metonym ("Baghdad" for Iraq's government) gives way to the place of that name
        named = [e for e in found if e.name.casefold() == place.strip().casefold()]
        found = named if len(named) == 1 else found
    if len(found) > 1:
        raise LookupError(f"{place!r} names several places: " + ", ".join(f"{e.name} ({e.id})" for e in found))
    if found:
        e = found[0]
        return {e.id}, ({e.country} if e.type == "country" and e.country else set())
    code = _country_code(place)  # a country no document names as such, but whose places they name
    if code is None:
        raise LookupError(f"no place called {place!r} in the store")
    return set(), {code}


@reads
def events(store, type: str | None = None, actor: str | None = None, date_from: str | None = None,
           date_to: str | None = None, place: str | None = None, modalities=None, min_independent: int = 0,
           max_credibility: int | None = None, as_of: str | None = None, limit: int | None = None,
           shown: int | None = SHOWN) -> list[dict]:
    """Events, oldest first (undated last): of a PLOVER type, with `actor` (an entity id) as actor or
    target, dated (or, if undated, published) within [date_from, date_to], at `place`: an ISO
    alpha-3 code (locations in that country, or the country itself) or a place name; and the
    shared filters of `ClaimFilter`; the first `limit` of them (None: all). Selected, ordered and
    cut in SQL (an actor's first events read from each side's index); only the events returned
    are read in full, each with its first `shown` pieces of evidence and contradictions and how
    many more it holds (`evidence_more`, `contradictions_more`; None: all of them)."""
    if limit is not None and limit < 1:
        raise ValueError("limit is at least 1")
    snap = open_view(store)
    if actor is not None:
        snap.entity(actor)
    rule = ClaimFilter(None, modalities, 0, min_independent, max_credibility, date_from, date_to, as_of)
    where = []  # besides the kind
    if type:
        where.append(F.predicate == allowed("event type", type))
    query = select(F.__table__)
    if place:
        where_ids, where_countries = _places(snap, place)
        if where_countries:  # the places of those countries first: an OR across a join scans every claim
            where_ids |= set(snap.session.scalars(select(EntityRow.id).where(
                EntityRow.country.in_(sorted(where_countries)), EntityRow.canonical.is_(None))))
        where.append(F.location.in_(sorted(where_ids)))
    if actor is not None and rule.sql_exact and limit is not None:
        found = select_.actor_events(snap, actor, [*where, *rule.conditions(F)], limit)
    else:
        if actor is not None:
            where.append(or_(F.subject == actor, F.object == actor))
        query = query.where(F.kind == "event", *where, *rule.conditions(F)).order_by(
            F.date_own.is_(None), F.date_own, F.predicate, F.claim_id)
        if rule.sql_exact and limit is not None:
            query = query.limit(limit)
        found = select_.kept(snap, rule, query)[:limit]
    rows = [snap.claim_row(c, shown) for c in snap.claims_by_id((c.id for c in found), shown)]
    rows.sort(key=lambda r: ((r["date"] or {}).get("start") is None, (r["date"] or {}).get("start") or "",
                             r["predicate"], r["claim"]))
    return rows


@reads
def claims(store, contested: bool = False, single_source: bool = False, predicate: str | None = None,
           modality: str | None = None, min_independent: int = 0, max_credibility: int | None = None,
           date_from: str | None = None, date_to: str | None = None, as_of: str | None = None,
           actor: str | None = None, limit: int | None = None, listed: bool = False,
           shown: int | None = SHOWN) -> list[dict]:
    """Claims, most independent sources first. `contested`: contradicted somewhere in the store
    (negated against affirmed, or conflicting quantities or dates); `single_source`: one
    independent source stands behind it (reprints and one outlet's stories count once); `actor`:
    an entity id as subject or object; `limit`: the best attested that many (most sources and
    documents; only those are read in full); `listed`: touching an actor matched to a sanctions or
    watch list (with `actor`: the other actor is listed). Each row lists the other modalities of its triple.
    `shown`: each row carries its first `shown` pieces of evidence and contradictions (chosen in
    the database) and how many more it holds (`evidence_more`, `contradictions_more`, when cut);
    None: all of them."""
    if limit is not None and limit < 1:
        raise ValueError("limit is at least 1")
    snap = open_view(store)
    if actor is not None:
        snap.entity(actor)
    rule = ClaimFilter([predicate] if predicate else None, [modality] if modality else None, 0, min_independent,
                       max_credibility, date_from, date_to, as_of)
    where = []
    if contested:
        where.append(F.contested.is_(True))
    if single_source:
        where.append(F.independent == 1)
    if listed:
        from claimgraph.kb import listings
        where.append(listings.counterpart_condition(F, actor) if actor else listings.listed_condition(F))
    found = select_.ranked_claims(snap, rule, where, limit, actor)
    rows = []
    read = snap.claims_by_id((c.id for c in found), shown)
    groups = snap.groups_claims({snap.figures(c).group_key for c in read})
    for c in read:
        row = snap.claim_row(c, shown)
        f = snap.figures(c)
        row["contested_by"] = [{"claim": o.claim_id, "modality": o.modality, "sources": o.sources}
                               for o in groups[f.group_key] if o.modality != c.modality]
        rows.append(row)
    rows.sort(key=lambda r: (-r["independent"], -r["sources"], -r["documents"], r["subject"]["name"] or "",
                             r["predicate"], r["claim"]))
    return rows
