"""Fixtures shared by the whole suite: one real spaCy pipeline with the bundled knowledge base."""
from __future__ import annotations

import pytest

from claimgraph.extract.pipeline import Extractor
from claimgraph.model import Document


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor):
    """Run the pipeline on a text; returns the Document with its entities."""
    def run(text: str) -> Document:
        [doc] = list(extractor([Document(text=text)]))
        return doc
    return run
