"""Run the extraction stages over documents: spaCy parses, then each registered stage fills in
the same `Document` (entities now; claims are the next stage to register)."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from claimgraph.extract.entities.actors import extract_entities
from claimgraph.extract.entities.lexicon import default_lexicon
from claimgraph.kb.loader import KnowledgeBase
from claimgraph.model import Document
from claimgraph.nlp.pipeline import load_pipeline

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


class Extractor:
    """The spaCy pipeline plus the named stages, applied to a stream of documents."""

    def __init__(self, model: str | None = None, kb_paths: tuple[str, ...] = (),
                 stages: tuple[str, ...] = ("entities", "claims"), batch_size: int = 16):
        unknown = [s for s in stages if s not in STAGES]
        if unknown:
            raise ValueError(f"unknown extraction stage(s): {', '.join(unknown)}; known: {', '.join(STAGES)}")
        self.nlp = load_pipeline(model, tuple(kb_paths))
        self.kb: KnowledgeBase = self.nlp.get_pipe("claimgraph_kb_ruler").kb
        self.lexicon = default_lexicon()
        self.stages = [(s, STAGES[s]) for s in stages]
        self.batch_size = batch_size

    @property
    def model_name(self) -> str:
        return f"{self.nlp.meta.get('lang', 'en')}_{self.nlp.meta.get('name', '?')}-{self.nlp.meta.get('version', '?')}"

    def __call__(self, documents: Iterable[Document]) -> Iterator[Document]:
        pairs = ((d.text, d) for d in documents)
        for sdoc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            document.spacy_doc = sdoc
            for name, run in self.stages:
                try:
                    run(document, self)
                except Exception as e:  # one document's failure must not end the run
                    document.extra["error"] = f"{name} stage failed: {type(e).__name__}: {e}"
                    document.entities, document.claims = [], []
                    break
            yield document
