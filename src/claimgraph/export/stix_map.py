"""What a claimgraph actor, predicate and grade become in STIX 2.1 as OpenCTI reads it.

- `actor_kind(actor)`: the OpenCTI entity type of an actor (Individual, Organization, Sector,
  Threat-Actor-Group, Threat-Actor-Individual, Country, City, Region, Administrative-Area,
  Position), decided by our type, subtype and knowledge-base file.
- `ACCEPTED`: the relationship types OpenCTI accepts between two entity types (read from OpenCTI's
  `stixCoreRelationshipsMapping` in `database/stix.ts` and the relations of its organization,
  threat-actor-individual and event modules), for the types we write;
  `relationship_type(predicate, source kind, target kind)` picks the first of the predicate's
  `CANDIDATES` that OpenCTI accepts for the pair, else `related-to` (accepted between any two).
- `stix_id(type, data)`: pycti's deterministic ids, uuid5 of the canonical JSON of the type's keys.
- `confidence(credibility)`: STIX Appendix A's Admiralty table, via `stix2.confidence.scales`.
"""
from __future__ import annotations

import uuid

from stix2.canonicalization.Canonicalize import canonicalize
from stix2.confidence.scales import admiralty_credibility_to_value

OPENCTI_NAMESPACE = uuid.UUID("00abedb4-aa42-466c-9c01-fed23315a9b7")  # pycti's generate_id namespace

# -- actors -------------------------------------------------------------------------------------
THREAT_GROUPS = {"armed_group": (), "militia": (), "terrorist_group": ("terrorist",)}  # → threat_actor_types
# (STIX's threat-actor-type-ov has no militia or armed-group value: those carry their subtype as a label)
MILITANT_PEOPLE = {"group_leader", "militant"}
# a commander is a threat actor when the KB lists him among the people of non-state armed groups (a
# state's generals are in the state files); that file's clerics, politicians and officials stay Individuals
MILITANT_KB_FILE = "people_militant.yaml"
SECTORS = {  # identity sectors (industry-sector-ov) by organization subtype
    "ministry": ("government-national",), "government": ("government-national",),
    "government_agency": ("government-national",), "legislature": ("government-national",),
    "court": ("government-national",), "diplomatic_mission": ("government-national",),
    "intelligence_service": ("government-national",), "security_service": ("government-national",),
    "police": ("government-public-services",), "armed_forces": ("defense", "government-national"),
    "ngo": ("non-profit",), "media": ("communications",), "company": ("commercial",),
}
PLACE_KINDS = {"city": "City", "region": "Region", "territory": "Region", "province": "Administrative-Area",
               "site": "Position"}
IDENTITY_CLASS = {"Individual": "individual", "Organization": "organization", "Sector": "class"}
LOCATIONS = ("Country", "City", "Region", "Administrative-Area", "Position")
THREAT_ACTORS = ("Threat-Actor-Group", "Threat-Actor-Individual")


def actor_kind(actor: dict, kb_file: str | None = None) -> str:
    """The OpenCTI entity type of a store actor; `kb_file` is the file of its knowledge-base entry."""
    kind, subtype = actor.get("type"), actor.get("subtype")
    if kind == "person":
        militant = subtype in MILITANT_PEOPLE or (subtype == "military_commander" and kb_file == MILITANT_KB_FILE)
        return "Threat-Actor-Individual" if militant else "Individual"
    if kind == "organization":
        return "Threat-Actor-Group" if subtype in THREAT_GROUPS else "Organization"
    if kind == "country":
        return "Country"
    if kind == "location":
        return PLACE_KINDS.get(subtype or "", "City")
    return "Sector"  # a generic group ("protesters", "gunmen"): identity_class class


# -- relationships --------------------------------------------------------------------------------
_IDENTITIES = ("Individual", "Organization")


def _accepted() -> dict[tuple[str, str], frozenset[str]]:
    rules: list[tuple[tuple[str, ...], str, tuple[str, ...]]] = [
        (("Threat-Actor-Group",), "attributed-to impersonates targets", _IDENTITIES),
        (("Threat-Actor-Group",), "targets", ("Sector", "Event")),
        (("Threat-Actor-Group",), "located-at targets", LOCATIONS),
        (("Threat-Actor-Group",), "part-of cooperates-with", ("Threat-Actor-Group",)),
        (("Threat-Actor-Group",), "cooperates-with", ("Threat-Actor-Individual",)),
        (("Threat-Actor-Individual",), "part-of cooperates-with", THREAT_ACTORS),
        (("Threat-Actor-Individual",), "employed-by", ("Organization", "Threat-Actor-Group")),
        (("Threat-Actor-Individual",), "located-at targets", LOCATIONS),
        (("Threat-Actor-Individual",), "targets", ("Sector", "Event")),
        (("Threat-Actor-Individual",), "citizen-of national-of resides-in", ("Country",)),
        (("Threat-Actor-Individual",), "attributed-to impersonates targets", _IDENTITIES),
        (("Incident",), "attributed-to", THREAT_ACTORS),
        (("Incident",), "targets", (*_IDENTITIES, "Sector", "Event", *LOCATIONS)),
        (("Incident",), "originates-from", LOCATIONS),
        (("Individual",), "part-of", _IDENTITIES),
        (("Organization",), "part-of", ("Organization", "Sector")),
        (("Sector",), "part-of", ("Sector",)),
        ((*_IDENTITIES, "Sector"), "located-at", LOCATIONS),
        (("Event",), "located-at", ("Region", "Country", "City", "Position")),
    ]
    table: dict[tuple[str, str], set[str]] = {}
    for sources, types, targets in rules:
        for s in sources:
            for t in targets:
                table.setdefault((s, t), set()).update(types.split())
    return {pair: frozenset(types) for pair, types in table.items()}


ACCEPTED = _accepted()  # (source kind, target kind) → the relationship types OpenCTI accepts
ANY_PAIR = frozenset({"related-to"})  # OpenCTI accepts these between any two objects

# predicate → (relationship type, reversed) to try in order; `reversed`: target → source
CANDIDATES: dict[str, tuple[tuple[str, bool], ...]] = {
    "part_of": (("part-of", False),),
    "member_of": (("part-of", False),),
    "leads": (("part-of", False),),  # the leader is part of what it leads; the label keeps "leads"
    "subordinate_to": (("part-of", False), ("attributed-to", False)),
    "controls": (("attributed-to", True),),  # "X controls group G": G attributed-to X
    "operates_in": (("located-at", False),),
    "opposes": (("targets", False), ("targets", True)),  # symmetric in the codebook
    "allied_with": (("cooperates-with", False), ("cooperates-with", True)),
    # the roles of an event's actors (the event is the source)
    "event:actor": (("attributed-to", False),),
    "event:target": (("targets", False),),
    "event:place": (("located-at", False), ("targets", False)),
}


def accepted(source_kind: str, relationship: str, target_kind: str) -> bool:
    """Whether OpenCTI accepts `relationship` from a `source_kind` to a `target_kind`."""
    return relationship in ANY_PAIR or relationship in ACCEPTED.get((source_kind, target_kind), ())


def relationship_type(predicate: str, source_kind: str, target_kind: str) -> tuple[str, bool]:
    """(relationship type, reversed) for `predicate` between the kinds: the first candidate OpenCTI
    accepts, else ("related-to", False)."""
    for rel, reverse in CANDIDATES.get(predicate, ()):
        s, t = (target_kind, source_kind) if reverse else (source_kind, target_kind)
        if accepted(s, rel, t):
            return rel, reverse
    return "related-to", False


# -- ids and grades -------------------------------------------------------------------------------
def stix_id(stix_type: str, data: dict) -> str:
    """`<type>--uuid5(OpenCTI's namespace, canonical JSON of data)`, as pycti's `generate_id` makes
    it; `data` holds the type's keys (identity: lower-cased name and identity_class; threat-actor:
    name and opencti_type; location: name and x_opencti_location_type; relationship: type, refs;
    report: name and published; incident: name and created; event: name)."""
    return f"{stix_type}--{uuid.uuid5(OPENCTI_NAMESPACE, canonicalize(data, utf8=False))}"


CREDIBILITY_SCALE = {1: "1 - Confirmed by other sources", 2: "2 - Probably True", 3: "3 - Possibly True",
                     4: "4 - Doubtful", 5: "5 - Improbable", 6: "6 - Truth cannot be judged"}
RELIABILITY_OV = {"A": "A - Completely reliable", "B": "B - Usually reliable", "C": "C - Fairly reliable",
                  "D": "D - Not usually reliable", "E": "E - Unreliable", "F": "F - Reliability cannot be judged"}


def confidence(credibility: int | None) -> int | None:
    """STIX confidence of an information credibility 1–5; None for 6 (truth cannot be judged)."""
    if credibility not in CREDIBILITY_SCALE or credibility == 6:
        return None
    return admiralty_credibility_to_value(CREDIBILITY_SCALE[credibility])


def admiralty_labels(reliability: str | None, credibility: int | None) -> list[str]:
    """The MISP admiralty-scale machine tags of a grade."""
    out = []
    if reliability:
        out.append(f'admiralty-scale:source-reliability="{reliability.lower()}"')
    if credibility:
        out.append(f'admiralty-scale:information-credibility="{credibility}"')
    return out
