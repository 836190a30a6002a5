"""A civil authority that targets or hits an actor sanctions it; an armed actor's targets are attacked."""
from __future__ import annotations

from claim_lookup import find, listing


def test_a_finance_ministry_that_targets_an_actor_sanctions_it(extract):
    doc = extract("The U.S. Department of the Treasury targeted Kata'ib Hizballah on Thursday.")
    [c] = find(doc, "U.S. Department of the Treasury", "SANCTION", "Kata'ib Hizballah")
    assert c.rule.endswith("+authority")
    assert not find(doc, "U.S. Department of the Treasury", "ASSAULT"), listing(doc)


def test_an_agency_that_hits_an_actor_with_measures_sanctions_it(extract):
    doc = extract("The Office of Foreign Assets Control hit Hezbollah with new measures in May.")
    assert find(doc, "Office of Foreign Assets Control", "SANCTION", "Hezbollah"), listing(doc)


def test_an_armed_actor_that_targets_another_attacks_it(extract):
    doc = extract("The Houthis targeted Saudi Arabia with drones on Sunday.")
    assert find(doc, "Houthis", "ASSAULT", "Saudi Arabia"), listing(doc)
    assert not find(doc, "Houthis", "SANCTION"), listing(doc)


def test_a_defence_ministry_is_no_civil_authority():
    from claimgraph.extract.codebook import default_codebook
    from claimgraph.extract.readings.authority import civil
    cb = default_codebook()
    from claimgraph.model import Entity
    assert not civil(Entity(id="e1", name="Ministry of Defense", type="organization", subtype="ministry"), cb)
    assert civil(Entity(id="e2", name="Ministry of Finance", type="organization", subtype="ministry"), cb)
    assert not civil(Entity(id="e3", name="Hezbollah", type="organization", subtype="terrorist_group"), cb)
