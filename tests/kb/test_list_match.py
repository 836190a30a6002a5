"""The list matcher's rule on actors of our own: spelling variants match, another type or another
country does not, a legal form and an honorific do not count."""
from __future__ import annotations

from claimgraph.kb.list_match import MATCH, Actors, matches

ACTORS = Actors([
    ("ent-per-1", "person", "IRQ", ["Qasim al-Rahmany"]),
    ("ent-per-2", "person", "LBN", ["Karim Haddad"]),
    ("ent-org-3", "organization", None, ["Cedar Star Shipping"]),
    ("ent-org-4", "organization", None, ["Karim Haddad Holding"]),
])


def test_variant_spelling_and_honorific():
    [m] = matches(ACTORS, ["Dr. Qassim al-Rahmani"], "person", ["IRQ"])
    assert m.entity_id == "ent-per-1" and m.rule == "translit" and m.score >= MATCH


def test_country_disagreement_is_no_match():
    assert matches(ACTORS, ["Karim Haddad"], "person", ["SYR"]) == []
    assert [m.entity_id for m in matches(ACTORS, ["Karim Haddad"], "person", ["SYR", "LBN"])] == ["ent-per-2"]
    assert [m.entity_id for m in matches(ACTORS, ["Karim Haddad"], "person", [])] == ["ent-per-2"]


def test_type_disagreement_is_no_match():
    assert matches(ACTORS, ["Qasim al-Rahmany"], "organization", []) == []
    assert [m.entity_id for m in matches(ACTORS, ["Cedar Star Shipping Ltd."], "organization", ["CYP"])] == ["ent-org-3"]
    assert matches(ACTORS, ["Cedar Star Shipping"], "person", []) == []
