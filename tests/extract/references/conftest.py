"""Fixtures of the reference tests: the real spaCy pipeline and entity stage, no later stage."""
from __future__ import annotations

import pytest

from claimgraph.extract.entities.actors import extract_entities
from claimgraph.extract.index import EntityIndex
from claimgraph.extract.references.coref import resolve_references
from claimgraph.model import Document


@pytest.fixture(scope="session")
def index(extractor):
    """Parse and run the entity stage only (later stages may already resolve references)."""
    def run(text: str, genre: str = "unknown", source: str | None = None) -> EntityIndex:
        document = Document(text=text, genre=genre, source=source)
        document.spacy_doc = extractor.nlp(text)
        extract_entities(document, extractor.kb, extractor.lexicon)
        return EntityIndex(document)
    return run


@pytest.fixture(scope="session")
def refs(index):
    """The resolved references of a text as {(referring text, occurrence): (entity names, rule)}."""
    def run(text: str, **document) -> dict[tuple[str, int], tuple[tuple[str, ...], str]]:
        ix = index(text, **document)
        out: dict[tuple[str, int], tuple[tuple[str, ...], str]] = {}
        for r in resolve_references(ix):
            words = ix.doc[r.start:r.end].text
            n = sum(1 for key in out if key[0] == words)
            out[(words, n)] = (tuple(ix.entities[e].name for e in r.entity_ids), r.rule)
        return out
    return run


@pytest.fixture(scope="session")
def claims_of(extractor):
    """The whole pipeline on a document of the given genre."""
    def run(text: str, genre: str = "unknown") -> Document:
        [doc] = list(extractor([Document(text=text, genre=genre)]))
        return doc
    return run
