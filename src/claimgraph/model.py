"""The objects that flow through the pipeline: Document → entities (with mentions) → claims.

Every stage fills in the same `Document`; nothing is converted back and forth between stages.
Offsets are Unicode code-point offsets into `Document.text`, exactly as stored.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

ACTOR_TYPES = ("person", "organization", "country", "location", "group")
GENRES = ("news", "opinion", "report", "legal", "press_release", "unknown")
MODALITIES = ("asserted", "reported", "alleged", "speculative", "negated")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Mention:
    """One place in a document where an actor is named or referred to."""

    start: int
    end: int
    text: str
    doc_id: str = ""
    rule: str = ""  # what found it: "kb", "ner:ORG", "acronym", "surname", "group", ...


@dataclass
class Entity:
    """One actor within a document (and, once stored, across documents)."""

    id: str
    name: str
    type: str  # one of ACTOR_TYPES
    subtype: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    kb_id: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def add_alias(self, alias: str) -> None:
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)


@dataclass
class Evidence:
    doc_id: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)  # this reading's own date, quantity, place, ...


@dataclass
class Claim:
    """A relation or event read from text (filled by the claim extractors)."""

    id: str
    kind: str  # "relation" or "event"
    subject: str
    predicate: str
    object: str | None
    modality: str = "asserted"
    attributed_to: str | None = None
    rule: str = ""
    confidence: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)  # mode, status, date, location, quantity


@dataclass
class Document:
    """A text and its metadata; the pipeline stages add the parse, entities and claims."""

    text: str
    path: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    language: str | None = "en"
    genre: str = "unknown"
    format: str = "text"  # text, html, markdown, pdf, jsonl, json
    extra: dict[str, Any] = field(default_factory=dict)
    sha256: str = ""
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    spacy_doc: Any = None  # the spaCy Doc, once parsed
    failure: str | None = None  # why extraction failed (a stage, the budget, a dead worker); not metadata

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = text_sha256(self.text)

    @property
    def id(self) -> str:
        return "doc-" + self.sha256[:16]
