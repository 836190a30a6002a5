"""The output folder: OUT/<table>/part-NNNNN.parquet for each of the five tables, and manifest.json."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow.parquet as pq

from claimgraph.batch.tables import TABLES, from_tables, to_tables

FORMAT = "claimgraph-batch/1"


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def write_shard(out: Path, index: int, docs) -> dict:
    """Write one shard (the five tables of `docs`); its manifest entry."""
    entry = {"part": part_name(index), "rows": {}}
    for name, table in to_tables(docs).items():
        (out / name).mkdir(parents=True, exist_ok=True)
        target = out / name / part_name(index)
        pq.write_table(table, str(target) + ".tmp")
        os.replace(str(target) + ".tmp", target)  # a shard appears whole or not at all
        entry["rows"][name] = table.num_rows
    return entry


def begin(out: Path) -> None:
    """Make `out` ready for a new run: a manifest of an earlier run is removed first, so that a
    run that fails leaves no manifest (`load` refuses the folder) rather than a stale one."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "manifest.json").unlink(missing_ok=True)


def prune(out: Path, parts: set[str]) -> None:
    """Remove the shard files of an earlier run into `out` that the new manifest does not list."""
    for name in TABLES:
        for path in (out / name).glob("part-*.parquet*"):
            if path.name not in parts:
                path.unlink()


def write_manifest(out: Path, manifest: dict) -> None:
    tmp = out / "manifest.json.tmp"
    tmp.write_text(json.dumps({"format": FORMAT, **manifest}, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, out / "manifest.json")


def read_manifest(out: Path) -> dict:
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(f"{out / 'manifest.json'}: format {data.get('format')!r}, not {FORMAT}")
    return data


def read_shard(out: Path, entry: dict):
    """The documents of one shard; ValueError naming the file when a table is missing, damaged or
    has another row count than the manifest says."""
    tables = {}
    for name in TABLES:
        path = out / name / entry["part"]
        try:
            tables[name] = pq.read_table(path)
        except Exception as e:  # noqa: BLE001
            raise ValueError(f"{path}: {type(e).__name__}: {e}") from e
        want = entry.get("rows", {}).get(name)
        if want is not None and tables[name].num_rows != want:
            raise ValueError(f"{path}: {tables[name].num_rows} rows, the manifest says {want}")
    try:
        return from_tables(tables)
    except Exception as e:  # noqa: BLE001
        raise ValueError(f"{out}/*/{entry['part']}: the tables do not fit together: {type(e).__name__}: {e}") from e
