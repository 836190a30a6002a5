"""SQLite: transactions take the write lock at their start and wait for it (busy timeout); a
connection that only reads may begin DEFERRED and read beside a writer (WAL)."""
from __future__ import annotations

import sqlite3
import threading
import time

from claimgraph.store import Store


def hold_write_lock(path, seconds: float) -> threading.Thread:
    """Another connection holds the write lock for `seconds`, from now."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    thread = threading.Thread(target=lambda: (time.sleep(seconds), conn.execute("COMMIT"), conn.close()))
    thread.start()
    return thread


def test_a_transaction_waits_for_the_writer_instead_of_failing(tmp_path, doc_1):
    path = tmp_path / "store.db"
    with Store(path) as store:
        writer = hold_write_lock(path, 0.5)
        start = time.monotonic()
        assert store.add_document(doc_1) is True
        assert time.monotonic() - start >= 0.4
        writer.join()


def test_a_deferred_read_does_not_wait_for_the_writer(tmp_path, doc_1):
    path = tmp_path / "store.db"
    with Store(path) as store:
        store.add_document(doc_1)
        writer = hold_write_lock(path, 1.0)
        start = time.monotonic()
        with store.engine.connect().execution_options(sqlite_begin="DEFERRED") as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM documents").scalar() == 1
        assert time.monotonic() - start < 0.5
        writer.join()
