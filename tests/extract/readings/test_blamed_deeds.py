"""Who a text says did a deed: "blamed X for attacks on Y" is X's deed against Y on the blamer's
word; "S said X was behind the attacks" is S's accusation of X."""
from __future__ import annotations

from claim_lookup import claim, find, listing


def test_blamed_for_attacks_on_a_target(extract):
    doc = extract("Saudi officials blamed the Houthis for drone attacks on Saudi oil facilities.")
    claim(doc, "Saudi Arabia", "ACCUSE", "Houthis")
    deed = claim(doc, "Houthis", "ASSAULT", "Saudi Arabia")
    assert deed.modality == "alleged", listing(doc)


def test_blamed_in_the_passive(extract):
    doc = extract("Hezbollah has been blamed for the bombing of the Israeli embassy in Buenos Aires.")
    claim(doc, "Hezbollah", "ASSAULT", "Israel")


def test_blamed_for_something_else_is_no_deed(extract):
    doc = extract("Washington blamed Tehran for the collapse of the talks.")
    assert not find(doc, "Iran", "ASSAULT"), listing(doc)


def test_said_x_was_behind_the_attacks_accuses_x(extract):
    doc = extract("Blinken said Iran was behind the attacks on the tankers.")
    claim(doc, "Antony Blinken", "ACCUSE", "Iran")
    doc = extract("Blinken said Iran was behind closed doors with the mediators.")
    assert not find(doc, "Antony Blinken", "ACCUSE"), listing(doc)


def test_praising_a_deed_supports_its_doer(extract):
    doc = extract("Hezbollah praised Hamas's attack on Israel.")
    claim(doc, "Hezbollah", "SUPPORT", "Hamas")
    doc = extract("Hezbollah hailed the new year.")
    assert not find(doc, "Hezbollah", "SUPPORT"), listing(doc)


def test_an_assessment_that_x_was_responsible_is_no_accusation(extract):
    doc = extract("The Pentagon assesses that Kataib Hezbollah was responsible for the rocket attacks.")
    assert not find(doc, "U.S. Department of Defense", "ACCUSE"), listing(doc)
    doc = extract("The Pentagon concluded that Kataib Hezbollah was responsible for the rocket attacks.")
    claim(doc, "U.S. Department of Defense", "ACCUSE", "Kata'ib Hizballah")
