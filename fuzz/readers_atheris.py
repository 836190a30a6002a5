"""Coverage-guided fuzzing of the ingest readers with atheris (libFuzzer): `make fuzz`.

Each input's first byte picks a file type (text, Markdown, HTML, JSONL, JSON, PDF, no extension),
the rest is the file's bytes, written to a file in a temporary folder and read with `read_paths`.
A crash is any exception escaping `read_paths`, an item that is not a Document or an IngestError,
an error not naming the file, a reader failing unexpectedly (the catch-all message
`could not read <kind> file: ...`), or a Document whose text is empty or not storable as UTF-8.

    .venv/bin/python fuzz/readers_atheris.py -max_total_time=60 [CORPUS_DIR...] [libFuzzer flags]

Without a corpus folder, a few seed files (one of each type) are written to a temporary one.
A crashing input is saved by libFuzzer as ./crash-<sha1>; replay it by passing its path.
"""
from __future__ import annotations

import logging
import os
import sys
import tempfile

import atheris

with atheris.instrument_imports(include=["claimgraph"]):
    from claimgraph.ingest import IngestError, read_paths
    from claimgraph.ingest.paths import escape_path
    from claimgraph.model import Document

SUFFIXES = (".txt", ".md", ".html", ".jsonl", ".json", ".pdf", "")
FOLDER = tempfile.mkdtemp(prefix="cg-atheris-")


class ReaderCrash(Exception):
    """A reader broke a promise on some input."""


def test_one_input(data: bytes) -> None:
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    path = os.path.join(FOLDER, "input" + suffix)
    with open(path, "wb") as file:
        file.write(data[1:])
    shown = escape_path(path)
    results = list(read_paths([path]))
    if not results:
        raise ReaderCrash(f"nothing read from a {suffix or 'no-extension'} file, not even an error")
    for item in results:
        if isinstance(item, IngestError):
            if item.path != shown or not str(item).startswith(shown):
                raise ReaderCrash(f"an error not naming the file: {item!r}")
            if item.message.startswith("could not read"):
                raise ReaderCrash(f"a reader failed unexpectedly: {item}")
        elif isinstance(item, Document):
            if not item.text.strip():
                raise ReaderCrash(f"a Document without text: {item.path}")
            item.text.encode("utf-8")  # a lone surrogate raises: not storable
        else:
            raise ReaderCrash(f"read_paths yielded {type(item).__name__}")


def _seeds() -> str:
    folder = tempfile.mkdtemp(prefix="cg-atheris-corpus-")
    sentence = "BEIRUT (AP) — Hezbollah said on Tuesday that Israel attacked Lebanon.\n"
    seeds = {
        ".txt": sentence.encode(),
        ".md": ("---\ntitle: T\nbase: &a [1, 2]\nuse: *a\n---\n# Heading\n\n* item\n\n" + sentence).encode(),
        ".html": ("<html lang=en><head><title>T</title><meta property='og:title' content='T'></head>"
                  "<body><article><p>" + sentence * 3 + "</p></article></body></html>").encode(),
        ".jsonl": b'{"text": "' + sentence.strip().encode() + b'", "title": "x"}\n{"text": 1}\n[',
        ".json": b'[{"text": "Iran denied it.", "date": "2011-10-11"}]',
        "": sentence.encode("utf-16"),
    }
    try:
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        pdf.multi_cell(0, 6, sentence.replace("—", "-"))
        seeds[".pdf"] = bytes(pdf.output())
    except ImportError:
        seeds[".pdf"] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    for suffix, body in seeds.items():
        with open(os.path.join(folder, f"seed{suffix or '.noext'}"), "wb") as file:
            file.write(bytes([SUFFIXES.index(suffix)]) + body)
    return folder


def main() -> None:
    argv = list(sys.argv)
    if not any(not arg.startswith("-") for arg in argv[1:]):
        argv.append(_seeds())
    if not any(arg.startswith("-timeout=") for arg in argv[1:]):
        argv.append("-timeout=20")  # one input over 20 s is a hang
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its warnings on every broken PDF drown the fuzzer's lines
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
