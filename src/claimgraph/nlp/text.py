"""A Doc's text, built once: spaCy rebuilds `Doc.text` from its tokens on every access."""
from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.nlp.tokens import tokens


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get("claimgraph.text")
    if text is None:  # `Doc.text`'s own join, over the Doc's shared tokens (no new Token per word)
        text = doc.user_data["claimgraph.text"] = "".join([t.text_with_ws for t in tokens(doc)])
    return text
