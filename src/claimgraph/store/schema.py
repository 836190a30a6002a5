"""The tables of the store, as SQLAlchemy declarative models.

Column types are generic (String, Text, Integer, Float, JSON, DateTime) so the same
models run on SQLite and PostgreSQL. Constraint names follow a naming convention,
which Alembic needs to alter them later (and SQLite's batch mode to rebuild tables).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(255))
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(32))  # ISO date as written
    language: Mapped[str | None] = mapped_column(String(16))
    genre: Mapped[str] = mapped_column(String(32), default="unknown")
    format: Mapped[str] = mapped_column(String(16), default="text")
    path: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    cluster: Mapped[str | None] = mapped_column(String(64), index=True)  # near-duplicate story, by its first doc
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EntityRow(Base):
    __tablename__ = "entities"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(32), index=True)
    subtype: Mapped[str | None] = mapped_column(String(64))
    country: Mapped[str | None] = mapped_column(String(3))
    kb_id: Mapped[str | None] = mapped_column(String(255))
    canonical: Mapped[str | None] = mapped_column(String(64))  # its cluster's id; None: its own
    # over the merged entities only (migration 0013): with few merges, statistics of a full index
    # say one canonical id matches every entity, and SQLite scanned the table instead
    __table_args__ = (Index("ix_entities_canonical", "canonical", sqlite_where=text("canonical IS NOT NULL"),
                            postgresql_where=text("canonical IS NOT NULL")),)


class AliasRow(Base):
    __tablename__ = "entity_aliases"
    __table_args__ = (UniqueConstraint("entity_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(Text)


class MentionRow(Base):
    __tablename__ = "mentions"
    # an actor's documents and their counts from the index alone (migration 0017)
    __table_args__ = (UniqueConstraint("doc_id", "entity_id", "start", "end"),
                      Index("ix_mentions_entity_doc", "entity_id", "doc_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(String(64), default="")


class ClaimRow(Base):
    __tablename__ = "claims"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(ForeignKey("entities.id"), index=True)
    predicate: Mapped[str] = mapped_column(String(64), index=True)
    object: Mapped[str | None] = mapped_column(ForeignKey("entities.id"), index=True)
    modality: Mapped[str] = mapped_column(String(16), default="asserted")
    attributed_to_entity: Mapped[str | None] = mapped_column(ForeignKey("entities.id"))
    attributed_to_text: Mapped[str | None] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(String(64), default="")
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    attrs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # mode, status, date, location, quantity
    group_key: Mapped[str | None] = mapped_column(String(40), index=True)  # its group, by canonical ids
    canonical: Mapped[str | None] = mapped_column(String(64), index=True)  # the claim it is joined into; None: rejected


class EvidenceRow(Base):
    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("claim_id", "doc_id", "start", "end"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    attrs: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # this reading's date, quantity, location


class DocumentBandRow(Base):
    """One LSH band of a document's MinHash: documents sharing a band are near-duplicate candidates."""

    __tablename__ = "document_bands"

    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    band: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(40), index=True)


class ReviewRow(Base):
    """An analyst's verdict on a claim (confirmed or rejected); undone by a date, never deleted."""

    __tablename__ = "claim_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[str] = mapped_column(String(64), index=True)
    verdict: Mapped[str] = mapped_column(String(16))  # confirmed, rejected
    analyst: Mapped[str] = mapped_column(String(255))
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ClaimReadingRow(Base):
    """An analyst's reading of a claim beside the machine's (migration 0011): the subject, predicate,
    object and modality it should have. The latest row of a claim not undone is the reading the
    queries, figures and exports use; the machine's stays in `claims`. Never deleted."""

    __tablename__ = "claim_readings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[str] = mapped_column(String(64), index=True)
    subject: Mapped[str] = mapped_column(String(64))  # entity ids as stored (the machine's, maybe swapped)
    predicate: Mapped[str] = mapped_column(String(64))
    object: Mapped[str | None] = mapped_column(String(64))
    modality: Mapped[str] = mapped_column(String(16))
    analyst: Mapped[str] = mapped_column(String(255))
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class JudgementRow(Base):
    """A decision that two entities are (positive), are not (negative) or may be (unsure) one actor.

    The pair is ordered (left_id < right_id). Rows are never deleted: an undone judgement gets
    `undone_at`, and the latest live judgement on a pair is the one that counts.
    """

    __tablename__ = "judgements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    left_id: Mapped[str] = mapped_column(String(64), index=True)
    right_id: Mapped[str] = mapped_column(String(64), index=True)
    judgement: Mapped[str] = mapped_column(String(16))  # positive, negative, unsure
    score: Mapped[float | None] = mapped_column(Float)
    decided_by: Mapped[str] = mapped_column(String(255))  # "auto:<rule>" or "analyst:<name>"
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AuditRow(Base):
    """Who did what to the resolution, and when: one row per action (auto, merge, split, undo)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ListRow(Base):
    """A sanctions or watch list imported with `claimgraph kb import` (migration 0008)."""

    __tablename__ = "lists"

    name: Mapped[str] = mapped_column(String(255), primary_key=True)  # the list's id: its dataset
    title: Mapped[str] = mapped_column(Text)  # as shown: "OFAC SDN"
    source: Mapped[str | None] = mapped_column(Text)  # the file last imported
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ListedEntityRow(Base):
    """One target of a list, as its file gives it: names, countries, identifiers, topics and the
    programmes of the Sanction entities that name it. `removed_at`: left out of a newer version."""

    __tablename__ = "listed_entities"
    __table_args__ = (UniqueConstraint("list", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    list: Mapped[str] = mapped_column(ForeignKey("lists.name", ondelete="CASCADE"), index=True)
    entity_id: Mapped[str] = mapped_column(String(255))  # the id in the file
    schema: Mapped[str] = mapped_column(String(64))  # FollowTheMoney schema: Person, Organization, ...
    caption: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # names, weak_aliases, countries, identifiers, topics, programs, ...
    fingerprint: Mapped[str] = mapped_column(String(40))  # of `data`: an unchanged entity is not written again
    first_seen: Mapped[str | None] = mapped_column(String(32))
    last_seen: Mapped[str | None] = mapped_column(String(32))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    removed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ListingRow(Base):
    """A judgement that a stored actor is (positive) or may be (unsure) a listed entity, with the
    matcher's score and rule, and the aliases it added to the actor; undone by a date, never deleted."""

    __tablename__ = "listings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity_id: Mapped[str] = mapped_column(String(64), index=True)  # the stored actor (its canonical id then)
    listed_id: Mapped[int] = mapped_column(ForeignKey("listed_entities.id", ondelete="CASCADE"), index=True)
    judgement: Mapped[str] = mapped_column(String(16))  # positive, unsure; negative (an analyst's)
    score: Mapped[float | None] = mapped_column(Float)
    decided_by: Mapped[str] = mapped_column(String(255))  # "auto:list-<rule>" or "analyst:<name>"
    reason: Mapped[str | None] = mapped_column(Text)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)  # added to entity_aliases by this listing
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SourcePageRow(Base):
    """A URL fetched by `claimgraph fetch` / `watch` (migration 0009): its validators for the next
    conditional GET, its canonical URL and the document its text is (None: not stored)."""

    __tablename__ = "source_pages"

    url: Mapped[str] = mapped_column(String(2048), primary_key=True)  # as asked for
    canonical: Mapped[str] = mapped_column(String(2048), index=True)  # dedup key
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))
    doc_id: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))  # stored, unchanged, failed
    error: Mapped[str | None] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class FeedRow(Base):
    """A feed watched by `claimgraph watch` (migration 0009): validators saved once every entry of
    the version they belong to was handled, so that a crash mid-round refetches it."""

    __tablename__ = "feeds"

    url: Mapped[str] = mapped_column(String(2048), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    error: Mapped[str | None] = mapped_column(Text)


class FeedEntryRow(Base):
    """An entry of a feed handled (stored, already stored or failed for good): not fetched again."""

    __tablename__ = "feed_entries"

    feed: Mapped[str] = mapped_column(ForeignKey("feeds.url", ondelete="CASCADE"), primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), primary_key=True)  # canonical
    outcome: Mapped[str] = mapped_column(String(16))
    doc_id: Mapped[str | None] = mapped_column(String(64))
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SourceGradeRow(Base):
    """An analyst's reliability grade (A–F) of an outlet, keyed by its normalised name
    (`corroborate.sources.outlet_key`); the latest row not undone counts, over the sources YAML."""

    __tablename__ = "source_grades"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    outlet: Mapped[str] = mapped_column(String(255), index=True)
    name: Mapped[str] = mapped_column(String(255))  # the outlet's name as shown
    reliability: Mapped[str] = mapped_column(String(1))
    reason: Mapped[str | None] = mapped_column(Text)
    analyst: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ClaimGroupRow(Base):
    """The figures of one claim group (kind, subject, predicate, object by canonical ids), over
    all its modalities: support, contradictions, credibility. Kept by `corroborate.figures`."""

    __tablename__ = "claim_groups"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(String(64))
    predicate: Mapped[str] = mapped_column(String(64))
    object: Mapped[str | None] = mapped_column(String(64))
    contested: Mapped[bool] = mapped_column(Boolean)
    credibility: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class ClaimFiguresRow(Base):
    """One claim as the queries show it, after merges (claims that became the same are one, under
    the first id): canonical actors and the counts, dates and grade the filters and orders use."""

    __tablename__ = "claim_figures"
    # (migration 0005) an actor's ties, summed from the index alone; the best attested first
    __table_args__ = (Index("ix_claim_figures_ties_out", "subject", "object", "evidence"),
                      Index("ix_claim_figures_ties_in", "object", "subject", "evidence"),
                      Index("ix_claim_figures_date", "date_lo"),
                      Index("ix_claim_figures_rank", "sources", "documents", "claim_id"),
                      Index("ix_claim_figures_date_own", "date_own"),
                      # an actor's best attested claims, per side, read from the end (migration 0007)
                      Index("ix_claim_figures_subject_rank", "subject", "sources", "documents", "claim_id"),
                      Index("ix_claim_figures_object_rank", "object", "sources", "documents", "claim_id"),
                      # an actor's dossier sections and events, per side, a page at a time (migration 0018)
                      Index("ix_claim_figures_subject_lines", "subject", "kind", "predicate", "sources", "documents",
                            "claim_id"),
                      Index("ix_claim_figures_object_lines", "object", "kind", "predicate", "sources", "documents",
                            "claim_id"),
                      Index("ix_claim_figures_subject_latest", "subject", "kind", "date_last", "claim_id"),
                      Index("ix_claim_figures_object_latest", "object", "kind", "date_last", "claim_id", "subject"),
                      Index("ix_claim_figures_location_latest", "location", "kind", "date_last", "claim_id", "subject",
                            "object"),
                      Index("ix_claim_figures_subject_events", "subject", "kind", "date_own", "predicate", "claim_id"),
                      Index("ix_claim_figures_object_events", "object", "kind", "date_own", "predicate", "claim_id"))

    claim_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    group_key: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(String(64))
    predicate: Mapped[str] = mapped_column(String(64))
    object: Mapped[str | None] = mapped_column(String(64))
    location: Mapped[str | None] = mapped_column(String(64), index=True)
    modality: Mapped[str] = mapped_column(String(16))
    documents: Mapped[int] = mapped_column(Integer)
    sources: Mapped[int] = mapped_column(Integer)
    independent: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[int] = mapped_column(Integer)
    credibility: Mapped[int] = mapped_column(Integer)
    contested: Mapped[bool] = mapped_column(Boolean)
    date_lo: Mapped[str | None] = mapped_column(String(10))  # first day of its date spans
    date_hi: Mapped[str | None] = mapped_column(String(10))  # last day
    date_last: Mapped[str | None] = mapped_column(String(10))  # latest start of a span: the timeline's order
    date_own: Mapped[str | None] = mapped_column(String(10))  # the day its text gives: the events list's order
    valid_from: Mapped[str | None] = mapped_column(String(10))
    valid_to: Mapped[str | None] = mapped_column(String(10))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # dates, validity, attributes shown


class ActorTieRow(Base):
    """The ties of two actors (migration 0012): the claims between them, whichever way they point,
    summed from `claim_figures` (claims between two different actors): how many, their pieces
    of evidence, and their weight (a claim without evidence counts one). Kept both ways round
    (`actor`, `other`) and (`other`, `actor`), so an actor's ties are one range of the key. Kept
    by `corroborate.ties` with the figures."""

    __tablename__ = "actor_ties"

    actor: Mapped[str] = mapped_column(String(64), primary_key=True)
    other: Mapped[str] = mapped_column(String(64), primary_key=True)
    claims: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[int] = mapped_column(Integer)
    weight: Mapped[int] = mapped_column(Integer)


RESOLUTION_PENDING = "resolution_pending"  # store_meta key: documents stored since `Resolver.auto` last ran


class MetaRow(Base):
    """Facts about the store itself ("figures": the fingerprint its figures were computed with;
    `RESOLUTION_PENDING`: present while documents stored are not resolved yet)."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)
