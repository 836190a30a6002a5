"""Extraction on several cores: a process pool whose workers each run the whole `Extractor`.

spaCy's own `n_process` would ship every parsed Doc back to the parent and run our stages
there, which is most of the cost; here a worker parses and runs the stages, and only the
finished `Document` (without its `spacy_doc`) comes back.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from claimgraph.model import Document

_extractor = None  # the worker process's Extractor, made once by _init
_progress = None  # the worker's channel to the parent's watchdog: (pid, task, started or None[, peak MB])
_memory_mb = None  # the worker's memory budget: its peak, read after each document


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


def _init(model: str | None, kb_paths: tuple[str, ...], batch_size: int, progress=None,
          memory_mb: int | None = None, parent: int | None = None) -> None:
    global _extractor, _progress, _memory_mb
    _progress, _memory_mb = progress, memory_mb
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), name="claimgraph-orphan", daemon=True).start()
    # Ctrl-C reaches the whole process group: the parent stops the run and shuts the pool down;
    # a worker would only print a traceback from its wait for work
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from claimgraph.extract.pipeline import Extractor
    _extractor = Extractor(model=model, kb_paths=kb_paths, batch_size=batch_size)
    if progress is not None:  # under a budget: what loads on first use loads now, not on a document's time
        list(_extractor([Document(text="Iran funds Hezbollah, the ministry said on Monday.")]))


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rpartition(")")[2].split()[0] != "Z"  # a zombie is dead, not yet reaped
    except (OSError, IndexError):
        return False


def _exit_with(parent: int, poll: float = 0.5) -> None:
    """End this worker when the process that started the pool is gone (SIGKILLed, say). Nothing
    else would: a worker holds both ends of its task queue, and the forkserver waits for its
    workers, so a killed run would leave them (and their pipelines) behind for good."""
    while _alive(parent):
        time.sleep(poll)
    os._exit(1)


def _started() -> None:
    """A task that does nothing: submitted when a pool is made, so that its workers start at once."""


def _run(chunk: list[Document], task: int | None = None) -> list[Document]:
    if _progress is not None:
        _progress.put((os.getpid(), task, time.monotonic()))
    done = list(_extractor(chunk))
    for d in done:
        d.spacy_doc = None  # not picklable cheaply, and the store does not need it
    if _progress is not None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
        if _memory_mb is not None and peak > _memory_mb:
            # a peak the watchdog's polls missed: it kills this worker and fails the document
            _progress.put((os.getpid(), task, None, peak))
            time.sleep(600)
        _progress.put((os.getpid(), task, None))
    return done


DOC_SECONDS = 600.0  # the default wall-clock bound of one document (a 2,000,000-character text takes ~2 min)
DOC_MEMORY_MB = 2500  # the default resident-memory bound of one extraction worker


@dataclass(frozen=True)
class Budget:
    """What one document may cost in a worker: wall-clock seconds of parsing and extraction, and
    the worker's resident memory in MB (None: no bound). A document over it has its worker
    killed (SIGKILL: a loop in C code or a runaway allocation cannot refuse it) and fails alone
    with a message saying which bound it passed; the others go on in a new pool.
    `Budget()` bounds nothing; `Budget.make()` is the default (`DOC_SECONDS`, `DOC_MEMORY_MB`)."""
    seconds: float | None = None
    memory_mb: int | None = None

    def __bool__(self) -> bool:
        return self.seconds is not None or self.memory_mb is not None

    @classmethod
    def make(cls, seconds: float | None = None, memory_mb: int | None = None, env=os.environ) -> "Budget":
        """Each bound as given (0: no bound), else from `CLAIMGRAPH_DOC_SECONDS` /
        `CLAIMGRAPH_DOC_MEMORY_MB` (0: no bound), else the default."""
        def bound(given, name, kind, default):
            if given is None:
                raw = env.get(name, "").strip()
                if not raw:
                    return default
                try:
                    given = kind(raw)
                except ValueError:
                    raise ValueError(f"{name} must be a number of at least 0 (0: no bound), not {raw!r}") from None
                if given < 0:
                    raise ValueError(f"{name} must be a number of at least 0 (0: no bound), not {raw!r}")
            elif given < 0:
                raise ValueError(f"a budget must be at least 0 (0: no bound), not {given!r}")
            return kind(given) if given else None
        return cls(bound(seconds, "CLAIMGRAPH_DOC_SECONDS", float, DOC_SECONDS),
                   bound(memory_mb, "CLAIMGRAPH_DOC_MEMORY_MB", int, DOC_MEMORY_MB))

    @classmethod
    def from_env(cls, env=os.environ) -> "Budget":
        """The environment's budget over the defaults (what `extract_documents` uses by default)."""
        return cls.make(env=env)


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


class _Watchdog(threading.Thread):
    """Reads which task each worker started (and when) and kills a worker whose task is over the
    budget; `killed` maps the task to the reason, for the parent to fail that document alone."""

    def __init__(self, budget: Budget, poll: float = 0.05):
        super().__init__(name="claimgraph-budget", daemon=True)
        self.budget, self.poll = budget, poll
        self.killed: dict[int, str] = {}
        self.channel = None  # the current pool's SimpleQueue (a new pool, a new one)
        self.busy: dict[int, tuple[int, float]] = {}  # worker pid → (task, started)
        self.halt = threading.Event()

    def watch(self, channel) -> None:
        self.channel, self.busy = channel, {}

    def run(self) -> None:
        while not self.halt.wait(self.poll):
            channel, busy = self.channel, self.busy
            try:
                while channel is not None and not channel.empty():
                    pid, task, started, *peak = channel.get()
                    if peak and task not in self.killed:  # over the memory budget at its peak
                        self.killed[task] = self._memory(peak[0])
                        busy.pop(pid, None)
                        _kill(pid)
                    elif started is None:
                        busy.pop(pid, None)
                    else:
                        busy[pid] = (task, started)
            except (OSError, EOFError, ValueError):
                continue  # the pool is being replaced
            now = time.monotonic()
            for pid, (task, started) in list(busy.items()):
                reason = self._over(pid, now - started)
                if reason and task not in self.killed:
                    self.killed[task] = reason
                    busy.pop(pid, None)
                    _kill(pid)

    def _over(self, pid: int, elapsed: float) -> str | None:
        b = self.budget
        if b.seconds is not None and elapsed > b.seconds:
            return f"over its time budget of {b.seconds:g} s per document (its extraction worker was killed)"
        if b.memory_mb is not None and (rss := _rss_mb(pid)) > b.memory_mb:
            return self._memory(rss)
        return None

    def _memory(self, mb: float) -> str:
        return (f"over its memory budget of {self.budget.memory_mb:,} MB per document ({mb:,.0f} MB; its "
                f"extraction worker was killed)")


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass


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


BUDGET_CHUNK_CHARS = 50_000  # under a budget, short documents go together up to this many characters


def _short_chunks(docs: Iterable[Document], size: int, chars: int = BUDGET_CHUNK_CHARS) -> Iterator[list[Document]]:
    """Up to `size` documents of at most `chars` characters in all (a longer document alone): spaCy
    parses a batch faster than its documents one by one (measured: 100 documents of 300 words,
    15% less CPU in batches of 16), and so little text is far under any time budget."""
    chunk: list[Document] = []
    total = 0
    for d in docs:
        if chunk and (len(chunk) >= size or total + len(d.text) > chars):
            yield chunk
            chunk, total = [], 0
        chunk.append(d)
        total += len(d.text)
    if chunk:
        yield chunk


def extract_documents(docs: Iterable[Document], workers: int = 1, model: str | None = None,
                      kb_paths: tuple[str, ...] = (), batch_size: int = 16,
                      budget: Budget | None = None) -> Iterator[Document]:
    """Yield every document of `docs`, in input order, with the extraction stages run (a failed
    one carries `failure`, as `Extractor` gives it). The pipeline is loaded once per
    process, when the first document arrives; at most about 2 × `workers` chunks of
    `batch_size` documents are in flight. With `workers` > 1, `spacy_doc` is None.

    Under a `budget` (by default `Budget.from_env()`: the environment's or the default bounds;
    `Budget()` for none), documents go to workers (one at least, even when `workers` is 1: a
    document must be in a process that can be killed) watched by the parent, short ones a few to a
    task and a long one alone: a document over the budget fails alone (a task of several over it
    is run again document by document)."""
    it = iter(docs)
    first = next(it, None)
    if first is None:
        return
    stream = itertools.chain([first], it)
    if budget is None:
        budget = Budget.from_env()
    if workers <= 1 and not budget:
        from claimgraph.extract.pipeline import Extractor
        yield from Extractor(model=model, kb_paths=tuple(kb_paths), batch_size=batch_size)(stream)
        return
    yield from _pooled(stream, max(1, workers), model, tuple(kb_paths), batch_size, budget or None)


def _pooled(stream: Iterator[Document], workers: int, model, kb_paths, batch_size,
            budget: Budget | None = None, run=None) -> Iterator[Document]:
    """`extract_documents` on a pool; `run` is the task a worker runs (`_run`: a module-level
    function, as pickling needs)."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if kb_paths or os.environ.get("CLAIMGRAPH_KB_PATH"):  # an analyst's KB files: their errors said here, once
        from claimgraph.kb.loader import load
        load(list(kb_paths))
    # a few documents per task: amortizes pickling, keeps order cheap. Under a budget, short
    # documents go together and a long one alone; a task over the budget with several documents
    # is split and its documents run again one by one, so that the one over it fails alone
    ids = itertools.count()
    if budget:
        chunks = ((next(ids), c) for c in _short_chunks(stream, max(1, batch_size)))
    else:
        chunks = ((next(ids), c) for c in _chunks(stream, max(1, min(batch_size, 4))))
    watchdog = _Watchdog(budget) if budget else None
    ctx = _context()

    def new_pool() -> ProcessPoolExecutor:
        channel = None
        if watchdog is not None:
            channel = ctx.SimpleQueue()  # a new one per pool: a killed worker may hold the old one's lock
            watchdog.watch(channel)
        executor = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init,
                                       initargs=(model, kb_paths, batch_size, channel,
                                                 budget.memory_mb if budget else None,
                                                 os.getpid() if os.path.exists("/proc/self/stat") else None))
        for _ in range(workers):  # each starts now and loads its pipeline while the first chunks are read
            executor.submit(_started)
        return executor

    run = run or _run

    def submit(task: int, chunk: list[Document]):
        return pool.submit(run, chunk, task)

    def alone(d: Document) -> list[Document]:
        """`d` run by itself on the pool, waited for: if its worker dies, `d` is the cause."""
        nonlocal pool, finished
        n = next(ids)
        try:
            done = submit(n, [d]).result()
            finished += 1
            return done
        except BrokenProcessPool as broken:
            pool.shutdown(wait=False, cancel_futures=True)
            pool, finished = new_pool(), 0
            reason = watchdog.killed.pop(n, None) if watchdog is not None else None
            d.failure = (f"extraction stopped: the document is {reason}" if reason
                         else f"extraction worker died: {broken}")
            d.entities, d.claims = [], []
            return [d]

    pool, finished = new_pool(), 0  # chunks the current pool has finished
    if watchdog is not None:
        watchdog.start()
    pending: deque = deque()  # (task, chunk, future), in input order
    drained = False
    try:
        while True:
            while len(pending) < 2 * workers and (item := next(chunks, None)) is not None:
                task, chunk = item
                try:
                    pending.append((task, chunk, submit(task, chunk)))
                except BrokenProcessPool:
                    pending.append((task, chunk, None))
            if not pending:
                drained = True
                break
            task, chunk, future = pending.popleft()
            try:
                if future is None:
                    raise BrokenProcessPool("the worker pool was broken")
                yield from future.result()
                finished += 1
            except _OverBudget as e:
                for d in chunk:
                    d.failure = f"extraction stopped: the document is {e}"
                    d.entities, d.claims = [], []
                    yield d
            except BrokenProcessPool as e:
                over = dict(watchdog.killed) if watchdog is not None else {}
                if not finished and not over:
                    _fail_to_start(model, kb_paths, batch_size, e)
                pool.shutdown(wait=False, cancel_futures=True)
                pool, finished = new_pool(), 0
                if over:
                    # the watchdog killed a worker: the documents over budget fail, every other
                    # unfinished task (this one too, when it is not one of them) goes to the new pool
                    pending.appendleft((task, chunk, future))
                    again: deque = deque()
                    for t, c, f in pending:
                        if _succeeded(f):
                            again.append((t, c, f))
                        elif t in over and len(c) == 1:
                            again.append((t, c, _Failed(over[t])))
                        elif t in over:  # which of its documents was it: each alone
                            again.extend((n, [d], submit(n, [d])) for n, d in zip(ids, c))
                        else:
                            again.append((t, c, submit(t, c)))
                    pending = again
                    watchdog.killed.clear()
                    continue
                # a worker died of no budget's doing (killed from outside, out of memory, a crash).
                # Which task it held is not known, so each document of every unfinished task runs
                # again alone: the one whose worker dies again fails, the others are extracted
                pending.appendleft((task, chunk, future))
                pending = deque((t, c, f if _succeeded(f) else _Done([x for d in c for x in alone(d)]))
                                for t, c, f in pending)
    finally:
        if watchdog is not None:
            watchdog.halt.set()
        # all work done: wait for the idle workers to exit, or the interpreter's exit hook may
        # write to the pool's closed wake-up pipe ("Exception ignored ... Bad file descriptor")
        pool.shutdown(wait=drained, cancel_futures=True)


class _Failed:
    """A task that will not run again: its documents fail with `reason` (a future's stand-in)."""

    def __init__(self, reason: str):
        self.reason = reason

    def result(self) -> list[Document]:
        raise _OverBudget(self.reason)

    def done(self) -> bool:
        return True


class _Done:
    """A task already run again document by document: its documents (a future's stand-in)."""

    def __init__(self, docs: list[Document]):
        self.docs = docs

    def result(self) -> list[Document]:
        return self.docs

    def done(self) -> bool:
        return True


def _succeeded(future) -> bool:
    """The task needs no new run: it finished, or it was settled for good (`_Failed`, `_Done`)."""
    if isinstance(future, (_Failed, _Done)):
        return True
    return future is not None and future.done() and not future.cancelled() and future.exception() is None


class _OverBudget(Exception):
    pass


def _fail_to_start(model, kb_paths, batch_size, broken: Exception) -> None:
    """A pool that breaks before finishing any work: most often its workers could not load the
    pipeline (a bad --kb file or model). Loading it here raises that error with its message, instead
    of failing every document as "worker died"; if it loads, the break was a document's doing."""
    from claimgraph.extract.pipeline import Extractor
    try:
        Extractor(model=model, kb_paths=kb_paths, batch_size=batch_size)
    except Exception as e:
        raise RuntimeError(f"the extraction workers could not start: {type(e).__name__}: {e}") from broken
