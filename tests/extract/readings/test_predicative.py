"""Predicative words said of a description of an actor: "X is considered the militia closest to Y",
"X is seen as the faction loyal to Y" say it of X, not of the generic noun."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_closest_to_in_a_small_clause_is_said_of_the_subject(extract):
    doc = extract("Kataib Hezbollah is widely considered the militia closest to the Quds Force.")
    assert "allied_with" in predicates(doc, "Kata'ib Hizballah", "Quds Force")
    assert not find(doc, "militia", "allied_with")


def test_a_description_after_as_is_said_of_the_subject(extract):
    doc = extract("Hamas is seen as the faction loyal to Iran.")
    assert "subordinate_to" in predicates(doc, "Hamas", "Iran")


def test_close_to_a_place_is_no_tie(extract):
    doc = extract("Hamas is close to Iran. Hamas fighters gathered close to Gaza City.")
    assert "allied_with" in predicates(doc, "Hamas", "Iran")
    assert not find(doc, "Hamas", "allied_with", "Gaza City")


def test_a_participle_tagged_an_adjective_shares_the_agent_of_its_neighbour(extract):
    doc = extract("The Houthis are armed and trained by Iran. Armed men attacked Hamas.")
    assert "arms" in predicates(doc, "Iran", "Houthis")
    assert "trains" in predicates(doc, "Iran", "Houthis")
    assert not find(doc, "Hamas", "arms")
