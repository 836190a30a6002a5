"""SQLite: what only reads (resolution's listings, verdicts, the query snapshot, an export's
streamed rows) begins DEFERRED: it answers while another process holds the write lock, and it
does not hold that lock itself (an export of minutes would make an ingest beside it wait, and
past the 60 s busy timeout fail with "database is locked")."""
from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from claimgraph.export.read import StoreRead
from claimgraph.query.snapshot import snapshot
from claimgraph.resolve import Resolver
from claimgraph.review.reviews import Reviews
from claimgraph.store import Store

HOLD = 1.0


@pytest.fixture
def store(tmp_path, doc_1, doc_2):
    path = tmp_path / "store.db"
    with Store(path) as s:
        s.add_document(doc_1)
        s.add_document(doc_2)
        Resolver(s).merge("ent-quds-force", "ent-irgc")
        yield s


def held(path):
    """Another process's writer: holds the write lock for HOLD seconds from now."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    thread = threading.Thread(target=lambda: (time.sleep(HOLD), conn.execute("COMMIT"), conn.close()))
    thread.start()
    return thread


READS = {
    "resolver clusters": lambda s: Resolver(s).clusters(),
    "resolver audit": lambda s: Resolver(s).audit(),
    "resolver judgements": lambda s: Resolver(s).judgements(),
    "resolver candidates": lambda s: Resolver(s).candidates(),
    "resolver find": lambda s: Resolver(s).find("Quds Force"),
    "review verdicts": lambda s: Reviews(s).verdicts(),
    "query snapshot": lambda s: snapshot(s),
    "export mentions": lambda s: list(StoreRead(s).mentions()),
}


@pytest.mark.parametrize("name", READS)
def test_a_read_answers_beside_a_writer(store, name):
    path = store.engine.url.database
    READS[name](store)  # once before: imports and caches are not what is timed
    writer = held(path)
    try:
        start = time.monotonic()
        READS[name](store)
        assert time.monotonic() - start < HOLD / 2, f"{name} waited for the write lock"
    finally:
        writer.join()
