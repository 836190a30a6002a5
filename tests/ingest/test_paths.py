"""File names that are not valid UTF-8: stored with a lossless escape that gives the name back."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings, strategies as st

from claimgraph.ingest import IngestError, read_paths
from claimgraph.ingest.paths import escape_path, unescape_path
from claimgraph.model import Document

TEXT = "The army attacked the town of Qusayr on Monday, officials said.\n"


def _name(folder: Path, raw: bytes) -> str:
    return os.fsdecode(os.path.join(os.fsencode(folder), raw))


def test_latin1_file_name_read_stored_and_given_back(tmp_path):
    store_dir, tmp_path = tmp_path, tmp_path / "docs"
    tmp_path.mkdir()
    path = _name(tmp_path, b"caf\xe9.txt")
    with open(path, "w") as file:
        file.write(TEXT)
    feed = _name(tmp_path, b"feed\xff.jsonl")
    with open(feed, "w") as file:
        file.write(json.dumps({"text": TEXT.replace("Monday", "Tuesday")}) + "\n")
    doc, line = read_paths([tmp_path])
    assert doc.path == f"{tmp_path}/caf\\xe9.txt"
    assert line.path == f"{tmp_path}/feed\\xff.jsonl#1"
    doc.path.encode("utf-8")  # storable as it is
    assert os.fsencode(unescape_path(doc.path)) == os.fsencode(path)
    with open(unescape_path(doc.path)) as file:
        assert file.read() == TEXT

    db = store_dir / "store.db"
    claimgraph = str(Path(sys.executable).with_name("claimgraph"))
    for _ in range(2):  # the second run stores nothing twice
        run = subprocess.run([claimgraph, "ingest", "--db", str(db), "--no-resolve", str(tmp_path)],
                             capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr[-2000:]
    with sqlite3.connect(db) as con:
        paths = sorted(p for (p,) in con.execute("SELECT path FROM documents"))
    assert paths == [f"{tmp_path}/caf\\xe9.txt", f"{tmp_path}/feed\\xff.jsonl#1"]


def test_error_names_the_file_escaped(tmp_path):
    path = _name(tmp_path, b"empty\xe9.txt")
    open(path, "w").close()
    [error] = read_paths([path])
    assert isinstance(error, IngestError)
    assert str(error) == f"{tmp_path}/empty\\xe9.txt: empty file"
    missing = _name(tmp_path, b"gone\xe9.txt")
    [error] = read_paths([missing])
    assert str(error) == f"{tmp_path}/gone\\xe9.txt: no such file or folder"


def test_names_with_backslashes():
    assert escape_path("a\\b.txt") == "a\\b.txt"  # a valid name without an escape-like part: as it is
    assert escape_path("a\\xe9.txt") == "a\\\\xe9.txt"  # one that looks escaped is escaped
    assert unescape_path("a\\\\xe9.txt") == "a\\xe9.txt"
    assert escape_path("café/report.txt") == "café/report.txt"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.binary(min_size=1, max_size=12).filter(lambda b: b"/" not in b and b"\0" not in b),
                min_size=1, max_size=3))
def test_escape_round_trips_any_name(parts):
    raw = b"/".join(parts)
    name = os.fsdecode(raw)
    stored = escape_path(name)
    stored.encode("utf-8")
    assert os.fsencode(unescape_path(stored)) == raw
    try:
        clean = raw.decode("utf-8")
    except UnicodeDecodeError:
        clean = None
    if clean is not None and "\\" not in clean:
        assert stored == clean  # valid names are kept as they are


def test_ingest_error_with_surrogates_is_valid_utf8():
    error = IngestError(os.fsdecode(b"bad\xe9.txt"), None, os.fsdecode(b"library says: bad\xe9.txt"))
    assert error.path == "bad\\xe9.txt"
    assert str(error) == "bad\\xe9.txt: library says: bad\\udce9.txt"
    str(error).encode("utf-8")
