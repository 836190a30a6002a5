"""Where quotations are: character ranges inside quotation marks, computed once per document.

Curly quotes open and close, straight double quotes toggle; a line break ends an unclosed
quotation."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from claimgraph.nlp.text import doc_text

_QUOTE_EVENTS = re.compile(r'[“”«»„"\n]')
_OPEN = "“«„"


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    cached = doc.user_data.get("claimgraph.quotes")
    if cached is not None:
        return cached
    spans: list[tuple[int, int]] = []
    opened = None
    text = doc_text(doc)
    for m in _QUOTE_EVENTS.finditer(text):
        ch, at = m.group(), m.start()
        if ch == "\n":
            if opened is not None:
                spans.append((opened, at))
                opened = None
        elif opened is None and (ch in _OPEN or ch == '"'):
            opened = at
        elif opened is not None and ch not in _OPEN:
            spans.append((opened, at + 1))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    doc.user_data["claimgraph.quotes"] = spans
    return spans
