"""`claimgraph kb check`: find what would make the knowledge base match wrongly."""
from __future__ import annotations

from collections import Counter, defaultdict

import pycountry

from claimgraph.kb.fold import fold_name, is_acronym
from claimgraph.kb.loader import KnowledgeBase

SUBTYPES = {
    "country": {"state"},
    "organization": {"armed_forces", "intelligence_service", "security_service", "police", "ministry",
                     "government_agency", "government", "legislature", "court", "political_party", "militia",
                     "armed_group", "terrorist_group", "international_organization", "company", "media", "ngo",
                     "religious_body", "diplomatic_mission"},
    "person": {"head_of_state", "head_of_government", "minister", "official", "military_commander",
               "group_leader", "politician", "cleric", "diplomat", "judge", "journalist", "militant",
               "businessperson"},
    "location": {"city", "region", "province", "territory", "site"},
    "group": {"armed_group", "security_forces", "officials", "civilians", "protesters"},
}
# words that must never be an alias on their own: every alias is searched in every text
COMMON = {"state", "the state", "coalition", "the group", "group", "government", "the government", "army",
          "police", "resistance", "party", "movement", "council", "ministry", "agency", "forces", "military",
          "court", "embassy", "regime", "militia", "the movement", "front", "brigade", "force", "authority"}


def check(kb: KnowledgeBase) -> list[str]:
    """Problems found, one line each (empty when the KB is sound)."""
    problems = list(kb.problems)
    owners: dict[str, set[str]] = defaultdict(set)
    for a in kb.actors.values():
        where = f"{a.source}: {a.id}"
        if a.subtype and a.subtype not in SUBTYPES.get(a.type, set()):
            problems.append(f"{where}: subtype '{a.subtype}' is not one of the {a.type} subtypes (docs/kb.md)")
        for code in filter(None, (a.country, a.capital_of)):
            if pycountry.countries.get(alpha_3=code) is None:
                problems.append(f"{where}: '{code}' is not an ISO 3166-1 alpha-3 code")
        if a.capital_of and a.type != "location":
            problems.append(f"{where}: capital_of is for places (type location)")
        seen_here = set()
        for name in [a.name, *a.aliases, *a.demonyms]:
            key = fold_name(name)
            if not key:
                problems.append(f"{where}: empty alias {name!r}")
                continue
            if key in COMMON:
                problems.append(f"{where}: alias {name!r} is a common word and would match everywhere")
            if not is_acronym(name) and len(key) <= 2:
                problems.append(f"{where}: alias {name!r} is too short to search for (write it in capitals if it is an acronym)")
            # acronyms and names are matched differently: compare like with like
            seen_here.add(("A:" if is_acronym(name) else "N:") + key)
        for key in seen_here:
            owners[key].add(a.id)
    for key, ids in sorted(owners.items()):
        if len(ids) > 1:
            problems.append(f"alias '{key[2:]}' names {len(ids)} actors: {', '.join(sorted(ids))}")
    return problems


def stats(kb: KnowledgeBase) -> dict[str, int]:
    counts = Counter(a.type for a in kb.actors.values())
    counts["aliases"] = sum(len(a.aliases) + len(a.demonyms) for a in kb.actors.values())
    counts["files"] = len(kb.files)
    return dict(counts)
