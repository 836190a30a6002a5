"""The million-claim bench's bulk path writes the same rows as `Store.add_document`, on SQLite and
PostgreSQL, and its copy into another database holds the same rows."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import million_store  # noqa: E402

CLAIMS, SEED = 600, 3


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict:
    """The rows of the synthetic corpus written document by document through Store.add_document."""
    path = tmp_path_factory.mktemp("write") / "write.db"
    assert million_store.build_write_path(str(path), CLAIMS, SEED) > 100
    return million_store.table_rows(str(path))


def test_bulk_path_writes_the_rows_and_figures_of_the_write_path(db_url, written):
    built = million_store.build_bulk(db_url, CLAIMS, SEED)
    assert built["claims"] == CLAIMS and built["reprints"] > 0
    rows = million_store.table_rows(db_url)
    assert len(rows["claim_figures"]) == CLAIMS and rows["claim_groups"] and rows["document_bands"]
    assert million_store.differences(rows, written) == {}


def test_differences_name_the_table_and_row_that_differ(written):
    changed = dict(written, evidence=written["evidence"][1:])
    diff = million_store.differences(changed, written)
    assert list(diff) == ["evidence"]
    assert diff["evidence"]["only_second"] == written["evidence"][:1]


def test_copy_to_another_database_keeps_every_row(db_url, tmp_path, written):
    source = tmp_path / "bulk.db"
    million_store.build_bulk(str(source), CLAIMS, SEED)
    million_store.copy_to(str(source), db_url)
    assert million_store.differences(million_store.table_rows(db_url), written) == {}
