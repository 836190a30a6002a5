"""Actors who keep or run something together are allied: "Iran and Syria run a joint command
center"; talks and statements held jointly are not (adversaries hold them too)."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_a_joint_thing_kept_together_allies_its_keepers(extract):
    doc = extract("Iran and Syria run a joint command center in Damascus.")
    assert "allied_with" in predicates(doc, "Iran", "Syria")


def test_joint_talks_are_no_alliance(extract):
    doc = extract("Israel and Hamas held joint ceasefire talks in Cairo.")
    assert not find(doc, "Israel", "allied_with") and not find(doc, "Hamas", "allied_with")
