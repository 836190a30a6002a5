"""Bad input: one clear IngestError each, and the other files of the same call are still read."""
from __future__ import annotations

import os
import pickle

import pytest

from claimgraph.ingest import IngestError, read_paths
from claimgraph.ingest.reader import _os_error

GOOD = "Hezbollah was founded in Lebanon in 1982 with the help of the IRGC.\n"
# Valid UTF-8 followed by Windows-1252: no single encoding reads the whole file.
MIXED = "The IRGC’s commander said “no”. ".encode("utf-8") * 5 + "Café “Radwan” à Beyrouth. ".encode("cp1252") * 5


def test_ingest_error_is_one_line():
    assert str(IngestError("a/b.jsonl", 3, "malformed JSON:\n  Expecting value")) == (
        "a/b.jsonl:3: malformed JSON: Expecting value"
    )
    assert str(IngestError("c.txt", None, "empty file")) == "c.txt: empty file"


def test_ingest_error_pickles_and_raises():
    error = IngestError("feed.jsonl", 2, "malformed JSON: Expecting value (column 1)")
    assert pickle.loads(pickle.dumps(error)) == error
    with pytest.raises(IngestError, match="feed.jsonl:2: malformed JSON"):
        raise error


def test_each_bad_input_and_the_rest_still_read(tmp_path):
    files = {
        "01_good.txt": GOOD.encode(),
        "02_empty.txt": b"",
        "03_blank.txt": b" \n\t\r\n ",
        "04_nul.txt": b"Hezbollah\x00\x01\x02 rockets",
        "05_noise.txt": b"\x01\x02\x03\xff\xfe\x80" * 50,
        "06_mixed.txt": MIXED,
        "07_report.docx": b"PK\x03\x04",
        "08_good.md": b"# Title\n\nThe Houthis are backed by Iran.\n",
        "09_blob": b"\x00\x01binary without extension",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    os.symlink(tmp_path / "gone.txt", tmp_path / "10_link.txt")
    missing = tmp_path / "nowhere" / "x.txt"

    results = list(read_paths([tmp_path, missing, tmp_path / "01_good.txt"]))
    messages = [str(r) if isinstance(r, IngestError) else f"DOC {r.path}" for r in results]
    p = str(tmp_path)
    assert messages[:5] == [
        f"DOC {p}/01_good.txt",
        f"{p}/02_empty.txt: empty file",
        f"{p}/03_blank.txt: file contains only whitespace",
        f"{p}/04_nul.txt: binary file (contains NUL bytes)",
        f"{p}/05_noise.txt: binary file (no text encoding found)",
    ]
    assert messages[5] == (
        f"{p}/06_mixed.txt: undecodable text: not valid UTF-8 (byte 0xe9 at offset 193) though most of it "
        "is: mixed encodings; convert the file to UTF-8 (or read it with --replace-undecodable)"
    )
    assert messages[6] == (
        f"{p}/07_report.docx: unsupported file type '.docx' "
        "(supported: .htm, .html, .json, .jsonl, .markdown, .md, .ndjson, .pdf, .text, .txt)"
    )
    assert messages[7:] == [
        f"DOC {p}/08_good.md",
        f"{p}/09_blob: binary file (contains NUL bytes)",
        f"{p}/10_link.txt: broken symbolic link (its target '{p}/gone.txt' does not exist)",
        f"{missing}: no such file or folder",
        f"DOC {p}/01_good.txt",
    ]


def test_file_over_the_size_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(GOOD.encode() * 40)  # 2,720 bytes
    small = tmp_path / "small.txt"
    small.write_bytes(GOOD.encode())
    big_result, small_result = read_paths([big, small], max_bytes=2048)
    assert str(big_result) == (
        f"{big}: file too large: 2,720 bytes (2.7 KiB) is over the size limit of "
        "2,048 bytes (2 KiB); raise the limit with --max-size"
    )
    assert small_result.text == GOOD
    [doc] = read_paths([big], max_bytes=None)
    assert len(doc.text) == 2720


def test_default_limit_is_20_mib(tmp_path):
    from claimgraph.ingest import DEFAULT_MAX_BYTES

    assert DEFAULT_MAX_BYTES == 20 * 2**20
    path = tmp_path / "huge.txt"
    with open(path, "wb") as file:
        file.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: nothing is written
    [error] = read_paths([path])
    assert error.message.startswith("file too large: 20,971,521 bytes (20.0 MiB) is over the size limit")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_permission_denied_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_bytes(GOOD.encode())
    path.chmod(0)
    [error] = read_paths([path])
    assert str(error) == f"{path}: permission denied"


def test_permission_error_message():
    error = _os_error("locked.txt", PermissionError(13, "Permission denied"))
    assert str(error) == "locked.txt: permission denied"


def test_not_a_regular_file(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    [error] = read_paths([fifo])
    assert str(error) == f"{fifo}: not a regular file or folder"
