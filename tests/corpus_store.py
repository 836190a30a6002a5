"""A store built from a list of texts through the real pipeline (the test corpora share it)."""
from __future__ import annotations

from claimgraph.model import Document
from claimgraph.store import Store


def store_from(extractor, path, docs: list[dict]) -> Store:
    """A store at `path` holding `docs` (dicts of text, title, source, published), each extracted."""
    store = Store(path)
    documents = [Document(text=d["text"], title=d["title"], source=d["source"], published=d["published"],
                          genre="news") for d in docs]
    for doc in extractor(documents):
        assert doc.failure is None
        assert store.add_document(doc)
    return store
