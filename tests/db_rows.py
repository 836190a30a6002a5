"""Reading a store's tables directly with SQL, on whichever database a test runs (a `db_url`)."""
from __future__ import annotations

from sqlalchemy import inspect, text

from claimgraph.store.db import make_engine


def rows(url: str, sql: str, **params) -> list[tuple]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params)]
    finally:
        engine.dispose()


def counts(url: str, tables) -> dict[str, int]:
    return {t: rows(url, f"SELECT count(*) FROM {t}")[0][0] for t in tables}


def tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


VOLATILE = {"ingested_at", "created_at", "undone_at", "at"}  # when, not what: differs between two runs


def contents(url: str, skip: set[str] = frozenset()) -> dict[str, list[tuple]]:
    """Every table's rows (their times left out), sorted: two stores with equal contents hold the
    same documents, entities, claims, evidence, judgements and figures, ids included."""
    engine = make_engine(url)
    try:
        found = {}
        with engine.connect().execution_options(sqlite_begin="DEFERRED") as conn:
            schema = inspect(conn)
            for table in sorted(set(schema.get_table_names()) - {"alembic_version"} - set(skip)):
                columns = [c["name"] for c in schema.get_columns(table) if c["name"] not in VOLATILE]
                quoted = ", ".join(f'"{c}"' for c in columns)
                found[table] = sorted((tuple(r) for r in conn.execute(text(f'SELECT {quoted} FROM "{table}"'))), key=repr)
        return found
    finally:
        engine.dispose()
