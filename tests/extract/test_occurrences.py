"""Consolidation: one claim per relation, one claim per occurrence of an event."""
from __future__ import annotations

from claim_lookup import find


def test_two_attacks_on_different_days_stay_two_claims(extract):
    doc = extract("Kata'ib Hizballah attacked U.S. forces at Al Asad Airbase on March 3, 2020. "
                  "Kata'ib Hizballah attacked U.S. forces again on March 11, 2020.")
    attacks = find(doc, "Kata'ib Hizballah", "ASSAULT", "United States")
    assert sorted(c.attrs["date"]["start"] for c in attacks) == ["2020-03-03", "2020-03-11"]
    assert len({c.id for c in attacks}) == 2


def test_an_undated_mention_joins_the_one_dated_occurrence(extract):
    doc = extract("Kata'ib Hizballah attacked U.S. forces on March 3, 2020. "
                  "Kata'ib Hizballah attacked U.S. forces with rockets.")
    [attack] = find(doc, "Kata'ib Hizballah", "ASSAULT", "United States")
    assert attack.attrs["date"]["start"] == "2020-03-03" and len(attack.evidence) == 2


def test_an_undated_mention_between_two_occurrences_is_given_to_neither(extract):
    doc = extract("Kata'ib Hizballah attacked U.S. forces on March 3, 2020. "
                  "Kata'ib Hizballah attacked U.S. forces on March 11, 2020. "
                  "Kata'ib Hizballah attacked U.S. forces with rockets.")
    attacks = find(doc, "Kata'ib Hizballah", "ASSAULT", "United States")
    assert len(attacks) == 3 and all(len(c.evidence) == 1 for c in attacks)


def test_attacks_in_two_places_on_one_day_stay_two_claims(extract):
    doc = extract("On March 3, 2020, Kata'ib Hizballah attacked U.S. forces in Baghdad. "
                  "On March 3, 2020, Kata'ib Hizballah also attacked U.S. forces in Erbil.")
    attacks = find(doc, "Kata'ib Hizballah", "ASSAULT", "United States")
    assert len(attacks) == 2 and len({c.attrs.get("location") for c in attacks}) == 2


def test_a_relation_stated_twice_is_one_claim(extract):
    doc = extract("Iran funds Kata'ib Hizballah. In 2019 Iran funded Kata'ib Hizballah.")
    [funds] = find(doc, "Iran", "funds", "Kata'ib Hizballah")
    assert len(funds.evidence) == 2
