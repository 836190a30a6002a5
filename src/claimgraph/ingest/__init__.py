"""Ingest: files, folders and texts to `claimgraph.model.Document`s.

`read_paths` reads .txt/.text, .md/.markdown, .html/.htm, .pdf and .jsonl/.ndjson
files (see docs/ingest.md) and yields an `IngestError` for each problem it meets.
"""
from .errors import IngestError
from .reader import DEFAULT_MAX_BYTES, FORMATS, read_file, read_paths, read_text

__all__ = ["DEFAULT_MAX_BYTES", "FORMATS", "IngestError", "read_file", "read_paths", "read_text"]
