""""The companies named in today's action, A and B": the actors a participle names in a general event
noun ("action", "measure") are the latest event's further targets, by its actor."""
from __future__ import annotations

from claim_lookup import claim, find, listing


def test_companies_named_in_todays_action_are_designated(extract):
    doc = extract("OFAC today designated Ali Qasir, a Hezbollah financier. The companies named in today's action, "
                  "Cedar Fuel SAL and Tyre Marine Ltd, manage his tankers.")
    claim(doc, "Office of Foreign Assets Control", "SANCTION", "Cedar Fuel SAL")
    claim(doc, "Office of Foreign Assets Control", "SANCTION", "Tyre Marine Ltd")


def test_named_in_a_report_is_no_target(extract):
    doc = extract("OFAC today designated Ali Qasir, a Hezbollah financier. The companies named in the report, "
                  "Cedar Fuel SAL and Tyre Marine Ltd, manage his tankers.")
    assert not find(doc, "Office of Foreign Assets Control", "SANCTION", "Cedar Fuel SAL"), listing(doc)
