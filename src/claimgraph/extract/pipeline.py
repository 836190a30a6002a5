"""Run the extraction stages over documents: spaCy parses, then each registered stage fills in
the same `Document` (entities now; claims are the next stage to register).

A text longer than `CHUNK_CHARS` is parsed in pieces cut at paragraph breaks (else at a
sentence's end, else at a space) and the pieces' Docs joined into one (`Doc.from_docs`: the same
text, so every offset is into the whole text): spaCy's parse of one Doc costs about 3.5 MB per
1,000 characters while it runs (a 2,000,000-character text, 7 GB), a joined Doc a small part of
that. The stages then run over the whole joined Doc: what they keep per document (the actors
named so far, anaphora) sees all of it.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from claimgraph.extract.entities.actors import extract_entities
from claimgraph.extract.entities.lexicon import default_lexicon
from claimgraph.kb.loader import KnowledgeBase
from claimgraph.model import Document
from claimgraph.nlp.pipeline import load_pipeline
from claimgraph.nlp.tokens import release
from spacy.tokens import Doc

Stage = Callable[[Document, "Extractor"], None]
STAGES: dict[str, Stage] = {}


def stage(name: str) -> Callable[[Stage], Stage]:
    """Register an extraction stage by name (like a spaCy component factory)."""
    def register(fn: Stage) -> Stage:
        STAGES[name] = fn
        return fn
    return register


@stage("entities")
def _entities(document: Document, ex: "Extractor") -> None:
    extract_entities(document, ex.kb, ex.lexicon)


@stage("claims")
def _claims(document: Document, ex: "Extractor") -> None:
    from claimgraph.extract.claims import extract_claims
    extract_claims(document)


CHUNK_CHARS = 50_000  # the longest text parsed in one piece (about 200 MB of parse at a time)

# where a piece may end, best first: after a paragraph break, a line break, a sentence's end, a space
_CUTS = (re.compile(r"\n[ \t\r\f\v]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+(?=\S)"),
         re.compile(r"\s+"))


def pieces(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """`text` cut into pieces of at most `size` characters, as (start, end) offsets that follow each
    other and cover it; each piece ends after the whitespace of its cut, so that no token (and no
    sentence, at a paragraph break) spans two. A text of at most `size` is one piece."""
    out, start, n = [], 0, len(text)
    while n - start > size:
        end = start + size
        window = text[start + size // 2:end]  # a piece is at least half the size
        cut = None
        for pattern in _CUTS:
            last = None
            for last in pattern.finditer(window):
                pass
            if last is not None and last.end() < len(window):  # the whitespace run ends in the window
                cut = start + size // 2 + last.end()
                break
        cut = cut or end  # no whitespace at all: a hard cut (a token may split there)
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


class Extractor:
    """The spaCy pipeline plus the named stages, applied to a stream of documents."""

    def __init__(self, model: str | None = None, kb_paths: tuple[str, ...] = (),
                 stages: tuple[str, ...] = ("entities", "claims"), batch_size: int = 16,
                 chunk_chars: int = CHUNK_CHARS):
        unknown = [s for s in stages if s not in STAGES]
        if unknown:
            raise ValueError(f"unknown extraction stage(s): {', '.join(unknown)}; known: {', '.join(STAGES)}")
        self.nlp = load_pipeline(model, tuple(kb_paths))
        self.kb: KnowledgeBase = self.nlp.get_pipe("claimgraph_kb_ruler").kb
        self.lexicon = default_lexicon()
        self.stages = [(s, STAGES[s]) for s in stages]
        self.batch_size = batch_size
        self.chunk_chars = chunk_chars

    @property
    def model_name(self) -> str:
        return f"{self.nlp.meta.get('lang', 'en')}_{self.nlp.meta.get('name', '?')}-{self.nlp.meta.get('version', '?')}"

    def __call__(self, documents: Iterable[Document]) -> Iterator[Document]:
        for sdoc, document in self._parsed(documents):
            document.spacy_doc = sdoc
            for name, run in self.stages:
                try:
                    run(document, self)
                except Exception as e:  # one document's failure must not end the run
                    document.failure = f"{name} stage failed: {type(e).__name__}: {e}"
                    document.entities, document.claims = [], []
                    break
            release(sdoc)
            yield document

    def _parsed(self, documents: Iterable[Document]) -> Iterator[tuple]:
        """(Doc, document) in input order: short texts parsed `batch_size` at a time, as spaCy's
        pipe does, a long one piece by piece (one at a time: a batch of pieces would cost what the
        whole text does) and joined."""
        batch: list[Document] = []
        for d in documents:
            cuts = pieces(d.text, self.chunk_chars)
            if len(cuts) == 1:
                batch.append(d)
                if len(batch) < self.batch_size:
                    continue
            if batch:
                yield from zip(self.nlp.pipe([b.text for b in batch], batch_size=self.batch_size), batch)
                batch = []
            if len(cuts) > 1:
                parts = list(self.nlp.pipe((d.text[a:b] for a, b in cuts), batch_size=1))
                # the caches components keep in user_data are per piece; the tensor no stage reads
                yield Doc.from_docs(parts, ensure_whitespace=False, exclude=("user_data", "tensor")), d
        if batch:
            yield from zip(self.nlp.pipe([b.text for b in batch], batch_size=self.batch_size), batch)
