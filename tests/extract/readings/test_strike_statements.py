"""Strike statements and attack reports: who struck, with whom, and whose were the things struck."""
from __future__ import annotations

from claim_lookup import find, listing


def test_a_fronted_phrase_does_not_swallow_the_subject(extract):
    doc = extract("Yesterday, at the direction of President Emmanuel Macron, French military forces, "
                  "together with the armed forces of Belgium, struck targets in Syria.")
    assert find(doc, "French military forces", "ASSAULT"), listing(doc)
    assert not any(m.text == "French military forces" for e in doc.entities if e.type == "person"
                   for m in e.mentions)


def test_a_partner_named_together_with_the_subject_acts_too(extract):
    doc = extract("Iraqi forces, together with Kurdish Peshmerga units, attacked the Islamic State on Monday.")
    assert find(doc, "Iraqi forces", "ASSAULT", "Islamic State"), listing(doc)
    assert find(doc, "Peshmerga", "ASSAULT", "Islamic State") or find(doc, "Kurdish Peshmerga units", "ASSAULT",
                                                                      "Islamic State"), listing(doc)


def test_targets_in_areas_an_actor_controls_are_that_actors(extract):
    doc = extract("Israeli jets bombed targets in Hamas-controlled areas of Gaza on Friday.")
    assert find(doc, "Israel", "ASSAULT", "Hamas"), listing(doc)


def test_facilities_at_a_site_used_by_an_actor_are_that_actors(extract):
    doc = extract("Jordanian aircraft bombed facilities located at a desert crossing used by the Islamic State.")
    assert find(doc, "Jordan", "ASSAULT", "Islamic State"), listing(doc)


def test_a_number_of_groups_is_those_groups(extract):
    doc = extract("Turkey struck a number of groups including the PKK in northern Iraq.")
    assert find(doc, "Turkey", "ASSAULT", "Kurdistan Workers' Party") or find(doc, "Turkey", "ASSAULT", "PKK"), listing(doc)


def test_infrastructure_named_for_an_actor_is_its(extract):
    doc = extract("Israel struck Hamas infrastructure overnight.")
    assert find(doc, "Israel", "ASSAULT", "Hamas"), listing(doc)


def test_weapons_fired_at_ships_of_two_states_attack_both(extract):
    # the parser hangs "at" on the weapons ("a missile"), not on "fired"
    doc = extract("On July 9, the Houthis fired 18 drones and a missile at U.S. and Greek tankers.")
    assert find(doc, "Houthis", "ASSAULT", "United States"), listing(doc)
    assert find(doc, "Houthis", "ASSAULT", "Greece"), listing(doc)


def test_the_strikes_that_hit_an_actors_sites_are_not_that_actors_strikes(extract):
    doc = extract("British aircraft launched airstrikes in Iraq on Sunday. The Islamic State conducted the "
                  "bombings in Mosul, officials said. The strikes destroyed several depots used by the Islamic State.")
    assert not find(doc, "Islamic State", "ASSAULT", "Islamic State"), listing(doc)
    assert find(doc, "United Kingdom", "ASSAULT", "Islamic State"), listing(doc)
