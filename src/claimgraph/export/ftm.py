"""`export --format ftm`: FollowTheMoney entities as JSON lines, for OCCRP Aleph and OpenSanctions.

One line per entity (`EntityProxy.to_dict()`), built with `followthemoney`: first the actors
(Person, Organization, PublicBody, Company, LegalEntity; places as Address), then the source
documents (Article for news and opinion, PlainText otherwise), then one entity per claim:
relations as Membership, Directorship, Control, Payment, Associate or UnknownLink (`role` = the
predicate; `operates_in` too, to the place's Address or the country's PublicBody, because an
actor's own `country` means where it belongs, not where it acts) and events as Event (PLOVER type
in `keywords`), with a Sanction beside each SANCTION event. FtM has no fields for a claim's
epistemic status, so each claim entity carries its evidence sentences in `description`, their
places as `sourceUrl` with an RFC 5147 `#char=start,end` fragment, the claim id in `recordId`,
modality, attribution and grade in words in `summary`, the outlets in `publisher` and the
documents in `proof`. Ids are FtM's SHA-1 of (dataset, kind, our
id), so the same store exports the same ids. `ftm_version=3` writes only what FollowTheMoney 3.5
(OCCRP Aleph 4.1) knows: no Control (Membership or UnknownLink instead), no `proof` on intervals.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import PurePosixPath
from typing import IO

import pycountry
from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry
from followthemoney.util import make_entity_id

from claimgraph.export import ExportOptions
from claimgraph.kb import listings
from claimgraph.export.ftm_profile import restrict
from claimgraph.export.read import StoreRead, fragment

DIRECTORY = False

# organization subtypes that are parts of a state, and the FtM topics they defensibly carry
STATE_BODIES = {
    "ministry": ("gov.national", "gov.executive"), "government": ("gov.national", "gov.executive"),
    "government_agency": ("gov.admin",), "legislature": ("gov.legislative",), "court": ("gov.judicial",),
    "armed_forces": ("mil",), "intelligence_service": ("gov.security",), "security_service": ("gov.security",),
    "police": ("gov.security",), "diplomatic_mission": (),
}
TOPICS = {  # other subtypes (FtM 3.5 lacks role.pol: the 3.5 profile drops it)
    "international_organization": ("gov.igo",), "political_party": ("pol.party",),
    "head_of_state": ("role.pep",), "head_of_government": ("role.pep",), "minister": ("role.pep",),
    "diplomat": ("role.diplo",), "judge": ("role.judge",), "journalist": ("role.journo",),
    "politician": ("role.pol",), "military_commander": ("mil",),
}
ARTICLE_GENRES = {"news", "opinion"}
ACTOR_PROOF = 50  # documents named as an actor's proof
PREFIX = {"day": 10, "month": 7, "year": 4, "decade": 4}  # a date of this precision as an FtM date prefix


def iso2(code: str | None) -> str | None:
    """Our ISO 3166 alpha-3 code as FtM's lower-case alpha-2 (FtM's cleaning for codes
    pycountry lacks, such as Kosovo's XKX)."""
    if not code:
        return None
    country = pycountry.countries.get(alpha_3=code.upper())
    return country.alpha_2.lower() if country else registry.country.clean(code)


class Ids:
    """FtM ids derived from ours: SHA-1 of (dataset, kind, our id)."""

    def __init__(self, dataset: str):
        self.dataset = dataset

    def __call__(self, kind: str, our_id: str) -> str:
        return make_entity_id(self.dataset, kind, our_id)


def actor_schema(actor: dict) -> str:
    kind, sub = actor["type"], actor.get("subtype")
    if kind == "person":
        return "Person"
    if kind == "country":
        return "PublicBody"  # a state acting; FtM has no Country schema
    if kind == "location":
        return "Address"
    if kind == "organization":
        return "PublicBody" if sub in STATE_BODIES else "Company" if sub == "company" else "Organization"
    return "LegalEntity"  # generic groups ("protesters", "militias")


def actor_entity(actor: dict, ids: Ids, documents: list[str]) -> EntityProxy:
    schema = actor_schema(actor)
    e = model.make_entity(schema)
    e.id = ids("actor", actor["id"])
    e.add("name", actor["name"])
    if schema == "Address":
        e.add("full", actor["name"])
    e.add("alias", [a for a in actor["aliases"] if a != actor["name"]])
    e.add("country", iso2(actor["country"]))
    e.add("topics", _topics(actor))
    for listing in actor.get("listings") or []:  # matched by `kb import`: the list's topics and a note
        e.add("topics", listing.get("topics") or [])
        score = f", match score {listing['score']:.2f}" if listing.get("score") is not None else ""
        e.add("notes", f"listed: {listings.label(listing)}{score}")
    what = actor["type"] + (f", {actor['subtype'].replace('_', ' ')}" if actor.get("subtype") else "")
    e.add("summary", f"claimgraph {what}: {_count(actor['mentions'], 'mention')} in "
                     f"{_count(actor['documents'], 'document')}")
    e.add("proof", [ids("document", d) for d in documents])
    return e


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _topics(actor: dict) -> tuple[str, ...]:
    if actor["type"] == "country":
        return ("gov.national",)
    if actor["type"] == "organization" and actor.get("subtype") in STATE_BODIES:
        return STATE_BODIES[actor["subtype"]]
    return TOPICS.get(actor.get("subtype"), ())


def document_entity(doc: dict, ids: Ids) -> EntityProxy:
    e = model.make_entity("Article" if doc["genre"] in ARTICLE_GENRES else "PlainText")
    e.id = ids("document", doc["id"])
    file_name = PurePosixPath(doc["path"]).name if doc.get("path") else f"{doc['id']}.txt"
    e.add("fileName", file_name)  # FtM 3.5 requires it of documents
    e.add("title", doc["title"])
    e.add("name", doc["title"] or file_name)
    e.add("publisher", doc["source"])
    e.add("publishedAt", doc["published"])
    e.add("sourceUrl", doc["url"])
    e.add("language", doc["language"])
    # FtM's contentHash is the SHA-1 of the file: ours is a SHA-256 of the text, so it goes in words
    e.add("summary", f"claimgraph document {doc['id']} ({doc['genre']}), text SHA-256 {doc['sha256']}")
    return e


# -- claims ---------------------------------------------------------------------------------------
def _ref(claim: dict, key: str) -> dict | None:
    ref = claim.get(key)
    return ref if isinstance(ref, dict) else None


def _fits(schemas: dict[str, str], ref: dict | None, schema: str, prop: str) -> bool:
    """The referenced actor is exported and its schema is in the range of `schema.prop`."""
    if ref is None or ref["id"] not in schemas:
        return False
    return model[schemas[ref["id"]]].is_a(model[schema].get(prop).range)


def _money(quantity: dict | None) -> bool:
    return bool(quantity and quantity.get("amount") is not None and quantity.get("unit")
                and pycountry.currencies.get(alpha_3=str(quantity["unit"]).upper()))


def _relation_form(claim: dict, version: int) -> tuple[str, dict, dict]:
    """(schema, {property: ref}, {property: value}) of a relation claim, before range checks."""
    pred, subj, obj = claim["predicate"], _ref(claim, "subject"), _ref(claim, "object")
    if pred in ("member_of", "part_of"):
        role = "member" if pred == "member_of" else "part of"
        return "Membership", {"member": subj, "organization": obj}, {"role": role}
    if pred == "leads":
        return "Directorship", {"director": subj, "organization": obj}, {"role": "leader"}
    if pred == "controls" and version >= 4:
        return "Control", {"controller": subj, "controlled": obj}, {"role": "controls"}
    if pred == "subordinate_to":
        if version >= 4:
            return "Control", {"controller": obj, "controlled": subj}, {"role": "subordinate"}
        return "Membership", {"member": subj, "organization": obj}, {"role": "subordinate"}
    if pred == "funds" and _money(claim.get("quantity")):
        q = claim["quantity"]
        return "Payment", {"payer": subj, "beneficiary": obj}, {"amount": q["amount"], "currency": q["unit"].upper()}
    if pred == "allied_with":
        return "Associate", {"person": subj, "associate": obj}, {"relationship": "ally"}
    return "UnknownLink", {"subject": subj, "object": obj}, {"role": pred}


def relation_entity(claim: dict, ids: Ids, schemas: dict[str, str], version: int) -> EntityProxy | None:
    """The claim as an FtM interval; UnknownLink when an end does not fit the schema's range
    (a Membership in a person, a Directorship of a place). None when an end is missing."""
    schema, refs, values = _relation_form(claim, version)
    if not all(_fits(schemas, ref, schema, prop) for prop, ref in refs.items()):
        schema, values = "UnknownLink", {"role": claim["predicate"]}
        refs = {"subject": _ref(claim, "subject"), "object": _ref(claim, "object")}
        if not all(_fits(schemas, ref, schema, prop) for prop, ref in refs.items()):
            return None
    e = model.make_entity(schema)
    e.id = ids("claim", claim["claim"])
    for prop, ref in refs.items():
        e.add(prop, ids("actor", ref["id"]))
    for prop, value in values.items():
        e.add(prop, value)
    valid = claim.get("valid") or {}
    if valid.get("from") or valid.get("to"):
        e.add("startDate", valid.get("from"))
        e.add("endDate", valid.get("to"))
    else:
        _add_dates(e, claim.get("date"))
    _add_evidence(e, claim, ids)
    return e


def event_name(claim: dict) -> str:
    """"ASSAULT by Hezbollah on X in Baghdad, 2019-12-29" ("attempted ASSAULT …" when it did not
    occur; "…, 2019-10 to 2019-12", "… from 2004", "… by 2019-09-16" for spans and bounds)."""
    subj, obj, place = _ref(claim, "subject"), claim.get("object"), _ref(claim, "location")
    status = claim.get("status")
    parts = [f"{status} {claim['predicate']}" if status and status != "occurred" else claim["predicate"]]
    if subj:
        parts.append(f"by {subj['name']}")
    if obj:
        parts.append(f"on {obj['name'] if isinstance(obj, dict) else obj}")
    if place:
        parts.append(f"in {place['name']}")
    when = _dates(claim.get("date"))
    if "date" in when:
        parts[-1] += f", {when['date']}"
    elif "startDate" in when and "endDate" in when:
        parts[-1] += f", {when['startDate']} to {when['endDate']}"
    elif when:
        parts.append(f"from {when['startDate']}" if "startDate" in when else f"by {when['endDate']}")
    return " ".join(parts)


def event_entity(claim: dict, ids: Ids, schemas: dict[str, str], name: str) -> EntityProxy:
    e = model.make_entity("Event")
    e.id = ids("claim", claim["claim"])
    e.add("name", name)
    e.add("keywords", [claim["predicate"], claim.get("mode")])
    for prop, ref in (("organizer", _ref(claim, "subject")), ("involved", _ref(claim, "object"))):
        if _fits(schemas, ref, "Event", prop):
            e.add(prop, ids("actor", ref["id"]))
        elif _fits(schemas, ref, "Event", "addressEntity"):  # a place attacked or named as the actor
            e.add("addressEntity", ids("actor", ref["id"]))
    place = _ref(claim, "location")
    if place:
        e.add("location", place["name"])
        e.add("country", iso2(place.get("country")))
        if _fits(schemas, place, "Event", "addressEntity"):
            e.add("addressEntity", ids("actor", place["id"]))
    _add_dates(e, claim.get("date"))
    _add_evidence(e, claim, ids)
    return e


def sanction_entity(claim: dict, ids: Ids, schemas: dict[str, str]) -> EntityProxy | None:
    """A SANCTION event as OpenSanctions' consumers read designations: entity = the target,
    authority = the imposer's name."""
    target, imposer = _ref(claim, "object"), _ref(claim, "subject")
    if not _fits(schemas, target, "Sanction", "entity"):
        return None
    e = model.make_entity("Sanction")
    e.id = ids("sanction", claim["claim"])
    e.add("entity", ids("actor", target["id"]))
    if imposer:
        e.add("authority", imposer["name"])
        e.add("country", iso2(imposer.get("country")))
    when = _dates(claim.get("date"))
    e.add("startDate", when.get("date") or when.get("startDate"))
    e.add("endDate", when.get("endDate"))
    _add_evidence(e, claim, ids)
    return e


def _dates(date: dict | None) -> dict[str, str]:
    """A claim date as FtM date prefixes: `date` for one day, month or year; else startDate and/or
    endDate (a relative date, "recently", only bounds the event by its document's date)."""
    if not date:
        return {}
    n = PREFIX.get(date.get("precision"), 10)
    start = date.get("start") and date["start"][:n]
    end = date.get("end") and date["end"][:n]
    if date.get("precision") not in PREFIX:
        return {"endDate": end} if end else {"startDate": start} if start else {}
    if start and start == end:
        return {"date": start}
    return {k: v for k, v in (("startDate", start), ("endDate", end)) if v}


def _add_dates(e: EntityProxy, date: dict | None) -> None:
    for prop, value in _dates(date).items():
        e.add(prop, value)


def _add_evidence(e: EntityProxy, claim: dict, ids: Ids) -> None:
    unlinked = []
    for ev in claim["evidence"]:
        e.add("description", ev["excerpt"])
        if ev.get("url"):
            e.add("sourceUrl", fragment(ev))
        else:
            unlinked.append(fragment(ev))  # FtM's url type takes http(s), ftp and mailto only
        e.add("publisher", ev.get("source"))
        e.add("proof", ids("document", ev["doc"]))
    e.add("recordId", claim["claim"])
    e.add("summary", summary(claim, unlinked))


def summary(claim: dict, unlinked: list[str] = ()) -> str:
    """Modality, attribution and grade in words: "alleged; attributed to: Saad Hariri; Admiralty
    F4 (doubtful); 1 source; predicate: COERCE"."""
    said = claim.get("attributed_to")
    who = said["name"] if isinstance(said, dict) else said or "the author"
    parts = [claim["modality"], f"attributed to: {who}"]
    if claim.get("admiralty"):
        parts.append(f"Admiralty {claim['admiralty']} ({claim['credibility_label']})")
    sources, independent = claim.get("sources") or 0, claim.get("independent") or 0
    parts.append(_count(sources, "source") + (f", {independent} independent" if independent != sources else ""))
    modalities = claim.get("modalities") or {}
    if len(modalities) > 1:
        parts.append("readings: " + ", ".join(f"{m} {n}" for m, n in sorted(modalities.items())))
    if claim.get("contested"):
        parts.append("contested")
    valid = claim.get("valid") or {}
    if valid.get("ended") or valid.get("from") or valid.get("to"):
        parts.append(f"validity: {valid.get('basis')}")
    if claim.get("mode"):
        parts.append(f"mode: {claim['mode']}")
    if claim.get("quantity"):
        parts.append(quantity_words(claim["quantity"]))
    parts.append(f"predicate: {claim['predicate']}")
    if unlinked:
        parts.append("evidence at " + " ".join(unlinked))
    return "; ".join(parts)


def quantity_words(q: dict) -> str:
    amount = q.get("amount")
    text = f"{amount:,}" if isinstance(amount, (int, float)) else str(amount)
    lead = q.get("qualifier") or ("about" if q.get("approximate") else "")
    return " ".join(x for x in (lead, text, str(q.get("unit") or ""), f"per {q['per']}" if q.get("per") else "") if x)


# -- the file -------------------------------------------------------------------------------------
def _actors_with_documents(read: StoreRead, exported_docs: set[str]):
    """Each actor with the exported documents that mention it most (at most ACTOR_PROOF of them:
    a hub's thousands would make one huge line; the claims carry their own documents)."""
    mentions = read.mentions()  # by actor id, as the actors come
    pending = next(mentions, None)
    for actor in read.actors():
        docs: Counter[str] = Counter()
        while pending is not None and pending[0] < actor["id"]:
            pending = next(mentions, None)
        while pending is not None and pending[0] == actor["id"]:
            if pending[1] in exported_docs:
                docs[pending[1]] += 1
            pending = next(mentions, None)
        yield actor, sorted(sorted(docs, key=lambda d: (-docs[d], d))[:ACTOR_PROOF])


def export(read: StoreRead, fh: IO[bytes], options: ExportOptions | None = None) -> dict:
    options = options or ExportOptions()
    version, ids = options.ftm_version, Ids(options.dataset)

    def write(proxy: EntityProxy) -> None:
        data = restrict(proxy) if version < 4 else proxy.to_dict()
        fh.write((json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))

    counts = {"actors": 0, "documents": 0, "relations": 0, "events": 0, "sanctions": 0, "left out": 0}
    exported_docs = set(read.document_ids())
    schemas: dict[str, str] = {}  # actor id → FtM schema, for the range checks of the claims
    for actor, docs in _actors_with_documents(read, exported_docs):
        entity = actor_entity(actor, ids, docs)
        schemas[actor["id"]] = entity.schema.name
        write(entity)
        counts["actors"] += 1
    for doc in read.documents():
        write(document_entity(doc, ids))
        counts["documents"] += 1
    group, names = None, set()  # event names already given in this claim group
    for claim in read.claims():
        if claim["kind"] == "relation":
            entity = relation_entity(claim, ids, schemas, version)
            if entity is None:
                counts["left out"] += 1
                continue
            write(entity)
            counts["relations"] += 1
            continue
        if claim["group"] != group:
            group, names = claim["group"], set()
        name = event_name(claim)
        if name in names:
            name += f" ({claim['claim']})"
        names.add(name)
        write(event_entity(claim, ids, schemas, name))
        counts["events"] += 1
        if claim["predicate"] == "SANCTION":
            sanction = sanction_entity(claim, ids, schemas)
            if sanction is not None:
                write(sanction)
                counts["sanctions"] += 1
    if not counts["left out"]:
        del counts["left out"]
    return counts
