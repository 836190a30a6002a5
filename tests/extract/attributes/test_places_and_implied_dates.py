"""Where and when an event happened when the text says it only around it, on sentences written for
these tests: places on the target phrase ("a depot near Baalbek"), and the publication day of a
dated news report or press release as the latest day of an undated past event."""
from __future__ import annotations

import pytest

from claim_lookup import claim, eid
from claimgraph.model import Document


@pytest.fixture
def report(extractor):
    def run(text: str, genre: str = "news", published: str | None = "2024-03-14") -> Document:
        [doc] = list(extractor([Document(text=text, genre=genre, published=published)]))
        return doc
    return run


def test_a_place_on_the_target(extract):
    doc = extract("Israeli jets struck a Hezbollah weapons depot near Baalbek, the army said.")
    assert claim(doc, "Israel", "ASSAULT", "Hezbollah").attrs["location"] == eid(doc, "Baalbek")


def test_in_on_the_target(extract):
    doc = extract("Hezbollah fighters attacked an Israeli patrol in southern Lebanon.")
    assert claim(doc, "Hezbollah", "ASSAULT", "Israel").attrs["location"] == eid(doc, "South Lebanon")


def test_the_town_of(extract):
    doc = extract("Kata'ib Hizballah fired rockets at American troops near the town of al-Qaim.")
    assert claim(doc, "Kata'ib Hizballah", "ASSAULT", "United States").attrs["location"] == eid(doc, "Al-Qaim")


def test_an_undated_event_in_the_news_is_on_or_before_the_report(report):
    doc = report("Israeli jets struck a Hezbollah weapons depot near Baalbek, the army said.")
    assert claim(doc, "Israel", "ASSAULT", "Hezbollah").attrs["date"] == {
        "start": None, "end": "2024-03-14", "precision": "relative", "text": None, "implied": "published"}
    # what has not happened has no such date
    doc = report("Hezbollah plans to attack Israeli troops.")
    assert "date" not in claim(doc, "Hezbollah", "ASSAULT", "Israel").attrs


def test_the_texts_own_date_wins(report):
    doc = report("Israeli jets struck a Hezbollah weapons depot on Wednesday, the army said.")
    date = claim(doc, "Israel", "ASSAULT", "Hezbollah").attrs["date"]
    assert (date["start"], date["precision"], date["text"]) == ("2024-03-13", "day", "on Wednesday")


def test_no_implied_date_outside_reports_of_the_day(report):
    doc = report("Israeli jets struck a Hezbollah weapons depot.", genre="opinion")
    assert "date" not in claim(doc, "Israel", "ASSAULT", "Hezbollah").attrs
    doc = report("Israeli jets struck a Hezbollah weapons depot.", published=None)
    assert "date" not in claim(doc, "Israel", "ASSAULT", "Hezbollah").attrs


@pytest.mark.parametrize("text,doer,place", [
    ("Kata'ib Hezbollah attacked Al Asad Airbase on 3 March 2021.", "Kata'ib Hizballah", "Al Asad Airbase"),
    ("Kata'ib Hezbollah fired rockets at Camp Taji in March 2020.", "Kata'ib Hizballah", "Camp Taji"),
    ("Al-Shabaab militants stormed Baledogle Airfield in 2019.", "al-Shabaab", "Baledogle Airfield"),
    ("The Houthis struck the Abqaiq facility with drones.", "Houthis", "Abqaiq"),
    ("Hezbollah's attack on Camp Taji killed two soldiers.", "Hezbollah", "Camp Taji"),
])
def test_a_site_attacked_is_the_place_and_no_target(extract, text, doer, place):
    """A named site is where the attack happened; no actor was its target (it keeps no object),
    and a name ending in a site's word ("Airfield") is a place, not a person."""
    doc = extract(text)
    c = claim(doc, doer, "ASSAULT", None)
    assert c.attrs["location"] == eid(doc, place)
    assert next(e for e in doc.entities if e.name == place).type == "location"


def test_a_site_does_not_hide_the_actor_attacked_there(extract):
    doc = extract("Kata'ib Hezbollah attacked American troops at Camp Taji.")
    assert claim(doc, "Kata'ib Hizballah", "ASSAULT", "United States").attrs["location"] == eid(doc, "Camp Taji")
