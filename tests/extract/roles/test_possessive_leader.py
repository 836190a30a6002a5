"""A person's organization is the one he leads: "Muqtada al-Sadr's Mahdi Army"; not a state's
institution ("Khamenei's Foreign Ministry") nor a common noun ("Nasrallah's son")."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_a_person_possessing_an_organization_leads_it(extract):
    doc = extract("Muqtada al-Sadr's Mahdi Army fought U.S. troops in Najaf.")
    assert "leads" in predicates(doc, "Muqtada al-Sadr", "Mahdi Army")


def test_no_leader_of_a_state_institution_or_a_relative(extract):
    doc = extract("Khamenei's Foreign Ministry denied it. Nasrallah's son joined Hezbollah.")
    assert not find(doc, "Ali Khamenei", "leads")
    assert not find(doc, "Hassan Nasrallah", "leads")
