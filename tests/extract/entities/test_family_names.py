"""Relatives of a known person: a surname the knowledge base knows, after another given name, is
another person; a lone given name coordinated with a full name shares its surname."""
from __future__ import annotations

from claim_lookup import claim


def _names(doc):
    return {e.name for e in doc.entities if e.type == "person"}


def test_a_known_surname_after_another_given_name_is_a_relative(extract):
    doc = extract("Prosecutors charged Qais al-Khazali and his cousin Karim al-Khazali with murder.")
    assert "Karim al-Khazali" in _names(doc)
    assert len([n for n in _names(doc) if "Khazali" in n]) == 2


def test_the_known_persons_own_given_name_stays_that_person(extract):
    doc = extract("Qais al-Khazali spoke in Baghdad. Later, Khazali met reporters.")
    assert [n for n in _names(doc) if "Khazali" in n] == ["Qais al-Khazali"]


def test_a_lone_given_name_coordinated_with_a_full_name_shares_the_surname(extract):
    doc = extract("The ministry froze the assets of Hassan and Samir Haddad on Monday.")
    assert {"Hassan Haddad", "Samir Haddad"} <= _names(doc)


def test_shared_surname_links_to_the_person_named_in_full(extract):
    doc = extract("The Department of the Treasury sanctioned Qais and Karim al-Khazali. "
                  "Qais al-Khazali denied wrongdoing.")
    assert len([n for n in _names(doc) if "Khazali" in n]) == 2
    claim(doc, "U.S. Department of the Treasury", "SANCTION", "Karim al-Khazali")
    assert claim(doc, "U.S. Department of the Treasury", "SANCTION", "Qais al-Khazali")
    assert "Qais" not in _names(doc)
