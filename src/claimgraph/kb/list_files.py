"""Reading a sanctions or watch list: FollowTheMoney JSON lines or a simple CSV.

FollowTheMoney lines are those of OpenSanctions' `entities.ftm.json` and of Aleph exports: one
entity per line (`id`, `schema`, `properties`, optionally `caption`, `datasets`, `referents`,
`first_seen`, `last_seen`, `target`). Each line is cleaned by `followthemoney` (`model.get_proxy`):
countries become codes, topics outside FtM's list are dropped. Persons and legal entities
(Organization, Company, PublicBody, LegalEntity) are the targets; a Sanction names its target
in `entity` and gives it its authority and programme (and the topic `sanction`). When any line
has the `target` flag, only lines with `target: true` are targets (an OpenSanctions file also
holds relatives, owners and addresses). The CSV has the columns name, aliases, type, country,
topics (and optionally id); several values in one cell are separated by `;`.

A bad line is reported through `on_error` ("FILE:LINE: why") and the rest is read; a line of a
schema FollowTheMoney does not know is skipped and counted.
"""
from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from followthemoney import model, registry
from followthemoney.exc import InvalidData

from claimgraph.kb.fold import slug

NAME_PROPS = ("name", "alias", "previousName")  # matched and added to the actor's aliases
WEAK_PROPS = ("weakAlias",)  # kept for the record: too loose to match or to search for
PROGRAM_PROPS = {"authority": "authority", "program": "program", "programId": "program_id",
                 "startDate": "start", "endDate": "end", "listingDate": "listed"}
CSV_TYPES = {"person": "Person", "organization": "Organization", "organisation": "Organization",
             "company": "Company", "group": "Organization", "public body": "PublicBody"}


@dataclass
class Target:
    """One listed person or legal entity, as the file gives it."""

    entity_id: str
    schema: str
    caption: str
    names: list[str]
    weak_aliases: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # ISO 3166-1 alpha-3
    identifiers: list[str] = field(default_factory=list)  # "passportNumber:A1234567"
    topics: list[str] = field(default_factory=list)
    programs: list[dict] = field(default_factory=list)  # of the Sanction entities naming it
    datasets: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    flagged: bool | None = None  # the line's `target` flag (None: the line has none)

    @property
    def type(self) -> str:
        """The store's actor type it can be: person or organization."""
        return "person" if self.schema == "Person" else "organization"

    def data(self) -> dict:
        return {"names": self.names, "weak_aliases": self.weak_aliases, "countries": self.countries,
                "identifiers": self.identifiers, "topics": self.topics,
                "programs": sorted(self.programs, key=lambda p: json.dumps(p, sort_keys=True)),
                "datasets": self.datasets, "type": self.type}

    def fingerprint(self) -> str:
        extra = [self.schema, self.caption, self.first_seen, self.last_seen]
        return hashlib.sha1(json.dumps([self.data(), extra], sort_keys=True).encode()).hexdigest()


@dataclass
class ListFile:
    """What a list file holds: its targets by id, and what was left out."""

    path: str
    targets: dict[str, Target] = field(default_factory=dict)
    datasets: Counter = field(default_factory=Counter)
    unknown_schemata: Counter = field(default_factory=Counter)  # skipped: FollowTheMoney has no such schema
    other_schemata: Counter = field(default_factory=Counter)  # known, but no actor (Address, Vessel, ...)
    not_targets: int = 0  # persons and legal entities without `target: true` in a file that flags targets
    bad_lines: int = 0


def _alpha3(code: str) -> str | None:
    """An FtM country code ("iq", "gb-sct") as ISO 3166-1 alpha-3; None for territories it lacks."""
    found = pycountry.countries.get(alpha_2=code.split("-")[0].upper())
    return found.alpha_3 if found else None


def _unique(values) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values if v and v.strip()))


def _target(proxy, raw: dict) -> Target:
    names = _unique(v for p in NAME_PROPS for v in proxy.get(p, quiet=True))
    caption = str(raw.get("caption") or proxy.caption or (names[0] if names else proxy.id))
    if caption not in names:
        names.insert(0, caption)
    identifiers = [f"{prop.name}:{v}" for prop, v in proxy.itervalues() if prop.type == registry.identifier]
    return Target(
        entity_id=proxy.id, schema=proxy.schema.name, caption=caption, names=names,
        weak_aliases=_unique(v for p in WEAK_PROPS for v in proxy.get(p, quiet=True) if v not in names),
        countries=_unique(filter(None, (_alpha3(c) for c in proxy.get_type_values(registry.country)))),
        identifiers=sorted(set(identifiers)), topics=sorted(set(proxy.get("topics", quiet=True))),
        datasets=[str(d) for d in raw.get("datasets") or []],
        first_seen=raw.get("first_seen"), last_seen=raw.get("last_seen"),
        flagged=bool(raw["target"]) if "target" in raw else None)


def _is_actor(schema) -> bool:
    return schema.name == "Person" or schema.is_a(model.get("LegalEntity"))


def read_ftm(path: str | Path, on_error: Callable[[str], None]) -> ListFile:
    """The targets of a FollowTheMoney JSON-lines file (see the module's docstring)."""
    out = ListFile(str(path))
    sanctions: list[tuple[list[str], dict]] = []
    flags = False
    with open(path, encoding="utf-8-sig") as fh:  # -sig: a byte order mark is not part of line 1
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                if not isinstance(raw, dict) or not raw.get("id") or not raw.get("schema"):
                    raise ValueError("not an entity: an object with an id and a schema is expected")
                schema = model.get(raw["schema"])
                if schema is None:
                    out.unknown_schemata[str(raw["schema"])] += 1
                    continue
                proxy = model.get_proxy({"id": raw["id"], "schema": schema.name,
                                         "properties": raw.get("properties") or {}}, cleaned=False)
            except (ValueError, InvalidData, TypeError) as e:
                out.bad_lines += 1
                on_error(f"{path}:{n}: {e}")
                continue
            out.datasets.update(str(d) for d in raw.get("datasets") or [])
            flags = flags or "target" in raw
            if schema.name == "Sanction":
                terms = {key: proxy.first(prop, quiet=True) for prop, key in PROGRAM_PROPS.items()}
                sanctions.append((proxy.get("entity", quiet=True), {k: v for k, v in terms.items() if v}))
            elif _is_actor(schema):
                out.targets[proxy.id] = _target(proxy, raw)
            else:
                out.other_schemata[schema.name] += 1
    for ids, terms in sanctions:
        for entity_id in ids:
            t = out.targets.get(entity_id)
            if t is not None:
                if terms and terms not in t.programs:
                    t.programs.append(terms)
                if "sanction" not in t.topics:
                    t.topics = sorted({*t.topics, "sanction"})
    if flags:
        kept = {i: t for i, t in out.targets.items() if t.flagged}
        out.not_targets = len(out.targets) - len(kept)
        out.targets = kept
    return out


def read_csv(path: str | Path, on_error: Callable[[str], None]) -> ListFile:
    """The targets of a CSV with the columns name, aliases, type, country, topics (and optionally id)."""
    out = ListFile(str(path))
    with open(path, encoding="utf-8-sig", newline="") as fh:  # as spreadsheets save "CSV UTF-8"
        reader = csv.DictReader(fh)
        missing = {"name", "type"} - {(c or "").strip().lower() for c in reader.fieldnames or []}
        if missing:
            out.bad_lines += 1
            on_error(f"{path}:1: the header lacks {', '.join(sorted(missing))} (name, aliases, type, country, topics)")
            return out
        for n, row in enumerate(reader, 2):
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k}
            kind = row.get("type", "")
            schema = model.get(CSV_TYPES.get(kind.lower(), kind))
            if not row.get("name") or schema is None or not _is_actor(schema):
                out.bad_lines += 1
                why = "no name" if not row.get("name") else f"type {kind!r} is not person, organization or an FtM schema"
                on_error(f"{path}:{n}: {why}")
                continue
            proxy = model.make_entity(schema)
            proxy.id = row.get("id") or f"csv-{slug(row['name'])}"
            proxy.add("name", row["name"])
            proxy.add("alias", [a for a in row.get("aliases", "").split(";") if a.strip()])
            for c in filter(None, (c.strip() for c in row.get("country", "").split(";"))):
                proxy.add("country", c, fuzzy=True)
            proxy.add("topics", [t.strip() for t in row.get("topics", "").split(";") if t.strip()])
            out.targets[proxy.id] = _target(proxy, {})
    return out


def read_list(path: str | Path, on_error: Callable[[str], None]) -> ListFile:
    """A list file by its name: `.csv` is the simple CSV, anything else FollowTheMoney JSON lines."""
    return read_csv(path, on_error) if str(path).lower().endswith(".csv") else read_ftm(path, on_error)
