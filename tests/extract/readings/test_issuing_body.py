"""Who acts in a press release: the dateline is no subject, an office possessed by a department is
the actor, a background relative clause does not name the agent of a later agentless passive, and a
passive that names an agent we cannot read gets none inferred."""
from __future__ import annotations

from claim_lookup import claim, find, listing


def test_dateline_place_is_not_the_subject(extract):
    doc = extract("BEIRUT – The U.S. Department of State today designated Hezbollah commander Fuad Shukr.")
    claim(doc, "U.S. Department of State", "SANCTION", "Fuad Shukr")


def test_office_possessed_by_a_department_is_the_actor(extract):
    doc = extract("The Department of the Treasury's Office of Foreign Assets Control (OFAC) today "
                  "designated Ali Qasir, a financier of Hizballah.")
    claim(doc, "Office of Foreign Assets Control", "SANCTION", "Ali Qasir")
    assert not find(doc, "U.S. Department of the Treasury", "SANCTION", "Ali Qasir"), listing(doc)


def test_background_relative_does_not_name_a_later_agent(extract):
    doc = extract("OFAC today designated Ali Qasir. Qasir worked for Omar Bashir, whom the United States "
                  "sanctioned in 2009. Among the companies sanctioned today are Qasir Trading LLC and Cedar Fuel SAL.")
    claim(doc, "Office of Foreign Assets Control", "SANCTION", "Cedar Fuel SAL")
    assert not find(doc, "United States", "SANCTION", "Cedar Fuel SAL"), listing(doc)


def test_passive_with_an_unread_agent_infers_none(extract):
    doc = extract("The Court entered judgment against Iran. Ali Qasir was later indicted by a federal grand jury.")
    assert not find(doc, "Court", "ACCUSE", "Ali Qasir"), listing(doc)
