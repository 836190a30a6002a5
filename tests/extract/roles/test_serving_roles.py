"""Roles held by serving as one ("X serves as Iran's proxy") and roles over an unnamed unit of a
named body ("the chief of Hezbollah's security apparatus")."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_serving_as_a_proxy(extract):
    doc = extract("Kata'ib Hizballah is a militia that serves as a proxy of Iran.")
    assert "controls" in predicates(doc, "Iran", "Kata'ib Hizballah")


def test_acting_as_a_proxy(extract):
    doc = extract("Hezbollah acts as Iran's proxy in Lebanon.")
    assert "controls" in predicates(doc, "Iran", "Hezbollah")


def test_the_chief_of_a_bodys_unnamed_unit_serves_the_body(extract):
    doc = extract("Mustafa Badreddine, the chief of Hezbollah's intelligence apparatus, was killed.")
    assert predicates(doc, "Mustafa Badreddine", "Hezbollah") == {"member_of"}


def test_a_unit_owned_by_a_person_gives_no_tie(extract):
    doc = extract("Ali Haddad, the chief of Qassem Soleimani's security detail, was killed.")
    assert not find(doc, "Ali Haddad", "member_of")


def test_the_chief_of_a_bodys_operations_serves_the_body(extract):
    doc = extract("Saleh al-Arouri, chief of Hamas's external operations, lived in Beirut. "
                  "Yahya Sinwar, the leader of Hamas, stayed in Gaza.")
    assert predicates(doc, "Saleh al-Arouri", "Hamas") == {"member_of"}
    assert "leads" in predicates(doc, "Yahya Sinwar", "Hamas")


def test_joining_a_bodys_wing_is_joining_the_body(extract):
    doc = extract("Ali Kourani joined Hezbollah's military wing in 2000. Imad Mughniyeh, the head of "
                  "Hezbollah's military wing, was killed in Damascus.")
    assert predicates(doc, "Ali Kourani", "Hezbollah") == {"member_of"}
    assert predicates(doc, "Imad Mughniyeh", "Hezbollah") == {"member_of"}
