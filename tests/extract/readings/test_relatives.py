"""Relative clauses: without "that"/"which", quantified ("both of which"), and hung by the parser on
a noun the trigger's types rule out."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_relative_clause_without_a_pronoun(extract):
    doc = extract("Hezbollah attacked the militias the Quds Force financed.")
    assert "funds" in predicates(doc, "Quds Force", "militias")


def test_relative_clause_whose_verb_was_tagged_a_noun(extract):
    doc = extract("Israel struck the militias Hezbollah arms.")
    assert "arms" in predicates(doc, "Hezbollah", "militias")


def test_both_of_which_is_said_of_every_antecedent(extract):
    doc = extract("Iran backs Hamas and Hezbollah, both of which receive funds from the Quds Force.")
    assert "funds" in predicates(doc, "Quds Force", "Hamas")
    assert "funds" in predicates(doc, "Quds Force", "Hezbollah")


def test_some_of_which_is_not_said_of_each_name(extract):
    doc = extract("The Quds Force trains Hamas and Hezbollah, some of which receive funds from Iran. "
                  "Iran backs Shia militias, some of which receive weapons from Hezbollah.")
    assert not find(doc, "Iran", "funds")
    assert "arms" in predicates(doc, "Hezbollah", "Shia militias")  # a collective as a whole


def test_relative_hung_on_a_place_goes_to_the_noun_that_fits(extract):
    doc = extract("Iran supports Shia militias from Iraq, which also operate in Syria.")
    assert "operates_in" in predicates(doc, "Shia militias", "Syria")
    assert not find(doc, "Shia militias", "operates_in", "Iraq")
