"""Money received "from" a purse ("the Iraqi state budget", "Qatar's budget") comes from the purse's owner."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_money_from_an_owned_budget(extract):
    doc = extract("Kataib Hezbollah draws salaries from the Iraqi state budget. "
                  "Hamas received cash from Qatar's budget.")
    assert "funds" in predicates(doc, "Iraq", "Kata'ib Hizballah")
    assert "funds" in predicates(doc, "Qatar", "Hamas")


def test_no_giver_from_a_place_or_an_unowned_budget(extract):
    doc = extract("Hamas received cash from the state budget. Hezbollah moved weapons from Syrian depots.")
    assert not find(doc, "Syria", "funds")
    assert not [c for c in doc.claims if c.predicate == "funds"]
