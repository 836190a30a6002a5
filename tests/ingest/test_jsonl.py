"""JSON Lines: one document per line; a bad line is an error naming it, the others are read."""
from __future__ import annotations

import json

from claimgraph.ingest import IngestError, read_paths
from claimgraph.ingest.reader import read_file
from claimgraph.model import Document

GOOD = {
    "id": "iw-1",
    "text": "The United States designated Kata'ib Hezbollah a foreign terrorist organization in 2009.",
    "title": "Kata'ib Hezbollah designated",
    "source": "Example Monitor",
    "url": "https://example.org/kh",
    "date": "July 2, 2009",
    "genre": "press release",
    "language": "en",
    "region": "Iraq",
}


def test_jsonl_lines_and_their_errors(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(GOOD),
        '{"text": "Hezbollah was founded in 1982", }',
        json.dumps({"title": "no text here"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": "   "}),
        json.dumps({"text": "The Houthis seized the Galaxy Leader ship in November 2023.\r\nIt was taken to Hodeidah."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_paths([path]))
    docs = [r for r in results if not isinstance(r, IngestError)]
    errors = [str(r) for r in results if isinstance(r, IngestError)]
    assert errors == [
        f"{path}:2: malformed JSON: Expecting property name enclosed in double quotes (column 43)",
        f'{path}:3: no non-empty "text" field ("text" is missing)',
        f"{path}:4: a JSONL line must be a JSON object, not an array",
        f'{path}:6: no non-empty "text" field ("text" is empty or only whitespace)',
    ]
    assert [d.path for d in docs] == [f"{path}#1", f"{path}#7"]
    first, last = docs
    assert first.text == GOOD["text"]
    assert first.title == "Kata'ib Hezbollah designated"
    assert first.source == "Example Monitor"
    assert first.url == "https://example.org/kh"
    assert first.published == "2009-07-02"
    assert first.genre == "press_release"
    assert first.format == "jsonl"
    assert first.extra == {"id": "iw-1", "region": "Iraq", "encoding": "utf-8", "line": 1}
    assert last.text == "The Houthis seized the Galaxy Leader ship in November 2023.\r\nIt was taken to Hodeidah."


def test_error_order_follows_the_file(tmp_path):
    path = tmp_path / "order.ndjson"
    path.write_text(
        "\n".join([json.dumps({"text": "The IRGC Navy seized a tanker."}), "{bad", json.dumps({"text": "Iran denied it."})]),
        encoding="utf-8",
    )
    kinds = ["error" if isinstance(r, IngestError) else r.path for r in read_paths([path])]
    assert kinds == [f"{path}#1", "error", f"{path}#3"]


def test_text_of_wrong_type(tmp_path):
    path = tmp_path / "types.jsonl"
    path.write_text(json.dumps({"text": 42}) + "\n", encoding="utf-8")
    [error] = read_paths([path])
    assert error.line == 1
    assert error.message == 'no non-empty "text" field ("text" is a number, not a string)'


def test_a_json_file_is_one_document_or_an_array_of_them(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "Hezbollah fired rockets.", "title": "Rockets", "source": "AP",
                               "published": "2020-01-02"}), encoding="utf-8")
    (doc,) = list(read_file(str(one)))
    assert (doc.text, doc.title, doc.source, doc.published, doc.format) == (
        "Hezbollah fired rockets.", "Rockets", "AP", "2020-01-02", "json")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "First."}, 3, {"title": "no text"}, {"text": "Second."}]), encoding="utf-8")
    results = list(read_file(str(many)))
    assert [r.text for r in results if isinstance(r, Document)] == ["First.", "Second."]
    errors = [str(r) for r in results if isinstance(r, IngestError)]
    assert len(errors) == 2 and "item 1" in errors[0] and "item 2" in errors[1] and '"text"' in errors[1]
    bad = tmp_path / "bad.json"
    bad.write_text('{"text": "unterminated', encoding="utf-8")
    (err,) = list(read_file(str(bad)))
    assert isinstance(err, IngestError) and "malformed JSON" in str(err) and "bad.json" in str(err)


def test_hostile_lines_are_their_own_errors(tmp_path):
    """Each hostile line is that line's one error; the lines around it are still read."""
    path = tmp_path / "hostile.jsonl"
    good = json.dumps({"text": "The army attacked the town on Monday, officials said."})
    lines = [
        good,
        '{"text": "A lone \\ud800 surrogate in the text."}',
        '{"text": "A number in the metadata.", "count": ' + "7" * 5000 + "}",
        '{"text": "Deep.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"text": "Not so deep, still too deep.", "x": ' + "[" * 200 + "]" * 200 + "}",
        '{"text": "A NUL \\u0000 escape."}',
        '{"text": "A NUL in metadata.", "author": "Jane\\u0000Roe"}',
        '{"text": "A float out of range.", "x": 1' + "0" * 400 + '.5}',
        '{"text": "Not a number.", "x": NaN}',
        good.replace("Monday", "Tuesday"),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_paths([path]))
    assert [type(r).__name__ for r in results] == ["Document"] + ["IngestError"] * 8 + ["Document"]
    errors = [str(r) for r in results[1:-1]]
    assert errors == [
        f"{path}:2: refused JSON: a string contains a lone surrogate (\\ud800), which is not text",
        f"{path}:3: refused JSON: number of 5,000 digits (the most is 100)",
        f"{path}:4: refused JSON: nested deeper than 64 levels",
        f"{path}:5: refused JSON: nested deeper than 64 levels",
        f"{path}:6: refused JSON: a string contains a NUL character (\\u0000), as a binary file does",
        f"{path}:7: refused JSON: a string contains a NUL character (\\u0000), as a binary file does",
        f"{path}:8: refused JSON: number of 402 digits (the most is 100)",
        f"{path}:9: refused JSON: NaN is not a JSON number",
    ]
    assert results[-1].path == f"{path}#10"
    for doc in (results[0], results[-1]):
        doc.text.encode("utf-8")  # storable


def test_hostile_json_file_and_array_items(tmp_path):
    path = tmp_path / "items.json"
    path.write_text('[{"text": "Fine text, the army said."}, {"text": "x", "n": 1e999}]')
    [error] = read_paths([path])  # a number is refused while the file is parsed: the file's error
    assert str(error) == f"{path}: refused JSON: number 1e999 is out of range"
    deep = tmp_path / "deep.json"
    deep.write_text('{"text": "t", "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    [error] = read_paths([deep])
    assert str(error) == f"{deep}: refused JSON: nested deeper than 64 levels"
    nul = tmp_path / "nul.json"
    nul.write_text('[{"text": "Fine text, the army said."}, {"text": "bad \\u0000"}]')
    results = list(read_paths([nul]))
    assert isinstance(results[0], Document)
    assert str(results[1]) == f"{nul}: item 1: refused JSON: a string contains a NUL character (\\u0000), as a binary file does"
