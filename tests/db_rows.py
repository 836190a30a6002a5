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
