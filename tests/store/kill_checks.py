"""What the kill tests read from a SQLite store beside (or after) a process they SIGKILL."""
from __future__ import annotations

import sqlite3


def stored_count(db) -> int:
    """Documents committed so far (-1 before the store's tables are), read without creating the
    file or taking a lock (a WAL reader beside the writer)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return -1
    try:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return -1
    finally:
        conn.close()


def checks(db) -> tuple[list, list]:
    """`PRAGMA integrity_check` and `foreign_key_check`."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall(), conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
