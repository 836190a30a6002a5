"""A Doc's text, built once: spaCy rebuilds `Doc.text` from its tokens on every access."""
from __future__ import annotations

from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get("claimgraph.text")
    if text is None:
        text = doc.user_data["claimgraph.text"] = doc.text
    return text
