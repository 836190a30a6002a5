"""Fixtures shared by the whole suite: one real spaCy pipeline with the bundled knowledge base,
and the databases (SQLite and PostgreSQL) the store tests run on."""
from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path

import pytest

from claimgraph.extract.pipeline import Extractor
from claimgraph.model import Document


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor):
    """Run the pipeline on a text; returns the Document with its entities."""
    def run(text: str) -> Document:
        [doc] = list(extractor([Document(text=text)]))
        return doc
    return run


# --- the databases a store test runs on ------------------------------------------------------

PG_ENV = "CLAIMGRAPH_TEST_PG"  # URL of a PostgreSQL server to create test databases on
REQUIRE_PG_ENV = "CLAIMGRAPH_REQUIRE_PG"  # "1": a missing server fails the PostgreSQL tests
DATABASES = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The URL of the PostgreSQL server in CLAIMGRAPH_TEST_PG (`make test` starts one with
    tools/pg_test_server.sh). Without it the test is skipped, or fails when CLAIMGRAPH_REQUIRE_PG=1."""
    url = os.environ.get(PG_ENV)
    if not url:
        why = f"no PostgreSQL server: {PG_ENV} is not set (tools/pg_test_server.sh run pytest ... starts one)"
        if os.environ.get(REQUIRE_PG_ENV) == "1":
            pytest.fail(f"{why}, and {REQUIRE_PG_ENV}=1")
        pytest.skip(why)
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=10).close()
    except psycopg.Error as e:
        pytest.fail(f"the PostgreSQL server of {PG_ENV}={url} does not answer: {e}")
    return url


@contextlib.contextmanager
def new_database(kind: str, folder: Path, pg_url: str | None = None):
    """A new, empty database of `kind` ("sqlite": a file in `folder`; "postgresql": a database
    created on the server at `pg_url` and dropped afterwards); yields its URL."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'store.db'}"
        return
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"claimgraph_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=DATABASES)
def db_url(request, tmp_path):
    """The URL of a new, empty store database, once on SQLite (a file in tmp_path) and once on
    PostgreSQL (a database of its own on the CLAIMGRAPH_TEST_PG server, dropped after the test);
    test ids `[sqlite]` / `[postgresql]`. Open it with `Store(db_url)` or pass it as `--db`;
    `request.node.callspec.params["db_url"]` (or `"postgresql" in db_url`) tells which it is.
    For a store shared by a module's tests, use `module_db_url`."""
    pg = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    with new_database(request.param, tmp_path, pg) as url:
        yield url


@pytest.fixture(scope="module", params=DATABASES)
def module_db_url(request, tmp_path_factory):
    """`db_url` for a whole module (a store built once, read by many tests)."""
    pg = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    with new_database(request.param, tmp_path_factory.mktemp("db"), pg) as url:
        yield url
