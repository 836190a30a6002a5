"""An unnamed person introduced first and named later ("a senior commander was killed ... The
commander, identified as X, ..."): the deed done to the description is done to X."""
from __future__ import annotations

from claim_lookup import claim, find, listing


def test_the_commander_identified_as_x_in_a_later_sentence(extract):
    doc = extract("A senior Hamas commander was killed in an Israeli strike in Gaza on Sunday. The commander, "
                  "identified as Mohammed Deif, had run the group's armed wing for years.")
    claim(doc, "Israel", "ASSAULT", "Mohammed Deif")


def test_the_leader_was_identified_as_x(extract):
    doc = extract("A senior al-Shabaab leader was killed in a U.S. airstrike in Somalia. The leader was identified "
                  "as Abdullahi Nadir.")
    claim(doc, "United States", "ASSAULT", "Abdullahi Nadir")


def test_a_description_of_another_kind_is_not_linked(extract):
    doc = extract("A senior Hamas commander was killed in an Israeli strike in Gaza. A spokesman, identified as "
                  "Abu Obeida, denied it.")
    assert not find(doc, "Israel", "ASSAULT", "Abu Obeida"), listing(doc)
