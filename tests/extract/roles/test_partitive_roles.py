""""one of the <role nouns> of Y": the role noun is the tie, and one of a body's leaders serves it."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_one_of_a_bodys_units(extract):
    doc = extract("Harakat al-Nujaba is one of the factions of the Popular Mobilization Forces.")
    assert "part_of" in predicates(doc, "Harakat Hizballah al-Nujaba", "Popular Mobilization Forces")


def test_one_of_its_leaders_serves_and_does_not_lead(extract):
    doc = extract("Abu Ali, one of the commanders of Hezbollah, was killed in Beirut. "
                  "Israel, one of the enemies of Hezbollah, struck the city.")
    assert predicates(doc, "Abu Ali", "Hezbollah") == {"member_of"}
    assert "opposes" in predicates(doc, "Israel", "Hezbollah")
    assert not find(doc, "Abu Ali", "leads")
