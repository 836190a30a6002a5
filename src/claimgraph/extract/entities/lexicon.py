"""The extractor's word lists, read from the YAML files in `extract/data/`."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from claimgraph.kb.fold import fold, fold_name

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when built with it

DATA = Path(__file__).parent.parent / "data"


@dataclass(frozen=True)
class Head:
    lemma: str
    cls: str
    subtype: str
    needs: frozenset[str] = frozenset()  # folded modifier words, one of which must be present
    needs_plural: bool = False
    needs_qualifier: bool = False  # "a smuggling network": the head alone is a reference, not a collective
    counted: bool = False  # "four U.S. soldiers" is still the collective, not a handful named elsewhere


@dataclass
class Lexicon:
    heads: dict[str, tuple[Head, ...]] = field(default_factory=dict)  # lemma → its senses, tried in order
    sects: frozenset[str] = frozenset()
    sponsor_words: frozenset[str] = frozenset()  # "-backed", "-trained": the actor before names a sponsor
    not_qualifiers: frozenset[str] = frozenset()  # "various", "other": say nothing of which collective
    document_classes: frozenset[str] = frozenset()  # collectives of one story ("the defendants")
    party_classes: frozenset[str] = frozenset()  # parties to a case, whom the document may name
    suit_words: frozenset[str] = frozenset()  # lemmas of a suit brought "against" its defendants
    regime_words: frozenset[str] = frozenset()  # "the Assad regime": the state of a leader
    leader_subtypes: frozenset[str] = frozenset()
    titles: list[tuple[str, ...]] = field(default_factory=list)  # folded token sequences, longest first
    titles_by_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    event_words: frozenset[str] = frozenset()
    generic_words: frozenset[str] = frozenset()  # folded
    not_actors: frozenset[str] = frozenset()  # folded names (fold_name): designations and products
    district_words: frozenset[str] = frozenset()  # "Eastern" of "the Eastern District of Virginia"
    type_words: dict[str, str] = field(default_factory=dict)  # last word of a name → its type
    company_forms: frozenset[str] = frozenset()  # "LLC", "S.A.": a company's legal form (entities/companies.py)
    org_subtypes: dict[str, str] = field(default_factory=dict)  # "Ministry" → ministry (entities/org_names.py)


def _read(name: str) -> dict:
    return yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=_LOADER) or {}


def _head(lemma: str, spec: dict, lists: dict[str, frozenset[str]]) -> Head:
    needs = frozenset().union(*(lists[n] for n in spec.get("needs", []))) if spec.get("needs") else frozenset()
    return Head(lemma, spec["class"], spec["subtype"], needs, bool(spec.get("needs_plural")),
                bool(spec.get("needs_qualifier")), bool(spec.get("counted")))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    coll = _read("collectives.yaml")
    lists = {k: frozenset(fold(w) for w in v) for k, v in (coll.get("word_lists") or {}).items()}
    heads = {lemma: tuple(_head(lemma, sense, lists) for sense in spec.get("senses", [spec]))
             for lemma, spec in (coll.get("heads") or {}).items()}
    names = _read("names.yaml")
    titles = sorted({tuple(fold(w).rstrip(".") for w in t.split()) for t in names.get("titles", [])},
                    key=len, reverse=True)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for t in titles:
        by_first.setdefault(t[0], []).append(t)
    return Lexicon(
        titles_by_first=by_first,
        heads=heads,
        sects=frozenset(fold(s) for s in coll.get("sects", [])),
        sponsor_words=frozenset(fold(w) for w in coll.get("sponsor_words", [])),
        not_qualifiers=frozenset(fold(w) for w in coll.get("not_qualifiers", [])),
        document_classes=frozenset(coll.get("document_classes", [])),
        party_classes=frozenset(coll.get("party_classes", [])),
        suit_words=frozenset(coll.get("suit_words", [])),
        regime_words=frozenset(fold(w) for w in coll.get("regime_words", [])),
        leader_subtypes=frozenset(coll.get("leader_subtypes", [])),
        titles=titles,
        event_words=frozenset(names.get("event_words", [])),
        generic_words=frozenset(fold(w) for w in names.get("generic_words", [])),
        not_actors=frozenset(fold_name(w) for w in [*names.get("not_actors", []), *names.get("products", [])]),
        district_words=frozenset(names.get("district_words", [])),
        company_forms=frozenset(names.get("company_forms", [])),
        org_subtypes=dict(names.get("organization_subtypes") or {}),
        type_words={**{w: "location" for w in names.get("place_words", [])},
                    **{w: "organization" for w in names.get("organization_words", [])}},
    )
