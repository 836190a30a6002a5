"""JSON Lines (one document per line) and JSON (one document, or an array of them), each a
record `{"text": ..., "title": ..., ...}`."""
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
        yield _record(record, path, number, f"{path}#{number}", "jsonl", {"encoding": encoding, "line": number})


def read_json(text: str, path: str, encoding: str) -> Iterator[Document | IngestError]:
    """A JSON file: one record, or an array of records (a bad one is reported by its index)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield IngestError(path, error.lineno, f"malformed JSON: {error.msg} (column {error.colno})")
        return
    if isinstance(data, dict):
        yield _record(data, path, None, path, "json", {"encoding": encoding})
        return
    if not isinstance(data, list):
        yield IngestError(path, None, f"a JSON document is an object or an array of objects, not {_json_type(data)}")
        return
    for index, record in enumerate(data):
        if not isinstance(record, dict):
            yield IngestError(path, None, f"item {index} of the array is {_json_type(record)}, not an object")
            continue
        yield _record(record, path, None, f"{path}#{index}", "json", {"encoding": encoding, "index": index},
                      where=f"item {index}: ")


def _record(record: dict, path: str, line: int | None, doc_path: str, format: str, extra: dict,
            where: str = "") -> Document | IngestError:
    record = dict(record)
    body = record.pop("text", None)
    if not isinstance(body, str) or not body.strip():
        problem = "is empty or only whitespace" if isinstance(body, str) else (
            "is missing" if body is None else f"is {_json_type(body)}, not a string"
        )
        return IngestError(path, line, f'{where}no non-empty "text" field ("text" {problem})')
    return make_document(body, path=doc_path, format=format, meta=record, extra=extra)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)
