"""Two documents of one text in one run: the second is `unchanged` only once the first is stored.
When the first fails (in extraction or in the store), the second is extracted and stored in its
turn, instead of being counted unchanged for a text the store never got."""
from __future__ import annotations

from claimgraph.model import Document
from claimgraph.store import Store
from claimgraph.store.ingest import ingest_documents

TEXT = "The Quds Force supplied rockets to Kata'ib Hezbollah in Iraq, a United Nations panel said on Tuesday."
OTHER = "Saudi Arabia accused Iran of funding the Houthis in Yemen, officials said."


def docs() -> list[Document]:
    return [Document(text=TEXT, path="first.txt"), Document(text=OTHER, path="other.txt"),
            Document(text=TEXT, path="second.txt")]


def failing_first(extractor):
    """The real extraction, but first.txt fails in it (as a document over its budget does)."""
    def run(stream):
        for d in extractor(stream):
            if d.path == "first.txt":
                d.failure = "extraction stopped: the document is over its time budget"
            yield d
    return run


def paths(store) -> list[str]:
    return sorted(d.path for d in store.documents())


def test_when_the_first_fails_in_extraction_the_second_of_its_text_is_stored(tmp_path, extractor):
    outcomes = []
    with Store(str(tmp_path / "s.db")) as store:
        tally = ingest_documents(store, iter(docs()), failing_first(extractor), resolve=False,
                                 on_document=lambda d, o, e: outcomes.append((d.path, o)))
        assert paths(store) == ["other.txt", "second.txt"]
    assert (tally["stored"], tally["unchanged"], tally["failed"]) == (2, 0, 1)
    assert sorted(outcomes) == [("first.txt", "failed"), ("other.txt", "stored"), ("second.txt", "stored")]
    assert len(tally.errors) == 1 and tally.errors[0].startswith("first.txt: not stored: extraction stopped")


def test_when_the_first_fails_in_the_store_the_second_of_its_text_is_stored(tmp_path, extractor):
    class Refusing(Store):
        """A real store that refuses first.txt (as a write error of that document would)."""
        def add_documents(self, batch):
            if any(d.path == "first.txt" for d in batch):
                raise ValueError("refused")
            return super().add_documents(batch)

        def add_document(self, doc):
            if doc.path == "first.txt":
                raise ValueError("refused first.txt")
            return super().add_document(doc)

    with Refusing(str(tmp_path / "s.db")) as store:
        tally = ingest_documents(store, iter(docs()), extractor, resolve=False)
        assert paths(store) == ["other.txt", "second.txt"]
    assert (tally["stored"], tally["unchanged"], tally["failed"]) == (2, 0, 1)
    assert tally.errors == ["first.txt: not stored: ValueError: refused first.txt"]


def test_when_the_first_is_stored_the_second_of_its_text_is_unchanged(tmp_path, extractor):
    seen = []
    with Store(str(tmp_path / "s.db")) as store:
        tally = ingest_documents(store, iter(docs()), extractor, resolve=False,
                                 on_document=lambda d, o, e: seen.append((d.path, o)))
        assert paths(store) == ["first.txt", "other.txt"]
    assert (tally["stored"], tally["unchanged"], tally["failed"]) == (2, 1, 0)
    assert ("second.txt", "unchanged") in seen and len(seen) == 3


def test_a_text_stored_in_an_earlier_batch_of_the_run_is_unchanged(tmp_path, extractor):
    # nothing is kept per stored document: the store answers that the text is in it
    from claimgraph.store.ingest import WRITE_BATCH
    texts = [f"Officials in Basra said {n} fighters of the militia left the city on Monday." for n in range(WRITE_BATCH + 2)]
    batch = [Document(text=t, path=f"{i}.txt") for i, t in enumerate(texts)] + [Document(text=texts[0], path="again.txt")]
    outcomes = {}
    with Store(str(tmp_path / "s.db")) as store:
        tally = ingest_documents(store, iter(batch), extractor, resolve=False,
                                 on_document=lambda d, o, e: outcomes.__setitem__(d.path, o))
        assert store.document_count() == WRITE_BATCH + 2
    assert (tally["stored"], tally["unchanged"]) == (WRITE_BATCH + 2, 1)
    assert outcomes["again.txt"] == "unchanged" and outcomes["0.txt"] == "stored"


def test_with_an_extraction_worker_the_second_of_a_text_is_unchanged_once_the_first_is_stored(tmp_path):
    # a worker gives back a copy of each document, not the object read: the first's turn must end
    # all the same (its waiting document counted, nothing of it kept for the rest of the run)
    import functools

    from claimgraph.extract.workers import Budget, extract_documents
    pooled = functools.partial(extract_documents, workers=1, budget=Budget.make())
    outcomes = []
    with Store(str(tmp_path / "s.db")) as store:
        tally = ingest_documents(store, iter(docs()), pooled, resolve=False,
                                 on_document=lambda d, o, e: outcomes.append((d.path, o)))
        assert paths(store) == ["first.txt", "other.txt"]
    assert (tally["stored"], tally["unchanged"], tally["failed"]) == (2, 1, 0)
    assert sorted(outcomes) == [("first.txt", "stored"), ("other.txt", "stored"), ("second.txt", "unchanged")]
