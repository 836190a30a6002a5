"""Sharded input: everything `read_paths` reads (folders, text/HTML/Markdown/PDF, JSONL files), and
Parquet files whose rows are documents (a text column; the other columns are metadata, mapped as
the JSONL reader maps a record's fields)."""
from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

from claimgraph.ingest import IngestError, read_paths
from claimgraph.ingest.metadata import make_document
from claimgraph.model import Document


def _is_parquet(path: str) -> bool:
    return path.lower().endswith(".parquet")


def plain(value):
    """A Parquet cell as a JSON value, losslessly where JSON can say it: decimals as their exact
    digits, dates and times in ISO 8601, durations in seconds, bytes as text (UTF-8) or hex, NaN and
    infinities as null."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, (bytes, bytearray, memoryview)):
        raw = bytes(value)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.hex()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def read_parquet(path: str, text_column: str = "text") -> Iterator[Document | IngestError]:
    """A Document per row of a Parquet file with a non-empty `text_column`; an IngestError for a
    file that cannot be read or lacks the column, and for each row without text."""
    import pyarrow.parquet as pq
    try:
        pf = pq.ParquetFile(path)
    except Exception as e:  # noqa: BLE001 - a damaged file is reported, the others are read
        yield IngestError(path, None, f"not a readable Parquet file: {e}")
        return
    if text_column not in pf.schema_arrow.names:
        yield IngestError(path, None, f'no text column "{text_column}" (columns: {", ".join(pf.schema_arrow.names)})')
        return
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=256):
            for record in batch.to_pylist():
                row += 1
                body = record.pop(text_column)
                if not isinstance(body, str) or not body.strip():
                    yield IngestError(path, row, f'row {row}: no non-empty "{text_column}"')
                    continue
                yield make_document(body, path=f"{path}#{row}", format="parquet", meta=plain(record), extra={"row": row})
    except Exception as e:  # noqa: BLE001
        yield IngestError(path, None, f"Parquet file damaged after row {row}: {e}")


def _expand(paths: Iterable[Path]) -> Iterator[tuple[str, bool]]:
    """(path, is_parquet): Parquet files found in folders are split out from the rest."""
    for p in map(str, paths):
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for n in sorted(names):
                    if not n.startswith("."):
                        f = os.path.join(root, n)
                        yield f, _is_parquet(f)
        else:
            yield p, _is_parquet(p)


def read_inputs(paths: Iterable[Path], text_column: str = "text",
                max_bytes: int | None = None) -> Iterator[Document | IngestError]:
    """Documents and errors of every input, in order."""
    for path, parquet in _expand(paths):
        if parquet:
            yield from read_parquet(path, text_column)
        else:
            yield from read_paths([path], max_bytes=max_bytes)
