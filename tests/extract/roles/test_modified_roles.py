"""A role noun whose holder is a name or demonym before it and whose other actor is its possessor:
"its KH proxy forces" (Iran controls KH), "its Iranian sponsors" (Iran supports the possessor)."""
from __future__ import annotations

from claim_lookup import find, listing, predicates


def test_a_name_before_an_inverse_role_is_the_instrument(extract):
    doc = extract("Iran and its KH proxy forces shelled the base.")
    assert "controls" in predicates(doc, "Iran", "Kata'ib Hizballah")


def test_a_demonym_before_a_role_is_its_holder(extract):
    doc = extract("Hamas and its Qatari backers met in Doha.")
    assert "supports" in predicates(doc, "Qatar", "Hamas")


def test_a_demonym_before_a_member_noun_is_no_tie(extract):
    doc = extract("Hezbollah and its Iranian fighters crossed the border.")
    assert not find(doc, "Iran", "supports") and not find(doc, "Iran", "part_of")


def test_a_copula_said_of_a_described_name(extract):
    doc = extract("Kataib Hezbollah grew fast. Its founder, Abu Mahdi al-Muhandis, was an associate of Qassem Soleimani.")
    assert "allied_with" in predicates(doc, "Abu Mahdi al-Muhandis", "Qassem Soleimani")


def test_a_states_partners_of_a_nationality_are_not_that_state(extract):
    doc = extract("Iran's Lebanese partners received rockets from the Quds Force.")
    assert not find(doc, "Lebanon", "allied_with", "Iran") and not find(doc, "Iran", "allied_with", "Lebanon"), listing(doc)
