"""A state's own institutions named with their state: "the Iranian Ministry of Intelligence",
"Iran's Foreign Ministry", "the Syrian Interior Ministry" are part of that state. The knowledge
base gives the institution's kind (its subtype) and state; a name it does not know is an
institution by its word ("ministry", "embassy"). The mention must name the state as its owner (a
nationality word or the state's possessive inside it), so a bare "the Ministry of Intelligence"
says nothing of whose it is."""
from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.model import Entity

# institutions of a state, not bodies that merely come from it (companies, militias, its government itself)
ORGANS = {"ministry", "intelligence_service", "security_service", "government_agency", "police", "legislature",
          "diplomatic_mission"}
ORGAN_WORDS = {"ministry", "embassy", "consulate", "parliament", "police"}


def state_of(index, span: Span, organ: Entity) -> Entity | None:
    """The document's state that a state institution's mention names, or None."""
    if organ.type != "organization":
        return None
    known = organ.subtype in ORGANS and organ.country
    if not known and (organ.subtype or not any(t.lower_ in ORGAN_WORDS for t in span)):
        return None
    states = [e for e in index.entities.values() if e.type == "country" and (not known or e.country == organ.country)]
    for t in span:
        if t.i >= span.root.i or not t.is_title:
            continue
        hit = next((s for s in states if _names(t, s)), None)
        if hit is not None:
            return hit
    return None  # a name used as a label ("the U.S. Justice Department") says no more than the name


def _names(t: Token, state: Entity) -> bool:
    """Is the word the state's demonym ("Iranian", "Syrian", "Lebanese") or its possessive ("Iran's")?"""
    name = state.name.lower()
    if t.lower_ == name:
        return t.i + 1 < len(t.doc) and t.doc[t.i + 1].tag_ == "POS"
    return " " not in name and t.lower_.startswith(name[:max(4, len(name) - 2)])
