"""Which stored actors a listed entity is: candidates by name, type and country, scored by name.

The rule, an equivalent of nomenklatura's name matching built on rigour and rapidfuzz:

- names are cleaned with rigour first: a person's honorifics go (`remove_person_prefixes`:
  "Mr.", "Dr."), an organization's legal form goes (`remove_org_types`: "Ltd.", "LLC",
  "GmbH"), on both sides;
- then they are compared as resolution compares two stored entities (`resolve.candidates`:
  folded with `kb.fold.fold_name`, the article "al" dropped, a transliteration-neutral form,
  rapidfuzz ratios of the sorted tokens, a person's given name against given name and family
  name against family name; rule `name`, `translit`, `initial`, `partial` or `surname`);
- only actors of a kindred type are candidates (a listed Person a stored person; an
  Organization, Company, PublicBody or LegalEntity a stored organization or group), and not
  when both have countries and the actor's is none of the listed entity's;
- blocking as in resolution: an actor is compared only if it shares a name skeleton or a rare
  token skeleton with the listed entity.

A score of `MATCH` or more is a listing (positive), from `REVIEW` up to it an unsure one for an
analyst; a listed entity that fits two stored actors at `MATCH` gets unsure judgements on both.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rigour.names import remove_org_types, remove_person_prefixes

from claimgraph.resolve.candidates import MAX_TOKEN_BLOCK, Record, score_pair
from claimgraph.resolve.names import block_keys

MATCH = 0.92  # as `claimgraph resolve`
REVIEW = 0.80
KINDRED = {"person": {"person"}, "organization": {"organization", "group"}}


@dataclass
class Match:
    entity_id: str  # the stored actor (a canonical id)
    score: float
    rule: str
    reason: str


def clean(name: str, type_: str) -> str:
    """A name without what does not tell two actors apart: honorifics, legal forms."""
    out = remove_person_prefixes(name) if type_ == "person" else remove_org_types(name)
    return " ".join(out.split()) or name


def _record(id_: str, names: list[str], type_: str, country: str | None) -> Record:
    cleaned = list(dict.fromkeys(clean(n, type_) for n in names))
    return Record(id_, cleaned[0], type_, country, None, cleaned[1:])


class Actors:
    """The store's actors (canonical ids, every name of their cluster), indexed by blocking keys."""

    def __init__(self, actors: list[tuple[str, str, str | None, list[str]]]):
        """`actors`: (canonical id, type, country, names) of each actor."""
        self.records: dict[str, Record] = {}
        self.blocks: dict[str, set[str]] = defaultdict(set)
        self.rare: dict[str, set[str]] = defaultdict(set)
        for id_, type_, country, names in actors:
            if type_ not in KINDRED["person"] | KINDRED["organization"] or not names:
                continue
            r = _record(id_, names, type_, country)
            self.records[id_] = r
            for k in r.name_keys():
                always, rare = block_keys(k, type_ == "person")
                for key in always:
                    self.blocks[key].add(id_)
                for key in rare:
                    self.rare[key].add(id_)

    def candidates(self, listed: Record) -> set[str]:
        found: set[str] = set()
        for k in listed.name_keys():
            always, rare = block_keys(k, listed.type == "person")
            for key in always:
                found |= self.blocks.get(key, set())
            for key in rare:
                ids = self.rare.get(key, set())
                if len(ids) <= MAX_TOKEN_BLOCK:
                    found |= ids
        return found


def conflict(listed_type: str, countries: list[str], actor: Record) -> str | None:
    if actor.type not in KINDRED.get(listed_type, ()):
        return f"types differ ({listed_type}, {actor.type})"
    if countries and actor.country and actor.country not in countries:
        return f"countries differ ({', '.join(countries)}; {actor.country})"
    return None


def matches(actors: Actors, names: list[str], type_: str, countries: list[str],
            review: float = REVIEW) -> list[Match]:
    """The stored actors a listed entity may be, scoring `review` or more, best first."""
    listed = _record("listed", names, type_, countries[0] if len(countries) == 1 else None)
    found = []
    for id_ in actors.candidates(listed):
        actor = actors.records[id_]
        if conflict(type_, countries, actor):
            continue
        score, rule, why = score_pair(listed, actor)
        if score >= review:
            found.append(Match(id_, round(score, 4), rule, why))
    return sorted(found, key=lambda m: (-m.score, m.entity_id))
