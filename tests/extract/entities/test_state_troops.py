"""A state's troops as a collective ("U.S. forces", "four American soldiers"): one group per state,
counted or not; not the troops of a named actor, of two states, or of nobody said."""
from __future__ import annotations

from claim_lookup import claim, find


def _groups(doc):
    return [e for e in doc.entities if e.type == "group"]


def test_counted_troops_of_a_state_are_one_collective(extract):
    doc = extract("Two American soldiers were wounded on Monday. Militants later shelled U.S. troops again.")
    troops = [e for e in _groups(doc) if e.country == "USA"]
    assert len(troops) == 1 and troops[0].subtype == "armed_forces"


def test_service_members_are_troops(extract):
    doc = extract("The blast injured three Israeli service members.")
    assert [e.country for e in _groups(doc)] == ["ISR"]


def test_troops_of_a_named_actor_or_of_two_states_are_no_collective(extract):
    doc = extract("Hezbollah fought beside the forces of the Assad regime. Bombs killed Iraqi and American "
                  "troops. Security forces arrested him.")
    assert not _groups(doc)


def test_a_deed_done_to_a_states_troops_is_done_to_the_state(extract):
    doc = extract("Kata'ib Hizballah fired rockets at a base, injuring four U.S. service members.")
    troops = next(e for e in _groups(doc) if e.country == "USA")
    assert any(c.object == troops.id for c in find(doc, "Kata'ib Hizballah", "ASSAULT"))
    claim(doc, "Kata'ib Hizballah", "ASSAULT", "United States")


def test_troops_as_the_actor_are_the_troops_and_their_state(extract):
    doc = extract("U.S. military forces struck a depot in Syria.")
    troops = next(e for e in _groups(doc) if e.country == "USA")
    assert troops.id in [c.subject for c in doc.claims if c.predicate == "ASSAULT"]
    claim(doc, "United States", "ASSAULT")
