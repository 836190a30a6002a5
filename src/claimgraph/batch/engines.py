"""Extraction engines: `local` (the process pool of `extract.workers`) and `ray` (an actor pool)."""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from claimgraph.model import Document


def local(docs: Iterable[Document], workers: int, model: str | None, kb_paths: tuple[str, ...],
          budget=None) -> Iterator[Document]:
    """The process pool; `budget` (an `extract.workers.Budget`; None: the environment's or the
    default) bounds each document."""
    from claimgraph.extract.workers import extract_documents
    for d in extract_documents(docs, workers=workers, model=model, kb_paths=kb_paths, budget=budget):
        d.spacy_doc = None
        yield d


def ray(docs: Iterable[Document], workers: int, model: str | None, kb_paths: tuple[str, ...],
        address: str | None = None, chunk: int = 8) -> Iterator[Document]:
    """Extraction on `workers` Ray actors, each holding one `Extractor` (the pipeline loads once per
    actor). An actor pool rather than ray.data: the input is a stream of Python `Document`s read
    with our own readers (errors reported per file as they come), `ActorPool.get_next` keeps the
    input order, and the results come back as Documents written by the driver. (`ActorPool.map`
    submits its whole input at once; here at most 2 chunks per actor are in flight.)"""
    import ray as ray_
    from ray.util import ActorPool

    started = not ray_.is_initialized()
    if started:
        # "local": a new instance even where a cluster runs here or RAY_ADDRESS is set
        ray_.init(address=address or "local", ignore_reinit_error=True, include_dashboard=False,
                  **({} if address else {"num_cpus": workers}))

    @ray_.remote(num_cpus=1)
    class _Extract:
        def __init__(self):
            from claimgraph.extract.pipeline import Extractor
            self.extractor = Extractor(model=model, kb_paths=kb_paths)

        def run(self, chunk: list[Document]) -> list[Document]:
            done = list(self.extractor(chunk))
            for d in done:
                d.spacy_doc = None
            return done

    it = iter(docs)
    chunks = iter(lambda: list(itertools.islice(it, chunk)), [])
    pool = ActorPool([_Extract.remote() for _ in range(workers)])
    pending = 0
    try:
        while True:
            while pending < 2 * workers and (c := next(chunks, None)) is not None:
                pool.submit(lambda a, v: a.run.remote(v), c)
                pending += 1
            if not pending:
                break
            yield from pool.get_next()
            pending -= 1
    finally:
        if started:
            ray_.shutdown()
