"""The four tables of `export --format csv|parquet|neo4j`, their columns and their rows, in one place.

- `events`: one row per event claim, in ACLED's and POLECAT's column names where a column means
  the same thing, then ours (modality, attribution, grade); its first piece of evidence as
  `notes` (the sentence), `source` and `doc_id`/`char_start`/`char_end`.
- `relations`: one row per relation claim (who funds, leads, arms… whom), with its validity.
- `actors`: one row per actor the claims name (merged actors as one), places with coordinates.
- `evidence`: one row per piece of evidence of each claim: the sentence, where it stands in its
  document, and the document.

They join by ids: `events.claim_id` / `relations.claim_id` = `evidence.claim_id`;
`events.actor1_id`, `actor2_id`, `location_id`, `relations.subject_id`, `object_id`, and the
`attribution_id` of both = `actors.actor_id`. `TABLES` names each table's columns with a type tag
(`str`, `int`, `float`, `bool`, `date` (ISO day), `list` (of strings), `category` (a string of few
values)) that each writer turns into its own types; `rows(read)` streams the rows a page at a time.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimgraph.export.read import StoreRead, fragment
from claimgraph.kb import gazetteer
from claimgraph.kb.listings import label


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # str, int, float, bool, date, list, category
    doc: str


def _columns(*specs: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


EVENTS = _columns(
    ("event_id", "str", "the event claim's id (= claim_id)"),
    ("event_date", "date", "first day of the span the date names (ACLED event_date; empty when only 'recently')"),
    ("event_date_end", "date", "last day of that span"),
    ("year", "int", "year of event_date (ACLED)"),
    ("time_precision", "int", "ACLED's code: 1 a day, 2 a span within a week, 3 a month; empty when coarser "
                               "(see date_precision)"),
    ("date_precision", "category", "our word: day, month, year, decade or relative"),
    ("date_text", "str", "the date as the text says it"),
    ("event_type", "category", "PLOVER event type (POLECAT Event Type)"),
    ("event_mode", "category", "PLOVER mode: aerial, explosives, firearms… (POLECAT Event Mode)"),
    ("actor1", "str", "the source actor's name (POLECAT Actor Name; ACLED actor1)"),
    ("actor1_id", "str", "actors.actor_id"),
    ("actor1_country", "str", "the source actor's country, ISO alpha-3 (POLECAT Actor Country)"),
    ("actor2", "str", "the target or recipient (POLECAT Recipient Name; ACLED actor2)"),
    ("actor2_id", "str", "actors.actor_id"),
    ("actor2_country", "str", "ISO alpha-3 (POLECAT Recipient Country)"),
    ("country", "str", "the country the event took place in, by name (ACLED country); empty when no place is said"),
    ("iso3", "str", "that country, ISO alpha-3"),
    ("location", "str", "the place named (ACLED location; POLECAT Placename)"),
    ("location_id", "str", "actors.actor_id of the place"),
    ("latitude", "float", "of the place (GeoNames); a country's are its capital's"),
    ("longitude", "float", "of the place (GeoNames)"),
    ("geo_precision", "int", "ACLED's code: 1 a city's coordinates, 3 a country's capital standing for it"),
    ("geonames_id", "int", "GeoNames id of the city or country (POLECAT GeoNames ID)"),
    ("source", "str", "outlet of the first piece of evidence (ACLED source; POLECAT Source)"),
    ("source_url", "str", "URL of that document"),
    ("publication_date", "date", "publication day of that document (POLECAT Publication Date)"),
    ("notes", "str", "the evidence sentence (ACLED notes); every piece is in the evidence table"),
    ("fatalities", "int", "deaths the sentence counts (ACLED fatalities); empty when it counts none"),
    ("fatalities_qualifier", "str", "'at least', 'up to'…, or 'approximate', when the count is hedged"),
    ("modality", "category", "asserted, reported, alleged, speculative or negated"),
    ("attribution", "str", "who says it, when not the document itself (a name or a phrase)"),
    ("attribution_id", "str", "actors.actor_id of who says it, when an actor"),
    ("status", "category", "occurred, planned, attempted, hypothetical…"),
    ("source_reliability", "category", "Admiralty source reliability A-F"),
    ("info_credibility", "int", "Admiralty information credibility 1-6"),
    ("admiralty", "str", "the two together, e.g. B2"),
    ("credibility_reason", "str", "why that credibility"),
    ("confidence", "float", "extraction confidence 0-1"),
    ("contested", "bool", "denied or contradicted elsewhere"),
    ("sources", "int", "outlets that carry it"),
    ("independent_sources", "int", "independent outlets (reprints and shared wires counted once)"),
    ("documents", "int", "documents that carry it"),
    ("doc_id", "str", "document of the first piece of evidence"),
    ("char_start", "int", "where the sentence starts in that document's text"),
    ("char_end", "int", "where it ends"),
    ("rule", "str", "the extraction rule"),
    ("claim_id", "str", "evidence.claim_id"),
)

RELATIONS = _columns(
    ("claim_id", "str", "evidence.claim_id"),
    ("subject_id", "str", "actors.actor_id"),
    ("subject", "str", "name of the subject"),
    ("predicate", "category", "funds, leads, member_of, arms… (the codebook's 13)"),
    ("object_id", "str", "actors.actor_id"),
    ("object", "str", "name of the object"),
    ("modality", "category", "asserted, reported, alleged, speculative or negated"),
    ("attribution", "str", "who says it, when not the document itself (a name or a phrase)"),
    ("attribution_id", "str", "actors.actor_id of who says it, when an actor"),
    ("valid_from", "date", "first day the tie holds, when said"),
    ("valid_to", "date", "last day, when said or ended"),
    ("ended", "bool", "the tie is over"),
    ("ended_basis", "str", "why these validity dates"),
    ("documents", "int", "documents that carry it"),
    ("sources", "int", "outlets that carry it"),
    ("independent_sources", "int", "independent outlets"),
    ("credibility", "int", "Admiralty information credibility 1-6"),
    ("reliability", "category", "Admiralty source reliability A-F"),
    ("admiralty", "str", "the two together, e.g. B2"),
    ("credibility_reason", "str", "why that credibility"),
    ("contested", "bool", "denied or contradicted elsewhere"),
    ("confidence", "float", "extraction confidence 0-1"),
    ("rule", "str", "the extraction rule"),
    ("sentence", "str", "the first evidence sentence; every piece is in the evidence table"),
    ("doc_id", "str", "its document"),
    ("char_start", "int", "where the sentence starts in that document's text"),
    ("char_end", "int", "where it ends"),
)

ACTORS = _columns(
    ("actor_id", "str", "the actor's id (merged actors under one)"),
    ("name", "str", "its name"),
    ("type", "category", "person, organization, group, country or location"),
    ("subtype", "category", "head_of_state, armed_group, ministry, city…"),
    ("country", "str", "ISO alpha-3"),
    ("aliases", "list", "other names (';'-joined in CSV)"),
    ("mentions", "int", "times the documents name it"),
    ("documents", "int", "documents that name it"),
    ("kb_id", "str", "knowledge-base id"),
    ("listed", "list", "sanctions or watch lists it is matched to, with their topics"),
    ("latitude", "float", "of a place (GeoNames); a country's are its capital's"),
    ("longitude", "float", "of a place"),
    ("geonames_id", "int", "GeoNames id of the city or country"),
    ("geo_precision", "category", "city, or capital (a country by its capital)"),
)

EVIDENCE = _columns(
    ("claim_id", "str", "events.claim_id or relations.claim_id"),
    ("doc_id", "str", "the document"),
    ("char_start", "int", "where the sentence starts in the document's text"),
    ("char_end", "int", "where it ends"),
    ("sentence", "str", "the sentence"),
    ("title", "str", "the document's title"),
    ("source", "str", "its outlet"),
    ("published", "date", "its publication day"),
    ("url", "str", "the sentence's place: the document's URL (or claimgraph:doc:ID) with #char=start,end"),
    ("sha256", "str", "the document text's SHA-256"),
    ("reprint_of", "str", "the document it reprints, if any"),
    ("genre", "category", "news, opinion, government…"),
)

TABLES: dict[str, tuple[Column, ...]] = {"events": EVENTS, "relations": RELATIONS, "actors": ACTORS,
                                         "evidence": EVIDENCE}
LIST_DELIMITER = ";"  # between the values of a list column in CSV
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def day(value) -> str | None:
    """The ISO day a date value starts with, or None."""
    return value[:10] if isinstance(value, str) and _DAY.match(value) else None


def _ref(ref) -> tuple[str | None, str | None, str | None]:
    """(id, name, country) of an actor reference."""
    return (ref["id"], ref["name"], ref.get("country")) if isinstance(ref, dict) else (None, None, None)


def _attribution(claim: dict) -> tuple[str | None, str | None]:
    said = claim.get("attributed_to")
    if isinstance(said, dict):
        return said["name"], said["id"]
    return (said or None), None


def _grade(claim: dict) -> dict:
    return {"modality": claim["modality"], "admiralty": claim.get("admiralty"),
            "credibility_reason": claim.get("credibility_reason"), "contested": bool(claim.get("contested")),
            "confidence": claim.get("confidence"), "sources": claim.get("sources"),
            "independent_sources": claim.get("independent"), "documents": claim.get("documents"),
            "rule": claim.get("rule")}


def _first(claim: dict) -> dict:
    return claim["evidence"][0] if claim.get("evidence") else {}


def _time_precision(date: dict) -> int | None:
    """ACLED's code: 1 a day, 2 a span within a week, 3 a month (only the month known)."""
    start, end = day(date.get("start")), day(date.get("end"))
    if date.get("precision") == "month" and start and end and start[:7] == end[:7]:
        return 3
    if date.get("precision") != "day" or not start or not end:
        return None
    from datetime import date as Date
    span = (Date.fromisoformat(end) - Date.fromisoformat(start)).days
    return 1 if span == 0 else 2 if span < 7 else None


def _fatalities(quantity) -> tuple[int | None, str | None]:
    if not isinstance(quantity, dict) or quantity.get("unit") != "fatalities":
        return None, None
    hedge = quantity.get("qualifier") or ("approximate" if quantity.get("approximate") else None)
    return int(quantity["amount"]), hedge


def event_row(claim: dict, places: dict[str, gazetteer.Place | None]) -> dict:
    """The events row of an event claim; `places` holds the coordinates of the places by actor id."""
    date = claim.get("date") or {}
    start = day(date.get("start"))
    a1, a1_name, a1_country = _ref(claim.get("subject"))
    a2, a2_name, a2_country = _ref(claim.get("object"))
    where = claim.get("location")
    loc_id, loc_name, loc_country = _ref(where)
    iso3 = loc_country if where else None
    place = places.get(loc_id) if loc_id else None
    said, said_id = _attribution(claim)
    ev = _first(claim)
    fatalities, hedge = _fatalities(claim.get("quantity"))
    return {"event_id": claim["claim"], "event_date": start, "event_date_end": day(date.get("end")),
            "year": int(start[:4]) if start else None, "time_precision": _time_precision(date),
            "date_precision": date.get("precision"), "date_text": date.get("text"),
            "event_type": claim["predicate"], "event_mode": claim.get("mode"),
            "actor1": a1_name, "actor1_id": a1, "actor1_country": a1_country,
            "actor2": a2_name, "actor2_id": a2, "actor2_country": a2_country,
            "country": gazetteer.country_name(iso3) or (loc_name if where and where.get("type") == "country" else None),
            "iso3": iso3, "location": loc_name, "location_id": loc_id,
            "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
            "geo_precision": (1 if place.precision == "city" else 3) if place else None,
            "geonames_id": place.geonames_id if place else None,
            "source": ev.get("source"), "source_url": ev.get("url"), "publication_date": day(ev.get("published")),
            "notes": ev.get("excerpt"), "fatalities": fatalities, "fatalities_qualifier": hedge,
            "attribution": said, "attribution_id": said_id, "status": claim.get("status"),
            "source_reliability": claim.get("reliability"), "info_credibility": claim.get("credibility"),
            "doc_id": ev.get("doc"), "char_start": ev.get("start"), "char_end": ev.get("end"),
            "claim_id": claim["claim"], **_grade(claim)}


def relation_row(claim: dict) -> dict:
    """The relations row of a relation claim."""
    s, s_name, _ = _ref(claim.get("subject"))
    o, o_name, _ = _ref(claim.get("object"))
    valid = claim.get("valid") or {}
    said, said_id = _attribution(claim)
    ev = _first(claim)
    return {"claim_id": claim["claim"], "subject_id": s, "subject": s_name, "predicate": claim["predicate"],
            "object_id": o, "object": o_name, "attribution": said, "attribution_id": said_id,
            "valid_from": day(valid.get("from")), "valid_to": day(valid.get("to")),
            "ended": bool(valid.get("ended")), "ended_basis": valid.get("basis"),
            "credibility": claim.get("credibility"), "reliability": claim.get("reliability"),
            "sentence": ev.get("excerpt"), "doc_id": ev.get("doc"), "char_start": ev.get("start"),
            "char_end": ev.get("end"), **_grade(claim)}


def evidence_rows(claim: dict) -> Iterator[dict]:
    """The evidence rows of a claim, one per piece of evidence."""
    for ev in claim.get("evidence") or ():
        yield {"claim_id": claim["claim"], "doc_id": ev["doc"], "char_start": ev["start"], "char_end": ev["end"],
               "sentence": ev.get("excerpt"), "title": ev.get("title"), "source": ev.get("source"),
               "published": day(ev.get("published")), "url": fragment(ev), "sha256": ev.get("sha256"),
               "reprint_of": ev.get("reprint_of"), "genre": ev.get("genre")}


def place_of(actor: dict) -> gazetteer.Place | None:
    """The coordinates of an actor that is a place (a country or a location), else None."""
    if actor["type"] == "country":
        return gazetteer.coordinates(actor["name"], actor.get("country"), "country")
    if actor["type"] == "location":
        return gazetteer.coordinates(actor["name"], actor.get("country"), actor.get("subtype"),
                                     aliases=actor.get("aliases") or ())
    return None


def actor_row(actor: dict, place: gazetteer.Place | None) -> dict:
    """The actors row of an actor."""
    return {"actor_id": actor["id"], "name": actor["name"], "type": actor["type"], "subtype": actor.get("subtype"),
            "country": actor.get("country"), "aliases": list(actor.get("aliases") or ()),
            "mentions": actor.get("mentions"), "documents": actor.get("documents"), "kb_id": actor.get("kb_id"),
            "listed": [label(x) for x in actor.get("listings") or ()],
            "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
            "geonames_id": place.geonames_id if place else None, "geo_precision": place.precision if place else None}


def actor_pages(read: StoreRead, places: dict[str, gazetteer.Place | None]) -> Iterator[list[dict]]:
    """The actors rows a page at a time; the coordinates of the places go into `places` (by actor
    id, a small value per place) for the events."""
    page: list[dict] = []
    for actor in read.actors():
        place = place_of(actor)
        if actor["type"] in ("country", "location"):
            places[actor["id"]] = place
        page.append(actor_row(actor, place))
        if len(page) >= read.page:
            yield page
            page = []
    if page:
        yield page


def claim_tables(claims: list[dict], places: dict[str, gazetteer.Place | None]) -> dict[str, list[dict]]:
    """A page of claims as events, relations and evidence rows."""
    return {"events": [event_row(c, places) for c in claims if c["kind"] == "event"],
            "relations": [relation_row(c) for c in claims if c["kind"] != "event"],
            "evidence": [row for c in claims for row in evidence_rows(c)]}


def rows(read: StoreRead) -> Iterator[tuple[str, list[dict]]]:
    """(table, rows) a page at a time: the actors first, then each page of claims."""
    places: dict[str, gazetteer.Place | None] = {}
    for page in actor_pages(read, places):
        yield "actors", page
    for claims in read.claim_pages():
        for name, out in claim_tables(claims, places).items():
            if out:
                yield name, out
