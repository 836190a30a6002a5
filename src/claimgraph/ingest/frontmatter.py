"""A YAML block between `---` lines at the very top of a text or Markdown file."""
from __future__ import annotations

import re

import yaml

_OPEN = re.compile(r"---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_BLANK_LINES = re.compile(r"(?:[ \t]*\r?\n)*")


def split_front_matter(text: str) -> tuple[dict, str, int]:
    """Return (metadata, body, offset): `body == text[offset:]`.

    The blank lines after the block go with it. Text that does not open with a
    block, or whose block is not a YAML mapping, is returned whole with offset 0.
    """
    opening = _OPEN.match(text)
    if not opening:
        return {}, text, 0
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return {}, text, 0
    try:
        meta = yaml.safe_load(text[opening.end() : closing.start()])
    except yaml.YAMLError:
        return {}, text, 0
    if not isinstance(meta, dict):
        return {}, text, 0
    offset = _BLANK_LINES.match(text, closing.end()).end()
    return {str(key): value for key, value in meta.items()}, text[offset:], offset
