"""Units named with their whole: "the IRGC, including the Quds Force" (the Quds Force is part of the
IRGC; a common noun's list is no such whole); "the Department of State's Rewards for Justice
program" where the parser lost the possessive."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_units_included_in_a_named_organization_are_part_of_it(extract):
    doc = extract("The State Department listed Hezbollah, including its Radwan Force, as a terrorist group.")
    assert "part_of" in predicates(doc, "Radwan Force", "Hezbollah")


def test_members_of_a_common_noun_are_not_its_units(extract):
    doc = extract("Iran backs several groups, including Hamas and Hezbollah.")
    assert not find(doc, "Hamas", "part_of") and not find(doc, "Hezbollah", "part_of")


def test_a_name_after_another_names_possessive_where_the_parse_lost_it(extract):
    doc = extract("The U.S. Department of State's Rewards for Justice (RFJ) program posted a new offer.")
    assert "part_of" in predicates(doc, "Rewards for Justice", "U.S. Department of State")
