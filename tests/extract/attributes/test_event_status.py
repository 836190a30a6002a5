"""Event status from conditions and threats, on sentences written for these tests: both halves of
a condition are hypothetical; a deed threatened has not happened."""
from __future__ import annotations

from claim_lookup import claim, find


def test_the_consequence_of_a_condition_is_hypothetical(extract):
    doc = extract("Nasrallah warned that Hezbollah would strike Israel if it invaded Lebanon.")
    # a deed warned of is the doer's threat (readings/threats.py), not a hypothetical strike
    claim(doc, "Hezbollah", "THREATEN", "Israel")
    assert not find(doc, "Hezbollah", "ASSAULT", "Israel")
    doc = extract("Iran said that Hezbollah would strike Israel if it invaded Lebanon.")
    assert claim(doc, "Hezbollah", "ASSAULT", "Israel").attrs["status"] == "hypothetical"
    # a deed after another happened; only a condition makes it hypothetical
    doc = extract("Hezbollah attacked Israeli troops after Israel had struck Lebanon.")
    assert claim(doc, "Hezbollah", "ASSAULT", "Israel").attrs["status"] == "occurred"


def test_said_it_would_attack_if(extract):
    doc = extract("Iran said it would attack Israel if Israel struck Iranian nuclear sites.")
    assert claim(doc, "Iran", "ASSAULT", "Israel").attrs["status"] == "hypothetical"


def test_a_conditional_threat_is_no_attack(extract):
    doc = extract("Hezbollah threatened to attack Israel if the strikes continued.")
    assert not find(doc, "Hezbollah", "ASSAULT", "Israel")  # the deed threatened is the threat
    # the threat itself was made
    assert claim(doc, "Hezbollah", "THREATEN", "Israel").attrs["status"] == "occurred"
    doc = extract("Washington threatened Iran with sanctions if Iranian forces attacked Israel.")
    assert claim(doc, "United States", "THREATEN", "Iran").attrs["status"] == "occurred"
    assert claim(doc, "Iran", "ASSAULT", "Israel").attrs["status"] == "hypothetical"


def test_unless(extract):
    doc = extract("Israel will strike Hezbollah unless it withdraws.")
    assert claim(doc, "Israel", "ASSAULT", "Hezbollah").attrs["status"] == "hypothetical"


def test_a_plain_threat_is_planned(extract):
    doc = extract("The Houthis plan to target American ships.")
    assert claim(doc, "Houthis", "ASSAULT", "United States").attrs["status"] == "planned"
    doc = extract("The Houthis vowed to target American ships.")  # vowed: the threat, not the deed
    claim(doc, "Houthis", "THREATEN", "United States")
    assert not find(doc, "Houthis", "ASSAULT", "United States")
