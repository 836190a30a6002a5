"""Folders, paths as given, and texts given directly."""
from __future__ import annotations

import os

import pytest

from claimgraph.ingest import IngestError, read_paths, read_text

SENTENCE = "Iran's Quds Force trains and arms militias in {}.\n"


def test_folders_are_read_recursively_in_sorted_order(tmp_path):
    tree = {
        "b.txt": "Syria",
        "a/z.txt": "Iraq",
        "a/m/n.md": "Yemen",
        "a/.hidden.txt": "nowhere",
        "a-b.txt": "Lebanon",
        ".git/config.txt": "nowhere",
        "c/d/e.txt": "Bahrain",
        "A.txt": "Afghanistan",
    }
    for name, place in tree.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(SENTENCE.format(place), encoding="utf-8")
    results = list(read_paths([tmp_path]))
    assert not [r for r in results if isinstance(r, IngestError)]
    relative = [os.path.relpath(r.path, tmp_path) for r in results]
    assert relative == ["A.txt", "a/m/n.md", "a/z.txt", "a-b.txt", "b.txt", "c/d/e.txt"]


def test_hidden_file_given_explicitly_is_read(tmp_path):
    path = tmp_path / ".draft.txt"
    path.write_text(SENTENCE.format("Iraq"), encoding="utf-8")
    [doc] = read_paths([path])
    assert doc.text == SENTENCE.format("Iraq")


def test_paths_are_kept_as_given(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "x.txt").write_text(SENTENCE.format("Syria"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [d.path for d in read_paths(["docs"])] == [os.path.join("docs", "x.txt")]
    assert [d.path for d in read_paths("./docs/x.txt")] == ["./docs/x.txt"]


def test_symlink_loop_is_reported_once(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text(SENTENCE.format("Iraq"), encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "up")
    results = list(read_paths([tmp_path]))
    assert [r.path for r in results if not isinstance(r, IngestError)] == [str(tmp_path / "sub" / "x.txt")]
    assert [str(r) for r in results if isinstance(r, IngestError)] == [
        f"{tmp_path / 'sub' / 'up'}: folder already being read (symbolic link loop)"
    ]


def test_read_text_keeps_the_text_and_takes_metadata():
    text = "  WASHINGTON (Reuters) - The U.S. on Monday designated the IRGC.\r\n\r\nMore follows.  "
    doc = read_text(text, title="IRGC designated", published="2019-04-08T10:00:00", campaign="fto")
    assert doc.text == text
    assert doc.title == "IRGC designated"
    assert doc.published == "2019-04-08"
    assert doc.source == "Reuters"
    assert doc.path is None
    assert doc.format == "text"
    assert doc.extra == {"campaign": "fto"}
    assert doc.id == read_text(text).id


def test_read_text_does_not_take_front_matter():
    text = "---\ntitle: x\n---\nHezbollah is a Lebanese party.\n"
    assert read_text(text).text == text


def test_read_text_rejects_empty_text():
    with pytest.raises(IngestError) as raised:
        read_text(" \n ", path="api/post-1")
    assert str(raised.value) == "api/post-1: empty text"
