"""The ingest loop the API shares with `claimgraph ingest` (claimgraph.store.ingest)."""
from __future__ import annotations


from db_copies import copy_url

from claimgraph.model import Document
from claimgraph.store import Store
from claimgraph.store.ingest import ingest_documents


def test_new_texts_are_stored_known_ones_skipped_and_a_failure_named(api_db, extractor, tmp_path):
    copy = copy_url(api_db, tmp_path)
    with Store(copy) as store:
        known = store.documents()[0].text
    fresh = "Ansar Allah fired missiles at Saudi Arabia in 2019."
    docs = [Document(text=fresh, path="fresh.txt"), Document(text=fresh, path="again.txt"),
            Document(text=known, path="known.txt"), Document(text="Hezbollah " * 50, path="long.txt")]
    seen = []
    with Store(copy) as store:
        tally = ingest_documents(store, docs, extractor, on_document=lambda d, outcome, error: seen.append(
            (d.path, outcome)), max_chars=200)
        assert store.document_count() == 5
    assert (tally["stored"], tally["unchanged"], tally["failed"]) == (1, 2, 1)
    assert sorted(seen) == [("again.txt", "unchanged"), ("fresh.txt", "stored"), ("known.txt", "unchanged"),
                            ("long.txt", "failed")]
    assert len(tally.errors) == 1 and tally.errors[0].startswith("long.txt:") and "split the document" in tally.errors[0]


def test_the_extractor_is_made_only_when_a_text_is_new(api_db, tmp_path):
    copy = copy_url(api_db, tmp_path)
    made = []

    def factory():
        made.append(1)
        raise AssertionError("no document is new: the pipeline must not be loaded")

    with Store(copy) as store:
        docs = store.documents()
        tally = ingest_documents(store, docs, factory)
    assert tally["unchanged"] == len(docs) == 4 and not made
