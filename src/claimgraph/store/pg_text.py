"""Strings for PostgreSQL, whose text cannot hold NUL: psycopg dumpers that send U+FFFD instead."""
from __future__ import annotations

from psycopg.types.string import StrBinaryDumper, StrDumperUnknown

REPLACEMENT = "\ufffd"


class NulFreeStrDumper(StrDumperUnknown):
    def dump(self, obj: str):
        return super().dump(obj.replace("\x00", REPLACEMENT))


class NulFreeStrBinaryDumper(StrBinaryDumper):
    def dump(self, obj: str):
        return super().dump(obj.replace("\x00", REPLACEMENT))


NUL_FREE_DUMPERS = (NulFreeStrBinaryDumper, NulFreeStrDumper)  # the text one last: the default for str
