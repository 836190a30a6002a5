"""events and claims, filtered."""
from __future__ import annotations

import pytest
from query_corpus import IRAN, KH, SOLEIMANI

from claimgraph.query import claims, events


def preds(rows) -> list[tuple]:
    return [(r["subject"]["name"], r["predicate"], r["object"]["name"] if r["object"] else None) for r in rows]


def test_events_sorted_by_date(store):
    rows = events(store)
    starts = [r["date"]["start"] for r in rows if r["date"]]
    # a date known only as "on or before the report" (no start) comes after every dated one
    known = [s for s in starts if s is not None]
    assert starts == known + [None] * (len(starts) - len(known)) and known == sorted(known) and len(rows) == 6


def test_events_by_type_actor_and_dates(store):
    assert preds(events(store, type="assault", date_from="2019", date_to="2019")) == [
        ("al-Quds Brigades", "ASSAULT", "Israel"), ("Kata'ib Hizballah", "ASSAULT", "United States")]
    assert preds(events(store, actor=SOLEIMANI)) == [
        ("Qassem Soleimani", "CONSULT", "Abu Mahdi al-Muhandis"), ("United States", "ASSAULT", "Qassem Soleimani")]
    assert preds(events(store, actor=SOLEIMANI, date_from="2020-01-03", date_to="2020-01-03")) == [
        ("United States", "ASSAULT", "Qassem Soleimani")]


@pytest.mark.parametrize("place", ["IRQ", "Iraq", "Baghdad", "baghdad"])
def test_events_at_a_place_by_code_country_or_name(store, place):
    # the meeting in Baghdad, and the attack on a base in Baghdad (a place on the target)
    assert preds(events(store, place=place)) == [("Qassem Soleimani", "CONSULT", "Abu Mahdi al-Muhandis"),
                                                ("Kata'ib Hizballah", "ASSAULT", "United States")]


def test_events_elsewhere_or_nowhere(store):
    assert events(store, place="ISR") == []
    with pytest.raises(LookupError):
        events(store, place="Atlantis")


def test_contested_claims_are_the_contradiction(store):
    rows = claims(store, contested=True)
    assert {(r["subject"]["id"], r["predicate"], r["object"]["id"], r["modality"]) for r in rows} == {
        (IRAN, "arms", KH, "asserted"), (IRAN, "arms", KH, "negated")}
    asserted = next(r for r in rows if r["modality"] == "asserted")
    negated = next(r for r in rows if r["modality"] == "negated")
    assert asserted["contested_by"] == [{"claim": negated["claim"], "modality": "negated", "sources": 1}]


def test_single_source_claims(store):
    single = claims(store, single_source=True)
    everything = claims(store)
    assert len(everything) - len(single) == 1  # only Soleimani leading the Quds Force is told by two outlets
    assert all(r["sources"] == 1 for r in single)
    [two] = [r for r in everything if r["sources"] == 2]
    assert (two["subject"]["id"], two["predicate"], two["documents"]) == (SOLEIMANI, "leads", 2)
    assert everything[0] == two  # most sources first


def test_claims_by_predicate_and_modality(store):
    assert preds(claims(store, predicate="trains")) == [("Hezbollah", "trains", "Houthis"),
                                                       ("Quds Force", "trains", "Kata'ib Hizballah")]
    reported = claims(store, modality="reported")
    assert preds(reported) == [("Hezbollah", "trains", "Houthis")]
    assert reported[0]["attributed_to"] == {"id": "ent-sau", "name": "Saudi Arabia"}


def test_a_country_code_no_document_names_is_still_a_place(store):
    assert events(store, place="FRA") == []
    assert events(store, place="France") == []
