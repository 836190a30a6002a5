"""An indented XML stream over the standard library's `XMLGenerator`, for the graph formats:
elements are written as they come, so a file of any size takes no more memory than one element."""
from __future__ import annotations

import re
from typing import IO
from xml.sax.saxutils import XMLGenerator

# characters XML 1.0 does not allow at all (XMLGenerator escapes markup, but passes these through)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value) -> str:
    """A value as XML character data: booleans as `true`/`false`, other values by `str`, without
    the characters XML cannot hold."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


class XMLStream:
    """`open`/`close`/`leaf` elements with their attributes, indented two spaces a level."""

    def __init__(self, fh: IO[bytes]):
        self._out = XMLGenerator(fh, encoding="utf-8", short_empty_elements=True)
        self._depth = 0
        self._out.startDocument()  # the declaration, and its line break
        self._fresh = True

    def _indent(self) -> None:
        if not self._fresh:
            self._out.ignorableWhitespace("\n" + "  " * self._depth)
        self._fresh = False

    @staticmethod
    def _attrs(attrs: dict | None) -> dict[str, str]:
        return {k: xml_text(v) for k, v in (attrs or {}).items() if v is not None}

    def open(self, name: str, attrs: dict | None = None) -> None:
        self._indent()
        self._out.startElement(name, self._attrs(attrs))
        self._depth += 1

    def close(self, name: str) -> None:
        self._depth -= 1
        self._indent()
        self._out.endElement(name)

    def leaf(self, name: str, attrs: dict | None = None, text: str | None = None) -> None:
        """An element without children: empty (`<name …/>`) or holding `text`."""
        self._indent()
        self._out.startElement(name, self._attrs(attrs))
        if text is not None:
            self._out.characters(xml_text(text))
        self._out.endElement(name)

    def end(self) -> None:
        self._out.ignorableWhitespace("\n")
        self._out.endDocument()
