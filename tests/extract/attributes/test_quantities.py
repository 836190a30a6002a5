"""Quantities: sums of money and numbers on plain strings, casualty and head counts attached to
triggers on parsed sentences written for these tests."""
from __future__ import annotations

import pytest

from claimgraph.extract.attributes.quantities import number_runs, parse_money, parse_number, quantity_for


@pytest.mark.parametrize("text, amount, unit, per", [
    ("some $2 million a month", 2_000_000, "USD", "month"),
    ("$100,000", 100_000, "USD", None),
    ("$1.5 million", 1_500_000, "USD", None),
    ("USD 5 million per year", 5_000_000, "USD", "year"),
    ("€3 million annually", 3_000_000, "EUR", "year"),
    ("2 million dollars", 2_000_000, "USD", None),
    ("£1bn", 1_000_000_000, "GBP", None),
    ("$700m a year", 700_000_000, "USD", "year"),
    ("20 million euros", 20_000_000, "EUR", None),
    ("IRR 10 billion", 10_000_000_000, "IRR", None),
    ("10 billion Iranian rials", 10_000_000_000, "IRR", None),
    ("50 million Saudi riyals each month", 50_000_000, "SAR", "month"),
    ("two million dollars a day", 2_000_000, "USD", "day"),
    ("half a million dollars", 500_000, "USD", None),
    ("US$5 million every week", 5_000_000, "USD", "week"),
    ("$5-million", 5_000_000, "USD", None),
    ("$3.2 bn", 3_200_000_000, "USD", None),
    ("5 million USD monthly", 5_000_000, "USD", "month"),
])
def test_parse_money(text, amount, unit, per):
    assert parse_money(text) == {"amount": amount, "unit": unit, "per": per}


def test_money_bounds_are_kept():
    assert parse_money("more than $1 billion a year") == {
        "amount": 1_000_000_000, "unit": "USD", "per": "year", "qualifier": "more than"}


@pytest.mark.parametrize("text", [
    "Resolution 2231", "Executive Order 13224", "Camp 22", "call 202-555-0143",
    "500 pounds of explosives", "millions of people", "the CIA 2011", "ABC 100", "$", "",
    "1600 Pennsylvania Avenue",
])
def test_not_money(text):
    assert parse_money(text) is None


@pytest.mark.parametrize("text, amount, unit, per", [
    ("millions of dollars", 2_000_000, "USD", None),
    ("tens of millions of euros a year", 20_000_000, "EUR", "year"),
    ("hundreds of thousands of dollars", 200_000, "USD", None),
])
def test_vague_sums_are_their_least_value(text, amount, unit, per):
    """Like "dozens" of people, "millions of dollars" is at least its least value."""
    assert parse_money(text) == {"amount": amount, "unit": unit, "per": per, "approximate": True,
                                 "qualifier": "at least"}


def test_a_period_needs_to_be_a_period():
    assert parse_money("$2 million a year ago")["per"] is None


@pytest.mark.parametrize("text, value", [
    ("three", 3), ("twenty-five", 25), ("a dozen", 12), ("two million", 2_000_000),
    ("1.5 billion", 1_500_000_000), ("20,000", 20_000), ("one hundred and twenty", 120),
    ("half a million", 500_000), ("700m", 700_000_000), ("thirty three thousand", 33_000),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["third", "2,00", "a", "202 555", "many", ""])
def test_parse_number_refuses(text):
    assert parse_number(text) is None


def token(doc, text: str):
    hits = [t for t in doc.spacy_doc if t.text == text]
    assert hits, f"no {text!r} in {doc.text!r}"
    return hits[0]


@pytest.mark.parametrize("text, trigger, expected", [
    ("Kataib Hezbollah receives some $2 million a month from Iran.", "receives",
     {"amount": 2_000_000, "unit": "USD", "per": "month"}),
    ("Iran gives Hezbollah $700m a year, according to US officials.", "gives",
     {"amount": 700_000_000, "unit": "USD", "per": "year"}),
    ("Tehran transferred two million dollars to the militia.", "transferred",
     {"amount": 2_000_000, "unit": "USD", "per": None}),
    ("The Quds Force provided an annual budget of $700 million to Hezbollah.", "provided",
     {"amount": 700_000_000, "unit": "USD", "per": "year"}),
])
def test_money_of_a_trigger(extract, text, trigger, expected):
    assert quantity_for(token(extract(text), trigger)) == expected


@pytest.mark.parametrize("text, trigger, expected", [
    ("The strike killed three members of Kataib Hezbollah.", "killed", {"amount": 3, "unit": "fatalities"}),
    ("The strike killed three members of Kataib Hezbollah.", "strike", {"amount": 3, "unit": "fatalities"}),
    ("Gunmen killed 80 people and wounded dozens near Camp 22.", "killed", {"amount": 80, "unit": "fatalities"}),
    ("Gunmen killed 80 people and wounded dozens near Camp 22.", "wounded",
     {"amount": 24, "unit": "injured", "approximate": True, "qualifier": "at least"}),
    ("The bombing left at least seven dead in Baghdad.", "bombing",
     {"amount": 7, "unit": "fatalities", "approximate": True, "qualifier": "at least"}),
    ("The bombing left at least seven dead and wounded 12 others.", "wounded", {"amount": 12, "unit": "injured"}),
    ("Three soldiers were killed and five were wounded in the ambush.", "killed",
     {"amount": 3, "unit": "fatalities"}),
    ("Three soldiers were killed and five were wounded in the ambush.", "wounded",
     {"amount": 5, "unit": "injured"}),
    ("Militants attacked the base, killing two soldiers and a dozen civilians.", "attacked",
     {"amount": 14, "unit": "fatalities"}),
    ("The death toll rose to 40 on Sunday.", "rose", {"amount": 40, "unit": "fatalities"}),
    ("The militias killed hundreds of American soldiers with roadside bombs.", "killed",
     {"amount": 200, "unit": "fatalities", "approximate": True, "qualifier": "at least"}),
    ("Dozens of fighters died in the battle.", "died",
     {"amount": 24, "unit": "fatalities", "approximate": True, "qualifier": "at least"}),
])
def test_casualties_of_a_trigger(extract, text, trigger, expected):
    assert quantity_for(token(extract(text), trigger)) == expected


@pytest.mark.parametrize("text, trigger, expected", [
    ("Hezbollah has roughly 20,000 members, according to estimates.", "has",
     {"amount": 20_000, "unit": "members", "approximate": True}),
    ("The militia commands 10,000 fighters in the south.", "commands", {"amount": 10_000, "unit": "fighters"}),
    ("The IRGC deployed 5,000 troops to Syria in 2015.", "deployed", {"amount": 5_000, "unit": "troops"}),
    ("The group sent more than two thousand fighters to Aleppo.", "sent",
     {"amount": 2_000, "unit": "fighters", "approximate": True, "qualifier": "more than"}),
    ("The Quds Force trained thousands of fighters in Iran.", "trained",
     {"amount": 2_000, "unit": "fighters", "approximate": True, "qualifier": "at least"}),
    ("Iran has sent 2000 fighters to Syria.", "sent", {"amount": 2_000, "unit": "fighters"}),
])
def test_personnel_of_a_trigger(extract, text, trigger, expected):
    assert quantity_for(token(extract(text), trigger)) == expected


@pytest.mark.parametrize("text, trigger", [
    ("The Security Council adopted Resolution 2231 after the talks.", "adopted"),
    ("The Treasury designated the bank under Executive Order 13224.", "designated"),
    ("Guards detained the men at Camp 22 in 2019.", "detained"),
    ("Protesters gathered at 2000 Main Street and called 202-555-0143.", "gathered"),
    ("Soleimani, who commanded 5,000 fighters, met Nasrallah in Beirut.", "met"),  # another clause
    ("The envoy met 40 officials in Baghdad.", "met"),  # a count, but of no casualty or force
    ("Hundreds of supporters gathered outside the embassy.", "gathered"),  # a crowd is no force
])
def test_no_quantity(extract, text, trigger):
    assert quantity_for(token(extract(text), trigger)) is None


def test_number_runs_skip_glued_numbers(extract):
    doc = extract("Call 202-555-0143 or ask for two hundred and fifty forms.").spacy_doc
    assert [r.text for r in number_runs(next(iter(doc.sents)))] == ["two hundred and fifty"]
