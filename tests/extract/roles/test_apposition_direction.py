"""Which end of an apposition is the unit and which the larger body, on sentences written for these
tests: a role noun that stands for its owner ("a unit of the IRGC") is a role, not a name."""
from __future__ import annotations

from claim_lookup import claim, find


def test_a_role_hung_on_a_role_is_not_inverted(extract):
    doc = extract("The complaint charges Gholam Shakuri, a member of the Qods Force, a special operations "
                  "unit of the IRGC.")
    claim(doc, "Quds Force", "part_of", "Islamic Revolutionary Guard Corps")
    assert not find(doc, "Islamic Revolutionary Guard Corps", "part_of", "Quds Force")
    claim(doc, "Gholam Shakuri", "member_of", "Quds Force")
    # the larger body first, then its unit's name, stays as it was
    doc = extract("Hezbollah's military wing, the Islamic Resistance, fired rockets at Israeli troops.")
    claim(doc, "Islamic Resistance", "part_of", "Hezbollah")
    assert not find(doc, "Hezbollah", "part_of", "Islamic Resistance")
