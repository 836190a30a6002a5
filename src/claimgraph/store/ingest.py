"""Adding read documents to the store: extract the new ones, store them, tally what happened.

One loop for every caller (the `ingest` command, the REST API's upload), so that a document
goes through the same checks, extraction and transaction whichever way it came in.
"""
from __future__ import annotations

import contextlib
import inspect
import itertools
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator

from claimgraph.model import Document

from claimgraph.ingest.errors import MAX_TEXT_CHARS, over_length

STORED, UNCHANGED, FAILED = "stored", "unchanged", "failed"

WRITE_BATCH = 16  # documents per write transaction: their shared claim groups are graded once

OnDocument = Callable[[Document, str, "str | None"], None]


class Tally(Counter):
    """Counts of documents `stored`, `unchanged` (text already in the store) and `failed`, and
    `errors`: one message per failed document ("path: why")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.errors: list[str] = []


def _is_factory(extractor) -> bool:
    """Whether `extractor` makes the extraction function (takes no arguments) rather than being one."""
    try:
        inspect.signature(extractor).bind()
    except (TypeError, ValueError):
        return False
    return True


def ingest_documents(store, docs: Iterable[Document], extractor, on_document: OnDocument | None = None,
                     max_chars: int = MAX_TEXT_CHARS, resolve: bool = True,
                     lock: contextlib.AbstractContextManager | None = None) -> Tally:
    """Extract the documents whose text is not stored yet and add them to `store` in transactions
    of `WRITE_BATCH` documents (a savepoint each); a document that fails (too long, extraction or
    storage error) does not stop the others. Then, with `resolve`, when anything was stored or the
    store records documents not resolved yet (a run killed before its resolution committed, or
    one with `resolve=False`), merge the entities that name one actor across documents
    (`Resolver.auto`: recorded automatic judgements, undoable); the count is `merged`.

    `docs` is consumed as a stream: each document is checked (already stored, this run's stored
    documents included, or too long) as it is read and extracted and stored as it comes, so
    memory does not grow with the number of documents (nothing is kept per stored document: the
    store itself says which texts it has). A document whose text is being extracted already (an
    earlier one of the run) waits for that one: `unchanged` once it is stored, else extracted in
    its turn (the first one failed: this one is not lost with it).
    `extractor` is an `Extractor` (or any function from an iterable of documents to an iterator
    of them in order, e.g. `extract.workers.extract_documents` with its options bound), or a
    function of no arguments that makes one: it is called only if some document is new
    (loading the spaCy pipeline takes seconds).
    `on_document(doc, outcome, error)` is called once per document, in order of completion,
    with outcome "stored", "unchanged" or "failed" and the error message of a failure.
    `lock` (the REST server's write lock) is held around each store write and the resolution,
    never around extraction: what waits on it waits for a transaction, not for spaCy.
    """
    lock = lock if lock is not None else contextlib.nullcontext()
    tally = Tally()
    flight: dict[str, tuple[Document, list[Document]]] = {}  # text → the document extracting it, those waiting
    again: deque[Document] = deque()  # documents whose text's first document failed: their turn

    def record(doc: Document, outcome: str, error: str | None = None) -> None:
        tally[outcome] += 1
        if error:
            tally.errors.append(f"{doc.path or doc.id}: {error}")
        if on_document is not None:
            on_document(doc, outcome, error)

    def done(doc: Document, outcome: str, error: str | None = None) -> None:
        record(doc, outcome, error)
        # only the document in flight for its text is extracted, so this is it (from a worker, a
        # copy of it, not the object read: its entry must go all the same, or it stays for good)
        if doc.sha256 not in flight:
            return
        _, waiting = flight.pop(doc.sha256)
        if outcome == FAILED:
            again.extend(waiting)
        else:  # its text is committed now: `store.has_document` finds it for the rest of the run
            for w in waiting:
                record(w, UNCHANGED)

    source = iter(docs)

    def new_documents() -> Iterator[Document]:
        """The documents to extract, checked one by one as they are read (those given another
        turn first)."""
        while again or (d := next(source, None)) is not None:
            if again:
                d = again.popleft()
            if store.has_document(d.sha256):
                record(d, UNCHANGED)
            elif d.sha256 in flight:
                flight[d.sha256][1].append(d)
            elif why := over_length(d.text, max_chars):
                record(d, FAILED, why)
            else:
                flight[d.sha256] = (d, [])
                yield d

    make = _once(extractor)
    # a text's first document may fail after the stream has ended: its waiting ones get a last round
    while (first := next(stream := new_documents(), None)) is not None:
        _extract_and_write(store, itertools.chain([first], stream), make, done, lock)
    # pending work is recorded in the store (a mark set with each stored document, cleared by
    # `Resolver.auto`), not inferred from this run: a run killed before resolving is finished here
    with lock:
        if resolve and (tally[STORED] or _resolution_pending(store)):
            from claimgraph.resolve import Resolver  # resolution builds on the store, not the reverse
            tally["merged"] = Resolver(store).auto()
        if tally[STORED] and hasattr(store, "optimize"):
            store.optimize()  # the planner's statistics follow the store's growth
    return tally


def _once(extractor) -> Callable:
    """A function giving the extraction function, made on first use (from a factory) and kept."""
    made: list = []

    def get():
        if not made:
            made.append(extractor() if _is_factory(extractor) else extractor)
        return made[0]
    return get


def _extract_and_write(store, docs: Iterable[Document], make, done, lock) -> None:
    batch: list[Document] = []
    try:
        for d in make()(docs):
            d.spacy_doc = None  # stored documents are dropped as they go: memory stays flat
            if d.failure:
                done(d, FAILED, f"not stored: {d.failure}")
                continue
            batch.append(d)
            if len(batch) == WRITE_BATCH:
                with lock:
                    _write(store, batch, done)
                batch = []
    finally:  # documents already extracted are stored even when the extraction stops the run
        with lock:
            _write(store, batch, done)


def _resolution_pending(store) -> bool:
    pending = getattr(store, "resolution_pending", None)
    return bool(pending()) if pending is not None else False


def _write(store, batch: list[Document], done) -> None:
    """Store `batch` in one transaction (a savepoint per document); if that transaction itself
    fails, each document alone, so that only the documents at fault fail."""
    if not batch:
        return
    try:
        results = store.add_documents(batch)
    except Exception:  # noqa: BLE001 - the batch's own transaction: retried document by document
        results = []
        for d in batch:
            try:
                results.append(store.add_document(d))
            except Exception as e:  # noqa: BLE001 - one bad document must not stop the run
                results.append(e)
    for d, r in zip(batch, results):
        if isinstance(r, Exception):
            done(d, FAILED, f"not stored: {type(r).__name__}: {r}")
        else:
            done(d, STORED if r else UNCHANGED)
