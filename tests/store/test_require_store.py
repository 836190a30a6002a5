"""Opening only a store that is there (`Store(url, create=False)`, what the read-only commands do):
an empty database or a missing file is `NoStore` and is left as it was; a store opens."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect

from claimgraph.store import Store
from claimgraph.store.db import NoStore, database_url


def _tables(url: str) -> set[str]:
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as connection:
            return set(inspect(connection).get_table_names())
    finally:
        engine.dispose()


def test_an_empty_database_is_no_store_and_stays_empty(db_url):
    if db_url.startswith("sqlite:///"):
        path = db_url.removeprefix("sqlite:///")
        with pytest.raises(NoStore, match="no store at"):
            Store(path, create=False)
        import os
        assert not os.path.exists(path)
        open(path, "wb").close()  # an empty file: SQLite's empty database
    with pytest.raises(NoStore, match="is not a claimgraph store"):
        Store(db_url, create=False)
    assert _tables(db_url) == set()
    Store(db_url).close()  # a command that writes creates it
    with Store(db_url, create=False) as store:
        assert store.document_count() == 0
