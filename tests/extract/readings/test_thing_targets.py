"""Events whose target is not an actor are kept with no object (verbs and nouns alike)."""
from __future__ import annotations

from claim_lookup import claim, find, listing


def test_a_seizure_of_money_has_no_object_and_keeps_its_sum(extract):
    doc = extract("Iraqi police seized $4 million from a warehouse of the smugglers.")
    [c] = find(doc, "Iraqi police", "COERCE", None)
    assert c.attrs["quantity"]["amount"] == 4_000_000


def test_shelling_a_depot_is_an_attack_with_no_object(extract):
    doc = extract("Hezbollah fighters shelled an ammunition depot on Tuesday.")
    assert find(doc, "Hezbollah", "ASSAULT", None), listing(doc)


def test_an_event_noun_with_a_thing_target(extract):
    doc = extract("Kata'ib Hizballah's attack on the convoy killed two soldiers.")
    assert find(doc, "Kata'ib Hizballah", "ASSAULT", None), listing(doc)


def test_aid_to_nobody_named_is_no_event(extract):
    doc = extract("The Quds Force provided weapons and money through the port.")
    assert not [c for c in doc.claims if c.kind == "event" and c.object is None], listing(doc)


def test_an_unresolved_pronoun_is_no_target(extract):
    doc = extract("Hezbollah attacked them on Monday.")
    assert not find(doc, "Hezbollah", "ASSAULT"), listing(doc)


def test_an_agreement_is_no_target_of_a_deed(extract):
    doc = extract("The Houthis struck a deal with the Saudi government in April.")
    assert not find(doc, "Houthis", "ASSAULT"), listing(doc)
    doc = extract("Kata'ib Hizballah hit a record number of recruits last year.")
    assert not find(doc, "Kata'ib Hizballah", "ASSAULT"), listing(doc)


def test_a_deed_on_a_thing_is_still_an_attack(extract):
    doc = extract("The Houthis struck a fuel depot near the port in April.")
    assert find(doc, "Houthis", "ASSAULT", None), listing(doc)


def test_a_name_its_apposition_calls_a_ship_is_a_thing_target(extract):
    doc = extract("The Houthis also seized the Ocean Pearl, a bulk carrier, in March.")
    claim(doc, "Houthis", "COERCE", None)
    doc = extract("The Houthis also praised the Ocean Pearl, a bulk carrier, in March.")
    assert not [c for c in doc.claims if c.kind == "event"], listing(doc)
