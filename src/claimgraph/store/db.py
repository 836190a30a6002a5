"""Engines: a plain path is a SQLite file, anything with "://" is a SQLAlchemy URL.

`postgresql://…` (and `postgres://…`) URLs get the psycopg 3 driver. On SQLite every transaction
begins with `BEGIN IMMEDIATE`, taking the write lock at its start and waiting up to
`BUSY_TIMEOUT_MS` for it, so that two processes writing one file (two ingests, an ingest and a
merge, two first openings migrating a new file) wait for each other instead of failing with
"database is locked" (on PostgreSQL, `lock_writes` does the same for the write path and the
migrations). A connection that only reads may opt out with the execution option
`sqlite_begin="DEFERRED"` (WAL readers take no lock).

PostgreSQL's text cannot hold a NUL character: on PostgreSQL every NUL in a string sent to the
database is U+FFFD, one code point for one, so a text's offsets still hold (a document with a NUL
is stored, not refused; a name with a NUL looked up finds nothing instead of failing).
"""
from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.orm import Session

try:  # JSON columns read several times faster (a hub's claim groups hold megabytes of contradictions)
    from orjson import loads as _json_loads  # installed with followthemoney
except ImportError:  # pragma: no cover
    from json import loads as _json_loads

BUSY_TIMEOUT_MS = 60_000
POSTGRES_DRIVER = "postgresql+psycopg"
WRITE_LOCK = 0x636C6169_6D677270  # PostgreSQL advisory lock key of the store's writers ("claimgrp")


def database_url(url_or_path: str | os.PathLike[str]) -> str:
    text = os.fspath(url_or_path)
    if "://" not in text:
        return "sqlite:///" + str(Path(text).expanduser())
    url = make_url(text)
    if url.drivername in ("postgresql", "postgres"):
        return url.set(drivername=POSTGRES_DRIVER).render_as_string(hide_password=False)
    return text


def _read_only_url(path: str) -> str | None:
    """A read-only SQLite URI for an existing file this process cannot write (or whose folder it
    cannot write: WAL keeps its -wal and -shm files there), else None. With no -shm file (no
    writer has the file open) `immutable=1`: SQLite reads it creating no lock file beside it."""
    folder = os.path.dirname(path) or "."
    if not os.path.isfile(path) or (os.access(path, os.W_OK) and os.access(folder, os.W_OK)):
        return None
    immutable = "&immutable=1" if not os.path.exists(path + "-shm") else ""
    return f"sqlite:///file:{quote(os.path.abspath(path))}?mode=ro{immutable}&uri=true"


class NoStore(LookupError):
    """A command that only reads was given a path or database that holds no claimgraph store."""


STORE_TABLES = ("alembic_version", "documents")  # what every migrated store has


def require_store(url_or_path: str | os.PathLike[str]) -> None:
    """Raise `NoStore` unless `url_or_path` is a claimgraph store already; creates nothing (no file,
    no folder, no table), so that a mistyped `--db` of a command that only reads is said to be one
    instead of answering from a new, empty store."""
    text = os.fspath(url_or_path)
    url = database_url(text)
    if url.startswith("sqlite:///") and not url.endswith(":memory:"):
        path = url.removeprefix("sqlite:///")
        if "?" in path:  # a URL with options (a URI filename): SQLite's own business
            return
        if not os.path.exists(path):
            raise NoStore(f"no store at {text}: run `claimgraph ingest FILES --db {text}` first")
        tables = _sqlite_tables(path)
    elif url.startswith("sqlite:"):
        return
    else:
        from sqlalchemy import inspect
        engine = create_engine(url)
        try:
            with engine.connect() as connection:
                tables = set(inspect(connection).get_table_names())
        finally:
            engine.dispose()
    if not set(STORE_TABLES) <= tables:
        raise NoStore(f"{text} is not a claimgraph store (create one with `claimgraph ingest FILES --db {text}`)")


def _sqlite_tables(path: str) -> set[str]:
    import sqlite3
    if os.path.isdir(path):
        return set()
    try:
        con = sqlite3.connect(f"file:{quote(os.path.abspath(path))}?mode=ro", uri=True)
        try:
            return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError:  # not a database at all ("file is not a database")
        return set()


def is_read_only(engine: Engine) -> bool:
    """Whether `engine` reads a SQLite file it cannot write (see `make_engine`)."""
    return engine.dialect.name == "sqlite" and engine.url.query.get("mode") == "ro"


def make_engine(url_or_path: str | os.PathLike[str]) -> Engine:
    url = database_url(url_or_path)
    if url.startswith("sqlite:///") and not url.endswith(":memory:"):
        path = url.removeprefix("sqlite:///")
        url = _read_only_url(path) or url  # a file that cannot be written is opened to be read
        if "mode=ro" not in url:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, json_deserializer=_json_loads)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect_ro if is_read_only(engine) else _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        if is_read_only(engine):  # nothing to lock: every transaction reads
            return engine.execution_options(sqlite_begin="DEFERRED")
    elif engine.dialect.driver == "psycopg":
        event.listen(engine, "connect", _psycopg_connect)
    return engine


def lock_writes(session_or_connection: Session | Connection) -> None:
    """Wait for, and hold until the end of the current transaction, the store's write lock: one
    writing transaction at a time, as SQLite's `BEGIN IMMEDIATE` has it. On PostgreSQL, an
    advisory lock; on SQLite the transaction holds the lock already."""
    bind = session_or_connection.get_bind() if isinstance(session_or_connection, Session) else session_or_connection
    if bind.dialect.name == "postgresql":
        session_or_connection.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK)))


def _psycopg_connect(dbapi_connection, _record) -> None:
    from claimgraph.store.pg_text import NUL_FREE_DUMPERS

    for dumper in NUL_FREE_DUMPERS:
        dbapi_connection.adapters.register_dumper(str, dumper)


def _sqlite_connect(dbapi_connection, _record) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so
    # that a whole add_document (and a migration's DDL) is one transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    _wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _wal(cursor) -> None:
    # Turning a new file to WAL takes an exclusive lock and SQLite answers "database is locked"
    # at once, without its busy handler, while another process opening the file does the same:
    # wait and try again, as the busy timeout would.
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _sqlite_connect_ro(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None
    dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # no journal mode to set: no write


def _sqlite_begin(connection) -> None:
    # A deferred transaction that has read and then writes fails at once, without waiting, when
    # another process wrote since its read (SQLITE_BUSY_SNAPSHOT): take the write lock first.
    mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
    connection.exec_driver_sql(f"BEGIN {mode}")
