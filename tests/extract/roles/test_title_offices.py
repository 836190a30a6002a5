"""Titles that name an office of a body the document names ("Secretary of State X" → the State
Department), long titles the parser hangs elsewhere, and "Title X of Body"."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_an_office_title_names_the_department_the_text_mentions(extract):
    doc = extract("The Pentagon announced new strikes. Defense Secretary Lloyd Austin defended them.")
    assert "leads" in predicates(doc, "Lloyd Austin", "U.S. Department of Defense")


def test_no_department_is_made_up_when_the_text_names_none(extract):
    doc = extract("Defense Secretary Lloyd Austin defended the strikes.")
    assert not find(doc, "Lloyd Austin", "leads")


def test_a_junior_office_serves_the_department(extract):
    doc = extract("The Department of the Treasury acted on Monday. \"This network is finished,\" said "
                  "Under Secretary of the Treasury for Terrorism and Financial Intelligence Brian E. Nelson.")
    assert predicates(doc, "Brian E. Nelson", "U.S. Department of the Treasury") == {"member_of"}


def test_title_then_name_then_of_body(extract):
    doc = extract("Spokesman Omar Haddad of Hamas rejected the plan.")
    assert "member_of" in predicates(doc, "Omar Haddad", "Hamas")


def test_an_assistant_does_not_lead(extract):
    doc = extract("Assistant Secretary General Omar Haddad of Hezbollah rejected the plan.")
    assert predicates(doc, "Omar Haddad", "Hezbollah") == {"member_of"}
