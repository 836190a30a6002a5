"""Source reliability as data: outlets and issuing bodies with an Admiralty grade A–F.

The bundled `data/sources.yaml` is a starting list for an analyst to review. Files or folders
named in `CLAIMGRAPH_SOURCES_PATH` (separated by the OS path separator) are read after it, in
order; an entry that shares a name or alias with an earlier one replaces it (and keeps its
aliases). A name nobody graded is "F": reliability cannot be judged.

Names match by `outlet_key` (normality's normalisation: case, diacritics, punctuation, spaces
and a leading "the" do not count), so "arabnews", "Arab News" and "ARAB-NEWS" are one source; a
web host ("www.arabnews.com") also matches by its name without "www." and the top-level domain.
An analyst's grades kept in the store (`corroborate.outlet_grades`) go over this table with
`Sources.with_grades`.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from normality import normalize

ENV = "CLAIMGRAPH_SOURCES_PATH"
GRADES = "ABCDEF"
RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
DEFAULT = "F"
_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/?$", re.I)


@dataclass
class SourceGrade:
    name: str
    reliability: str
    note: str = ""
    aliases: list[str] = field(default_factory=list)
    origin: str = ""  # the file it was read from, or "analyst" for a grade kept in the store
    analyst: str = ""  # who set the grade, for an analyst's grade
    default: str | None = None  # for an analyst's grade: the grade the files give (None: not in them)


@lru_cache(maxsize=4096)  # grading asks after the same few dozen outlets for every claim
def outlet_key(name: str | None) -> str:
    """The one form an outlet's name is keyed by, wherever outlets are graded, counted or listed:
    "meridianwire", "Meridian Wire", "MERIDIAN-WIRE" and "The meridian wire " → "meridianwire"."""
    text = normalize(name or "", lowercase=True, collapse=True) or ""
    return re.sub(r"^the\s+", "", text).replace(" ", "").replace("_", "")


source_key = outlet_key  # the older name


@lru_cache(maxsize=4096)
def _keys(name: str) -> tuple[str, ...]:
    keys = [source_key(name)]
    host = _HOST.match(name.strip())
    if host:  # "www.arabnews.com" is also "arabnews"; "state.gov" stays "stategov" as well
        labels = host.group(1).lower().split(".")
        keys.append(source_key(".".join(labels[:-1])))
    return tuple(k for k in dict.fromkeys(keys) if k)


class Sources:
    """A table of graded sources, looked up by any of their names."""

    def __init__(self, entries: list[SourceGrade] | None = None) -> None:
        self._by_key: dict[str, SourceGrade] = {}
        self._count = 0
        for entry in entries or []:
            self.add(entry)

    def add(self, entry: SourceGrade) -> None:
        """Add an entry; one that shares a name with an earlier entry replaces it."""
        if entry.reliability not in GRADES:
            raise ValueError(f"{entry.origin or 'sources'}: {entry.name!r}: reliability must be one of A-F, "
                             f"not {entry.reliability!r}")
        replaced = {id(self._by_key[k]): self._by_key[k] for n in [entry.name, *entry.aliases] for k in _keys(n)
                    if k in self._by_key}
        for old in replaced.values():
            for alias in [old.name, *old.aliases]:
                if source_key(alias) != source_key(entry.name) and alias not in entry.aliases:
                    entry.aliases.append(alias)
        for name in [entry.name, *entry.aliases]:
            for k in _keys(name):
                self._by_key[k] = entry
        self._count = len({id(e) for e in self._by_key.values()})

    def lookup(self, name: str | None) -> SourceGrade | None:
        if not name:
            return None
        for k in _keys(name):
            if k in self._by_key:
                return self._by_key[k]
        return None

    def reliability(self, name: str | None) -> str:
        entry = self.lookup(name)
        return entry.reliability if entry else DEFAULT

    def canonical(self, name: str) -> str:
        """The graded name of a source, or the name as given when it is not in the table."""
        entry = self.lookup(name)
        return entry.name if entry else name.strip()

    def key(self, name: str) -> str:
        """One key per source, whichever of its names is given."""
        entry = self.lookup(name)
        return (_keys(entry.name) or (entry.name,))[-1] if entry else (_keys(name) or (name,))[-1]

    def __iter__(self):
        return iter({id(e): e for e in self._by_key.values()}.values())

    def with_grades(self, grades) -> Sources:
        """This table with analysts' grades over it: `grades` are (name, reliability, reason,
        analyst); a graded outlet of the table keeps its name and aliases."""
        table = Sources([replace(e, aliases=list(e.aliases)) for e in self])
        for name, letter, reason, analyst in grades:
            known = table.lookup(name)
            if known is not None:
                table.add(SourceGrade(known.name, letter, reason or "", list(known.aliases), "analyst", analyst,
                                      known.reliability if known.origin != "analyst" else known.default))
            else:
                table.add(SourceGrade(name.strip(), letter, reason or "", [], "analyst", analyst, None))
        return table

    def fingerprint(self) -> str:
        """A digest of the table: grades stored with another table are out of date."""
        import hashlib
        items = sorted((e.name, e.reliability, tuple(sorted(e.aliases))) for e in self)
        return hashlib.sha1(repr(items).encode("utf-8")).hexdigest()

    def __len__(self) -> int:
        return self._count


def read_file(path: Path) -> list[SourceGrade]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    items = data.get("sources", []) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ValueError(f"{path}: expected a list under 'sources'")
    entries = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not item.get("name") or "reliability" not in item:
            raise ValueError(f"{path}: entry {i + 1} needs a name and a reliability")
        aliases = item.get("aliases") or []
        entries.append(SourceGrade(str(item["name"]), str(item["reliability"]).strip().upper(),
                                   str(item.get("note") or ""), [str(a) for a in aliases], str(path)))
    return entries


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml"))
    if not path.exists():
        raise FileNotFoundError(f"{ENV}: no such file or folder: {path}")
    return [path]


def load_sources(paths: list[str | os.PathLike[str]] | None = None, bundled: bool = True) -> Sources:
    """The bundled table, then each file or folder of `paths` (by default those of the env var)."""
    if paths is None:
        paths = [p for p in os.environ.get(ENV, "").split(os.pathsep) if p.strip()]
    table = Sources()
    if bundled:
        with resources.as_file(resources.files("claimgraph.corroborate") / "data" / "sources.yaml") as p:
            for entry in read_file(Path(p)):
                table.add(entry)
    for path in paths:
        for f in _files(Path(path).expanduser()):
            for entry in read_file(f):
                table.add(entry)
    return table


@lru_cache(maxsize=8)
def _cached(env_value: str) -> Sources:
    return load_sources()


def default_sources() -> Sources:
    """The bundled table with the analyst's files; read again when the env var changes."""
    return _cached(os.environ.get(ENV, ""))


def reliability(source_name: str | None) -> str:
    """The Admiralty reliability grade (A–F) of an outlet or issuing body; F when unknown."""
    return default_sources().reliability(source_name)
