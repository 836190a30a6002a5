"""The state of live sources in the store (tables source_pages, feeds, feed_entries; migration 0009).

Each write is a short transaction of its own, made after the document it describes was committed
by `ingest_documents`: a crash between the two leaves a page fetched again on the next run, its
text found already stored (by content hash) and only its state written then.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from claimgraph.store.db import lock_writes
from claimgraph.store.schema import FeedEntryRow, FeedRow, SourcePageRow


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class Validators:
    etag: str | None = None
    last_modified: str | None = None


class SourceState:
    """Reads and writes of the sources' tables of one store."""

    def __init__(self, store):
        self.engine = store.engine
        self._reader = store.engine.execution_options(sqlite_begin="DEFERRED")

    def _read(self) -> Session:
        return Session(self._reader)

    def _write(self):
        session = Session(self.engine)
        return session

    # -- pages ---------------------------------------------------------------------------------
    def page(self, url: str) -> SourcePageRow | None:
        with self._read() as s:
            return s.get(SourcePageRow, url)

    def stored_url(self, *urls: str) -> SourcePageRow | None:
        """A page stored (or found already stored) under one of `urls`, as asked for or canonical."""
        urls = tuple(u for u in urls if u)
        if not urls:
            return None
        with self._read() as s:
            return s.scalars(select(SourcePageRow).where(
                or_(SourcePageRow.url.in_(urls), SourcePageRow.canonical.in_(urls)),
                SourcePageRow.doc_id.is_not(None)).limit(1)).first()

    def record_page(self, url: str, canonical: str, *, outcome: str, etag: str | None = None,
                    last_modified: str | None = None, sha256: str | None = None, doc_id: str | None = None,
                    error: str | None = None) -> None:
        with self._write() as s, s.begin():
            lock_writes(s)
            row = s.get(SourcePageRow, url) or SourcePageRow(url=url)
            if outcome == "failed" and row.doc_id:  # a page once stored stays known by its document
                row.error, row.fetched_at = error, _now()
            else:
                row.canonical, row.etag, row.last_modified = canonical, etag, last_modified
                row.sha256, row.doc_id, row.outcome, row.error = sha256, doc_id, outcome, error
                row.fetched_at = _now()
            if row.canonical is None:
                row.canonical, row.outcome = canonical, outcome
            s.add(row)

    # -- feeds ---------------------------------------------------------------------------------
    def feed(self, url: str) -> FeedRow | None:
        with self._read() as s:
            return s.get(FeedRow, url)

    def seen_entries(self, feed: str) -> set[str]:
        with self._read() as s:
            return set(s.scalars(select(FeedEntryRow.url).where(FeedEntryRow.feed == feed)))

    def ensure_feed(self, url: str) -> None:
        with self._write() as s, s.begin():
            lock_writes(s)
            if s.get(FeedRow, url) is None:
                s.add(FeedRow(url=url))

    def record_entry(self, feed: str, url: str, outcome: str, doc_id: str | None = None) -> None:
        with self._write() as s, s.begin():
            lock_writes(s)
            row = s.get(FeedEntryRow, (feed, url)) or FeedEntryRow(feed=feed, url=url)
            row.outcome, row.doc_id, row.seen_at = outcome, doc_id, _now()
            s.add(row)

    def record_feed(self, url: str, *, title: str | None = None, validators: Validators | None = None,
                    error: str | None = None) -> None:
        """The feed checked: its validators (only when every entry of this version was handled) or
        the error of this round."""
        with self._write() as s, s.begin():
            lock_writes(s)
            row = s.get(FeedRow, url) or FeedRow(url=url)
            if title:
                row.title = title
            if validators is not None:
                row.etag, row.last_modified = validators.etag, validators.last_modified
            row.error, row.checked_at = error, _now()
            s.add(row)
