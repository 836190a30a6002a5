"""A state institution named with its state's demonym or possessive is part of that state; a bare
name or a name used as a label says nothing of whose it is."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_a_demonym_in_a_ministry_name_makes_it_part_of_the_state(extract):
    doc = extract("Iran denied that the Iranian Ministry of Intelligence had recruited Ali Nasser.")
    assert "part_of" in predicates(doc, "Ministry of Intelligence", "Iran")


def test_a_possessive_state_owns_its_ministry(extract):
    doc = extract("Iran's Foreign Ministry summoned the envoy, and Iran recalled its ambassador.")
    assert "part_of" in predicates(doc, "Iranian Ministry of Foreign Affairs", "Iran")


def test_a_bare_ministry_name_or_a_label_is_no_tie(extract):
    doc = extract("The Ministry of Intelligence recruited Ali Nasser in Iran. "
                  "The U.S. Justice Department charged him in the United States.")
    assert not find(doc, "Ministry of Intelligence", "part_of")
    assert not find(doc, "Justice Department", "part_of")


def test_an_airline_of_a_state_is_no_organ_of_it(extract):
    doc = extract("Iranian airline Mahan Air flew weapons to Syria for Iran.")
    assert not find(doc, "Mahan Air", "part_of")
