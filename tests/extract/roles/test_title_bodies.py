"""Titles whose body is named inside the title or as a unit of another body: "FBI Director X" (the
knowledge base's alias holds the whole title), "Assistant Attorney General X of the Justice
Department's Criminal Division" (he serves the division and the department)."""
from __future__ import annotations

from claim_lookup import predicates


def test_a_body_before_the_title_in_a_known_alias(extract):
    doc = extract("The FBI arrested Ali Nasser, and FBI Director Christopher Wray briefed Congress.")
    assert "leads" in predicates(doc, "Christopher Wray", "Federal Bureau of Investigation")


def test_serving_a_unit_of_a_body_serves_the_body(extract):
    doc = extract("Assistant Attorney General Jane Roe of the Justice Department's Criminal Division "
                  "announced the charges.")
    assert "member_of" in predicates(doc, "Jane Roe", "Criminal Division")
    assert "member_of" in predicates(doc, "Jane Roe", "Justice Department")


def test_a_unit_whose_known_name_holds_its_owner(extract):
    doc = extract("The Justice Department charged Ali Nasser, said Assistant Attorney General Jane Roe "
                  "of the Justice Department's National Security Division.")
    assert "member_of" in predicates(doc, "Jane Roe", "Justice Department")


def test_a_title_after_the_name_with_its_body_first(extract):
    doc = extract("The U.S. Treasury acted, said Jane Roe, Treasury Under Secretary for Terrorism and "
                  "Financial Intelligence.")
    assert "member_of" in predicates(doc, "Jane Roe", "U.S. Department of the Treasury")
    doc = extract("The FBI acted, said Jane Roe, FBI Director.")
    assert "leads" in predicates(doc, "Jane Roe", "Federal Bureau of Investigation")


def test_a_body_after_for_is_the_portfolio_not_the_employer(extract):
    doc = extract("The U.S. Treasury acted, said Jane Roe, Under Secretary for Terrorism and Financial Intelligence.")
    assert not predicates(doc, "Jane Roe", "Office of Terrorism and Financial Intelligence") & {"leads"}
