"""Fixtures of the query tests: the store of `query_corpus`, built once and copied per test."""
from __future__ import annotations

import pytest
from query_corpus import make_store

from claimgraph.store import Store


@pytest.fixture(scope="session")
def db_path(extractor, tmp_path_factory):
    """The store file, built once; tests that write to it (the search index) use `store` instead."""
    path = tmp_path_factory.mktemp("query") / "store.db"
    make_store(extractor, path).close()
    return path


@pytest.fixture()
def store(db_path, tmp_path):
    """A fresh copy of the store for one test."""
    copy = tmp_path / "store.db"
    copy.write_bytes(db_path.read_bytes())
    with Store(copy) as s:
        yield s
