"""JSON Lines (one document per line) and JSON (one document, or an array of them), each a
record `{"text": ..., "title": ..., ...}`."""
from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator

from ..model import Document
from .errors import IngestError
from .metadata import make_document

MAX_DEPTH = 64
"""Deepest nesting of arrays and objects a record may have (a document's metadata needs two or three)."""
MAX_NUMBER_DIGITS = 100
"""Longest number a record may hold (Python refuses integers of over 4,300 digits; a float of
5,000 digits is infinity, which no JSON can store)."""
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Refused(ValueError):
    """A record JSON reads but claimgraph will not store; the message says why."""


def _number(kind):
    def parse(literal: str):
        digits = sum(c.isdigit() for c in literal)
        if digits > MAX_NUMBER_DIGITS:
            raise _Refused(f"number of {digits:,} digits (the most is {MAX_NUMBER_DIGITS})")
        value = kind(literal)
        if isinstance(value, float) and not math.isfinite(value):
            raise _Refused(f"number {literal[:20]} is out of range")
        return value
    return parse


def _constant(name: str):
    raise _Refused(f"{name} is not a JSON number")


_DECODER = json.JSONDecoder(parse_int=_number(int), parse_float=_number(float), parse_constant=_constant)


def loads(text: str):
    """json.loads, refusing what cannot be stored: numbers of over 100 digits, NaN and
    infinities, nesting deeper than 64, strings with a NUL (a NUL in a text file makes it binary)
    or a lone surrogate escape (no UTF-8 encodes it). Raises json.JSONDecodeError for bad JSON and
    ValueError (one line) for the rest."""
    try:
        value = _DECODER.decode(text)
    except RecursionError:
        raise _Refused(f"nested deeper than {MAX_DEPTH} levels") from None
    _check(value)
    return value


def _check(value) -> None:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                raise _Refused("a string contains a NUL character (\\u0000), as a binary file does")
            if _SURROGATE.search(item):
                found = _SURROGATE.search(item).group()
                raise _Refused(f"a string contains a lone surrogate (\\u{ord(found):04x}), which is not text")
        elif isinstance(item, (dict, list)):
            if depth > MAX_DEPTH:
                raise _Refused(f"nested deeper than {MAX_DEPTH} levels")
            children = list(item.items()) if isinstance(item, dict) else item
            for child in children:
                if isinstance(child, tuple):
                    stack.extend(((child[0], depth), (child[1], depth + 1)))
                else:
                    stack.append((child, depth + 1))


def read_jsonl(text: str, path: str, encoding: str) -> Iterator[Document | IngestError]:
    """Yield a Document for each good line and an IngestError (with the line number) for each bad one.

    Blank lines are skipped. Besides `text`, the keys title, source, url, published
    (or date), genre and language fill the Document; `id` and any other key go to `extra`.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = loads(line)
        except json.JSONDecodeError as error:
            yield IngestError(
                path, number, f"malformed JSON: {error.msg} (column {error.colno})"
            )
            continue
        except _Refused as error:
            yield IngestError(path, number, f"refused JSON: {error}")
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
        data = _DECODER.decode(text)
    except json.JSONDecodeError as error:
        yield IngestError(path, error.lineno, f"malformed JSON: {error.msg} (column {error.colno})")
        return
    except RecursionError:
        yield IngestError(path, None, f"refused JSON: nested deeper than {MAX_DEPTH} levels")
        return
    except _Refused as error:
        yield IngestError(path, None, f"refused JSON: {error}")
        return
    if isinstance(data, dict):
        try:
            _check(data)
        except _Refused as error:
            yield IngestError(path, None, f"refused JSON: {error}")
            return
        yield _record(data, path, None, path, "json", {"encoding": encoding})
        return
    if not isinstance(data, list):
        yield IngestError(path, None, f"a JSON document is an object or an array of objects, not {_json_type(data)}")
        return
    if not data:
        yield IngestError(path, None, "an empty JSON array (no records)")
        return
    for index, record in enumerate(data):
        if not isinstance(record, dict):
            yield IngestError(path, None, f"item {index} of the array is {_json_type(record)}, not an object")
            continue
        try:
            _check(record)
        except _Refused as error:
            yield IngestError(path, None, f"item {index}: refused JSON: {error}")
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
