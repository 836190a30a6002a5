"""Deeds done at another actor's direction, on its orders or on its behalf."""
from __future__ import annotations

from claim_lookup import claim, find, listing, predicates


def test_at_the_direction_of_an_actor_it_controls_the_doer(extract):
    doc = extract("Hezbollah launched drones at the direction of the IRGC. "
                  "Hamas fired the rockets at Iran's direction.")
    assert "controls" in predicates(doc, "Islamic Revolutionary Guard Corps", "Hezbollah")
    assert "controls" in predicates(doc, "Iran", "Hamas")


def test_on_the_orders_or_at_the_behest_of_an_actor(extract):
    doc = extract("Kataib Hezbollah shelled the airport on the orders of the Quds Force. "
                  "Hamas struck Israel at Iran's behest.")
    assert "subordinate_to" in predicates(doc, "Kata'ib Hizballah", "Quds Force")
    assert "subordinate_to" in predicates(doc, "Hamas", "Iran")


def test_on_behalf_of_backs_and_money_moved_on_behalf_funds(extract):
    doc = extract("Mahan Air worked for or on behalf of the IRGC. Mahan Air moved funds on Hezbollah's behalf.")
    assert "supports" in predicates(doc, "Mahan Air", "Islamic Revolutionary Guard Corps")
    assert "funds" in predicates(doc, "Mahan Air", "Hezbollah")


def test_a_leader_directing_troops_or_a_speaker_is_no_tie(extract):
    doc = extract("At the direction of President Biden, U.S. forces, together with British forces, struck "
                  "Houthi sites. The spokesman said on behalf of Hezbollah that it would retaliate.")
    assert not find(doc, "Joe Biden", "controls")
    assert not find(doc, "Hezbollah", "supports") and not find(doc, "spokesman", "supports")


def test_a_verb_the_codebook_reads_with_the_phrase_gives_one_tie(extract):
    doc = extract("The Badr Organization acted under the direction of the Quds Force.")
    claim(doc, "Badr Organization", "subordinate_to", "Quds Force")
    assert not find(doc, "Quds Force", "controls", "Badr Organization"), listing(doc)


def test_acting_with_the_direction_of_another(extract):
    doc = extract("The bombing was carried out by Hizballah al-Hejaz, acting with the direction and "
                  "support of the IRGC. Kata'ib Hizballah acted under the direction of the Quds Force.")
    assert {"controls", "supports"} <= predicates(doc, "Islamic Revolutionary Guard Corps", "Hizballah al-Hejaz")
    assert predicates(doc, "Kata'ib Hizballah", "Quds Force") == {"subordinate_to"}
    assert not find(doc, "Quds Force", "controls")
