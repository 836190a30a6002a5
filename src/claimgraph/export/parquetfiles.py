"""`export --format parquet`: the four tables of `export.tables` as Parquet files (events.parquet,
relations.parquet, actors.parquet, evidence.parquet) with a fixed schema, a row group per page.

Types: lists are `list<string>`, categories (predicate, modality, type…) dictionary-encoded
strings, dates `date32`; each field's metadata holds its description.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from claimgraph.export import tables
from claimgraph.export.read import StoreRead

DIRECTORY = True
ARROW = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32(),
         "list": pa.list_(pa.string()), "category": pa.dictionary(pa.int32(), pa.string())}


def schema(columns: tuple[tables.Column, ...]) -> pa.Schema:
    return pa.schema([pa.field(c.name, ARROW[c.type], metadata={"description": c.doc}) for c in columns])


def _table(rows: list[dict], columns, schema: pa.Schema) -> pa.Table:
    data = {}
    for c in columns:
        values = [row[c.name] for row in rows]
        if c.type == "date":
            values = [date.fromisoformat(v) if v else None for v in values]
        data[c.name] = values
    return pa.Table.from_pydict(data, schema=schema)


def export(read: StoreRead, folder: Path, options=None) -> dict:
    counts = dict.fromkeys(tables.TABLES, 0)
    schemas = {name: schema(columns) for name, columns in tables.TABLES.items()}
    writers = {name: pq.ParquetWriter(folder / f"{name}.parquet", schemas[name], compression="zstd")
               for name in tables.TABLES}
    try:
        for name, rows in tables.rows(read):
            writers[name].write_table(_table(rows, tables.TABLES[name], schemas[name]))
            counts[name] += len(rows)
    finally:
        for writer in writers.values():
            writer.close()
    return counts
