"""Load the actor knowledge base from its YAML files (format: docs/kb.md)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry
import yaml

from claimgraph.kb.fold import slug

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when built with it

DATA_DIR = Path(__file__).parent / "data"
ACTOR_TYPES = {"person", "organization", "group", "location", "country"}


class KBError(ValueError):
    """A knowledge-base file that cannot be read, with the file named."""


@dataclass
class Actor:
    id: str
    name: str
    type: str
    subtype: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)  # states only
    reference: str | None = None
    capital_of: str | None = None  # places: alpha-3 of the state whose capital this is
    ambiguous: bool = False  # a name that is also a common word: needs NER to agree
    source: str = ""  # file it came from

    @property
    def entity_id(self) -> str:
        return "ent-" + self.id

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class KnowledgeBase:
    actors: dict[str, Actor] = field(default_factory=dict)
    forms: list[str] = field(default_factory=list)  # "{demonym} regime", ...
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # found while loading (duplicate ids, ...)

    def add(self, actor: Actor) -> None:
        if actor.id in self.actors:
            other = self.actors[actor.id]
            self.problems.append(f"duplicate id '{actor.id}' in {actor.source} (also in {other.source})")
            return
        self.actors[actor.id] = actor

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def state(self, alpha3: str) -> Actor | None:
        return self.actors.get(alpha3.lower())

    def patterns(self) -> list[tuple[str, str, str]]:
        """Every (text, actor id, kind) to search for; kind is name, alias, demonym or form."""
        out: list[tuple[str, str, str]] = []
        for a in self.actors.values():
            out.append((a.name, a.id, "name"))
            out.extend((al, a.id, "alias") for al in a.aliases)
            out.extend((d, a.id, "demonym") for d in a.demonyms)
            if a.type == "country":
                adjectives = [d for d in a.demonyms if not d.endswith("s")] or a.demonyms[:1]
                for form in self.forms:
                    if "{demonym}" in form:
                        out.extend((form.format(demonym=d), a.id, "form") for d in adjectives)
                    elif "{name}" in form:
                        out.append((form.format(name=a.name), a.id, "form"))
        return out


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as e:
        raise KBError(f"{path}: not valid YAML: {e}") from e
    except OSError as e:
        raise KBError(f"{path}: cannot read: {e.strerror}") from e
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise KBError(f"{path}: expected a mapping at the top level")
    return data


def _actor(entry: dict, source: str, default_type: str | None = None) -> Actor:
    if not isinstance(entry, dict) or "name" not in entry:
        raise KBError(f"{source}: an entry without a name: {entry!r}")
    name = str(entry["name"])
    typ = entry.get("type", default_type)
    if typ not in ACTOR_TYPES:
        raise KBError(f"{source}: '{name}' has type {typ!r}; expected one of {sorted(ACTOR_TYPES)}")
    country = entry.get("country")
    return Actor(
        id=str(entry.get("id") or slug(name)),
        name=name,
        type=typ,
        subtype=entry.get("subtype"),
        country=str(country).upper() if country else None,
        aliases=[str(a) for a in entry.get("aliases") or [] if a],
        reference=entry.get("reference"),
        capital_of=(str(entry["capital_of"]).upper() if entry.get("capital_of") else None),
        ambiguous=bool(entry.get("ambiguous", False)),
        source=source,
    )


def _load_states(path: Path, kb: KnowledgeBase) -> None:
    data = _read_yaml(path)
    kb.forms.extend(str(f) for f in data.get("forms") or [])
    capitals: list[tuple[str, str]] = []
    for code, entry in (data.get("states") or {}).items():
        code = str(code).upper()
        country = pycountry.countries.get(alpha_3=code)
        if country is None:
            kb.problems.append(f"{path.name}: '{code}' is not an ISO 3166-1 alpha-3 code")
            continue
        entry = entry or {}
        name = str(entry.get("name") or getattr(country, "common_name", None) or country.name)
        aliases = [str(a) for a in entry.get("aliases") or []]
        not_names = {str(n) for n in entry.get("not_names") or []}  # pycountry's names another state keeps
        for extra in (country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)):
            if extra and "," not in extra and extra != name and extra not in aliases and extra not in not_names:
                aliases.append(extra)
        kb.add(Actor(id=code.lower(), name=name, type="country", subtype="state", country=code,
                     aliases=aliases, demonyms=[str(d) for d in entry.get("demonyms") or []],
                     reference=f"ISO 3166-1 {code}", ambiguous=bool(entry.get("ambiguous", False)),
                     source=path.name))
        if entry.get("capital"):
            capitals.append((code, str(entry["capital"])))
    kb._capitals = capitals  # type: ignore[attr-defined]


def _load_entries(path: Path, kb: KnowledgeBase) -> None:
    data = _read_yaml(path)
    for key, default_type in (("actors", None), ("places", "location")):
        entries = data.get(key) or []
        if not isinstance(entries, list):
            raise KBError(f"{path}: '{key}' must be a list")
        for entry in entries:
            kb.add(_actor(entry, path.name, default_type))


def _kb_files(extra: list[Path]) -> list[Path]:
    files = [DATA_DIR / "states.yaml", DATA_DIR / "places.yaml", *sorted((DATA_DIR / "actors").glob("*.yaml"))]
    for p in extra:
        files.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    return [f for f in files if f.exists() or f in extra]


def load(extra_paths: list[str | Path] | None = None) -> KnowledgeBase:
    """Load the bundled KB plus any extra files or folders (and those in CLAIMGRAPH_KB_PATH); the
    loaded KB is kept in the user cache directory, keyed by the files' bytes (`data_cache`)."""
    from claimgraph.data_cache import cached
    extra = [Path(p) for p in extra_paths or []]
    env = os.environ.get("CLAIMGRAPH_KB_PATH")
    if env:
        extra.extend(Path(p) for p in env.split(os.pathsep) if p)
    files = _kb_files(extra)
    return cached("kb", files, _CODE, lambda: _load(files), extra=(pycountry.__version__,))


# the code a loaded KB depends on: a change to either is a new cache key
_CODE = [Path(__file__), Path(__file__).parent / "fold.py"]


def _load(files: list[Path]) -> KnowledgeBase:
    kb = KnowledgeBase()
    for f in files:
        kb.files.append(str(f))
        if f.name == "states.yaml":
            _load_states(f, kb)
        else:
            _load_entries(f, kb)
    # a capital named in states.yaml is the place that says it is that capital, or the place of
    # that name, or else a new place of its own
    by_name = {a.name.lower(): a for a in kb.actors.values() if a.type == "location"}
    by_capital = {a.capital_of: a for a in kb.actors.values() if a.type == "location" and a.capital_of}
    for code, capital in getattr(kb, "_capitals", []):
        place = by_capital.get(code) or by_name.get(capital.lower())
        if place is None:
            place = Actor(id=slug(capital), name=capital, type="location", subtype="city", country=code,
                          source="states.yaml")
            if place.id in kb.actors:
                continue
            kb.add(place)
            by_name[capital.lower()] = place
        if place.capital_of is None and place.country in (None, code):
            place.capital_of = code
        if place.capital_of == code and capital != place.name and capital not in place.aliases:
            place.aliases.append(capital)
    return kb


@lru_cache(maxsize=4)
def default_kb() -> KnowledgeBase:
    return load()
