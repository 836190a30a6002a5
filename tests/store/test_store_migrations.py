"""Opening a store migrates it: fresh files get every table, old ones are brought to head."""
from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from claimgraph.store import Store
from claimgraph.store.migrate import current_revision, downgrade, head_revision
from claimgraph.store.schema import Base

TABLES = {"documents", "entities", "entity_aliases", "mentions", "claims", "evidence"}


def tables(path: str) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_fresh_file_gets_every_table_at_head(db_path):
    with Store(db_path) as store:
        with store.engine.connect() as conn:
            assert current_revision(conn) == head_revision() is not None
    assert TABLES | {"alembic_version"} <= tables(db_path)


def test_migration_matches_the_models(db_path):
    """The hand-written revision creates exactly what schema.py declares (columns, indexes, constraints)."""
    with Store(db_path) as store, store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_filtered_columns_are_indexed(db_path):
    Store(db_path).close()
    inspector = inspect(create_engine(f"sqlite:///{db_path}"))
    indexed = {(t, tuple(ix["column_names"])) for t in TABLES for ix in inspector.get_indexes(t)}
    for wanted in [("mentions", ("entity_id",)), ("mentions", ("doc_id",)), ("claims", ("subject",)),
                   ("claims", ("object",)), ("claims", ("predicate",)), ("evidence", ("doc_id",))]:
        assert wanted in indexed


def test_opening_twice_keeps_data(db_path, doc_1):
    with Store(db_path) as store:
        assert store.add_document(doc_1)
    with Store(db_path) as store:
        assert store.document_count() == 1
        assert store.has_document(doc_1.sha256)


def test_old_file_is_migrated(db_path):
    with Store(db_path) as store, store.engine.begin() as conn:
        downgrade(conn, "base")
    assert tables(db_path) & TABLES == set()
    with Store(db_path) as store:
        assert store.document_count() == 0
    assert TABLES <= tables(db_path)


def test_sqlite_runs_with_foreign_keys_and_wal(db_path):
    with Store(db_path) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_url_and_memory_databases(tmp_path, doc_1):
    with Store(f"sqlite:///{tmp_path / 'by-url.db'}") as store:
        assert store.add_document(doc_1)
    assert (tmp_path / "by-url.db").exists()
    with Store("sqlite://") as store:
        assert store.add_document(doc_1)
        assert store.document_count() == 1
