"""Accusations whose object is a deed: "condemned the attack" accuses whoever did it; "blamed the
bombing on X" accuses X."""
from __future__ import annotations

from claim_lookup import claim, find


def test_condemning_an_attack_told_before_accuses_its_actor(extract):
    doc = extract("Hezbollah shelled an Israeli village on Sunday. Egypt and Jordan condemned the shelling.")
    claim(doc, "Egypt", "ACCUSE", "Hezbollah")
    claim(doc, "Jordan", "ACCUSE", "Hezbollah")


def test_condemning_an_attack_with_its_actor_in_the_noun_phrase(extract):
    doc = extract("Israel condemned the Hamas rocket attack on Ashkelon.")
    claim(doc, "Israel", "ACCUSE", "Hamas")


def test_blaming_a_deed_on_someone_accuses_them(extract):
    doc = extract("A bomb exploded near the embassy. Iraq blamed the bombing on Islamic State.")
    assert [c.object for c in find(doc, "Iraq", "ACCUSE")] == [e.id for e in doc.entities if "Islamic State" in (e.name, *e.aliases)]


def test_condemning_a_deed_nobody_is_named_for_accuses_no_one(extract):
    doc = extract("A bomb exploded near the embassy. Iraq condemned the bombing.")
    assert not [c for c in find(doc, "Iraq", "ACCUSE") if c.object is not None]


def test_a_person_named_before_the_deed_noun_is_not_accused(extract):
    doc = extract("France condemned the Rafik Hariri assassination.")
    assert not [c for c in find(doc, "France", "ACCUSE") if c.object is not None]


def test_who_is_blamed_for_an_attack_did_it_on_the_blamers_word(extract):
    doc = extract("Gunmen attacked an Israeli patrol near the border. Israel blamed the attack on Hezbollah.")
    attack = claim(doc, "Hezbollah", "ASSAULT", "Israel")
    assert attack.modality in ("alleged", "reported") and attack.attributed_to == doc_id(doc, "Israel")


def doc_id(doc, name):
    return next(e.id for e in doc.entities if e.name == name)
