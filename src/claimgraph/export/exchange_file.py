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
    """A list of the top object, an item at a time; an item is a dict, or a function that writes
    itself (an entity and its mentions, which are many for a hub)."""
    fh.write(f'  "{name}": ['.encode())
    n = 0
    for item in items:
        fh.write(b",\n    " if n else b"\n    ")
        if callable(item):
            item(fh)
        else:
            fh.write(_dump(item).encode("utf-8"))
        n += 1
    fh.write(("\n  ]" if n else "]").encode() + (b"\n" if last else b",\n"))
    return n


def _documents(read: StoreRead):
    for d in read.documents():
        yield {key: d[key] for key in DOCUMENT_FIELDS}


def _entities(read: StoreRead):
    """Each actor as a writer: its fields, then its mentions streamed from the store, laid out as
    `json.dumps(..., indent=2)` lays out the whole entity."""
    for a in read.actors():
        head = {"id": a["id"], "name": a["name"], "type": a["type"], "subtype": a["subtype"],
                "country": a["country"], "aliases": a["aliases"]}

        def write(fh, head=head, actor_id=a["id"]) -> None:
            fh.write(_dump(head)[:-len("\n    }")].encode("utf-8") + b',\n      "mentions": [')
            n = 0
            for doc, start, end, text in read.mentions_of(actor_id):
                mention = {"doc": doc, "start": start, "end": end, "text": text}
                fh.write((b",\n        " if n else b"\n        ")
                         + _dump(mention).replace("\n", "\n    ").encode("utf-8"))
                n += 1
            fh.write(b"\n      ]\n    }" if n else b"]\n    }")
        yield write


def export(read: StoreRead, fh: IO[bytes], options=None) -> dict:
    fh.write(b'{\n  "format": ' + json.dumps(FORMAT).encode() + b",\n")
    counts = {"documents": _section(fh, "documents", _documents(read)),
              "entities": _section(fh, "entities", _entities(read)),
              "claims": _section(fh, "claims", (claim_json(c) for c in read.claim_objects()), last=True)}
    fh.write(b"}\n")
    return counts
