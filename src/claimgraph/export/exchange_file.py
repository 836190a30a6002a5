"""`export --format json`: the store in the `claimgraph/1` exchange format, written as a stream.

Documents, then actors (each with the mentions of every entity merged into it), then claims
(after merges, with the evidence of every reading), in the field order of `export.exchange`.
"""
from __future__ import annotations

import json
from typing import IO

from claimgraph.export.exchange import FORMAT, claim_json
from claimgraph.export.read import StoreRead

DIRECTORY = False
DOCUMENT_FIELDS = ("id", "title", "source", "url", "published", "genre", "language", "sha256", "path")


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2).replace("\n", "\n    ")


def _section(fh: IO[bytes], name: str, items, last: bool = False) -> int:
    fh.write(f'  "{name}": ['.encode())
    n = 0
    for item in items:
        fh.write((",\n    " if n else "\n    ").encode() + _dump(item).encode("utf-8"))
        n += 1
    fh.write(("\n  ]" if n else "]").encode() + (b"\n" if last else b",\n"))
    return n


def _documents(read: StoreRead):
    for d in read.documents():
        yield {key: d[key] for key in DOCUMENT_FIELDS}


def _entities(read: StoreRead):
    mentions = read.mentions()
    pending = next(mentions, None)
    for a in read.actors():
        own = []
        while pending is not None and pending[0] < a["id"]:
            pending = next(mentions, None)
        while pending is not None and pending[0] == a["id"]:
            own.append({"doc": pending[1], "start": pending[2], "end": pending[3], "text": pending[4]})
            pending = next(mentions, None)
        yield {"id": a["id"], "name": a["name"], "type": a["type"], "subtype": a["subtype"], "country": a["country"],
               "aliases": a["aliases"], "mentions": own}


def export(read: StoreRead, fh: IO[bytes], options=None) -> dict:
    fh.write(b'{\n  "format": ' + json.dumps(FORMAT).encode() + b",\n")
    counts = {"documents": _section(fh, "documents", _documents(read)),
              "entities": _section(fh, "entities", _entities(read)),
              "claims": _section(fh, "claims", (claim_json(c) for c in read.claim_objects()), last=True)}
    fh.write(b"}\n")
    return counts
