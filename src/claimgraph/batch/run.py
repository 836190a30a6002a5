"""`claimgraph batch`: read the inputs, extract with an engine, write shards and the manifest."""
from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from claimgraph.model import Document

SHARD_DOCS = 500  # documents per shard


def run_batch(inputs: list[Path], out: Path, engine: str, workers: int, model: str | None = None,
              kb_paths: tuple[str, ...] = (), address: str | None = None, text_column: str = "text",
              max_bytes: int | None = None, shard_docs: int = SHARD_DOCS,
              on_error: Callable[[str], None] = lambda m: None,
              on_document: Callable[[Document], None] = lambda d: None, budget=None) -> dict:
    """Extract every document of `inputs` into shards under `out`; the manifest (also returned).
    `budget` bounds each document of the local engine (`extract.workers.Budget`; None: the
    environment's or the default); Ray's actors are not bounded per document."""
    from claimgraph import __version__
    from claimgraph.batch import engines
    from claimgraph.batch.inputs import read_inputs
    from claimgraph.batch.shards import begin, prune, write_manifest, write_shard
    from claimgraph.ingest import IngestError
    from claimgraph.ingest.errors import over_length

    errors: list[str] = []

    def fail(message: str) -> None:
        errors.append(message)
        on_error(message)

    def docs() -> Iterator[Document]:
        seen: set[str] = set()
        for item in read_inputs(inputs, text_column=text_column, max_bytes=max_bytes):
            if isinstance(item, IngestError):
                fail(str(item))
            elif why := over_length(item.text):
                fail(f"{item.path or item.id}: {why}")
            elif item.sha256 not in seen:  # a text twice in the input is one document, as in ingest
                seen.add(item.sha256)
                yield item

    # resolved here, once: every worker (on any node of a cluster) loads the same pipeline and
    # knowledge-base files, and the manifest says which
    import spacy
    from claimgraph.nlp.pipeline import choose_model
    model = choose_model(model)
    kb_paths = tuple(os.path.abspath(p) for p in kb_paths)
    if engine == "ray":
        extracted = engines.ray(docs(), workers, model, kb_paths, address=address)
    else:
        extracted = engines.local(docs(), workers, model, kb_paths, budget=budget)

    def good() -> Iterator[Document]:
        for d in extracted:
            if d.failure:
                fail(f"{d.path or d.id}: not extracted: {d.failure}")
            else:
                on_document(d)
                yield d

    begin(out)
    started = time.perf_counter()
    shards = []
    stream = good()
    for index in itertools.count():
        chunk = list(itertools.islice(stream, shard_docs))
        if not chunk and index:
            break
        shards.append(write_shard(out, index, chunk))  # part 0 is written even when empty: the tables exist
        if not chunk:
            break
    manifest = {"claimgraph_version": __version__, "model": model,
                "model_version": spacy.util.get_package_version(model), "engine": engine, "workers": workers,
                "kb": list(kb_paths), "inputs": [str(p) for p in inputs], "shards": shards,
                "documents": sum(s["rows"]["documents"] for s in shards), "errors": errors,
                "seconds": round(time.perf_counter() - started, 3)}
    write_manifest(out, manifest)
    prune(out, {s["part"] for s in shards})
    return manifest
