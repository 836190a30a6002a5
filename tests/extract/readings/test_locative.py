"""An organization acting in a place operates there (`locative:`), but not where it goes to law or
where a venue of its act is (codebook: relations.yaml, `locative`)."""
from __future__ import annotations

import pytest

from claim_lookup import claim, listing


def test_acting_in_a_place_is_operating_there(extract):
    doc = extract("Hezbollah has infiltrated security services in Iraq.")
    assert claim(doc, "Hezbollah", "operates_in", "Iraq").rule == "locative:infiltrate"
    doc = extract("Hezbollah's commanders fought on battlefields in Syria.")
    claim(doc, "Hezbollah", "operates_in", "Syria")


@pytest.mark.parametrize("text", [
    "Lafarge S.A. pleaded guilty in federal court in Brooklyn to paying the Islamic State.",
    "Lafarge S.A. pleaded guilty in Brooklyn to paying the Islamic State.",
    "Hezbollah's lawyers appeared before a tribunal in The Hague.",
    "Lafarge S.A. also faces separate charges in France.",
])
def test_going_to_law_somewhere_is_not_operating_there(extract, text):
    doc = extract(text)
    assert not [c for c in doc.claims if c.predicate == "operates_in"], listing(doc)


def test_deeds_done_in_places_are_operating_there(extract):
    doc = extract("Under Diriye's leadership, al-Shabaab has carried out numerous attacks in Somalia and in "
                  "neighboring Kenya.")
    claim(doc, "al-Shabaab", "operates_in", "Somalia")
    claim(doc, "al-Shabaab", "operates_in", "Kenya")
    # a record of many attacks is no one event; one attack carried out is, with no target named
    assert not [c for c in doc.claims if c.predicate == "ASSAULT"], listing(doc)
    doc = extract("Boko Haram carried out an attack in Maiduguri on Monday.")
    assert claim(doc, "Boko Haram", "ASSAULT", None).attrs["location"]
