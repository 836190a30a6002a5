"""The word lists of reference resolution (`extract/data/descriptions.yaml`), loaded once."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from claimgraph.kb.fold import fold

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when built with it

DATA = Path(__file__).parent.parent / "data" / "descriptions.yaml"


@dataclass(frozen=True)
class Constraint:
    subtypes: frozenset | None = None  # None in the set: an entity with no subtype
    words: frozenset[str] | None = None
    number: str | None = None


@dataclass(frozen=True)
class FirstPersonRules:
    speech_verbs: frozenset[str]  # verbs that introduce a quotation or statement
    speaker_nouns: frozenset[str]  # nouns that speak for an organization ("a spokesman for X")
    issuer_genres: frozenset[str]  # genres whose own voice is the issuing body's
    issuer_verbs: frozenset[str]  # acts that name the issuer in the lead ("X today designated")
    issuer_sentences: int  # how many sentences the lead is


@dataclass
class Rules:
    descriptions: dict[str, dict[str, list[Constraint]]]  # lemma → entity type → any of these
    prefer: dict[str, frozenset[str]]
    window: int
    determiners: frozenset[str]
    honorifics: dict[str, str]  # folded title → "he" / "she"
    person_nouns: frozenset[str]
    symmetric: frozenset[str]
    pleonastic_adjectives: frozenset[str]
    reporting_verbs: frozenset[str]
    raising_verbs: frozenset[str]
    weather_verbs: frozenset[str]
    propositional_verbs: frozenset[str]
    first_person: FirstPersonRules
    plural_determiners: frozenset[str]  # determiners of a plural description ("these groups")


def _constraints(spec) -> list[Constraint]:
    if spec == "any" or spec is None:
        return [Constraint()]
    out = []
    for s in spec if isinstance(spec, list) else [spec]:
        out.append(Constraint(
            subtypes=frozenset(s["subtypes"]) if "subtypes" in s else None,
            words=frozenset(fold(w) for w in s["words"]) if "words" in s else None,
            number=s.get("number")))
    return out


@lru_cache(maxsize=1)
def rules() -> Rules:
    raw = yaml.load(DATA.read_text(encoding="utf-8"), Loader=_LOADER)
    descriptions: dict[str, dict[str, list[Constraint]]] = {}
    prefer: dict[str, frozenset[str]] = {}
    for lemma, spec in raw["descriptions"].items():
        spec = dict(spec)
        if "prefer" in spec:
            prefer[lemma] = frozenset(fold(w) for w in spec.pop("prefer"))
        descriptions[lemma] = {typ: _constraints(c) for typ, c in spec.items()}
    for noun in raw.get("institution_nouns", []):
        descriptions.setdefault(noun, {"organization": [Constraint()]})
    hon = {fold(w): "he" for w in raw["honorifics"]["male"]}
    hon.update({fold(w): "she" for w in raw["honorifics"]["female"]})
    p = raw["pleonastic"]
    fp = raw["first_person"]
    first = FirstPersonRules(frozenset(fp["speech_verbs"]), frozenset(fp["speaker_nouns"]),
                             frozenset(fp["issuer_genres"]), frozenset(fp["issuer_verbs"]),
                             int(fp["issuer_sentences"]))
    return Rules(descriptions, prefer, int(raw.get("description_window", 5)),
                 frozenset(raw.get("determiners", ["the"])), hon, frozenset(raw["person_nouns"]),
                 frozenset(raw["symmetric_verbs"]), frozenset(p["adjectives"]),
                 frozenset(p["reporting_verbs"]), frozenset(p["raising_verbs"]),
                 frozenset(p["weather_verbs"]), frozenset(p["propositional_verbs"]), first,
                 frozenset(raw["plural_determiners"]))

