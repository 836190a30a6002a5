"""Bounds every step of the claim stage keeps, whatever the text."""
from __future__ import annotations

from spacy.tokens import Doc, Span

# a "sentence" longer than this is text without sentence breaks (a real one rarely passes 150
# tokens): its parse says little, and the walks over it would cost the square of its length
MAX_SENTENCE_TOKENS = 1000


def too_long(sent: Span) -> bool:
    return len(sent) > MAX_SENTENCE_TOKENS


def unread_tokens(doc: Doc) -> list[bool]:
    """For each token, whether it is in a sentence too long to read."""
    flags = [False] * len(doc)
    for s in doc.sents:
        if too_long(s):
            flags[s.start:s.end] = [True] * len(s)
    return flags
