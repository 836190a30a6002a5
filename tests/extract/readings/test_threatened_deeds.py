"""A deed only threatened ("vowed to strike X", "warned that it would attack X", "threatened attacks
on X") is a THREATEN against its target, never the deed itself."""
from __future__ import annotations

from claim_lookup import claim, find, listing


def test_vowed_that_the_group_would_retaliate_is_a_threat(extract):
    doc = extract("A Hamas commander vowed that the group would retaliate against Israel.")
    claim(doc, "Hamas", "THREATEN", "Israel")
    assert not find(doc, "Hamas", "ASSAULT", "Israel"), listing(doc)


def test_threatened_to_attack_is_no_attack(extract):
    doc = extract("Hezbollah threatened to attack Israel.")
    claim(doc, "Hezbollah", "THREATEN", "Israel")
    assert not find(doc, "Hezbollah", "ASSAULT", "Israel"), listing(doc)


def test_vowed_to_keep_striking_is_a_threat(extract):
    doc = extract("The Houthis vowed to keep striking Saudi Arabia.")
    claim(doc, "Houthis", "THREATEN", "Saudi Arabia")
    assert not find(doc, "Houthis", "ASSAULT", "Saudi Arabia"), listing(doc)


def test_a_past_deed_reported_by_a_warning_stays_a_deed(extract):
    doc = extract("Israel warned that Hezbollah had attacked its northern towns, and Hezbollah shelled Israel again on Monday.")
    claim(doc, "Hezbollah", "ASSAULT", "Israel")


def test_vowing_a_response_is_a_threat_without_a_target(extract):
    doc = extract("Hezbollah threatened to retaliate.")
    claim(doc, "Hezbollah", "THREATEN", None)
    doc = extract("Netanyahu warned that Hezbollah would respond.")  # the other side's forecast
    assert not find(doc, "Hezbollah", "THREATEN"), listing(doc)
    assert not find(doc, "Benjamin Netanyahu", "THREATEN"), listing(doc)
    doc = extract("Iran warned that the economy would suffer.")
    assert not find(doc, "Iran", "THREATEN"), listing(doc)


def test_a_states_civil_installations_stand_for_it(extract):
    doc = extract("The Houthis have repeatedly fired missiles at Saudi airports and pipelines.")
    claim(doc, "Houthis", "ASSAULT", "Saudi Arabia")


def test_an_analysts_forecast_is_no_threat(extract):
    doc = extract("Mary Olsen, a researcher at a Washington think tank, warned that Hezbollah would attack Israel.")
    assert not find(doc, "Hezbollah", "THREATEN", "Israel"), listing(doc)
    assert not find(doc, "Hezbollah", "ASSAULT", "Israel"), listing(doc)
