"""Bytes to text: UTF-8 first, else the encoding charset-normalizer finds, never a lossy decode."""
from __future__ import annotations

import codecs
import re

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
# A well-formed UTF-8 sequence of two to four bytes (a character outside ASCII).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_ASCII = bytes(range(128))
# Share of the bytes above ASCII that are in well-formed UTF-8 sequences from which a file that is
# not valid UTF-8 is taken for UTF-8 with some bytes of another encoding mixed in (a file in one
# single-byte code page has few such pairs by chance).
_MIXED_SHARE = 0.5
REPLACED = "utf-8 (replaced)"
REPLACE_HINT = "convert the file to UTF-8 (or read it with --replace-undecodable)"


def decode_bytes(data: bytes, path: str, *, replace: bool = False) -> tuple[str, str]:
    """Decode a file's bytes exactly; return the text and the encoding's name.

    Raises `IngestError` for binary data and for text no encoding fits, among them UTF-8 with bytes
    of another encoding mixed in. With `replace`, such text is decoded as UTF-8 with U+FFFD for each
    bad byte sequence instead, and the encoding returned is "utf-8 (replaced)".
    """
    if data.startswith(codecs.BOM_UTF8):
        if replace:
            try:
                return data.decode("utf-8-sig"), "utf-8-sig"
            except UnicodeDecodeError:
                return data.decode("utf-8-sig", errors="replace"), REPLACED
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
    bad = data[utf8_error.start]
    well_formed = sum(len(m.group()) for m in _UTF8_MULTIBYTE.finditer(data))
    if well_formed and well_formed >= _MIXED_SHARE * len(data.translate(None, _ASCII)):
        if replace:
            return data.decode("utf-8", errors="replace"), REPLACED
        raise IngestError(
            path,
            None,
            f"undecodable text: not valid UTF-8 (byte 0x{bad:02x} at offset {utf8_error.start}) though "
            f"most of it is: mixed encodings; {REPLACE_HINT}",
        )

    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise IngestError(path, None, "binary file (no text encoding found)")
    best = min(matches, key=lambda m: m.chaos)
    if best.chaos > _MAX_CHAOS:
        if replace:
            return data.decode("utf-8", errors="replace"), REPLACED
        raise IngestError(
            path,
            None,
            f"undecodable text: not valid UTF-8 (byte 0x{bad:02x} at offset {utf8_error.start}) "
            f"and no other encoding reads it cleanly (best guess {best.encoding} "
            f"with {best.chaos:.0%} garbled); {REPLACE_HINT}",
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


def replaced_count(text: str, data: bytes) -> int:
    """How many U+FFFD a replacing decode put in `text` (those the file itself holds not counted)."""
    return text.count("\ufffd") - data.count("\ufffd".encode())
