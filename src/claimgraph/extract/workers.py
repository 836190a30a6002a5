"""Extraction on several cores: a process pool whose workers each run the whole `Extractor`.

spaCy's own `n_process` would ship every parsed Doc back to the parent and run our stages
there, which is most of the cost; here a worker parses and runs the stages, and only the
finished `Document` (without its `spacy_doc`) comes back.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator

from claimgraph.model import Document

_extractor = None  # the worker process's Extractor, made once by _init


def default_workers() -> int:
    """The cores this process may use: its CPU affinity, capped by a container's CPU quota."""
    try:
        cores = max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        cores = max(1, os.cpu_count() or 1)
    quota = cgroup_cores()
    return min(cores, quota) if quota else cores


def cgroup_cores(path: str = "/sys/fs/cgroup/cpu.max") -> int | None:
    """The CPUs a cgroup v2 quota allows ("200000 100000" → 2, rounded up), or None without one:
    affinity alone would give a container limited to 2 CPUs on a 64-core host 64 pipelines."""
    try:
        with open(path, encoding="ascii") as fh:
            quota, period = fh.read().split()[:2]
        if quota == "max":
            return None
        return max(1, -(-int(quota) // int(period)))
    except (OSError, ValueError):
        return None


def _init(model: str | None, kb_paths: tuple[str, ...], batch_size: int) -> None:
    global _extractor
    # Ctrl-C reaches the whole process group: the parent stops the run and shuts the pool down;
    # a worker would only print a traceback from its wait for work
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from claimgraph.extract.pipeline import Extractor
    _extractor = Extractor(model=model, kb_paths=kb_paths, batch_size=batch_size)


def _run(chunk: list[Document]) -> list[Document]:
    done = list(_extractor(chunk))
    for d in done:
        d.spacy_doc = None  # not picklable cheaply, and the store does not need it
    return done


def _context():
    # forkserver (spawn where it is missing): the parent may run threads (rich's refresh, a
    # database driver) by the time the pool starts, and fork copies their held locks. The parent
    # never loads spaCy when workers > 1, so fork would save nothing on the pipeline load, which
    # every worker does once in its initializer. Measured (2 workers starting and extracting 4
    # documents, load 1.5): forkserver 1.2-1.3 s, spawn 1.2-1.3 s, fork 2.1-2.4 s.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def extract_documents(docs: Iterable[Document], workers: int = 1, model: str | None = None,
                      kb_paths: tuple[str, ...] = (), batch_size: int = 16) -> Iterator[Document]:
    """Yield every document of `docs`, in input order, with the extraction stages run (a failed
    one carries `extra["error"]`, as `Extractor` gives it). The pipeline is loaded once per
    process, when the first document arrives; at most about 2 × `workers` chunks of
    `batch_size` documents are in flight. With `workers` > 1, `spacy_doc` is None."""
    it = iter(docs)
    first = next(it, None)
    if first is None:
        return
    stream = itertools.chain([first], it)
    if workers <= 1:
        from claimgraph.extract.pipeline import Extractor
        yield from Extractor(model=model, kb_paths=tuple(kb_paths), batch_size=batch_size)(stream)
        return
    yield from _pooled(stream, workers, model, tuple(kb_paths), batch_size)


def _pooled(stream: Iterator[Document], workers: int, model, kb_paths, batch_size) -> Iterator[Document]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if kb_paths or os.environ.get("CLAIMGRAPH_KB_PATH"):  # an analyst's KB files: their errors said here, once
        from claimgraph.kb.loader import load
        load(list(kb_paths))
    chunk_size = max(1, min(batch_size, 4))  # a few documents per task: amortizes pickling, keeps order cheap
    chunks = _chunks(stream, chunk_size)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init,
                                   initargs=(model, kb_paths, batch_size))

    pool, finished = new_pool(), 0  # chunks the current pool has finished
    pending: deque = deque()  # (chunk, future), in input order
    try:
        while True:
            while len(pending) < 2 * workers and (chunk := next(chunks, None)) is not None:
                try:
                    pending.append((chunk, pool.submit(_run, chunk)))
                except BrokenProcessPool:
                    pending.append((chunk, None))
            if not pending:
                break
            chunk, future = pending.popleft()
            try:
                if future is None:
                    raise BrokenProcessPool("the worker pool was broken")
                yield from future.result()
                finished += 1
            except BrokenProcessPool as e:
                if not finished:
                    _fail_to_start(model, kb_paths, batch_size, e)
                # a worker died (killed, out of memory): its documents fail, the run goes on
                for d in chunk:
                    d.extra["error"] = f"extraction worker died: {e}"
                    d.entities, d.claims = [], []
                    yield d
                pool.shutdown(wait=False, cancel_futures=True)
                pool, finished = new_pool(), 0
                # the tasks the dead pool did not finish go to the new one
                pending = deque((c, f if _succeeded(f) else pool.submit(_run, c)) for c, f in pending)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _succeeded(future) -> bool:
    return future is not None and future.done() and not future.cancelled() and future.exception() is None


def _fail_to_start(model, kb_paths, batch_size, broken: Exception) -> None:
    """A pool that breaks before finishing any work: most often its workers could not load the
    pipeline (a bad --kb file or model). Loading it here raises that error with its message, instead
    of failing every document as "worker died"; if it loads, the break was a document's doing."""
    from claimgraph.extract.pipeline import Extractor
    try:
        Extractor(model=model, kb_paths=kb_paths, batch_size=batch_size)
    except Exception as e:
        raise RuntimeError(f"the extraction workers could not start: {type(e).__name__}: {e}") from broken
