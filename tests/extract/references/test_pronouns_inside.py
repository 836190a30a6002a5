"""A pronoun does not refer to a noun it stands inside, nor to that noun's conjuncts ("the money
and missiles they receive": not "missiles"); "they" after "Hamas operatives" is Hamas's people, so
Hamas."""
from __future__ import annotations

from claim_lookup import predicates


def test_a_noun_above_the_pronoun_does_not_block_it(extract):
    doc = extract("The Houthis rebuilt their navy with the money and missiles they receive from Iran.")
    assert {"funds", "arms"} <= predicates(doc, "Iran", "Houthis")


def test_an_owner_is_more_salient_than_what_it_owns(extract):
    doc = extract("The Houthis could not continue their raids on tankers in the Gulf without the dollars "
                  "they receive from Iran.")
    assert "funds" in predicates(doc, "Iran", "Houthis")


def test_they_after_an_organizations_people_is_the_organization(extract):
    doc = extract("Senior Hamas operatives flew to Beirut in 1993, where they were trained by Hezbollah in sniping.")
    assert "trains" in predicates(doc, "Hezbollah", "Hamas")


def test_they_after_an_organizations_things_stays_unresolved(extract):
    doc = extract("Hamas tunnels collapsed after they were flooded by Egypt.")
    assert not predicates(doc, "Egypt", "Hamas") & {"ASSAULT", "COERCE"}
