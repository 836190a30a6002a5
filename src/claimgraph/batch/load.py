"""Shards into a store: each document rebuilt from the tables and added through the ingest write
loop (so a stored text is `unchanged` and loading twice changes nothing), then resolution."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from claimgraph.batch.shards import read_manifest, read_shard
from claimgraph.model import Document


def _already_extracted():
    """The 'extractor' of loaded documents: they carry their entities and claims already."""
    return lambda docs: iter(docs)


def load(store, out: Path, on_error: Callable[[str], None], on_document=None, resolve: bool = True):
    """Load every readable shard of `out` into `store`; a missing or damaged shard is reported
    through `on_error` and skipped. Returns (ingest Tally, shards loaded, shard errors)."""
    from claimgraph.store.ingest import ingest_documents
    manifest = read_manifest(out)
    errors: list[str] = []
    loaded = 0

    def docs() -> Iterator[Document]:
        nonlocal loaded
        for entry in manifest["shards"]:
            try:
                shard = read_shard(out, entry)
            except ValueError as e:
                errors.append(str(e))
                on_error(str(e))
                continue
            loaded += 1
            yield from shard

    tally = ingest_documents(store, docs(), _already_extracted, on_document=on_document, resolve=resolve)
    return tally, loaded, errors
