"""'the company', 'the firm': a business the text named, typed or known by a word of its name."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_the_company_is_a_business_named_by_its_name(extract):
    doc = extract("Sunrise Trading Company sells cars in Beirut. Hezbollah set up the company "
                  "in 2015 and has funded it since.")
    assert {"created", "funds"} <= predicates(doc, "Hezbollah", "Sunrise Trading Company")


def test_the_firm_is_no_group_without_a_business_word(extract):
    doc = extract("The Nour Brigade fought in Aleppo. Hezbollah later funded the firm.")
    assert not find(doc, "Hezbollah", "funds")


def test_an_object_it_after_a_description_left_unresolved_is_nobody(extract):
    doc = extract("The Treasury Department designated the firm in 2019 because Hezbollah owns it.")
    assert not find(doc, "Hezbollah", "controls")
