"""The two halves of a condition, told apart (`conditional`), on sentences written for these tests:
the deed that hangs on the condition ("Hezbollah will strike Israel") is the consequence — a
threat —, the if-clause's event is the condition; an event that is not hypothetical has neither."""
from __future__ import annotations

from claim_lookup import claim, find


def test_if_clause_first_then_the_threat(extract):
    doc = extract("A Hezbollah commander said that if Israel attacks Lebanon, Hezbollah will strike Israel.")
    threat = claim(doc, "Hezbollah", "ASSAULT", "Israel")
    assert (threat.attrs["status"], threat.attrs["conditional"]) == ("hypothetical", "consequence")
    condition = claim(doc, "Israel", "ASSAULT", "Lebanon")
    assert (condition.attrs["status"], condition.attrs["conditional"]) == ("hypothetical", "condition")


def test_threat_first_then_the_if_clause(extract):
    doc = extract("Tehran said it would hit American bases if the United States struck Iranian territory.")
    assert claim(doc, "Iran", "ASSAULT", "United States").attrs["conditional"] == "consequence"
    assert claim(doc, "United States", "ASSAULT", "Iran").attrs["conditional"] == "condition"


def test_threatened_to_attack_if(extract):
    doc = extract("Kataib Hezbollah vowed that it would attack the United States if American troops stayed.")
    # a deed vowed or threatened is the threat (readings/threats.py), not an attack of its own;
    # the threat itself was made: neither half of a condition
    assert not find(doc, "Kata'ib Hizballah", "ASSAULT", "United States")
    assert "conditional" not in claim(doc, "Kata'ib Hizballah", "THREATEN", "United States").attrs


def test_no_condition_no_conditional(extract):
    doc = extract("Kataib Hezbollah attacked the United States embassy and plans to attack Israel.")
    for c in doc.claims:
        assert "conditional" not in c.attrs, c
