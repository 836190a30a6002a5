"""add_documents: a batch in one transaction holds exactly what the documents one by one would."""
from __future__ import annotations

from pathlib import Path

import pytest
from db_copies import drop, new_url
from db_rows import contents
from sqlalchemy.exc import IntegrityError
from test_store_write import failing_document

from claimgraph.ingest import read_paths
from claimgraph.model import Document
from claimgraph.store import Store

WIRE = Path(__file__).resolve().parents[2] / "samples" / "corpus" / "wire"


@pytest.fixture(scope="module")
def wire_docs(extractor) -> list[Document]:
    """The sample corpus's wire stories (a reprint among them: one near-duplicate cluster)."""
    docs = list(extractor([d for d in read_paths([WIRE]) if isinstance(d, Document)]))
    assert len(docs) >= 5 and all(d.failure is None for d in docs)
    return docs


def test_a_batch_stores_what_one_by_one_stores(db_url, tmp_path, wire_docs, doc_1, doc_2):
    docs = [doc_1, *wire_docs[:3], failing_document(), doc_2, *wire_docs[3:], doc_1]
    one_url = new_url("postgresql" if "postgresql" in db_url else "sqlite", tmp_path)
    try:
        with Store(one_url) as store:
            expected = []
            for d in docs:
                try:
                    expected.append(store.add_document(d))
                except IntegrityError as e:
                    expected.append(e)
        with Store(db_url) as store:
            got = store.add_documents(docs[:4]) + store.add_documents(docs[4:])
        assert [type(r) for r in got] == [type(r) for r in expected]
        assert got[-1] is False and isinstance(got[4], IntegrityError)
        assert contents(db_url) == contents(one_url)
    finally:
        drop(one_url)


def test_a_document_twice_in_a_batch_is_stored_once(db_url, doc_1, doc_2):
    with Store(db_url) as store:
        assert store.add_documents([doc_1, doc_2, doc_1]) == [True, True, False]
        assert store.add_documents([doc_2]) == [False]
        assert store.document_count() == 2


def test_a_failed_document_leaves_nothing_and_its_batch_goes_on(db_url, doc_1, doc_2):
    with Store(db_url) as store:
        bad = failing_document()
        got = store.add_documents([doc_1, bad, doc_2])
        assert got[0] is True and got[2] is True and isinstance(got[1], IntegrityError)
        assert not store.has_document(bad.sha256)
        assert store.document_count() == 2

