"""The one error type of the ingest stage: a file (or a line of one) that could not be read; and
the one limit on a text's length that every path (extract, ingest, batch) applies."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class IngestError(Exception):
    """A problem with one input; `read_paths` yields these and goes on with the rest.

    It is also an exception, so that `read_text` and the format readers can raise it.
    """

    path: str
    line: int | None
    message: str

    def __post_init__(self) -> None:
        # Always one line of valid UTF-8, whatever a library put in its error text (a lone surrogate
        # from a file name that is not UTF-8 as `\udce9`, since no stream or store takes it raw).
        self.message = _printable(" ".join(str(self.message).split()))
        if any("\ud800" <= char <= "\udfff" for char in self.path):
            from .paths import escape_path
            self.path = escape_path(self.path)
        Exception.__init__(self, str(self))

    def __reduce__(self):  # pickle by fields, not by Exception.args
        return type(self), (self.path, self.line, self.message)

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


def _printable(text: str) -> str:
    if not any("\ud800" <= char <= "\udfff" for char in text):
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


MAX_TEXT_CHARS = 2_000_000  # what the parser takes in one piece (spaCy's max_length, raised)


def over_length(text: str, max_chars: int = MAX_TEXT_CHARS) -> str | None:
    """Why `text` is refused, or None if the parser takes it."""
    if len(text) <= max_chars:
        return None
    return f"text of {len(text):,} characters is over the {max_chars:,} the parser takes at once: split the document"
