"""Plain text files: exact decoding, front matter and metadata read from the text."""
from __future__ import annotations

import string

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from claimgraph.ingest import IngestError, read_paths
from claimgraph.model import Document

OPINION = """The Quds Force is the arm of Iran's Islamic Revolutionary Guard Corps that works abroad. \
It has trained, armed and paid militias in Iraq, Syria, Lebanon and Yemen for decades.

Its commander Qassem Soleimani was killed by a U.S. drone strike near Baghdad airport in January 2020. \
His successor, Esmail Qaani, took over a network that answers to Tehran.

The international community should not pretend that these militias act alone. \
We must name the force that arms them, and we must hold it to account.

Source » arabnews
"""


def only_documents(results):
    errors = [r for r in results if isinstance(r, IngestError)]
    assert not errors, [str(e) for e in errors]
    return results


def read_one(path) -> Document:
    results = only_documents(list(read_paths([path])))
    assert len(results) == 1
    return results[0]


def test_plain_text_with_source_trailer(tmp_path):
    path = tmp_path / "quds.txt"
    path.write_bytes(OPINION.encode("utf-8"))
    doc = read_one(path)
    assert doc.text == OPINION  # the trailer stays in the text
    assert doc.path == str(path)
    assert doc.format == "text"
    assert doc.source == "arabnews"
    assert doc.title is None  # the first line is a long paragraph
    assert doc.published is None  # "January 2020" in the body is not a publication date
    assert doc.language == "en"
    assert doc.genre == "opinion"
    assert doc.extra == {"encoding": "utf-8"}


def test_cp1252_text_is_decoded_right(tmp_path):
    text = (
        "Hezbollah’s “Radwan” unit was moved away from the border, the Lebanese army said.\n"
        "Le général a déclaré à l’agence que l’unité était partie — «non», a-t-il dit.\n"
    ) * 3
    path = tmp_path / "radwan.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = read_one(path)
    assert doc.text == text
    assert doc.extra["encoding"] == "cp1252"


def test_latin1_text_is_decoded_right(tmp_path):
    text = "Zürich, Genève and São Paulo were named in the Hezbollah financing case; Ærø was not.\n"
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    doc = read_one(path)
    assert doc.text == text


def test_crlf_is_kept_and_offsets_match_the_file(tmp_path):
    text = "IRGC designated\r\n\r\nThe United States designated the IRGC a foreign terrorist organization in April 2019.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = read_one(path)
    assert doc.text == text
    start = doc.text.index("IRGC a foreign")
    assert path.read_bytes().decode("utf-8")[start : start + 4] == "IRGC"
    assert doc.title == "IRGC designated"


def test_utf8_bom_is_not_part_of_the_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHezbollah was founded in Lebanon in 1982.\n")
    doc = read_one(path)
    assert doc.text == "Hezbollah was founded in Lebanon in 1982.\n"
    assert doc.extra["encoding"] == "utf-8-sig"


def test_front_matter_gives_metadata_and_is_removed(tmp_path):
    body = "Hezbollah said on Monday that it had fired rockets at Israeli positions.\n"
    text = (
        "---\n"
        "title: Hezbollah fires at Shebaa Farms\n"
        "outlet: Example Wire\n"
        "url: https://example.org/hezbollah\n"
        "date: 2023-10-09\n"
        "genre: news\n"
        "language: English\n"
        "author: A. Writer\n"
        "tags: [Lebanon, Israel]\n"
        "---\n"
        "\n" + body
    )
    path = tmp_path / "front.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = read_one(path)
    assert doc.text == body
    assert text[doc.extra["text_offset"] :] == body
    assert doc.title == "Hezbollah fires at Shebaa Farms"
    assert doc.source == "Example Wire"
    assert doc.url == "https://example.org/hezbollah"
    assert doc.published == "2023-10-09"
    assert doc.genre == "news"
    assert doc.language == "en"
    assert doc.extra["author"] == "A. Writer"
    assert doc.extra["tags"] == ["Lebanon", "Israel"]


def test_front_matter_wins_over_cues(tmp_path):
    text = (
        "---\nsource: State Department\npublished: 1 June 2020\ngenre: report\n---\n"
        "WASHINGTON (Reuters) - Officials said on Tuesday that Iran remained a state sponsor of terrorism.\n"
    )
    path = tmp_path / "given.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = read_one(path)
    assert (doc.source, doc.published, doc.genre) == ("State Department", "2020-06-01", "report")


def test_a_date_that_does_not_parse_is_kept_in_extra(tmp_path):
    text = "---\ndate: sometime in spring\n---\nThe IRGC was founded in 1979 after the revolution.\n"
    path = tmp_path / "baddate.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = read_one(path)
    assert doc.published is None
    assert doc.extra["published_given"] == "sometime in spring"


def test_dashes_that_are_not_yaml_front_matter_stay(tmp_path):
    text = "---\nHezbollah and Amal\n---\nBoth are Shia parties in Lebanon.\n"
    path = tmp_path / "rule.txt"
    path.write_bytes(text.encode("utf-8"))
    assert read_one(path).text == text


def test_file_without_extension_is_read_as_text(tmp_path):
    path = tmp_path / "NOTES"
    path.write_bytes(b"Kata'ib Hezbollah is an Iraqi militia backed by Iran.\n")
    doc = read_one(path)
    assert doc.format == "text"
    assert doc.text.startswith("Kata'ib Hezbollah")


def test_same_text_twice_is_the_same_document(tmp_path):
    (tmp_path / "a.txt").write_bytes(OPINION.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(OPINION.encode("utf-8"))
    first, second = only_documents(list(read_paths([tmp_path])))
    assert first.id == second.id
    assert first.path != second.path


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), min_size=1))
def test_random_utf8_text_is_kept_exactly(tmp_path, text):
    assume(text.strip())
    assume(not text.startswith("---"))  # that would be front matter
    path = tmp_path / "random.txt"
    raw = text.encode("utf-8")
    path.write_bytes(raw)
    [doc] = read_paths([path])
    assert isinstance(doc, Document), str(doc)
    assert doc.text == raw.decode("utf-8-sig")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=string.ascii_letters + " .,'", min_size=1), min_size=1, max_size=5))
def test_random_line_endings_are_kept(tmp_path, lines):
    text = "\r\n".join(lines) + "\r\nThe Houthis are backed by Iran.\r"
    path = tmp_path / "endings.txt"
    path.write_bytes(text.encode("utf-8"))
    [doc] = read_paths([path])
    assert doc.text == text


MOSTLY_UTF8 = ("The IRGC’s commander said on Monday that the army attacked the town. " * 40).encode() + (
    "Café Radwan.".encode("cp1252") + b"\n"
)


def test_mixed_utf8_is_an_error_naming_the_file_not_mojibake(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(MOSTLY_UTF8)  # read before as mac_iceland: "IRGC‚Äôs", "CafÈ"
    good = tmp_path / "z_good.txt"
    good.write_text("The army attacked the town on Monday, officials said.\n")
    error, doc = read_paths([tmp_path])
    assert str(error) == (
        f"{path}: undecodable text: not valid UTF-8 (byte 0xe9 at offset 2843) though most of it is: "
        "mixed encodings; convert the file to UTF-8 (or read it with --replace-undecodable)"
    )
    assert doc.path == str(good)


def test_mixed_utf8_with_replacement_counted(tmp_path):
    path = tmp_path / "mixed.md"
    path.write_bytes(b"# A title\n\n" + MOSTLY_UTF8 + "An old \ufffd kept.\n".encode() + b"\xff\xfe\n")
    [doc] = read_paths([path], replace_undecodable=True)
    assert "IRGC’s" in doc.text and "Caf\ufffd Radwan." in doc.text
    assert doc.extra["encoding"] == "utf-8 (replaced)"
    assert doc.extra["replaced_characters"] == 3  # é, \xff, \xfe; the U+FFFD of the file not counted


def test_single_byte_code_page_still_read_with_the_flag(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("The minister’s “statement” on Monday, café.\n".encode("cp1252"))
    [doc] = read_paths([path], replace_undecodable=True)
    assert doc.text == "The minister’s “statement” on Monday, café.\n"
    assert "replaced_characters" not in doc.extra


def test_undecodable_with_flag_stored_with_count(tmp_path):
    """Through the CLI into a real SQLite store: the document is stored, its count in its extra."""
    import json
    import sqlite3
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "mixed.txt"
    path.write_bytes(MOSTLY_UTF8)
    db = tmp_path / "store.db"
    claimgraph = str(Path(sys.executable).with_name("claimgraph"))
    run = subprocess.run([claimgraph, "ingest", "--db", str(db), "--no-resolve", str(path)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1 and "mixed encodings" in run.stderr
    run = subprocess.run([claimgraph, "ingest", "--db", str(db), "--no-resolve", "--replace-undecodable", str(path)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    with sqlite3.connect(db) as con:
        [(extra,)] = con.execute("SELECT extra FROM documents").fetchall()
    extra = json.loads(extra) if isinstance(extra, str) else extra
    assert extra["replaced_characters"] == 1 and extra["encoding"] == "utf-8 (replaced)"
