"""`export --format csv`: the four tables of `export.tables` as CSV files (events.csv,
relations.csv, actors.csv, evidence.csv), UTF-8 with a header row, written a page at a time.

A list is its values joined by `;`, a boolean `true`/`false`, an empty cell no value.
"""
from __future__ import annotations

import csv
from pathlib import Path

from claimgraph.export import tables
from claimgraph.export.read import StoreRead

DIRECTORY = True


def cell(value, type: str):
    """A value as the CSV files write it."""
    if value is None:
        return ""
    if type == "list":
        return tables.LIST_DELIMITER.join(value)
    if type == "bool":
        return "true" if value else "false"
    return value


def export(read: StoreRead, folder: Path, options=None) -> dict:
    counts = dict.fromkeys(tables.TABLES, 0)
    files = {name: (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") for name in tables.TABLES}
    try:
        writers = {}
        for name, columns in tables.TABLES.items():
            writers[name] = csv.writer(files[name], lineterminator="\n")
            writers[name].writerow([c.name for c in columns])
        for name, rows in tables.rows(read):
            columns = tables.TABLES[name]
            writers[name].writerows([cell(row[c.name], c.type) for c in columns] for row in rows)
            counts[name] += len(rows)
    finally:
        for fh in files.values():
            fh.close()
    return counts
