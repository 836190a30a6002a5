"""Bytes to text: UTF-8 first, else the encoding charset-normalizer finds, never a lossy decode."""
from __future__ import annotations

import codecs

from .errors import IngestError

# Byte order marks of the encodings that legitimately contain NUL bytes.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# When several encodings give the same reading, name the common one.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")
# charset-normalizer's "chaos" (share of implausible characters) above which we give up.
_MAX_CHAOS = 0.1
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b")


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode a file's bytes exactly; return the text and the encoding's name.

    Raises `IngestError` for binary data and for text no encoding fits.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig", path), "utf-8-sig"
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, path), encoding
    if b"\x00" in data:
        raise IngestError(path, None, "binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    controls = sum(1 for byte in data[:65536] if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if controls > 0.05 * min(len(data), 65536):
        raise IngestError(path, None, "binary file (no text encoding found)")

    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise IngestError(path, None, "binary file (no text encoding found)")
    best = min(matches, key=lambda m: m.chaos)
    if best.chaos > _MAX_CHAOS:
        bad = data[utf8_error.start]
        raise IngestError(
            path,
            None,
            f"undecodable text: not valid UTF-8 (byte 0x{bad:02x} at offset {utf8_error.start}) "
            f"and no other encoding reads it cleanly (best guess {best.encoding} "
            f"with {best.chaos:.0%} garbled); convert the file to UTF-8",
        )
    for match in matches:
        if match.chaos > best.chaos:
            continue
        for name in _PREFERRED:
            if name in match.could_be_from_charset:
                try:
                    return data.decode(name), name
                except UnicodeDecodeError:
                    pass
    return _strict(data, best.encoding, path), best.encoding


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise IngestError(
            path, None, f"undecodable text: invalid {encoding} at byte offset {error.start}"
        ) from None
