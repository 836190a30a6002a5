"""Demonstrative descriptions ("that group", "these groups") and descriptions in apposition
before a name ("the veteran chief of the group's military wing, X")."""
from __future__ import annotations

import pytest

from claim_lookup import claim


def named(found, words: str):
    hit = found.get((words, 0))
    return hit[0] if hit else None


def test_that_group_with_an_of_phrase_hung_on_it(refs):
    found = refs("Kata'ib Hizballah fired rockets at the base. The US accused that group of the attack.")
    assert named(found, "that group") == ("Kata'ib Hizballah",)


def test_these_groups_are_the_named_groups_before(refs):
    found = refs("Kata'ib Hizballah and Asa'ib Ahl al-Haq fired rockets at the base. Iran funds these groups.")
    assert set(named(found, "these groups")) == {"Kata'ib Hizballah", "Asa'ib Ahl al-Haq"}


def test_these_groups_make_a_claim_for_each(claims_of):
    doc = claims_of("Kata'ib Hizballah and Asa'ib Ahl al-Haq attacked the base. Iran funds these groups.")
    claim(doc, "Iran", "funds", "Kata'ib Hizballah")
    claim(doc, "Iran", "funds", "Asa'ib Ahl al-Haq")


def test_those_groups_after_a_plural_collective(refs):
    found = refs("Iraqi militias fired drones at the embassy. Washington blamed those groups for the strike.")
    assert named(found, "those groups") == ("Iraqi militias",)


def test_cataphoric_description_is_the_name_after_it(refs):
    found = refs("Hezbollah fought Israel in 2006. Israel killed the veteran chief of the group's military wing, "
                 "Imad Mughniyeh, in 2008.")
    assert named(found, "the veteran chief") == ("Imad Mughniyeh",)
    assert named(found, "the group") == ("Hezbollah",)


def test_cataphoric_description_gives_the_event_its_target(claims_of):
    doc = claims_of("Israel killed the commander of the Quds Force, Qassem Soleimani, in a strike.")
    claim(doc, "Israel", "ASSAULT", "Qassem Soleimani")
    claim(doc, "Qassem Soleimani", "leads", "Quds Force")  # the role is still read


# what stays unresolved: each case beside the same frame with a referent

@pytest.mark.parametrize("unresolved, resolved, words", [
    ("Iran and Iraq signed a deal in Baghdad. The US criticised these groups.",  # states, not groups
     "Kata'ib Hizballah and Asa'ib Ahl al-Haq signed a deal in Baghdad. The US criticised these groups.",
     "these groups"),
    ("Kata'ib Hizballah fired rockets at the base. Officials blamed that group of fighters.",  # its members
     "Kata'ib Hizballah fired rockets at the base. Officials accused that group of the attack.", "that group"),
    ("Hezbollah fired rockets at the base. The US blamed these groups.",  # one group
     "Hezbollah and Hamas fired rockets at the base. The US blamed these groups.", "these groups"),
])
def test_demonstrative_without_a_fitting_referent(refs, unresolved, resolved, words):
    assert (words, 0) not in refs(unresolved)
    assert (words, 0) in refs(resolved)


def test_description_before_an_organization_is_not_a_person(refs):
    found = refs("Israel killed the commander of the network, Kata'ib Hizballah, in Baghdad.")
    assert not any(rule == "coref:cataphora" for _, rule in found.values())
    found = refs("Israel killed the commander of the network, Qassem Soleimani, in Baghdad.")
    assert named(found, "the commander") == ("Qassem Soleimani",)


def test_the_same_noun_before_the_antecedent_does_not_block_it(refs):
    # "the group's leaders" comes before the antecedent, not between it and "the group"
    found = refs("The ministry named the group's leaders. Hamas is a militia based in Gaza. "
                 "The group receives money from Iran.")
    assert named(found, "The group") == ("Hamas",)


def test_the_same_noun_between_the_antecedent_and_the_description_still_blocks(refs):
    found = refs("Hamas formed a group of lawyers in Gaza. The group filed a suit.")
    assert named(found, "The group") is None
