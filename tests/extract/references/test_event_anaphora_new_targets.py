"""A definite event noun made definite by its own "of" target told as new ("the killing of three
peacekeepers", "the bombing of a convoy") is a first mention: it takes no actor from the last
event of its type. One whose target is known ("the attack on the patrol") still refers back."""
from __future__ import annotations

from claim_lookup import claim, find, listing


def test_a_new_target_is_a_new_event(extract):
    doc = extract("Al-Shabaab shelled the airport on Monday. The African Union condemned the bombing of a "
                  "convoy near Baidoa on Tuesday.")
    assert not find(doc, "African Union", "ACCUSE", "al-Shabaab"), listing(doc)
    doc = extract("Al-Shabaab shelled the airport on Monday. The African Union condemned the killing of four "
                  "Kenyan soldiers on Tuesday.")
    assert not find(doc, "African Union", "ACCUSE", "al-Shabaab"), listing(doc)


def test_a_definite_without_a_new_target_still_refers_back(extract):
    doc = extract("Al-Shabaab shelled the airport on Monday. The African Union condemned the shelling.")
    claim(doc, "African Union", "ACCUSE", "al-Shabaab")
