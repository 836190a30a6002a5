"""Fixtures of the query tests: the store of `query_corpus`, built once per database (SQLite and
PostgreSQL) and copied per test (a file copy; a database made from it as a template)."""
from __future__ import annotations

import uuid

import pytest
import typer
from query_corpus import make_store

from claimgraph.cli.query_cmds import register
from claimgraph.store import Store


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def db_path(request, extractor, tmp_path_factory):
    """The store's URL, built once; tests that write to it use `store` instead."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("query") / "store.db"
        make_store(extractor, path).close()
        yield f"sqlite:///{path}"
        return
    import psycopg
    from sqlalchemy.engine import make_url

    server = request.getfixturevalue("pg_server")
    name = f"claimgraph_query_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    make_store(extractor, url).close()
    yield url
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture()
def store(db_path, tmp_path, request):
    """A fresh copy of the store for one test."""
    if db_path.startswith("sqlite:///"):
        copy = tmp_path / "store.db"
        copy.write_bytes(open(db_path.removeprefix("sqlite:///"), "rb").read())
        with Store(copy) as s:
            yield s
        return
    import psycopg
    from sqlalchemy.engine import make_url

    server = request.getfixturevalue("pg_server")
    source = make_url(db_path).database
    name = f"claimgraph_copy_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    try:
        with Store(make_url(db_path).set(database=name).render_as_string(hide_password=False)) as s:
            yield s
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    """The query commands on a Typer app of their own, for the CLI tests."""
    app = typer.Typer()
    register(app)
    return app
