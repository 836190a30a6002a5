"""A resource "of" its giver in a "with" phrase: "with the backing of Iran, the Houthis seized ..."."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_with_the_support_of_a_giver(extract):
    doc = extract("With the backing of Iran, the Houthis seized the port. The bombing was carried out by "
                  "Hizballah al-Hejaz, acting with the direction and support of the IRGC.")
    assert "supports" in predicates(doc, "Iran", "Houthis")
    assert "supports" in predicates(doc, "Islamic Revolutionary Guard Corps", "Hizballah al-Hejaz")


def test_help_of_a_giver_in_a_persons_deed_is_no_tie(extract):
    doc = extract("The raid was planned by Ali Hassan with the help of the IRGC. Iran supplied the "
                  "Houthis with the weapons of the army.")
    assert not find(doc, "Islamic Revolutionary Guard Corps", "supports")
    assert predicates(doc, "Iran", "Houthis") == {"arms"}
