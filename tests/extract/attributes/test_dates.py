"""Date expressions: resolution on plain strings, attachment to triggers on parsed sentences
written for these tests."""
from __future__ import annotations

import pytest

from claimgraph.extract.attributes.dates import date_for, date_spans, resolve_date

FRIDAY = "2020-03-13"  # a Friday


def span(text: str, published: str | None = None) -> tuple | None:
    found = resolve_date(text, published)
    return (found["start"], found["end"], found["precision"]) if found else None


@pytest.mark.parametrize("text, expected", [
    ("in 2011", ("2011-01-01", "2011-12-31", "year")),
    ("2011", ("2011-01-01", "2011-12-31", "year")),
    ("the 2005 assassination", ("2005-01-01", "2005-12-31", "year")),
    ("in mid-2014", ("2014-01-01", "2014-12-31", "year")),
    ("March 11, 2020", ("2020-03-11", "2020-03-11", "day")),
    ("11 March 2020", ("2020-03-11", "2020-03-11", "day")),
    ("Mar. 11, 2020", ("2020-03-11", "2020-03-11", "day")),
    ("on the 4th of July, 2019", ("2019-07-04", "2019-07-04", "day")),
    ("on Tuesday, Sept. 8, 2015", ("2015-09-08", "2015-09-08", "day")),
    ("2020-03-11", ("2020-03-11", "2020-03-11", "day")),
    ("October 2018", ("2018-10-01", "2018-10-31", "month")),
    ("in February 2016", ("2016-02-01", "2016-02-29", "month")),
    ("the 1980s", ("1980-01-01", "1989-12-31", "decade")),
    ("the early 1990s", ("1990-01-01", "1999-12-31", "decade")),
    ("9/11", ("2001-09-11", "2001-09-11", "day")),
    ("since 2014", ("2014-01-01", None, "year")),
    ("since March 2019", ("2019-03-01", None, "month")),
    ("until 2016", (None, "2016-12-31", "year")),
    ("between 2012 and 2014", ("2012-01-01", "2014-12-31", "year")),
    ("from 2012 to 2014", ("2012-01-01", "2014-12-31", "year")),
    ("from May 2012 to 2014", ("2012-05-01", "2014-12-31", "year")),
    ("2012-14", ("2012-01-01", "2014-12-31", "year")),
])
def test_absolute_expressions(text, expected):
    assert span(text) == expected
    assert span(text, FRIDAY) == expected  # a publication date changes nothing here
    assert resolve_date(text)["text"] == text


@pytest.mark.parametrize("text, expected", [
    ("on Friday", ("2020-03-13", "2020-03-13", "day")),  # the publication day itself
    ("Tuesday", ("2020-03-10", "2020-03-10", "day")),
    ("on Saturday night", ("2020-03-07", "2020-03-07", "day")),
    ("last Friday", ("2020-03-06", "2020-03-06", "day")),
    ("yesterday", ("2020-03-12", "2020-03-12", "day")),
    ("today", ("2020-03-13", "2020-03-13", "day")),
    ("last week", ("2020-03-02", "2020-03-08", "day")),
    ("this month", ("2020-03-01", "2020-03-31", "month")),
    ("last month", ("2020-02-01", "2020-02-29", "month")),
    ("last year", ("2019-01-01", "2019-12-31", "year")),
    ("earlier this year", ("2020-01-01", "2020-03-13", "year")),
    ("three days ago", ("2020-03-10", "2020-03-10", "day")),
    ("two years ago", ("2018-01-01", "2018-12-31", "year")),
    ("on March 2", ("2020-03-02", "2020-03-02", "day")),
    ("on December 24", ("2019-12-24", "2019-12-24", "day")),  # not a day after publication
    ("in May", ("2019-05-01", "2019-05-31", "month")),
])
def test_deictic_expressions_count_back_from_publication(text, expected):
    assert span(text, FRIDAY) == expected
    assert span(text) == (None, None, "relative")


@pytest.mark.parametrize("text", ["recently", "earlier", "previously", "in recent years",
                                  "over the past few months", "a few weeks ago"])
def test_vague_expressions_are_relative(text):
    assert span(text) == (None, None, "relative")
    assert span(text, FRIDAY) == (None, FRIDAY, "relative")


@pytest.mark.parametrize("text", [
    "Resolution 2231", "Resolution 2020", "Executive Order 13224", "Camp 22", "Vision 2030",
    "2000 Main Street", "1600 Pennsylvania Avenue", "call 202-555-0143", "room 2011",
    "2000 fighters", "2000 Iraqi fighters", "$2011", "2,011 people", "No. 1999", "20,000",
    "the year 2525", "1850", "serial 2019-4471", "USA Today", "",
])
def test_numbers_that_are_not_dates(text):
    assert resolve_date(text, FRIDAY) is None


def test_resolve_date_returns_a_fresh_dict():
    first = resolve_date("in 2011")
    first["start"] = "changed"
    assert resolve_date("in 2011")["start"] == "2011-01-01"


def token(doc, text: str, nth: int = 0):
    hits = [t for t in doc.spacy_doc if t.text == text]
    assert len(hits) > nth, f"no {text!r} in {doc.text!r}"
    return hits[nth]


def test_date_of_the_trigger_clause(extract):
    doc = extract("The Quds Force plotted to kill the Saudi ambassador in 2011.")
    for trigger in ("plotted", "kill"):
        found = date_for(token(doc, trigger))
        assert (found["start"], found["end"], found["precision"], found["text"]) == \
            ("2011-01-01", "2011-12-31", "year", "in 2011")


def test_a_year_modifying_an_event_noun_is_that_events(extract):
    doc = extract("Police arrested three men after the 2005 assassination of Rafik Hariri.")
    assert date_for(token(doc, "assassination"))["start"] == "2005-01-01"
    assert date_for(token(doc, "arrested")) is None


def test_each_clause_keeps_its_own_date(extract):
    doc = extract("Soleimani, who was killed in 2020, had met Nasrallah in 2019.")
    assert date_for(token(doc, "killed"))["start"] == "2020-01-01"
    assert date_for(token(doc, "met"))["start"] == "2019-01-01"


def test_a_possessive_date_is_its_nouns(extract):
    doc = extract("Officials blamed Kataib Hezbollah for Tuesday's rocket attack on the embassy.")
    assert date_for(token(doc, "attack"), FRIDAY)["start"] == "2020-03-10"
    assert date_for(token(doc, "blamed"), FRIDAY) is None


def test_a_vague_word_modifying_a_noun_dates_nothing(extract):
    doc = extract("Earlier reports said the militia attacked the convoy.")
    assert date_for(token(doc, "said"), FRIDAY) is None
    assert date_for(token(doc, "attacked"), FRIDAY) is None


def test_a_reported_clause_keeps_its_own_date(extract):
    doc = extract("Officials said on Monday that the militia attacked the base on Saturday.")
    assert date_for(token(doc, "said"), FRIDAY)["start"] == "2020-03-09"
    assert date_for(token(doc, "attacked"), FRIDAY)["start"] == "2020-03-07"


def test_weekday_as_bare_modifier_and_participle_clause(extract):
    doc = extract("Militants attacked the base Tuesday, killing two soldiers.")
    for trigger in ("attacked", "killing"):
        assert date_for(token(doc, trigger), FRIDAY)["start"] == "2020-03-10"
    assert date_for(token(doc, "attacked"))["precision"] == "relative"


def test_event_noun_takes_the_date_of_its_light_verb(extract):
    doc = extract("The militia launched an attack on the base on March 11, 2020.")
    found = date_for(token(doc, "attack"))
    assert (found["start"], found["precision"]) == ("2020-03-11", "day")


def test_span_trigger_and_known_dated_event(extract):
    doc = extract("The group may have been behind the 9/11 attacks.")
    sdoc = doc.spacy_doc
    attacks = token(doc, "attacks")
    found = date_for(sdoc[attacks.i - 2:attacks.i + 1])  # "the 9/11 attacks"
    assert (found["start"], found["precision"]) == ("2001-09-11", "day")


@pytest.mark.parametrize("text, trigger, expected", [
    ("Hezbollah has led the coalition since 2014.", "led", ("2014-01-01", None, "year")),
    ("From 2012 to 2014, the Quds Force trained fighters in Iran.", "trained",
     ("2012-01-01", "2014-12-31", "year")),
    ("The IRGC deployed troops to Syria between 2012 and 2014.", "deployed",
     ("2012-01-01", "2014-12-31", "year")),
    ("The group was founded in the 1980s in Lebanon.", "founded", ("1980-01-01", "1989-12-31", "decade")),
    ("In October 2018, the United States sanctioned the bank.", "sanctioned",
     ("2018-10-01", "2018-10-31", "month")),
])
def test_spans_and_coarse_dates(extract, text, trigger, expected):
    found = date_for(token(extract(text), trigger))
    assert (found["start"], found["end"], found["precision"]) == expected


def test_date_after_a_coordination_scopes_over_it(extract):
    doc = extract("The cell is accused of plans to bomb the embassies and to assassinate the envoy in 2011.")
    assert date_for(token(doc, "bomb"))["start"] == "2011-01-01"
    doc = extract("He founded the group in 1982 and leads it.")
    assert date_for(token(doc, "founded"))["start"] == "1982-01-01"
    assert date_for(token(doc, "leads")) is None


def test_vague_date_on_the_trigger(extract):
    doc = extract("The group was founded in 1982 and recently expanded its operations.")
    assert date_for(token(doc, "expanded"), FRIDAY) == {
        "start": None, "end": FRIDAY, "precision": "relative", "text": "recently"}
    assert date_for(token(doc, "founded"), FRIDAY)["start"] == "1982-01-01"


@pytest.mark.parametrize("text, trigger", [
    ("The Security Council adopted Resolution 2231 after the talks.", "adopted"),
    ("The Treasury acted under Executive Order 13224 against the bank.", "acted"),
    ("Guards detained the men at Camp 22 near the border.", "detained"),
    ("Protesters gathered at 2000 Main Street and called 202-555-0143.", "gathered"),
    ("Iran has sent 2000 fighters to Syria.", "sent"),
])
def test_numbers_in_sentences_that_are_not_dates(extract, text, trigger):
    doc = extract(text)
    assert date_for(token(doc, trigger), FRIDAY) is None
    assert date_spans(doc.spacy_doc) == []


def test_date_spans_are_found_once_per_document(extract):
    doc = extract("On Friday the militia struck. In 2019 it had struck twice.").spacy_doc
    first = date_spans(doc)
    assert [doc[s:e].text for s, e, _ in first] == ["On Friday", "In 2019"]
    assert date_spans(doc) is first
