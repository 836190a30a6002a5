"""`export --format stix`: one STIX 2.1 bundle for OpenCTI and MISP, built with `stix2`, written as a stream.

Objects come in the order OpenCTI imports best (entities before what refers to them): the
claimgraph identity (author of the derived objects), one identity per outlet (its Admiralty source
reliability as `x_opencti_reliability`), the actors (identity, threat-actor or location by
`stix_map.actor_kind`), then claim group by claim group: a relation's affirmative claims as one
relationship (type from `stix_map.relationship_type`; `related-to` with a
`claimgraph:predicate=…` label where OpenCTI accepts nothing more specific), an event as an
incident (ASSAULT, COERCE) or OpenCTI's custom `event` object (the other PLOVER types), linked to
its actor, target and place; a note per evidence sentence (content = the sentence, authors = the
attribution, abstract = modality and grade, created by the outlet) and an opinion per denial
(on the relationship or incident it denies, else on the actors it names); last a report per
document, its `object_refs` the objects its evidence supports. Grades go into `confidence`
(STIX's Admiralty table) and MISP `admiralty-scale` labels. Ids are pycti's deterministic ones
(`stix_map.stix_id`), made unique within the bundle where pycti's keys would make two objects
one; timestamps are fixed, so the same store exports the same bytes.

Memory: one claim group at a time and a dict of the actors' ids; the ids written (to keep them
unique) and the document → object references go to a temporary SQLite file.
"""
from __future__ import annotations

import json
import re
import sqlite3
import tempfile
from collections import Counter
from itertools import groupby
from pathlib import Path
from typing import IO

import pycountry
import stix2
from stix2.properties import ListProperty, StringProperty, TimestampProperty

from claimgraph.export import ExportOptions
from claimgraph.export.read import StoreRead, fragment
from claimgraph.export.stix_map import (IDENTITY_CLASS, LOCATIONS, RELIABILITY_OV, SECTORS, THREAT_ACTORS,
                                        THREAT_GROUPS, actor_kind, admiralty_labels, confidence,
                                        relationship_type, stix_id)

DIRECTORY = False
EPOCH = "1970-01-01T00:00:00.000Z"  # created/modified of what no document dates: fixed, for equal bytes
INCIDENT_TYPES = {"ASSAULT", "COERCE"}  # force and coercion, with a victim: OpenCTI incidents
REGIONS = {"africa", "americas", "asia", "europe", "oceania", "antarctica", "caribbean", "central-america",
           "south-america", "northern-america", "latin-america-caribbean"}  # region-ov values a name can be


@stix2.v21.CustomObject("event", [
    ("name", StringProperty(required=True)), ("description", StringProperty()),
    ("event_types", ListProperty(StringProperty)), ("start_time", TimestampProperty()),
    ("stop_time", TimestampProperty()),
])
class Event:
    """OpenCTI's Event (a custom SDO: name, description, event_types, start_time, stop_time)."""


def _timestamp(value: str | None) -> str | None:
    """"2019", "2019-12" or "2019-12-30" (or a longer ISO time) as a STIX timestamp at its start."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not m:
        return None
    return f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}T00:00:00Z"


def _alpha2(alpha3: str | None) -> str | None:
    country = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
    return country.alpha_2 if country else None


class _Writer:
    def __init__(self, read: StoreRead, fh: IO[bytes], options: ExportOptions, spool: sqlite3.Connection):
        self.read, self.fh, self.options, self.spool = read, fh, options, spool
        self.counts: Counter = Counter()
        self.actors: dict[str, tuple[str, str]] = {}  # our actor id → (STIX id, OpenCTI kind)
        self.outlets: dict[str, str] = {}  # outlet name → identity id
        from claimgraph.query.outlets import sources
        from claimgraph.query.view import StoreView
        with StoreView(read.store) as view:  # the analysts' grades over the sources files
            self.grades = view.source_grades
            self.names = {r["key"]: r["source"] for r in sources(view)}  # an outlet once, whatever its spelling
        self.author = stix_id("identity", {"name": options.dataset.lower().strip(), "identity_class": "system"})

    # -- output -----------------------------------------------------------------------------------
    def emit(self, obj, what: str) -> None:
        sep = b",\n" if self.counts.total() else b"\n"
        self.fh.write(sep + obj.serialize(sort_keys=True, ensure_ascii=False).encode("utf-8"))
        self.counts[what] += 1

    def take(self, sid: str) -> bool:
        """Note `sid` as written; False when it already was (kept on disk: there is one per relationship)."""
        try:
            self.spool.execute("INSERT INTO taken VALUES (?)", (sid,))
        except sqlite3.IntegrityError:
            return False
        return True

    def unique(self, stix_type: str, data: dict, ours: str) -> str:
        """pycti's id for `data`, or, when another object of the bundle has it, one with our key added."""
        sid = stix_id(stix_type, data)
        if not self.take(sid):
            sid = stix_id(stix_type, {**data, "x_claimgraph_id": ours})
            self.take(sid)
        return sid

    def refer(self, doc: str, *refs: str) -> None:
        self.spool.executemany("INSERT OR IGNORE INTO refs VALUES (?, ?)", [(doc, r) for r in refs if r])

    # -- sources and actors -----------------------------------------------------------------------
    def outlet_name(self, source: str | None) -> str:
        if not (source or "").strip():
            return "unknown source"
        return self.names.get(self.grades.key(source)) or self.grades.canonical(source)

    def outlet(self, source: str | None) -> str:
        name = self.outlet_name(source)
        if name not in self.outlets:
            grade = self.grades.reliability(name)
            sid = stix_id("identity", {"name": name.lower().strip(), "identity_class": "organization"})
            self.outlets[name] = sid
            if not self.take(sid):  # a name that differs only in case: one identity, as in OpenCTI
                return sid
            self.emit(stix2.Identity(
                id=sid, name=name, identity_class="organization", created=EPOCH, modified=EPOCH,
                description=f"A source of the documents claimgraph read; Admiralty source reliability {grade}.",
                labels=admiralty_labels(grade, None), x_opencti_reliability=RELIABILITY_OV[grade],
                allow_custom=True), "outlets")
        return self.outlets[name]

    def write_head(self) -> None:
        self.take(self.author)
        self.emit(stix2.Identity(id=self.author, name=self.options.dataset, identity_class="system",
                                 description="claimgraph: claims read from documents, with their evidence.",
                                 created=EPOCH, modified=EPOCH), "identities")
        for d in self.read.documents():
            self.outlet(d["source"])

    def write_actors(self) -> None:
        kb = None
        for a in self.read.actors():
            kb_file = None
            if a["type"] == "person" and a.get("subtype") == "military_commander" and a.get("kb_id"):
                if kb is None:
                    from claimgraph.kb.loader import default_kb
                    kb = default_kb()
                entry = kb.get(a["kb_id"])
                kb_file = entry.source if entry else None
            kind = actor_kind(a, kb_file)
            obj = self.actor_object(a, kind)
            if obj is None:
                self.counts["places_without_position"] += 1
                continue
            if not self.take(obj[0]):  # the same name and class: OpenCTI makes them one object too
                self.actors[a["id"]] = (obj[0], kind)
                self.counts["actors_merged_by_name"] += 1
                continue
            self.actors[a["id"]] = (obj[0], kind)
            self.emit(obj[1](), "locations" if kind in LOCATIONS else
                      "threat_actors" if kind in THREAT_ACTORS else "identities")

    def actor_object(self, a: dict, kind: str):
        """(id, a function making the object) of an actor, or None for a place STIX cannot hold."""
        name = a["name"]
        common = dict(name=name, created=EPOCH, modified=EPOCH, created_by_ref=self.author,
                      labels=[f"claimgraph:type={a['type']}"] + ([f"claimgraph:subtype={a['subtype']}"]
                                                                 if a.get("subtype") else []),
                      external_references=[{"source_name": "claimgraph", "external_id": a["id"]}],
                      allow_custom=True)
        aliases = sorted(set(a.get("aliases") or []) - {name})
        if kind in THREAT_ACTORS:
            sid = stix_id("threat-actor", {"name": name.lower().strip(), "opencti_type": kind})
            extra = {"aliases": aliases} if aliases else {}
            if kind == "Threat-Actor-Individual":
                extra["resource_level"] = "individual"
            elif THREAT_GROUPS.get(a.get("subtype")):
                extra["threat_actor_types"] = list(THREAT_GROUPS[a["subtype"]])
            return sid, lambda: stix2.ThreatActor(id=sid, **common, **extra)
        if kind in IDENTITY_CLASS:
            cls = IDENTITY_CLASS[kind]
            sid = stix_id("identity", {"name": name.lower().strip(), "identity_class": cls})
            extra = {}
            if kind == "Organization" and a.get("subtype") in SECTORS:
                extra["sectors"] = list(SECTORS[a["subtype"]])
            if aliases:
                extra["x_opencti_aliases"] = aliases
            return sid, lambda: stix2.Identity(id=sid, identity_class=cls, **common, **extra)
        where = self.place(a, kind)
        if where is None:
            return None
        sid = stix_id("location", {"name": name.lower().strip(), "x_opencti_location_type": kind})
        if aliases:
            where["x_opencti_aliases"] = aliases
        return sid, lambda: stix2.Location(id=sid, x_opencti_location_type=kind, **common, **where)

    def place(self, a: dict, kind: str) -> dict | None:
        """The country, coordinates or region of a place; None when none is known (STIX needs one)."""
        where = {}
        alpha2 = _alpha2(a.get("country"))
        if alpha2:
            where["country"] = alpha2
        if kind != "Country":
            from claimgraph.kb.gazetteer import coordinates
            found = coordinates(a["name"], a.get("country"), a.get("subtype"), a.get("aliases") or ())
            if found is not None:
                where.update(latitude=found.latitude, longitude=found.longitude)
            region = a["name"].lower().strip().replace(" ", "-")
            if region in REGIONS:
                where["region"] = region
        return where or None

    # -- claims -----------------------------------------------------------------------------------
    def write_claims(self) -> None:
        for key, group in groupby(self.read.claims(), key=lambda c: c["group"]):
            claims = list(group)  # one claim group: one triple's readings
            if claims[0]["kind"] == "relation":
                self.relation_group(key, claims)
            else:
                self.event_group(key, claims)

    def ref(self, ref) -> tuple[str, str] | None:
        return self.actors.get(ref["id"]) if isinstance(ref, dict) else None

    def evidence_refs(self, claims: list[dict]) -> list[dict]:
        out = []
        for c in claims:
            for ev in c["evidence"]:
                ref = {"source_name": self.outlet_name(ev.get("source")), "url": fragment(ev),
                       "description": ev["excerpt"].strip(), "external_id": c["claim"]}
                if ev.get("sha256"):
                    ref["hashes"] = {"SHA-256": ev["sha256"]}
                out.append(ref)
        return out

    def grade(self, claims: list[dict]) -> dict:
        """confidence and labels of a group's claims (their best grade; modalities of all)."""
        best = min(claims, key=lambda c: (c.get("credibility") or 7, c.get("reliability") or "Z"))
        labels = sorted({f"claimgraph:modality={c['modality']}" for c in claims})
        labels += admiralty_labels(best.get("reliability"), best.get("credibility"))
        out = {"labels": labels}
        value = confidence(best.get("credibility"))
        if value is not None:
            out["confidence"] = value
        return out

    def relationship(self, rel: str, source: str, target: str, ours: str, times: dict, **props) -> str:
        data = {"relationship_type": rel, "source_ref": source, "target_ref": target, **times}
        sid = self.unique("relationship", data, ours)
        self.emit(stix2.Relationship(id=sid, relationship_type=rel, source_ref=source, target_ref=target,
                                     created=EPOCH, modified=EPOCH, created_by_ref=self.author,
                                     allow_custom=True, **times, **props), "relationships")
        return sid

    def relation_group(self, key: str, claims: list[dict]) -> None:
        first = claims[0]
        src, tgt = self.ref(first["subject"]), self.ref(first["object"])
        if src is None or tgt is None:
            self.counts["claims_without_stix_actors"] += len(claims)
            return
        affirmed = [c for c in claims if c["modality"] != "negated"]
        sro = None
        if affirmed:
            rel, reverse = relationship_type(first["predicate"], src[1], tgt[1])
            s, t = (tgt, src) if reverse else (src, tgt)
            grade = self.grade(affirmed)
            grade["labels"] = [f"claimgraph:predicate={first['predicate']}"] + grade["labels"]
            sro = self.relationship(rel, s[0], t[0], key, _span(affirmed),
                                    description=_words(first, affirmed),
                                    external_references=self.evidence_refs(affirmed), **grade)
            for c in affirmed:
                for ev in c["evidence"]:
                    self.refer(ev["doc"], sro, src[0], tgt[0])
                self.notes(c, sro)
        for c in claims:
            if c["modality"] == "negated":
                self.opinions(c, [sro] if sro else [src[0], tgt[0]])

    def event_group(self, key: str, claims: list[dict]) -> None:
        by_name: dict[str, list[dict]] = {}
        for c in claims:
            if c["modality"] != "negated":
                by_name.setdefault(_event_name(c), []).append(c)
        made: dict[str, str] = {}  # claim id → incident/event id
        for name, same in by_name.items():  # readings of one event on one day: one object
            sid = self.event_object(name, same, key)
            for c in same:
                made[c["claim"]] = sid
        for c in claims:
            if c["modality"] == "negated":
                denied = sorted({made[x] for k in c["contradictions"] for x in k["claims"] if x in made})
                if not denied:
                    denied = sorted({r[0] for r in (self.ref(c["subject"]), self.ref(c["object"])) if r})
                self.opinions(c, denied)

    def event_object(self, name: str, claims: list[dict], key: str) -> str:
        c = claims[0]
        kind = "Incident" if c["predicate"] in INCIDENT_TYPES else "Event"
        when = _event_time(claims)
        grade = self.grade(claims)
        grade["labels"] = [f"claimgraph:event={c['predicate']}"] + grade["labels"]
        props = dict(name=name, description=_words(c, claims), created=EPOCH, modified=EPOCH,
                     created_by_ref=self.author, external_references=self.evidence_refs(claims),
                     allow_custom=True, **grade)
        ours = key + ":" + c["claim"]
        if kind == "Incident":
            sid = self.unique("incident", {"name": name.lower().strip(), "created": EPOCH}, ours)
            if when:  # OpenCTI reads an incident's first_seen (not in the 2.1 stub)
                props["first_seen"] = when[0]
            self.emit(stix2.Incident(id=sid, **props), "incidents")
        else:
            sid = self.unique("event", {"name": name.lower().strip()}, ours)
            if when:
                props["start_time"] = when[0]
                if len(when) > 1:
                    props["stop_time"] = when[1]
            self.emit(Event(id=sid, event_types=[c["predicate"].lower()], **props), "events")
        linked = [sid]
        for role, ref in (("actor", c["subject"]), ("target", c.get("object")), ("place", c.get("location"))):
            other = self.ref(ref)
            if other is None or other[0] == sid:
                continue
            rel, reverse = relationship_type(f"event:{role}", kind, other[1])
            s, t = (other[0], sid) if reverse else (sid, other[0])
            labels = [f"claimgraph:predicate={c['predicate']}", f"claimgraph:role={role}"]
            linked.append(self.relationship(rel, s, t, ours + ":" + role, {}, labels=labels))
            linked.append(other[0])
        for claim in claims:
            for ev in claim["evidence"]:
                self.refer(ev["doc"], *linked)
            self.notes(claim, sid)
        return sid

    # -- evidence -----------------------------------------------------------------------------------
    def _said(self, c: dict, ev: dict) -> dict:
        """What a note and an opinion share: author, outlet, date, labels, grade, reference."""
        who = c.get("attributed_to")
        outlet = self.outlet_name(ev.get("source"))
        author = who["name"] if isinstance(who, dict) else who or outlet
        created = _timestamp(ev.get("published")) or EPOCH
        ref = {"source_name": outlet, "url": fragment(ev), "external_id": c["claim"]}
        if ev.get("sha256"):
            ref["hashes"] = {"SHA-256": ev["sha256"]}
        out = dict(authors=[author], created_by_ref=self.outlet(ev.get("source")), created=created,
                   modified=created, external_references=[ref], **self.grade([c]))
        return out

    def notes(self, c: dict, target: str) -> None:
        for ev in c["evidence"]:
            content = ev["excerpt"].strip()
            said = self._said(c, ev)
            who = said["authors"][0]
            # pycti keys a note on content and created: two claims read from one sentence would be one note
            sid = stix_id("note", {"content": content, "created": said["created"], "x_claimgraph_claim": c["claim"],
                                   "x_claimgraph_span": f"{ev['doc']}#{ev['start']},{ev['end']}"})
            abstract = f"{c['modality']} ({who}); Admiralty {c.get('admiralty')}: {c.get('credibility_label')}"
            self.emit(stix2.Note(id=sid, content=content, abstract=abstract, object_refs=[target], **said), "notes")

    def opinions(self, c: dict, targets: list[str]) -> None:
        targets = [t for t in targets if t]
        if not targets:
            return
        value = "strongly-disagree" if (c.get("credibility") or 6) <= 2 else "disagree"
        for ev in c["evidence"]:
            said = self._said(c, ev)
            sid = stix_id("opinion", {"opinion": value, "created": said["created"], "x_claimgraph_claim": c["claim"],
                                      "x_claimgraph_span": f"{ev['doc']}#{ev['start']},{ev['end']}"})
            self.emit(stix2.Opinion(id=sid, opinion=value, explanation=ev["excerpt"].strip(), object_refs=targets,
                                    **said), "opinions")
            self.refer(ev["doc"], *targets)

    # -- documents ----------------------------------------------------------------------------------
    def write_reports(self) -> None:
        for d in self.read.documents():
            refs = [r for (r,) in self.spool.execute("SELECT ref FROM refs WHERE doc = ? ORDER BY ref", (d["id"],))]
            if not refs:  # a STIX report needs object_refs: a document no exported claim cites has none
                self.counts["documents_without_objects"] += 1
                continue
            name = d.get("title") or f"{self.outlet_name(d['source'])} document {d['id']}"
            published = _timestamp(d.get("published")) or EPOCH.replace(".000", "")
            ref = {"source_name": self.outlet_name(d["source"]), "external_id": d["id"]}
            if d.get("url"):
                ref["url"] = d["url"]
            if d.get("sha256"):
                ref["hashes"] = {"SHA-256": d["sha256"]}
            sid = self.unique("report", {"name": name.lower().strip(), "published": published}, d["id"])
            self.emit(stix2.Report(id=sid, name=name, published=published, object_refs=refs,
                                   created_by_ref=self.outlet(d["source"]), created=EPOCH, modified=EPOCH,
                                   labels=[f"claimgraph:genre={d.get('genre') or 'unknown'}"],
                                   external_references=[ref]), "reports")


def _span(claims: list[dict]) -> dict:
    """start_time / stop_time of a relation: the earliest start and, when every reading has ended,
    the latest end (stop_time must come after start_time)."""
    starts = [t for t in (_timestamp((c.get("valid") or {}).get("from")) for c in claims) if t]
    ends = [_timestamp((c.get("valid") or {}).get("to")) for c in claims]
    out = {}
    if starts:
        out["start_time"] = min(starts)
    if ends and all(ends) and (not starts or max(ends) > min(starts)):
        out["stop_time"] = max(ends)
    return out


def _event_time(claims: list[dict]) -> tuple[str, ...]:
    for c in claims:
        date = c.get("date") or {}
        if date.get("precision") in ("day", "month", "year") and date.get("start"):
            start, end = _timestamp(date["start"]), _timestamp(date.get("end"))
            return (start, end) if end and end > start else (start,)
    return ()


def _event_name(c: dict) -> str:
    """An event's name, unique enough for OpenCTI (which keys events by name alone):
    "ASSAULT by X against Y in Z, 2020-01-03"."""
    name = f"{c['predicate']} by {_name(c['subject'])}"
    if c.get("object"):
        name += f" against {_name(c['object'])}"
    if c.get("location"):
        name += f" in {_name(c['location'])}"
    date = c.get("date") or {}
    precision = {"day": 10, "month": 7, "year": 4}.get(date.get("precision"))
    if precision and date.get("start"):
        name += f", {date['start'][:precision]}"
    return name


def _name(ref) -> str:
    return ref["name"] if isinstance(ref, dict) else str(ref or "?")


def _words(first: dict, claims: list[dict]) -> str:
    """The claims of a group in words: the triple, the readings by modality, the grade."""
    readings = Counter(c["modality"] for c in claims)
    said = ", ".join(f"{m} in {n} claim{'s' if n > 1 else ''}" for m, n in sorted(readings.items()))
    best = min(claims, key=lambda c: c.get("credibility") or 7)
    obj = f" {_name(first['object'])}" if first.get("object") else ""
    return (f"{_name(first['subject'])} {first['predicate']}{obj}: {said}. Admiralty {best.get('admiralty')} "
            f"({best.get('credibility_reason') or best.get('credibility_label')}).")


def export(read: StoreRead, fh: IO[bytes], options: ExportOptions | None = None) -> dict:
    options = options or ExportOptions()
    bundle = stix_id("bundle", {"dataset": options.dataset, "selection": repr(read.selection)})
    fh.write(json.dumps({"type": "bundle", "id": bundle})[:-1].encode() + b', "objects": [')
    with tempfile.TemporaryDirectory(prefix="claimgraph-stix-") as tmp:
        spool = sqlite3.connect(Path(tmp) / "refs.db")
        spool.execute("CREATE TABLE refs (doc TEXT, ref TEXT, PRIMARY KEY (doc, ref)) WITHOUT ROWID")
        spool.execute("CREATE TABLE taken (id TEXT PRIMARY KEY) WITHOUT ROWID")
        writer = _Writer(read, fh, options, spool)
        writer.write_head()
        writer.write_actors()
        writer.write_claims()
        spool.commit()
        writer.write_reports()
        spool.close()
    fh.write(b"\n]}\n")
    return dict(writer.counts)
