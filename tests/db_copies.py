"""Stores built once and copied per test, on SQLite (a file copy) or PostgreSQL (a database made
from another as its template). A store is named by its URL either way."""
from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from pathlib import Path

PG_ENV = "CLAIMGRAPH_TEST_PG"


def _server() -> str:
    return os.environ[PG_ENV]


def _pg_url(name: str) -> str:
    from sqlalchemy.engine import make_url
    return make_url(_server()).set(database=name).render_as_string(hide_password=False)


def _admin(sql: str) -> None:
    import psycopg
    with psycopg.connect(_server(), autocommit=True) as conn:
        conn.execute(sql)


def new_url(kind: str, folder: Path) -> str:
    """The URL of a new, empty database of `kind` (drop a PostgreSQL one with `drop`)."""
    if kind == "sqlite":
        return f"sqlite:///{folder / f'store-{uuid.uuid4().hex[:8]}.db'}"
    name = f"claimgraph_t_{uuid.uuid4().hex[:12]}"
    _admin(f'CREATE DATABASE "{name}"')
    return _pg_url(name)


def copy_url(url: str, folder: Path) -> str:
    """A copy of the store at `url`: a new file, or a new database with `url`'s as its template
    (nobody may be connected to it while it is copied)."""
    if url.startswith("sqlite:///"):
        target = folder / f"copy-{uuid.uuid4().hex[:8]}.db"
        shutil.copy(url.removeprefix("sqlite:///"), target)
        return f"sqlite:///{target}"
    from sqlalchemy.engine import make_url
    name = f"claimgraph_t_{uuid.uuid4().hex[:12]}"
    _admin(f'CREATE DATABASE "{name}" TEMPLATE "{make_url(url).database}"')
    return _pg_url(name)


def drop(url: str) -> None:
    if not url.startswith("sqlite:///"):
        from sqlalchemy.engine import make_url
        _admin(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')


@contextlib.contextmanager
def copied(url: str, folder: Path):
    copy = copy_url(url, folder)
    try:
        yield copy
    finally:
        drop(copy)
