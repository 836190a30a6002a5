"""`export --format neo4j`: CSV files for `neo4j-admin database import full` (Neo4j 5), and
`import.sh` with the command line that loads them.

Each file has its header row first (`name:type` fields; `:ID(space)`, `:LABEL`, `:START_ID(space)`,
`:END_ID(space)`, `:TYPE`; arrays `string[]` split by `|`):

- nodes: `actors.csv` (ID space Actor; labels `Actor` and Person, Organization, Group, Country or
  Location), `documents.csv` (Document), `events.csv` (Event: one node per event claim, its PLOVER
  type in `event_type`);
- relationships: `claims.csv`, one per relation claim between two actors, of the predicate's type
  upper-cased (FUNDS, LEADS, MEMBER_OF…) with the claim's id, modality, attribution, grade,
  validity, first sentence and the ids of every document that carries it; `event_actors.csv`,
  Event → Actor as ACTOR1 (the source actor), ACTOR2 (target or recipient), LOCATION and
  ATTRIBUTED_TO; `event_evidence.csv`, Event → Document as EVIDENCE with the sentence and its
  character offsets.

Sentences may hold line breaks, hence `--multiline-fields=true`; an empty cell is no property
(`--ignore-empty-strings=true`).
"""
from __future__ import annotations

import csv
from pathlib import Path

from claimgraph.export import tables
from claimgraph.export.read import StoreRead

DIRECTORY = True
ARRAY_DELIMITER = "|"
LABELS = {"person": "Person", "organization": "Organization", "group": "Group", "country": "Country",
          "location": "Location"}
NEO4J_TYPES = {"str": "", "category": "", "int": "int", "float": "float", "bool": "boolean", "date": "date",
               "list": "string[]"}


def _fields(columns: tuple[tables.Column, ...], names) -> list[tuple[str, str]]:
    """(header field, type tag) of the named columns of a table."""
    by_name = {c.name: c for c in columns}
    out = []
    for name in names:
        kind = by_name[name].type
        out.append((f"{name}:{NEO4J_TYPES[kind]}" if NEO4J_TYPES[kind] else name, kind))
    return out


ACTOR_FIELDS = [("actor_id:ID(Actor)", "str")] + _fields(tables.ACTORS, [
    "name", "type", "subtype", "country", "aliases", "mentions", "documents", "kb_id", "listed", "latitude",
    "longitude", "geonames_id", "geo_precision"]) + [(":LABEL", "list")]
DOCUMENT_FIELDS = [("doc_id:ID(Document)", "str"), ("title", "str"), ("source", "str"), ("url", "str"),
                   ("published:date", "date"), ("genre", "str"), ("language", "str"), ("sha256", "str"),
                   (":LABEL", "list")]
EVENT_FIELDS = [("event_id:ID(Event)", "str")] + _fields(tables.EVENTS, [
    "event_type", "event_mode", "event_date", "event_date_end", "date_precision", "date_text", "modality",
    "attribution", "status", "source_reliability", "info_credibility", "admiralty", "credibility_reason",
    "contested", "confidence", "sources", "independent_sources", "documents", "fatalities", "fatalities_qualifier",
    "location", "latitude", "longitude", "notes", "rule"]) + [("doc_ids:string[]", "list"), (":LABEL", "list")]
CLAIM_FIELDS = [(":START_ID(Actor)", "str"), (":END_ID(Actor)", "str"), (":TYPE", "str")] + _fields(
    tables.RELATIONS, ["claim_id", "modality", "attribution", "attribution_id", "admiralty", "credibility",
                       "reliability", "credibility_reason", "contested", "confidence", "valid_from", "valid_to",
                       "ended", "ended_basis", "sources", "independent_sources", "documents", "sentence", "rule"]
) + [("doc_ids:string[]", "list")]
EVENT_ACTOR_FIELDS = [(":START_ID(Event)", "str"), (":END_ID(Actor)", "str"), (":TYPE", "str")]
EVIDENCE_FIELDS = [(":START_ID(Event)", "str"), (":END_ID(Document)", "str"), (":TYPE", "str"),
                   ("char_start:int", "int"), ("char_end:int", "int"), ("sentence", "str"), ("url", "str")]

NODES = {"actors": ACTOR_FIELDS, "documents": DOCUMENT_FIELDS, "events": EVENT_FIELDS}
RELATIONSHIPS = {"claims": CLAIM_FIELDS, "event_actors": EVENT_ACTOR_FIELDS, "event_evidence": EVIDENCE_FIELDS}
EVENT_LINKS = (("actor1_id", "ACTOR1"), ("actor2_id", "ACTOR2"), ("location_id", "LOCATION"),
               ("attribution_id", "ATTRIBUTED_TO"))


def command(database: str = '"$DB"', folder: str = '"$HERE"') -> list[str]:
    """The words of the `neo4j-admin database import full` command line for the files of `folder`
    (the database name comes first: from Neo4j 5.19 on, a name after `--nodes` is read as a file)."""
    return (["neo4j-admin", "database", "import", "full", database, "--id-type=string",
             f'--array-delimiter="{ARRAY_DELIMITER}"', "--multiline-fields=true", "--ignore-empty-strings=true"]
            + [f"--nodes={folder}/{name}.csv" for name in NODES]
            + [f"--relationships={folder}/{name}.csv" for name in RELATIONSHIPS])


SCRIPT = """#!/bin/sh
# Load the claimgraph export in this folder into a new Neo4j 5 database (it must not exist yet):
#   sh import.sh [DATABASE]      (default: neo4j; neo4j-admin from $NEO4J_HOME/bin or the PATH)
# then, in Cypher: CREATE DATABASE <name> (or restart, for the default database).
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"
DB="${1:-neo4j}"
PATH="${NEO4J_HOME:+$NEO4J_HOME/bin:}$PATH"
exec %s
"""


def _cell(value, kind: str) -> str:
    if value is None or value == []:
        return ""
    if kind == "list":
        return ARRAY_DELIMITER.join(value)
    if kind == "bool":
        return "true" if value else "false"
    return value


class _Files:
    """The CSV files of one export, each opened with its header row; rows written a page at a time."""

    def __init__(self, folder: Path, spec: dict[str, list[tuple[str, str]]]):
        self.spec, self.counts = spec, dict.fromkeys(spec, 0)
        self.handles = {name: (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") for name in spec}
        self.writers = {name: csv.writer(fh, lineterminator="\n") for name, fh in self.handles.items()}
        for name, fields in spec.items():
            self.writers[name].writerow([field for field, _ in fields])

    def write(self, name: str, rows: list[list]) -> None:
        kinds = [kind for _, kind in self.spec[name]]
        self.writers[name].writerows([_cell(v, k) for v, k in zip(row, kinds)] for row in rows)
        self.counts[name] += len(rows)

    def close(self) -> None:
        for fh in self.handles.values():
            fh.close()


def _label(type: str | None) -> list[str]:
    return [LABELS[type]] if type in LABELS else []


def _values(row: dict, fields) -> list:
    return [row.get(field.split(":", 1)[0]) for field, _ in fields]


def export(read: StoreRead, folder: Path, options=None) -> dict:
    files = _Files(folder, {**NODES, **RELATIONSHIPS})
    try:
        places: dict = {}
        for page in tables.actor_pages(read, places):
            files.write("actors", [_values(a, ACTOR_FIELDS[:-1]) + [["Actor", *_label(a["type"])]] for a in page])
        page = []
        for d in read.documents():
            page.append([d["id"], d["title"], d["source"], d["url"], tables.day(d["published"]), d["genre"],
                         d["language"], d["sha256"], ["Document"]])
            if len(page) >= read.page:
                files.write("documents", page)
                page = []
        files.write("documents", page)
        for claims in read.claim_pages():
            _claims(files, tables.claim_tables(claims, places))
    finally:
        files.close()
    words = command()
    (folder / "import.sh").write_text(SCRIPT % (" ".join(words[:5]) + " \\\n  " + " \\\n  ".join(words[5:])),
                                      encoding="utf-8")
    (folder / "import.sh").chmod(0o755)
    return files.counts


def _claims(files: _Files, parts: dict[str, list[dict]]) -> None:
    """A page of claims: Event nodes and their links, and a relationship per relation claim that
    has both ends."""
    doc_ids: dict[str, list[str]] = {}
    for ev in parts["evidence"]:
        ids = doc_ids.setdefault(ev["claim_id"], [])
        if ev["doc_id"] not in ids:
            ids.append(ev["doc_id"])
    events = parts["events"]
    files.write("events", [_values(e, EVENT_FIELDS[:-2]) + [doc_ids.get(e["claim_id"], []), ["Event"]]
                           for e in events])
    files.write("event_actors", [[e["claim_id"], e[key], kind] for e in events for key, kind in EVENT_LINKS
                                 if e.get(key)])
    is_event = {e["claim_id"] for e in events}
    files.write("event_evidence", [[ev["claim_id"], ev["doc_id"], "EVIDENCE", ev["char_start"], ev["char_end"],
                                    ev["sentence"], ev["url"]] for ev in parts["evidence"] if ev["claim_id"] in is_event])
    files.write("claims", [[r["subject_id"], r["object_id"], r["predicate"].upper()] + _values(r, CLAIM_FIELDS[3:-1])
                           + [doc_ids.get(r["claim_id"], [])]
                           for r in parts["relations"] if r["subject_id"] and r["object_id"]])
