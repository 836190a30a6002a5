"""File names that are not valid UTF-8, stored losslessly.

On POSIX a file name is bytes; Python gives the bytes that are not UTF-8 as lone surrogates
(os.fsdecode's surrogateescape), which no UTF-8 store, log or JSON takes. `escape_path` gives a
valid UTF-8 string for every path, the path itself when it is valid UTF-8 and holds no backslash
escape, and `unescape_path` gives the path back from it, byte for byte:

- each byte that is not UTF-8 becomes `\\xHH` (`caf\\xe9.txt` for the Latin-1 name "café.txt");
- in such an escaped path every backslash of the name is doubled, so that a name that really
  contains `\\x` or `\\\\` cannot be mistaken for one escaped (it is escaped too);
- any other lone surrogate (not from a file name) becomes `\\uHHHH`.
"""
from __future__ import annotations

import os
import re

_ESCAPE_LIKE = re.compile(r"\\(?:\\|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED = re.compile(r"\\(?:(\\)|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))")


def escape_path(path: str | os.PathLike | bytes) -> str:
    """A valid UTF-8 string for `path`, from which `unescape_path` gives `path` back."""
    text = os.fsdecode(path)
    if not _SURROGATE.search(text) and not _ESCAPE_LIKE.search(text):
        return text
    out = []
    for char in text:
        code = ord(char)
        if char == "\\":
            out.append("\\\\")
        elif 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as surrogateescape gives it
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def unescape_path(stored: str) -> str:
    """The path (as os.fsdecode gives it: pass it to open() or os.fsencode) of an escaped one."""
    if not _ESCAPE_LIKE.search(stored):
        return stored

    def one(match: re.Match) -> str:
        backslash, byte, code = match.groups()
        if backslash:
            return "\\"
        if byte:
            value = int(byte, 16)
            return chr(0xDC00 + value) if value >= 0x80 else chr(value)
        return chr(int(code, 16))

    return _ESCAPED.sub(one, stored)
