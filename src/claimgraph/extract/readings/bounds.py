"""Bounds on the walks that find a trigger's arguments.

The argument finders call one another over the parse (a subject's event noun asks for its own
actor, which asks the verb above it ...). A parse can send such a walk back to a call it is
already in (a cycle) or down a chain as long as the sentence (200 nested relative clauses).
`bounded` cuts both: a method called again on a token it is still working on, or nested deeper
than `MAX_NESTING` bounded calls, finds nothing there.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from spacy.tokens import Token

MAX_NESTING = 32  # bounded calls in progress at once; a few Python frames each
F = TypeVar("F", bound=Callable)


class Walks:
    """The bounded calls in progress, keyed by (method, token index)."""

    def __init__(self) -> None:
        self.active: set[tuple[str, int]] = set()


def bounded(fn: F) -> F:
    """Decorate a method `(self, token, ...) -> list` of an object with a `walks: Walks`."""
    name = fn.__name__

    @wraps(fn)
    def run(self, tok: Token, *args, **kwargs):
        active = self.walks.active
        key = (name, tok.i)
        if key in active or len(active) >= MAX_NESTING:
            return []
        active.add(key)
        try:
            return fn(self, tok, *args, **kwargs)
        finally:
            active.discard(key)
    return run  # type: ignore[return-value]
