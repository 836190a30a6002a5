"""The actor of a clause with no subject of its own comes from its clause structure: object-control
verbs give it to their object; the climb up the parse stops at an apposition, a reduced relative
and a reporting verb's finite complement."""
from __future__ import annotations

from claim_lookup import claim, find, listing


def test_warned_against_gives_the_clause_to_the_object(extract):
    doc = extract("Washington warned Iran against attacking Israel.")
    claim(doc, "Iran", "ASSAULT", "Israel")
    assert not find(doc, "United States", "ASSAULT", "Israel")


def test_encouraged_to_gives_the_clause_to_the_object(extract):
    doc = extract("Khamenei encouraged Hizballah to strike Israel.")
    claim(doc, "Hizballah", "ASSAULT", "Israel")
    assert not find(doc, "Ali Khamenei", "ASSAULT", "Israel")


def test_trained_to_gives_the_clause_to_the_trainees(extract):
    doc = extract("Iran trained the Houthis to attack Saudi Arabia.")
    claim(doc, "Iran", "trains", "Houthis")
    claim(doc, "Houthis", "ASSAULT", "Saudi Arabia")
    assert not find(doc, "Iran", "ASSAULT", "Saudi Arabia")


def test_reduced_relative_gives_the_clause_to_its_noun(extract):
    doc = extract("Houthi fighters trained by Iran to attack Saudi Arabia crossed the border.")
    assert not find(doc, "Iran", "ASSAULT", "Saudi Arabia")


def test_apposition_stops_the_climb(extract):
    doc = extract("The United States designated Kata'ib Hizballah, the militia responsible for attacking "
                  "the Saudi embassy.")
    claim(doc, "Kata'ib Hizballah", "ASSAULT", "Saudi Arabia")
    assert not find(doc, "United States", "ASSAULT", "Saudi Arabia")


def test_reporting_verb_complement_stops_the_climb(extract):
    doc = extract("Iran said attacking Israel would be a grave mistake.")
    assert not find(doc, "Iran", "ASSAULT", "Israel")
    doc = extract("Hizballah admitted attacking Israel.")  # a gerund complement is the reporter's own act
    claim(doc, "Hizballah", "ASSAULT", "Israel")


def test_calling_on_someone_to_act_gives_them_the_clause_and_no_event_happens(extract):
    doc = extract("The ministry called on the Government of Iraq to hold Kata'ib Hizballah accountable for the attacks.")
    assert not [c for c in doc.claims if c.predicate == "ACCUSE"], listing(doc)


def test_an_urged_attack_is_no_attack(extract):
    doc = extract("Qassem Soleimani urged Kata'ib Hizballah to attack U.S. forces in Iraq.")
    assert not find(doc, "Kata'ib Hizballah", "ASSAULT"), listing(doc)


def test_a_subject_the_parser_hung_on_the_auxiliary_is_the_verbs(extract):
    doc = extract("The Department of State is today designating Harakat al-Nujaba as a terrorist group.")
    claim(doc, "U.S. Department of State", "SANCTION", "Harakat Hizballah al-Nujaba")


def test_a_passive_subject_on_the_auxiliary_is_no_agent(extract):
    doc = extract("Hamas was yesterday attacked near Gaza.")
    assert not find(doc, "Hamas", "ASSAULT")
