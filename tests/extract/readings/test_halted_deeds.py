"""A doer that stops its own deeds retreats (readings/halts.py); a condemned attack whose doer
nobody names is an ACCUSE with no object."""
from __future__ import annotations

from claim_lookup import claim, find, listing


def test_suspending_its_attacks_is_a_retreat_towards_their_target(extract):
    doc = extract("Kataib Hezbollah announced that it was suspending its attacks on U.S. forces.")
    c = claim(doc, "Kata'ib Hizballah", "RETREAT", "U.S. forces")
    assert c.attrs["status"] == "occurred"
    doc = extract("The Houthis halted their missile strikes on Saudi Arabia in April.")
    claim(doc, "Houthis", "RETREAT", "Saudi Arabia")


def test_stopping_someone_elses_attack_is_no_retreat(extract):
    doc = extract("Israeli forces stopped the Hamas attack on Sderot.")
    assert not find(doc, "Israel", "RETREAT"), listing(doc)
    doc = extract("Egypt ended the blockade of the border.")  # no deed of its own named as such
    assert not find(doc, "Egypt", "RETREAT"), listing(doc)


def test_a_demanded_halt_is_no_retreat(extract):
    doc = extract('"The Houthis must stop their attacks on shipping," Secretary of State Antony Blinken said.')
    assert not find(doc, "Houthis", "RETREAT"), listing(doc)
    claim(doc, "Antony Blinken", "REQUEST", "Houthis")


def test_a_condemned_attack_with_no_named_doer_is_an_accusation_of_nobody(extract):
    doc = extract("Egypt condemned what it called a cowardly terrorist attack on its soldiers in Sinai.")
    claim(doc, "Egypt", "ACCUSE", None)
    doc = extract("Egypt condemned the decision.")  # no deed condemned
    assert not find(doc, "Egypt", "ACCUSE"), listing(doc)


def test_a_condemned_attack_by_a_named_doer_accuses_it(extract):
    doc = extract("Egypt condemned the Hamas attack on Israel.")
    claim(doc, "Egypt", "ACCUSE", "Hamas")
    assert not find(doc, "Egypt", "ACCUSE", None), listing(doc)
