"""The events table alone, as one file: the `events` table of `export.tables` (ACLED's and
POLECAT's column names, then modality, attribution, status and grade) as CSV, JSON or Parquet,
written a page of claims at a time. It is what the web app's events page exports (`GET
/api/export/events`), in the order of the claims the read is given.

CSV is written as `csvfiles` writes events.csv; JSON is an array of one object per row (the same
columns; `pandas.read_json(path)` reads it); Parquet has the schema of `parquetfiles`.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import IO

from claimgraph.export import tables
from claimgraph.export.read import StoreRead

FORMATS = ("csv", "json", "parquet")
COLUMNS = tables.EVENTS


def rows(read: StoreRead) -> Iterator[list[dict]]:
    """The events rows, a page at a time (the places' coordinates read first, as `tables.rows` does)."""
    places: dict = {}
    for _ in tables.actor_pages(read, places):
        pass
    for claims in read.claim_pages():
        page = [tables.event_row(c, places) for c in claims if c["kind"] == "event"]
        if page:
            yield page


def export(read: StoreRead, fh: IO[bytes], format: str) -> dict[str, int]:
    """Write the events table in `format` (csv, json or parquet) to the binary file `fh`."""
    if format not in FORMATS:
        raise ValueError(f"unknown events table format {format!r}: one of {', '.join(FORMATS)}")
    return {"csv": _csv, "json": _json, "parquet": _parquet}[format](read, fh)


def _csv(read: StoreRead, fh: IO[bytes]) -> dict[str, int]:
    from claimgraph.export.csvfiles import cell

    def encoded(lines: list[list]) -> bytes:
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows(lines)
        return text.getvalue().encode("utf-8")

    fh.write(encoded([[c.name for c in COLUMNS]]))
    n = 0
    for page in rows(read):
        fh.write(encoded([[cell(row[c.name], c.type) for c in COLUMNS] for row in page]))
        n += len(page)
    return {"events": n}


def _json(read: StoreRead, fh: IO[bytes]) -> dict[str, int]:
    fh.write(b"[")
    n = 0
    for page in rows(read):
        for row in page:
            fh.write((",\n" if n else "\n").encode() + json.dumps({c.name: row[c.name] for c in COLUMNS},
                                                                 ensure_ascii=False).encode("utf-8"))
            n += 1
    fh.write(b"\n]\n" if n else b"]\n")
    return {"events": n}


def _parquet(read: StoreRead, fh: IO[bytes]) -> dict[str, int]:
    import pyarrow.parquet as pq

    from claimgraph.export.parquetfiles import _table, schema

    shape = schema(COLUMNS)
    writer = pq.ParquetWriter(fh, shape, compression="zstd")
    n = 0
    try:
        for page in rows(read):
            writer.write_table(_table(page, COLUMNS, shape))
            n += len(page)
    finally:
        writer.close()
    return {"events": n}
