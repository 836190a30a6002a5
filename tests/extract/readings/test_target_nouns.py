"""Which noun is a deed's target: the forces a base hosts, not the base's country; the object of an
infinitive, not a relative pronoun that belongs to the verb above it."""
from __future__ import annotations

from claim_lookup import claim, find, listing


def test_a_base_that_hosts_troops_stands_for_the_troops(extract):
    doc = extract("Kataib Hezbollah attacked Iraqi bases that host American troops.")
    claim(doc, "Kata'ib Hizballah", "ASSAULT", "American troops")
    assert not find(doc, "Kata'ib Hizballah", "ASSAULT", "Iraq"), listing(doc)


def test_a_base_of_a_state_without_guests_is_the_states(extract):
    doc = extract("Kataib Hezbollah attacked Iraqi bases near Baghdad.")
    claim(doc, "Kata'ib Hizballah", "ASSAULT", "Iraq")


def test_relative_pronoun_of_the_verb_above_is_no_target(extract):
    doc = extract("Kataib Hezbollah has received weapons from Iran, which it has used to attack Israel.")
    claim(doc, "Kata'ib Hizballah", "ASSAULT", "Israel")
    assert not find(doc, "Kata'ib Hizballah", "ASSAULT", "Iran"), listing(doc)


def test_a_charge_denied_is_rejected_against_its_accusers(extract):
    doc = extract("Israel accuses Iran of arming Hezbollah, a charge Tehran denies.")
    claim(doc, "Israel", "ACCUSE", "Iran")
    claim(doc, "Iran", "REJECT", "Israel")


def test_both_men_are_the_two_persons_just_named(extract):
    doc = extract("Ali Musa Daqduq was an aide of Qays al-Khazali; both men were captured by British forces in Basra.")
    claim(doc, "British forces", "COERCE", "Ali Musa Daqduq")
    claim(doc, "British forces", "COERCE", "Qays al-Khazali")


def test_ground_used_to_strike_is_no_actor(extract):
    doc = extract("Iraq said it would not allow any group to use Iraqi soil to strike its neighbors.")
    assert not find(doc, "Iraq", "ASSAULT"), listing(doc)
    doc = extract("Iran used the Houthis to attack Saudi Arabia.")
    claim(doc, "Houthis", "ASSAULT", "Saudi Arabia")


def test_hosted_forces_end_with_their_clause(extract):
    doc = extract("After rocket attacks by Kataib Hezbollah on Iraqi bases that host Italian troops, U.S. forces "
                  "on Friday struck two KH depots.")
    assert not find(doc, "Kata'ib Hizballah", "ASSAULT", "United States"), listing(doc)


def test_one_person_recruited_is_not_a_mobilization(extract):
    doc = extract("Ali Kourani was recruited by Hezbollah in 2008.")
    assert not find(doc, "Hezbollah", "MOBILIZE"), listing(doc)
