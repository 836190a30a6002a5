"""A store at the newest migration opens without Alembic; one behind it is still migrated (on
SQLite and on PostgreSQL)."""
from __future__ import annotations

import json
import subprocess
import sys

from sqlalchemy import text

from claimgraph.store import Store, revision
from claimgraph.store.db import make_engine
from claimgraph.store.migrate import current_revision, downgrade, head_revision

# Opens the store given, reads its document count and says whether Alembic was imported.
OPEN = """
import json, sys
from claimgraph.store import Store
with Store(sys.argv[1]) as store:
    n = store.document_count()
print(json.dumps({"documents": n, "alembic": "alembic" in sys.modules}))
"""


def open_in_fresh_process(url: str) -> dict:
    done = subprocess.run([sys.executable, "-c", OPEN, url], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def revision_of(url: str) -> str | None:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return current_revision(conn)
    finally:
        engine.dispose()


def test_the_head_read_from_the_scripts_is_alembics():
    assert revision.head() == head_revision() is not None


def test_a_new_database_is_not_current_until_opened(db_url):
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            assert revision.stored(conn) is None and not revision.is_current(conn)
        Store(db_url).close()
        with engine.connect() as conn:
            assert revision.stored(conn) == head_revision() and revision.is_current(conn)
    finally:
        engine.dispose()


def test_a_store_at_head_opens_without_alembic(db_url, doc_1):
    with Store(db_url) as store:
        assert store.add_document(doc_1)
    assert open_in_fresh_process(db_url) == {"documents": 1, "alembic": False}


def test_a_store_behind_head_is_migrated_by_alembic(db_url):
    with Store(db_url) as store, store.engine.begin() as conn:
        downgrade(conn, "0003")
    assert revision_of(db_url) == "0003" != head_revision()
    assert open_in_fresh_process(db_url) == {"documents": 0, "alembic": True}
    assert revision_of(db_url) == head_revision()


def test_a_database_naming_an_unknown_revision_is_left_to_alembic(db_url):
    Store(db_url).close()
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        with engine.connect() as conn:
            assert not revision.is_current(conn)
    finally:
        engine.dispose()
    done = subprocess.run([sys.executable, "-c", OPEN, db_url], capture_output=True, text=True)
    assert done.returncode != 0 and "9999" in done.stderr
