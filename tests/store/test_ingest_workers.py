"""`ingest_documents` with one extraction process and with two, into two real stores: the same
rows, ids included; a document that fails in the middle stops nothing; ingesting again changes
nothing."""
from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from db_rows import contents

from claimgraph.extract.workers import extract_documents
from claimgraph.ingest.reader import read_paths
from claimgraph.model import Document
from claimgraph.store import Store
from claimgraph.store.ingest import ingest_documents

def _new_database():
    """tests/conftest.py's `new_database` (a second store of the same kind as `db_url`); loaded by
    path, since `conftest` names another module when several test folders run together."""
    spec = importlib.util.spec_from_file_location("tests_conftest", Path(__file__).parents[1] / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.new_database


CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"
LIMIT = 200_000  # over every sample document, under the planted one


def corpus() -> list[Document]:
    docs = [d for d in read_paths([CORPUS]) if isinstance(d, Document)]
    assert max(len(d.text) for d in docs) < LIMIT
    long = Document(text="The Houthis fired a missile at Riyadh. " * (LIMIT // 30), path="too-long.txt")
    return docs[:10] + [long] + docs[10:]  # a failure in the middle of the stream


def ingest(url: str, extractor):
    with Store(url) as store:
        tally = ingest_documents(store, iter(corpus()), extractor, max_chars=LIMIT)
    return tally


def test_one_and_two_workers_store_the_same_rows(db_url, tmp_path, extractor, request):
    kind = request.node.callspec.params["db_url"]
    pg = request.getfixturevalue("pg_server") if kind == "postgresql" else None
    two_workers = functools.partial(extract_documents, workers=2)
    one = ingest(db_url, extractor)
    (tmp_path / "two").mkdir()
    with _new_database()(kind, tmp_path / "two", pg) as other:
        two = ingest(other, two_workers)
        n = len(corpus()) - 1
        for tally in (one, two):
            assert tally["failed"] == 1 and "too-long.txt" in tally.errors[0]
            assert tally["stored"] + tally["unchanged"] == n and tally["stored"] >= 20
        assert dict(one) == dict(two)
        first = contents(db_url)
        assert first["claims"] and first["evidence"] and first["mentions"]
        assert first == contents(other)

        again = ingest(other, two_workers)
        assert again["stored"] == 0 and again["unchanged"] == n and again["failed"] == 1
        assert contents(other) == first
