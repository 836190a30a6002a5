"""What the queries hand around besides entities and claims: a document's details for the
answers, and the error of an unknown entity."""
from __future__ import annotations

from dataclasses import dataclass


class UnknownEntity(KeyError):
    """An entity id that is not in the store."""

    def __str__(self) -> str:
        return f"no entity with id {self.args[0]!r} in the store"


@dataclass
class DocInfo:
    id: str
    title: str | None
    source: str | None
    published: str | None
    cluster: str | None = None  # its near-duplicate story (the id of the story's first document)
    genre: str | None = None


def reprint_of(doc: DocInfo | None) -> str | None:
    return doc.cluster if doc is not None and doc.cluster and doc.cluster != doc.id else None
