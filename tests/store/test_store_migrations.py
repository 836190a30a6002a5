"""Opening a store migrates it: fresh databases get every table, old ones are brought to head,
on SQLite and on PostgreSQL."""
from __future__ import annotations

import subprocess
import sys
import time

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from db_rows import tables
from sqlalchemy import inspect

from claimgraph.store import Store
from claimgraph.store.db import database_url, make_engine
from claimgraph.store.migrate import current_revision, downgrade, head_revision
from claimgraph.store.schema import Base

TABLES = {"documents", "entities", "entity_aliases", "mentions", "claims", "evidence"}


def test_fresh_file_gets_every_table_at_head(db_url):
    with Store(db_url) as store:
        with store.engine.connect() as conn:
            assert current_revision(conn) == head_revision() is not None
    assert TABLES | {"alembic_version"} <= tables(db_url)


def test_migration_matches_the_models(db_url):
    """The hand-written revision creates exactly what schema.py declares (columns, indexes, constraints)."""
    with Store(db_url) as store, store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_filtered_columns_are_indexed(db_url):
    Store(db_url).close()
    inspector = inspect(make_engine(db_url))
    indexed = {(t, tuple(ix["column_names"])) for t in TABLES for ix in inspector.get_indexes(t)}
    for wanted in [("mentions", ("entity_id",)), ("mentions", ("doc_id",)), ("claims", ("subject",)),
                   ("claims", ("object",)), ("claims", ("predicate",)), ("evidence", ("doc_id",))]:
        assert any(t == wanted[0] and columns[:len(wanted[1])] == wanted[1] for t, columns in indexed), wanted
    # an actor's documents are counted from the index alone (migration 0017)
    assert ("mentions", ("entity_id", "doc_id")) in indexed


def test_opening_twice_keeps_data(db_url, doc_1):
    with Store(db_url) as store:
        assert store.add_document(doc_1)
    with Store(db_url) as store:
        assert store.document_count() == 1
        assert store.has_document(doc_1.sha256)


def test_old_file_is_migrated(db_url):
    with Store(db_url) as store, store.engine.begin() as conn:
        downgrade(conn, "base")
    assert tables(db_url) & TABLES == set()
    with Store(db_url) as store:
        assert store.document_count() == 0
    assert TABLES <= tables(db_url)


def test_sqlite_runs_with_foreign_keys_and_wal(tmp_path):
    with Store(tmp_path / "store.db") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_url_and_memory_databases(tmp_path, doc_1):
    with Store(f"sqlite:///{tmp_path / 'by-url.db'}") as store:
        assert store.add_document(doc_1)
    assert (tmp_path / "by-url.db").exists()
    with Store("sqlite://") as store:
        assert store.add_document(doc_1)
        assert store.document_count() == 1


def test_postgresql_urls_get_psycopg_3():
    assert database_url("postgresql://u@/db?host=/tmp/x").startswith("postgresql+psycopg://u@/db?")
    assert database_url("postgres://u:pw@db.example:5433/cg") == "postgresql+psycopg://u:pw@db.example:5433/cg"
    assert database_url("postgresql+psycopg2://u@h/db") == "postgresql+psycopg2://u@h/db"  # a driver asked for is kept
    assert database_url("store.db") == "sqlite:///store.db"


OPEN = """
import pathlib, sys, time
from claimgraph.store import Store
folder = pathlib.Path(sys.argv[2])
(folder / f"ready-{sys.argv[3]}").touch()
while not (folder / "go").exists():  # every process imported and waiting: they open at once
    time.sleep(0.002)
Store(sys.argv[1]).close()
"""


def test_processes_opening_a_new_store_at_once_migrate_it_once(db_url, tmp_path):
    """The first opening migrates; the others wait for its lock (SQLite: BEGIN IMMEDIATE;
    PostgreSQL: the store's advisory lock) and then find the schema at head."""
    n = 4
    procs = [subprocess.Popen([sys.executable, "-c", OPEN, db_url, str(tmp_path), str(i)], stderr=subprocess.PIPE, text=True)
             for i in range(n)]
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("ready-*"))) < n and time.monotonic() < deadline and all(p.poll() is None for p in procs):
        time.sleep(0.01)
    (tmp_path / "go").touch()
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * n, errors
    with Store(db_url) as store, store.engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        assert conn.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar() == 1
