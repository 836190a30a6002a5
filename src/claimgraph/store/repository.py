"""`Store`: the embedded database of documents, actors and claims."""
from __future__ import annotations

import os

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from claimgraph.corroborate import figures
from claimgraph.export.exchange import build
from claimgraph.model import Claim, Document, Entity
from claimgraph.store import read, revision
from claimgraph.store.db import is_read_only, lock_writes, make_engine, require_store
from claimgraph.store.read import EntitySummary
from claimgraph.store.schema import RESOLUTION_PENDING, DocumentRow, MetaRow


class StoreReadOnly(RuntimeError):
    """The store cannot be written (a SQLite file or folder without write permission)."""


class Store:
    """A store at a SQLite path or SQLAlchemy URL, migrated to the latest schema when opened; with
    `create=False` only a store that exists already (else `db.NoStore`, and nothing is created)."""

    def __init__(self, url_or_path: str | os.PathLike[str], create: bool = True):
        if not create:
            require_store(url_or_path)
        self.engine = make_engine(url_or_path)
        with self.engine.connect().execution_options(sqlite_begin="DEFERRED") as connection:
            current = revision.is_current(connection)
        self.read_only = is_read_only(self.engine)  # a SQLite file this process cannot write: read it as it is
        if not current and self.read_only:
            raise StoreReadOnly(f"{url_or_path}: the store cannot be written, and its schema is older than this "
                                "version's: open it once where it can be written, to migrate it")
        if not current:
            from claimgraph.store.migrate import upgrade  # Alembic: only when there is something to migrate

            with self.engine.begin() as connection:
                upgrade(connection)
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        # reads take no write lock (on SQLite a transaction begins IMMEDIATE unless told otherwise)
        self._read = sessionmaker(self.engine.execution_options(sqlite_begin="DEFERRED"), expire_on_commit=False)
        with self._read() as session:
            fresh = figures.is_fresh(session)
        if not fresh and not self.read_only:  # figures of a migrated store, or computed with another sources table or version
            self.reindex()

    def add_document(self, doc: Document) -> bool:
        """Store `doc` and what was read from it in one transaction, with the figures of the claim
        groups it changes; False (and no change) if already stored."""
        from claimgraph.store import write  # the write path (near-duplicate hashing) only when writing

        with self._session.begin() as session:
            if not write.add_document(session, doc):
                return False
            figures.refresh(session, figures.touched_by_document(session, doc.id))
            return True

    def add_documents(self, docs: list[Document]) -> list[bool | Exception]:
        """Store several documents in one transaction, each in a savepoint of its own: one that fails
        is rolled back alone and its exception takes its place in the answer (else True, or False
        when already stored). The figures of the groups they change are refreshed once for all,
        which is what makes a batch cheaper than its documents one by one."""
        from claimgraph.store import write

        results: list[bool | Exception] = []
        with self._session.begin() as session:
            keys: set[str] = set()
            for doc in docs:
                try:
                    with session.begin_nested():
                        stored = write.add_document(session, doc)
                        if stored:
                            keys |= figures.touched_by_document(session, doc.id)
                except Exception as e:  # noqa: BLE001 - one bad document must not stop the batch
                    stored = e
                results.append(stored)
            figures.refresh(session, keys)
        return results

    def reindex(self, progress=None) -> dict:
        """Rebuild the canonical ids and every stored figure from scratch, in one transaction."""
        from claimgraph.resolve import Resolver

        mapping = Resolver(self).mapping()
        with self._session.begin() as session:
            lock_writes(session)
            counts = figures.reindex(session, mapping, progress)
        self.optimize(analyze=True)
        return counts

    def optimize(self, analyze: bool = False) -> None:
        """Let the database's query planner know the tables' sizes: SQLite's `PRAGMA optimize`
        (statistics where they are missing or stale), or with `analyze` a full `ANALYZE`
        (PostgreSQL's autovacuum keeps them otherwise)."""
        if self.engine.dialect.name == "sqlite":
            with self.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE" if analyze else "PRAGMA optimize")
        elif analyze:
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("ANALYZE")

    def has_document(self, sha256: str) -> bool:
        with self._read() as session:
            return session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sha256)) is not None

    def resolution_pending(self) -> bool:
        """Whether documents were stored since automatic resolution (`Resolver.auto`) last ran."""
        with self._read() as session:
            return session.scalar(select(MetaRow.key).where(MetaRow.key == RESOLUTION_PENDING)) is not None

    def document_count(self) -> int:
        with self._read() as session:
            return session.scalar(select(func.count()).select_from(DocumentRow)) or 0

    def documents(self) -> list[Document]:
        """Stored documents (metadata and text, no entities or claims), in the order they were added."""
        with self._read() as session:
            return read.documents(session)

    def entities(self, type: str | None = None, limit: int | None = None, merged: bool = False) -> list[EntitySummary]:
        """Entities, most mentioned first (then by name), optionally of one type; with `merged`, the
        actors: entities merged into one listed once, their mentions and names together."""
        with self._read() as session:
            return read.entities(session, type, limit, merged)

    def summary(self, merged: bool = False) -> dict:
        """Counts: documents (and by genre), entities by type, mentions, claims, the top 10 actors;
        with `merged`, entities merged into one actor count once."""
        with self._read() as session:
            return read.summary(session, merged)

    def load_graph(self) -> tuple[list[Document], list[Entity], list[Claim]]:
        with self._read() as session:
            return read.load_graph(session)

    def export(self) -> dict:
        """The whole store as a `claimgraph/1` exchange object."""
        return build(*self.load_graph())

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
