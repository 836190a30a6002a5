"""Markdown to plain text with markdown-it-py: blocks separated by blank lines.

Headings and paragraphs become one line each, list items and table rows one line
each (cells separated by tabs), emphasis and links are reduced to their text,
code is kept as it is; images and raw HTML are dropped.
"""
from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Document
from .errors import IngestError
from .frontmatter import FrontMatterError, split_front_matter
from .metadata import make_document

_PARSER = MarkdownIt("commonmark").enable("table")
_GROUP_OPEN = ("bullet_list_open", "ordered_list_open", "table_open")
_GROUP_CLOSE = ("bullet_list_close", "ordered_list_close", "table_close")


def markdown_to_text(source: str) -> tuple[str, str | None]:
    """Return the plain text and the first level-1 heading (or None)."""
    blocks: list[list[str]] = []
    group: list[str] | None = None  # lines of the (outermost) list or table being read
    depth = 0
    cells: list[str] = []
    title = None
    previous: Token | None = None
    for token in _PARSER.parse(source):
        kind = token.type
        if kind in _GROUP_OPEN:
            depth += 1
            group = [] if depth == 1 else group
        elif kind in _GROUP_CLOSE:
            depth -= 1
            if depth == 0:
                if group:
                    blocks.append(group)
                group = None
        elif kind == "tr_open":
            cells = []
        elif kind == "tr_close" and group is not None:
            group.append("\t".join(cells))
        elif kind == "inline":
            line = _inline_text(token)
            if previous is not None and previous.type in ("th_open", "td_open"):
                cells.append(line)
            elif line and group is not None:
                group.append(line)
            elif line:
                blocks.append([line])
                if title is None and previous is not None and previous.tag == "h1":
                    title = line
        elif kind in ("fence", "code_block") and token.content.strip():
            code = token.content.rstrip("\n")
            if group is not None:
                group.append(code)
            else:
                blocks.append([code])
        previous = token
    return "\n\n".join("\n".join(block) for block in blocks), title


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    # Dropped images and tags leave doubled spaces behind.
    return re.sub(r"[ \t]{2,}", " ", "".join(parts)).strip()


def read_markdown(text: str, path: str, encoding: str) -> Document:
    """A Document with the plain text of a Markdown file; front matter gives metadata."""
    try:
        meta, body, _ = split_front_matter(text)
    except FrontMatterError as error:
        raise IngestError(path, None, str(error)) from None
    plain, heading = markdown_to_text(body)
    if not plain.strip():
        raise IngestError(path, None, "Markdown file has no text (only markup or front matter)")
    return make_document(
        plain, path=path, format="markdown", meta=meta, extra={"encoding": encoding}, title_hint=heading
    )
