from corroborate_texts import (AIN_AL_ASAD, DENIAL, IRGC, OWN_STORY, THIRD_STORY, WIRE, claim, day, doc,
                               fatalities, merged)

from claimgraph.corroborate.contradictions import contradictions, dates_conflict, quantities_conflict


def test_negation_against_assertion_across_sources():
    wire, denial = doc(WIRE, "Reuters"), doc(DENIAL, "Press TV")
    yes, no = claim(wire), claim(denial, modality="negated")
    [found] = contradictions([yes, no], [wire, denial])
    assert found["type"] == "negation"
    assert found["interested"] is False
    assert sorted(found["claims"]) == sorted([yes.id, no.id])
    sides = dict(zip(found["values"], found["sources"]))
    assert sides == {"negated": ["Press TV"], "asserted": ["Reuters"]}
    assert sorted(map(tuple, found["documents"])) == sorted([(wire.id,), (denial.id,)])


def test_denial_by_a_party_to_the_claim_is_interested():
    wire, denial = doc(WIRE, "Reuters"), doc(DENIAL, "Press TV")
    [found] = contradictions([claim(wire), claim(denial, modality="negated", attributed_to=IRGC)], [wire, denial])
    assert found["interested"] is True


def test_speculation_and_other_claims_do_not_contradict_a_negation():
    a, b = doc(WIRE), doc(DENIAL)
    assert contradictions([claim(a, modality="speculative"), claim(b, modality="negated")], [a, b]) == []
    assert contradictions([claim(a, object="ent-uk"), claim(b, modality="negated")], [a, b]) == []


def test_conflicting_fatality_counts_in_per_document_readings():
    # the same claim read in two documents: the store keeps one set of attributes, the
    # documents' own claims keep each reading's count
    a, b = doc(OWN_STORY, "The Washington Post"), doc(THIRD_STORY, "Al Jazeera")
    a.claims = [claim(a, quantity=fatalities(7), date=day("2020-01-08"))]
    b.claims = [claim(b, quantity=fatalities(10), date=day("2020-01-08"))]
    stored = merged(a.claims[0], b.claims[0])
    [found] = contradictions([stored], [a, b])
    assert found["type"] == "quantity"
    assert found["claims"] == [stored.id, stored.id]
    assert sorted(v["amount"] for v in found["values"]) == [7, 10]
    assert sorted(map(tuple, found["documents"])) == sorted([(a.id,), (b.id,)])


def test_close_or_bounded_counts_do_not_conflict():
    assert not quantities_conflict(fatalities(10), fatalities(11))
    assert not quantities_conflict(fatalities(7, "at least"), fatalities(10))
    assert quantities_conflict(fatalities(12, "at least"), fatalities(10))
    assert not quantities_conflict(fatalities(7), {"amount": 10, "unit": "injured"})
    money = {"amount": 2_000_000, "unit": "USD", "per": "month"}
    assert not quantities_conflict(money, {"amount": 20_000_000, "unit": "USD", "per": "year"})
    assert quantities_conflict(money, {"amount": 3_000_000, "unit": "USD", "per": "month"})


def test_conflicting_dates_of_one_event_between_claims():
    a, b = doc(OWN_STORY, "The Washington Post"), doc(THIRD_STORY, "Al Jazeera")
    first = claim(a, date=day("2020-01-08"), location=AIN_AL_ASAD)
    second = claim(b, modality="reported", date=day("2020-01-07"), location=AIN_AL_ASAD)
    [found] = contradictions([first, second], [a, b])
    assert found["type"] == "date"
    assert sorted(found["claims"]) == sorted([first.id, second.id])
    assert sorted(v["start"] for v in found["values"]) == ["2020-01-07", "2020-01-08"]


def test_two_dates_of_a_relation_are_two_moments_not_a_conflict():
    a, b = doc(OWN_STORY, "The Washington Post"), doc(THIRD_STORY, "Al Jazeera")
    first = claim(a, predicate="leads", kind="relation", date=day("2020-01-08"))
    second = claim(b, predicate="leads", kind="relation", date=day("2020-03-07"))
    assert contradictions([first, second], [a, b]) == []


def test_dates_that_overlap_or_lack_precision_or_name_other_places_do_not_conflict():
    month = {"start": "2020-01-01", "end": "2020-01-31", "precision": "month", "text": "in January"}
    year = {"start": "2019-01-01", "end": "2019-12-31", "precision": "year", "text": "in 2019"}
    assert not dates_conflict(month, day("2020-01-08"))
    assert dates_conflict(month, day("2020-02-08"))
    assert not dates_conflict(year, day("2020-01-08"))
    a, b = doc(OWN_STORY), doc(THIRD_STORY)
    here = claim(a, date=day("2020-01-08"), location=AIN_AL_ASAD)
    there = claim(b, modality="reported", date=day("2020-01-07"), location="ent-erbil")
    assert contradictions([here, there], [a, b]) == []


def test_one_document_does_not_contradict_itself_on_details():
    a = doc(WIRE, "Reuters")
    first, second = claim(a, quantity=fatalities(7)), claim(a, modality="reported", quantity=fatalities(70))
    assert contradictions([first, second], [a]) == []
