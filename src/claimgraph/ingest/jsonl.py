"""JSON Lines: one document per line, `{"text": ..., "title": ..., ...}`."""
from __future__ import annotations

import json
from collections.abc import Iterator

from ..model import Document
from .errors import IngestError
from .metadata import make_document


def read_jsonl(text: str, path: str, encoding: str) -> Iterator[Document | IngestError]:
    """Yield a Document for each good line and an IngestError (with the line number) for each bad one.

    Blank lines are skipped. Besides `text`, the keys title, source, url, published
    (or date), genre and language fill the Document; `id` and any other key go to `extra`.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield IngestError(
                path, number, f"malformed JSON: {error.msg} (column {error.colno})"
            )
            continue
        if not isinstance(record, dict):
            yield IngestError(
                path, number, f"a JSONL line must be a JSON object, not {_json_type(record)}"
            )
            continue
        body = record.pop("text", None)
        if not isinstance(body, str) or not body.strip():
            problem = "is empty or only whitespace" if isinstance(body, str) else (
                "is missing" if body is None else f"is {_json_type(body)}, not a string"
            )
            yield IngestError(path, number, f'no non-empty "text" field ("text" {problem})')
            continue
        yield make_document(
            body,
            path=f"{path}#{number}",
            format="jsonl",
            meta=record,
            extra={"encoding": encoding, "line": number},
        )


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)
