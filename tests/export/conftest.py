"""The demo store (`claimgraph ingest samples/corpus`), built once for the export tests; a test
that writes to it takes a copy (`demo_copy`)."""
from __future__ import annotations

import shutil

import pytest
from demo_store import build


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> str:
    """The path of a SQLite store of the sample corpus, as `make demo` builds it (read it only)."""
    return build(str(tmp_path_factory.mktemp("demo") / "demo.db"))


@pytest.fixture
def demo_copy(demo_db, tmp_path) -> str:
    """A copy of the demo store that a test may change."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_db, path)
    return str(path)
