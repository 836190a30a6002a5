"""Metadata read from the text: source, publication date, title, language."""
from __future__ import annotations

import datetime as dt

import pytest

from claimgraph.ingest.metadata import (
    detect_language,
    detect_published,
    detect_source,
    detect_title,
    make_document,
    split_metadata,
)

BODY = (
    "Iranian-backed militias launched drones at a base hosting U.S. troops, officials said. "
    "Kata'ib Hezbollah did not comment on the attack.\n"
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (BODY + "\nSource » arabnews\n", ("arabnews", None)),
        (BODY + "\nSource: Reuters\n\n", ("Reuters", None)),
        (BODY + "\nSOURCE - Voice of America", ("Voice of America", None)),
        (
            BODY + "\nSource: https://www.arabnews.com/node/1500000\n",
            ("arabnews.com", "https://www.arabnews.com/node/1500000"),
        ),
        # a reporting credit is not a source
        (BODY + "\n(Reporting by Jane Roe; Editing by John Doe)\n", (None, None)),
        ("DUBAI (Reuters) - " + BODY + "\n(Reporting by Jane Roe; Editing by John Doe)\n", ("Reuters", None)),
        ("BEIRUT (AP) — " + BODY, ("AP", None)),
        ("WASHINGTON, Oct. 11, 2011 (Reuters) - " + BODY, ("Reuters", None)),
        ("NEW YORK, Oct. 11, 2011 /PRNewswire/ -- " + BODY, ("PRNewswire", None)),
        ("Militias strike base\n\nBAGHDAD (AFP) -- " + BODY, ("AFP", None)),
        # a credit in the middle of a paragraph is not a dateline
        ("Officials said that BAGHDAD (AFP) - reported it. " + BODY, (None, None)),
        (BODY, (None, None)),
    ],
)
def test_detect_source(text, expected):
    assert detect_source(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("WASHINGTON, Oct. 11, 2011 (Reuters) - " + BODY, "2011-10-11"),
        ("BEIRUT, 11 October 2011 — " + BODY, "2011-10-11"),
        ("Militias strike base\n\n11 October 2011\n\n" + BODY, "2011-10-11"),
        ("Militias strike base\nBy Jane Roe | Sept. 5, 2019\n\n" + BODY, "2019-09-05"),
        ("Published: Tuesday, October 11, 2011 10:02 AM by the Example Monitor newsroom\n\n" + BODY, "2011-10-11"),
        ("2020-01-03\n" + BODY, "2020-01-03"),
        # dates in the body are dates of events, never the publication date
        (
            "Soleimani was killed in a U.S. strike near Baghdad airport on January 3, 2020, "
            "together with Abu Mahdi al-Muhandis, the leader of Kata'ib Hezbollah.\n",
            None,
        ),
        ("The group had 2011 fighters and 10 11 2011 rockets.\n", None),
        ("Feb 30, 2020\n" + BODY, None),
        (BODY, None),
    ],
)
def test_detect_published(text, expected):
    assert detect_published(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Militias strike U.S. base in Iraq\n\n" + BODY, "Militias strike U.S. base in Iraq"),
        ("\n  Who runs the PMF?  \r\n\r\n" + BODY, "Who runs the PMF?"),
        ("Militias strike a base.\n\n" + BODY, None),  # a sentence, not a heading
        ("Militias strike base\n" + BODY, None),  # no blank line after it
        ("M" * 151 + "\n\n" + BODY, None),
        ("2019\n\n" + BODY, None),
        ("Source » arabnews\n\n" + BODY, None),
        ("BEIRUT (AP) —\n\n" + BODY, None),
        ("IRGC - an overview\n\n" + BODY, "IRGC - an overview"),
        (BODY, None),
    ],
)
def test_detect_title(text, expected):
    assert detect_title(text) == expected


def test_detect_language():
    assert detect_language(BODY) == "en"
    assert detect_language("Die Hisbollah hat am Montag Raketen auf Stellungen im Norden Israels abgefeuert.") is None
    assert detect_language("IRGC") is None


def test_split_metadata_normalises_fields_and_keeps_the_rest():
    fields, rest = split_metadata(
        {
            "Title": "  Treasury   designates  ",
            "Outlet": "Example Monitor",
            "date": dt.date(2011, 10, 11),
            "Genre": "Op-Ed",
            "lang": "en-US",
            "id": 7,
        }
    )
    assert fields == {
        "title": "Treasury designates",
        "source": "Example Monitor",
        "published": "2011-10-11",
        "genre": "opinion",
        "language": "en",
    }
    assert rest == {"id": 7}


def test_split_metadata_keeps_values_it_cannot_read():
    fields, rest = split_metadata({"genre": "blog", "published": "last week", "date": "2 May 2021"})
    assert fields == {"published": "2021-05-02"}
    assert rest == {"genre_given": "blog", "published_given": "last week"}


def test_language_names_are_coded():
    fields, _ = split_metadata({"language": "English"})
    assert fields == {"language": "en"}


def test_explicit_metadata_wins_over_cues():
    text = "BEIRUT, 11 October 2011 (AP) — " + BODY + "\nSource » arabnews\n"
    doc = make_document(
        text, path=None, format="text", meta={"source": "Example Monitor", "published": "2011-10-12", "genre": "legal"}
    )
    assert (doc.source, doc.published, doc.genre) == ("Example Monitor", "2011-10-12", "legal")
    cued = make_document(text, path=None, format="text")
    assert (cued.source, cued.published) == ("arabnews", "2011-10-11")
    assert cued.text == text
