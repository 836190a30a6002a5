"""Exports of the store, one module per format, all written from the same read (`export.read`).

A format module has `export(read, target, options) -> dict` (what it wrote, counted) and
`DIRECTORY`: whether `target` is a folder (several files) or a binary file object (one file).
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

# format → its module, imported only when that format is asked for
FORMATS = {
    "json": "exchange_file", "ftm": "ftm", "stix": "stix", "gexf": "gexf", "graphml": "graphml",
    "csv": "csvfiles", "parquet": "parquetfiles", "neo4j": "neo4j",
}
NEGATED_BY_DEFAULT = {"ftm": False}  # Aleph and OpenSanctions read a Membership as a fact


@dataclass
class ExportOptions:
    ftm_version: int = 4  # 3: only what FollowTheMoney 3.5 (OCCRP Aleph 4.1) knows
    dataset: str = "claimgraph"  # FtM dataset and publisher name, STIX author


def exporter(format: str):
    """The module that writes `format`."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}: one of {', '.join(FORMATS)}")
    return import_module(f"claimgraph.export.{FORMATS[format]}")
