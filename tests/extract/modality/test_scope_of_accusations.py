"""How far an accusation or a denial reaches, on sentences written for these tests: into a
relative clause whose subject is a thing the accused used, past a "by" agent the parser hung the
charge on, and not across to a clause standing beside it ("...; X denies role")."""
from __future__ import annotations

from claim_lookup import claim, eid


def test_accused_of_firing_the_rockets_that_killed(extract):
    doc = extract("Israel has accused Hezbollah of firing the rockets that killed two Israeli soldiers.")
    c = claim(doc, "Hezbollah", "ASSAULT", "Israel")
    assert (c.modality, c.attributed_to) == ("alleged", eid(doc, "Israel"))
    # a relative clause about an actor is still the writer's own description
    doc = extract("Saudi Arabia accused Iran of arming the militia that attacked Israeli troops.")
    assert claim(doc, "Iran", "arms").modality == "alleged"
    assert claim(doc, "militia", "ASSAULT", "Israel").modality == "asserted"


def test_accused_by_an_agent_of_arming(extract):
    doc = extract("Iran, which is accused by Western governments of arming the Houthis, welcomed the talks.")
    c = claim(doc, "Iran", "arms", "Houthis")
    assert (c.modality, c.attributed_to) == ("alleged", "Western governments")


def test_a_headline_denial_does_not_negate_the_accusation_beside_it(extract):
    doc = extract("Britain blames Hezbollah for bus bombing; Hezbollah denies role")
    c = claim(doc, "United Kingdom", "ACCUSE", "Hezbollah")
    assert (c.modality, c.attributed_to) == ("asserted", None)


def test_a_fronted_clause_is_not_what_a_later_denial_denies(extract):
    doc = extract("Israel blames Hamas for the attack on Israeli soldiers, Hamas denies any role")
    assert claim(doc, "Israel", "ACCUSE", "Hamas").modality == "asserted"
    # but a reporting verb's object is its hearer, and its fronted clause its report
    doc = extract("Hezbollah armed the Houthis, Israel told the Security Council.")
    assert claim(doc, "Hezbollah", "arms", "Houthis").modality == "reported"
