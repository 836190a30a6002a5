"""Load the codebook lexicons (`src/claimgraph/codebook/*.yaml`) into lookup tables."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "codebook"
DOUBT = ("asserted", "reported", "speculative", "alleged", "negated")  # least to most doubtful


class CodebookError(ValueError):
    """The codebook says something the claim stage would not read: the message names each file and entry."""


@dataclass(frozen=True)
class Trigger:
    """One word that can express a predicate, with how to find its arguments."""

    kind: str  # "relation" or "event"
    predicate: str
    lemma: str
    pos: str  # verb, noun, hyphen
    obj: tuple[str, ...] = ()  # prepositions whose object is the claim's object
    subj: tuple[str, ...] = ()  # for nouns: prepositions whose object is the actor ("involvement of X")
    obj_head: tuple[str, ...] = ()  # the preposition's object must be one of these nouns (then "of" X)
    obj_head_adj: tuple[str, ...] = ()  # "hold X accountable"
    obj_phrase: tuple[str, ...] = ()  # multi-word prepositions ("on behalf of")
    theme: str | None = None  # the direct object's class; the object is then the recipient
    swap: bool = False
    mode: str | None = None
    status: str | None = None
    particle: str | None = None
    obj_required: bool = False

    @property
    def name(self) -> str:
        return f"{self.pos}:{self.lemma}→{self.predicate}"


@dataclass
class Codebook:
    verbs: dict[str, list[Trigger]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[Trigger]] = field(default_factory=lambda: defaultdict(list))
    hyphen: dict[str, list[Trigger]] = field(default_factory=lambda: defaultdict(list))
    adjectives: dict[str, list[Trigger]] = field(default_factory=lambda: defaultdict(list))  # "loyal to"
    person_roles: dict[tuple[str, ...], tuple[str, bool]] = field(default_factory=dict)
    org_roles: dict[tuple[str, ...], str] = field(default_factory=dict)
    inverse_roles: frozenset[tuple[str, ...]] = frozenset()  # the other actor is the subject ("Iran's proxy")
    themes: dict[str, frozenset[str]] = field(default_factory=dict)
    resources: dict = field(default_factory=dict)  # predicates (theme → predicate), giving, receiving
    modes: dict[str, str] = field(default_factory=dict)
    crimes: dict[str, str] = field(default_factory=dict)
    status_words: dict[str, frozenset[str]] = field(default_factory=dict)
    cues: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    members: frozenset[str] = frozenset()
    belongings: frozenset[str] = frozenset()
    activities: frozenset[str] = frozenset()
    unnamed: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    quantifiers: dict[str, frozenset[str]] = field(default_factory=dict)  # "every"/"some" → words
    ended_words: frozenset[str] = frozenset()  # "former", "then-": a role that has ended
    locative: dict[str, frozenset[str]] = field(default_factory=dict)  # not_verbs, venues
    agent_verbs: frozenset[str] = frozenset()
    agent_preps: frozenset[str] = frozenset()
    agent_nouns: frozenset[str] = frozenset()  # "the raids were the work of X"
    event_objects: frozenset[str] = frozenset()  # "the designation targets X": X is the event's object
    event_anaphors: frozenset[str] = frozenset()  # "today's action": the latest event, whatever its type
    object_control: frozenset[str] = frozenset()
    prep_control: frozenset[str] = frozenset()  # "call on X to": X does the clause
    role_nouns: frozenset[str] = frozenset()  # "plays a role supporting X": the player acts
    instrument_verbs: frozenset[str] = frozenset()  # "used X to fund Y": X and its user both act
    thing_targets: frozenset[str] = frozenset()  # event types kept with no object when the target is a thing
    not_targets: frozenset[str] = frozenset()  # "struck a deal": an agreement or a topic is no deed's target
    authority_deeds: dict[str, str] = field(default_factory=dict)  # "target" → SANCTION, when a civil authority does it
    civil_authorities: frozenset[str] = frozenset()  # the subtypes of such authorities
    military_words: frozenset[str] = frozenset()  # words of a body's name that make it no civil authority

    def theme_of(self, word: str) -> str | None:
        """The first theme (in the codebook's order) holding the word."""
        index = self.__dict__.get("_theme_index")
        if index is None or index[0] != len(self.themes):  # built once the themes are loaded
            words: dict[str, str] = {}
            for name, members in self.themes.items():
                for w in members:
                    words.setdefault(w, name)
            index = self.__dict__["_theme_index"] = (len(self.themes), words)
        return index[1].get(word.lower())

    def cue(self, modality: str, kind: str) -> frozenset[str]:
        return self.cues.get(modality, {}).get(kind, frozenset())


class _WordLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser: 10x faster
    """YAML 1.1 reads `on`, `no`, `off`, `yes` as booleans; in word lists they are words."""


_WordLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WordLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                  list("tTfF"))


def read_yaml(path: Path, loader: type = _WordLoader) -> dict:
    """One codebook file (none: empty)."""
    if not path.exists():
        return {}
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}


def _read(name: str) -> dict:
    return read_yaml(DATA / name)


# a predicate's trigger lists in the YAML → their part of speech; each fills the Codebook table of that name
SECTIONS = {"verbs": "verb", "nouns": "noun", "hyphen": "hyphen", "adjectives": "adjective"}
# the options a trigger may have: the Trigger fields past its identity
OPTIONS = tuple(f.name for f in fields(Trigger) if f.name not in ("kind", "predicate", "lemma", "pos"))


def _trigger(kind: str, predicate: str, lemma: str, pos: str, opts: dict | None) -> Trigger:
    opts = opts or {}
    tup = lambda k: tuple(str(x).lower() for x in opts.get(k, []))  # noqa: E731
    return Trigger(kind, predicate, lemma.lower(), pos, obj=tup("obj"), subj=tup("subj"), obj_head=tup("obj_head"),
                   obj_head_adj=tup("obj_head_adj"), obj_phrase=tup("obj_phrase"), theme=opts.get("theme"),
                   swap=bool(opts.get("swap")), mode=opts.get("mode"), status=opts.get("status"),
                   particle=opts.get("particle"), obj_required=bool(opts.get("obj_required")))


def _add_section(cb: Codebook, kind: str, predicate: str, spec: dict) -> None:
    for key, pos in SECTIONS.items():
        table = getattr(cb, key)
        for lemma, opts in (spec.get(key) or {}).items():
            table[lemma.lower()].append(_trigger(kind, predicate, lemma, pos, opts))


@lru_cache(maxsize=1)
def default_codebook() -> Codebook:
    """The bundled codebook."""
    return load_codebook(DATA)


def load_codebook(folder: Path = DATA, check: bool = True) -> Codebook:
    """The codebook in `folder`. With `check`, a problem `claimgraph codebook check` would report
    (unknown option, undefined theme, unknown predicate ...) raises `CodebookError`. A loaded
    codebook is kept in the user cache directory, keyed by its files' bytes (`data_cache`): files
    that passed the check once pass it again."""
    from claimgraph.data_cache import cached
    folder = Path(folder)
    files = sorted(folder.glob("*.yaml")) + [DATA / "ontology.yaml"]
    return cached("codebook", files, _CODE, lambda: _load_codebook(folder, check), extra=(check,))


# the code a loaded codebook depends on: a change to any of these is a new cache key
_CODE = [Path(__file__), Path(__file__).parent / "codebook_check.py"]


def _load_codebook(folder: Path, check: bool) -> Codebook:
    if check:
        from claimgraph.extract.codebook_check import check_codebook
        problems = check_codebook(folder)
        if problems:
            raise CodebookError(f"{len(problems)} problem(s) in the codebook:\n" + "\n".join(map(str, problems)))
    read = lambda name: read_yaml(folder / name)  # noqa: E731
    cb = Codebook()
    rel = read("relations.yaml")
    for predicate, spec in (rel.get("relations") or {}).items():
        _add_section(cb, "relation", predicate, spec or {})
    cb.themes = {k: frozenset(w.lower() for w in v) for k, v in (rel.get("themes") or {}).items()}
    res = rel.get("resources") or {}
    cb.resources = {"predicates": dict(res.get("predicates") or {}),
                    "giving": frozenset(w.lower() for w in res.get("giving", [])),
                    "receiving": frozenset(w.lower() for w in res.get("receiving", [])),
                    "heads": frozenset(res.get("heads", []))}
    cb.locative = {k: frozenset(w.lower() for w in (rel.get("locative") or {}).get(k, [])) for k in ("not_verbs", "venues")}
    ev = read("events.yaml")
    cb.themes.update({k: frozenset(w.lower() for w in v) for k, v in (ev.get("themes") or {}).items()})
    for predicate, spec in (ev.get("events") or {}).items():
        _add_section(cb, "event", predicate, spec or {})
    cb.modes = {w.lower(): mode for mode, words in (ev.get("modes") or {}).items() for w in words}
    cb.crimes = {k.lower(): v for k, v in (ev.get("crimes") or {}).items()}
    cb.agent_verbs = frozenset(w.lower() for w in ev.get("agent_verbs", []))
    cb.agent_preps = frozenset(w.lower() for w in ev.get("agent_preps", []))
    cb.object_control = frozenset(w.lower() for w in ev.get("object_control", []))
    cb.thing_targets = frozenset(ev.get("thing_targets", []))
    cb.not_targets = frozenset(w.lower() for w in ev.get("not_targets", []))
    cb.authority_deeds = {k.lower(): v for k, v in (ev.get("authority_deeds") or {}).items()}
    cb.civil_authorities = frozenset(ev.get("civil_authorities", []))
    cb.military_words = frozenset(w.lower() for w in ev.get("military_words", []))
    cb.instrument_verbs = frozenset(w.lower() for w in ev.get("instrument_verbs", []))
    cb.role_nouns = frozenset(w.lower() for w in ev.get("role_nouns", []))
    cb.prep_control = frozenset(w.lower() for w in ev.get("prep_control", []))
    cb.agent_nouns = frozenset(w.lower() for w in ev.get("agent_nouns", []))
    cb.event_objects = frozenset(w.lower() for w in ev.get("event_objects", []))
    cb.event_anaphors = frozenset(w.lower() for w in ev.get("event_anaphors", []))
    cb.status_words = {k: frozenset(w.lower() for w in v) for k, v in (ev.get("status") or {}).items()}
    roles = read("roles.yaml")
    for role, spec in (roles.get("persons") or {}).items():
        pred, state = (spec, False) if isinstance(spec, str) else (spec["predicate"], bool(spec.get("state")))
        cb.person_roles[tuple(role.lower().split())] = (pred, state)
    inverse = set()
    for role, spec in (roles.get("organizations") or {}).items():
        words = tuple(role.lower().split())
        cb.org_roles[words] = spec if isinstance(spec, str) else spec["predicate"]
        if isinstance(spec, dict) and spec.get("inverse"):
            inverse.add(words)
    cb.inverse_roles = frozenset(inverse)
    mod = read("modality.yaml")
    cb.cues = {m: {k: frozenset(w.lower() for w in v) for k, v in kinds.items()}
               for m, kinds in (mod.get("cues") or {}).items()}
    met = read("metonyms.yaml")
    cb.members = frozenset(w.lower() for w in met.get("members", []))
    cb.belongings = frozenset(w.lower() for w in met.get("belongings", []))
    cb.activities = frozenset(w.lower() for w in met.get("activities", []))
    cb.unnamed = frozenset(w.lower() for w in met.get("unnamed", []))
    cb.documents = frozenset(w.lower() for w in met.get("documents", []))
    cb.quantifiers = {k: frozenset(w.lower() for w in v) for k, v in (met.get("quantifiers") or {}).items()}
    cb.ended_words = frozenset(w.lower() for w in read("validity.yaml").get("ended_words", []))
    return cb
