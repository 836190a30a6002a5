"""Genre from the cues in genre_cues.yaml; explicit genre always wins."""
from __future__ import annotations

import pytest

from claimgraph.ingest import read_paths
from claimgraph.ingest.genre import detect_genre, load_cues, score_genres
from claimgraph.model import GENRES

PRESS_RELEASE = """FOR IMMEDIATE RELEASE
Office of Public Affairs

Treasury Designates Individuals Tied to Plot Against Saudi Ambassador

The Department of the Treasury today designated five individuals, including senior officers of \
the IRGC-Qods Force, for their roles in a plot to murder the Saudi Ambassador to the United States. \
Any property of these persons under U.S. jurisdiction is frozen.

###
"""

LEGAL = """UNITED STATES DISTRICT COURT
SOUTHERN DISTRICT OF NEW YORK

UNITED STATES OF AMERICA v. MANSSOR ARBABSIAR, Defendant.

Case No. 11 Cr. 897

MEMORANDUM OPINION AND ORDER

The defendant pleaded guilty to conspiring with members of the Iranian military to murder a \
foreign ambassador. Having considered the submissions of the parties, the Court imposes the sentence below.

It is hereby ORDERED that the defendant be committed to the custody of the Bureau of Prisons.
"""

REPORT = """Country Reports on Terrorism: Iran

Executive Summary

Iran remained a state sponsor of terrorism and continued to support Hizballah, Palestinian groups \
and militias in Iraq and Syria through the IRGC-Qods Force.

Findings

Iran provided weapons, training and money to its partners across the region.

Recommendations

This report recommends that partners share information on Iran's financing networks.
"""

OPINION = """Why the world must stop looking away from the Quds Force

The Quds Force arms militias from Iraq to Yemen, and the international community should say so plainly. \
Unfortunately, too many governments still treat these groups as local actors.

We must name the force behind them. Sanctions should be enforced, and the militias should be disbanded.

The author is a political scientist.
"""

NEWS = """BAGHDAD (Reuters) - Iraqi officials said on Friday that a U.S. strike near Baghdad airport \
killed Iranian commander Qassem Soleimani and Abu Mahdi al-Muhandis, the deputy head of the \
Popular Mobilization Forces.

Iran's foreign minister told reporters the killing was an act of international terrorism.

(Reporting by Jane Roe; Editing by John Doe)
"""

VOA = """Iran-backed Houthis claim attack on ship in Red Sea

The Houthis said they had fired missiles at a commercial vessel in the Red Sea, according to a \
statement read by the group's military spokesman. The U.S. military said on Tuesday that no one was hurt.

VOA's Middle East correspondent contributed reporting.
"""

AGENCY = """WASHINGTON – Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC) \
designated a Lebanon-based financier of Hezbollah and two of his companies. “Hezbollah relies on \
financiers like these to pay for its violence,” said Under Secretary Jane Roe.
"""

WEEKDAYS = """Iraqi officials said a drone struck a convoy of Kata'ib Hezbollah near the Syrian border Sunday. \
The militia blamed Israel the next day, and Israeli officials declined to comment Monday.
"""

NEUTRAL = "Hezbollah is a Shia political party and armed group in Lebanon.\n"


@pytest.mark.parametrize(
    "text, genre",
    [
        (PRESS_RELEASE, "press_release"),
        (LEGAL, "legal"),
        (REPORT, "report"),
        (OPINION, "opinion"),
        (NEWS, "news"),
        (VOA, "news"),
        (AGENCY, "press_release"),
        (WEEKDAYS, "news"),
        (NEUTRAL, "unknown"),
    ],
)
def test_genre_of_each_kind_of_text(text, genre):
    assert detect_genre(text) == genre


def test_url_and_source_are_cues():
    text = "The Department said the designations target the IRGC's oil sales network.\n"
    assert detect_genre(text) == "unknown"
    assert detect_genre(text, url="https://home.treasury.gov/news/press-releases/sm1234") == "press_release"
    assert detect_genre(text, source="Reuters") == "news"
    assert detect_genre(text, title="Opinion: sanctions are not enough") == "opinion"


def test_source_trailer_of_an_opinion_outlet_is_weak_evidence():
    text = "Militias in Iraq answer to Tehran, and they should be treated as such.\n\nSource » arabnews\n"
    scores = score_genres(text)
    assert 0 < scores["opinion"] < 2
    assert detect_genre(text) == "unknown"


def test_a_tie_is_unknown():
    text = "FOR IMMEDIATE RELEASE\n\nUNITED STATES DISTRICT COURT\n"
    scores = score_genres(text)
    assert scores["press_release"] == scores["legal"] == 4
    assert detect_genre(text) == "unknown"


def test_cue_file_covers_every_genre():
    cues = load_cues()
    assert {cue.genre for cue in cues.cues} == set(GENRES) - {"unknown"}
    assert cues.threshold > 0


def test_custom_cue_file(tmp_path):
    path = tmp_path / "cues.yaml"
    path.write_text(
        "threshold: 1\n"
        "genres:\n"
        "  report:\n"
        "    - {phrase: 'annex', weight: 0.5, max: 3, fields: [tail]}\n"
        "  legal:\n"
        "    - {regex: '\\bSO ORDERED\\b', weight: 1, case: true}\n",
        encoding="utf-8",
    )
    cues = load_cues(path)
    # only the tail (last 1500 characters) is looked at, and at most three hits count
    assert detect_genre("Annex annex annex annex " + "x" * 3100, cues=cues) == "unknown"
    assert detect_genre("x" * 3100 + " Annex annex annex annex", cues=cues) == "report"
    assert score_genres("x" * 3100 + " Annex annex annex annex", cues=cues)["report"] == 1.5
    assert score_genres("Annex annex", cues=cues)["report"] == 1.0
    assert detect_genre("So ordered.", cues=cues) == "unknown"
    assert detect_genre("SO ORDERED.", cues=cues) == "legal"


def test_bad_cue_file_names_the_problem(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("genres:\n  blog:\n    - {phrase: x, weight: 1}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown genre 'blog'"):
        load_cues(path)


def test_genre_given_in_front_matter_wins(tmp_path):
    path = tmp_path / "release.txt"
    path.write_text("---\ngenre: report\n---\n" + PRESS_RELEASE, encoding="utf-8")
    [doc] = read_paths([path])
    assert doc.genre == "report"
    path.write_text(PRESS_RELEASE, encoding="utf-8")
    [doc] = read_paths([path])
    assert doc.genre == "press_release"


def test_page_section_is_a_cue(tmp_path):
    page = """<html lang="en"><head><meta property="article:section" content="Opinion"></head><body><article>
<p>Hezbollah's arsenal has grown since 2006, and Lebanon's government cannot control it.</p>
<p>Hezbollah's fighters returned from Syria with experience that no other Lebanese force has.</p>
</article></body></html>"""
    path = tmp_path / "column.html"
    path.write_text(page, encoding="utf-8")
    [doc] = read_paths([path])
    assert doc.extra["section"] == "Opinion"
    assert doc.genre == "opinion"
    path.write_text(page.replace("Opinion", "Sport"), encoding="utf-8")
    [doc] = read_paths([path])
    assert doc.genre == "unknown"


def test_front_matter_category_is_a_cue(tmp_path):
    path = tmp_path / "brief.md"
    path.write_text("---\ncategory: Reports\n---\nMilitias in Iraq detained hundreds of men in 2016.\n", encoding="utf-8")
    [doc] = read_paths([path])
    assert doc.genre == "report"
