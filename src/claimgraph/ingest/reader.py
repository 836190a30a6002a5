"""Reading files and folders into Documents; every problem becomes an IngestError."""
from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..model import Document
from .decode import REPLACED, decode_bytes, replaced_count
from .errors import IngestError
from .html import read_html
from .jsonl import read_json, read_jsonl
from .markdown import read_markdown
from .metadata import make_document
from .paths import escape_path
from .pdf import read_pdf
from .text import read_plain

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Largest input file read by default: 20 MiB (the CLI's `--max-size`).

Larger files are reported as IngestError, not read: a news article, a report or a
court opinion is far smaller, and a bigger file is most likely a dump or an archive.
"""

Result = Document | IngestError

# Readers of decoded text (by format) and of raw bytes.
_TEXT_READERS: dict[str, Callable[[str, str, str], Any]] = {
    "text": read_plain,
    "markdown": read_markdown,
    "jsonl": read_jsonl,
    "json": read_json,
}
_BYTES_READERS: dict[str, Callable[[bytes, str], Document]] = {
    "html": read_html,
    "pdf": read_pdf,
}
FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    "": "text",  # no extension: read as text if it is text
}


def read_paths(
    paths: Iterable[str | os.PathLike] | str | os.PathLike, *, max_bytes: int | None = DEFAULT_MAX_BYTES,
    replace_undecodable: bool = False,
) -> Iterator[Result]:
    """Yield a Document for each document read and an IngestError for each problem.

    Folders are read recursively in sorted order, skipping hidden files and folders
    (names starting with "."). A problem with one file, or one JSONL line, never
    stops the rest. `max_bytes` is the largest file read (None: no limit).
    `replace_undecodable`: text that does not decode cleanly is read as UTF-8 with U+FFFD for
    each bad sequence (counted in `extra["replaced_characters"]`) instead of being an error.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for given in paths:
        path = os.fspath(given)
        info = _stat(path)
        if isinstance(info, IngestError):
            yield info
        elif stat.S_ISDIR(info.st_mode):
            yield from _read_folder(path, max_bytes, set(), replace_undecodable)
        elif stat.S_ISREG(info.st_mode):
            yield from read_file(path, max_bytes=max_bytes, size=info.st_size,
                                 replace_undecodable=replace_undecodable)
        else:
            yield IngestError(escape_path(path), None, "not a regular file or folder")


def read_file(
    path: str, *, max_bytes: int | None = DEFAULT_MAX_BYTES, size: int | None = None,
    replace_undecodable: bool = False,
) -> Iterator[Result]:
    """Yield the Document(s) of one file (several for JSONL) or IngestErrors.

    Documents and errors name the file by `escape_path(path)`: a name that is not valid UTF-8 is
    given with `\\xHH` escapes (`unescape_path` gives it back), as no UTF-8 store takes it raw.
    """
    path = os.fspath(path)
    real, path = path, escape_path(path)
    extension = os.path.splitext(os.path.basename(path))[1].lower()
    kind = FORMATS.get(extension)
    if kind is None:
        supported = ", ".join(sorted(ext for ext in FORMATS if ext))
        yield IngestError(path, None, f"unsupported file type '{extension}' (supported: {supported})")
        return
    try:
        size = os.stat(real).st_size if size is None else size
        if max_bytes is not None and size > max_bytes:
            yield IngestError(path, None, _too_large(size, max_bytes))
            return
        with open(real, "rb") as file:
            data = file.read()
    except OSError as error:
        yield _os_error(real, error)
        return
    if not data:
        yield IngestError(path, None, "empty file")
        return
    if not data.strip():
        yield IngestError(path, None, "file contains only whitespace")
        return
    try:
        if kind in _BYTES_READERS:
            yield _BYTES_READERS[kind](data, path)
            return
        text, encoding = decode_bytes(data, path, replace=replace_undecodable)
        if not text.strip():
            yield IngestError(path, None, "file contains only whitespace")
            return
        result = _TEXT_READERS[kind](text, path, encoding)
        results = [result] if isinstance(result, Document) else result
        replaced = replaced_count(text, data) if encoding == REPLACED else 0
        for item in results:
            if replaced and isinstance(item, Document):
                item.extra["replaced_characters"] = replaced  # in the file (a JSONL line's own: see its text)
            yield item
    except IngestError as error:
        yield error
    except Exception as error:  # a library failing on one odd file must not stop the run
        yield IngestError(path, None, f"could not read {kind} file: {type(error).__name__}: {error}")


def read_text(text: str, *, path: str | None = None, **meta: Any) -> Document:
    """A Document for a text given directly (not a file); the text is kept exactly.

    Keyword arguments are explicit metadata (title, source, url, published, genre,
    language; others go to `extra`). Raises IngestError for an empty text.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not text.strip():
        raise IngestError(path or "<text>", None, "empty text")
    return make_document(text, path=path, format="text", meta=meta)


def _read_folder(folder: str, max_bytes: int | None, seen: set[str],
                 replace_undecodable: bool = False) -> Iterator[Result]:
    real = os.path.realpath(folder)
    if real in seen:
        yield IngestError(escape_path(folder), None, "folder already being read (symbolic link loop)")
        return
    try:
        names = sorted(os.listdir(folder))
    except OSError as error:
        yield _os_error(folder, error)
        return
    seen = seen | {real}
    for name in names:
        if name.startswith("."):
            continue
        path = os.path.join(folder, name)
        info = _stat(path)
        if isinstance(info, IngestError):
            yield info
        elif stat.S_ISDIR(info.st_mode):
            yield from _read_folder(path, max_bytes, seen, replace_undecodable)
        elif stat.S_ISREG(info.st_mode):
            yield from read_file(path, max_bytes=max_bytes, size=info.st_size,
                                 replace_undecodable=replace_undecodable)
        # sockets, pipes and devices in a folder are not documents: skipped quietly


def _stat(path: str) -> os.stat_result | IngestError:
    try:
        return os.stat(path)
    except OSError as error:
        return _os_error(path, error)


def _os_error(path: str, error: OSError) -> IngestError:
    shown = escape_path(path)
    if isinstance(error, FileNotFoundError) and os.path.islink(path):
        target = escape_path(os.readlink(path))
        return IngestError(shown, None, f"broken symbolic link (its target {target!r} does not exist)")
    if isinstance(error, FileNotFoundError):
        return IngestError(shown, None, "no such file or folder")
    if isinstance(error, PermissionError):
        return IngestError(shown, None, "permission denied")
    return IngestError(shown, None, f"cannot read: {error.strerror or error}")


def _too_large(size: int, limit: int) -> str:
    return (
        f"file too large: {_size(size)} is over the size limit of {_size(limit)}; "
        "raise the limit with --max-size"
    )


def _size(count: int) -> str:
    """'512 bytes', '21,000,000 bytes (20.0 MiB)', '20,971,520 bytes (20 MiB)'."""
    for unit, factor in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if count >= factor:
            amount = str(count // factor) if count % factor == 0 else f"{count / factor:.1f}"
            return f"{count:,} bytes ({amount} {unit})"
    return f"{count:,} bytes"
