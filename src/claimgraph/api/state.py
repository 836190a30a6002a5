"""What the app keeps between requests: the store, a snapshot of it, and the lock for writes.

Reads go to a `Snapshot` loaded once (`claimgraph.query.snapshot`); every write (ingest,
review, merge, split, undo) runs under one lock and loads a new snapshot before it returns,
so the next read sees it. The swap is one assignment: a read in flight keeps the old one.
"""
from __future__ import annotations

import gc
import inspect
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimgraph.api.errors import ApiError
from claimgraph.model import Entity
from claimgraph.query import Snapshot, find_actor, snapshot
from claimgraph.store import Store
from claimgraph.store.schema import (
    AuditRow,
    DocumentRow,
    EvidenceRow,
    JudgementRow,
    ReviewRow,
)

# the tables every write adds rows to: a new last id means the store changed
STAMP_COLUMNS = (EvidenceRow.id, AuditRow.id, JudgementRow.id, ReviewRow.id)


@dataclass
class View:
    """A snapshot and the merge mapping it was loaded with (entity id → canonical id)."""

    snap: Snapshot
    mapping: dict[str, str] = field(default_factory=dict)

    def canonical(self, entity_id: str | None) -> str | None:
        return self.mapping.get(entity_id, entity_id) if entity_id else entity_id

    @cached_property
    def doc_claims(self) -> dict[str, list[str]]:
        """Document id → ids of the claims with evidence in it."""
        index: dict[str, list[str]] = defaultdict(list)
        for c in self.snap.claims.values():
            for doc_id in dict.fromkeys(ev.doc_id for ev in c.evidence):
                index[doc_id].append(c.id)
        return index

    def mentions(self, entity_id: str) -> int:
        return sum(self.snap.mentions.get(entity_id, {}).values())

    def actor(self, name_or_id: str) -> Entity:
        """The actor an id or a name stands for: 404 when none, 409 listing the candidates when several."""
        found = find_actor(self.snap, self.canonical(name_or_id))
        if isinstance(found, Entity):
            return found
        if not found:
            raise ApiError(404, f"no actor called {name_or_id!r} in the store")
        raise ApiError(409, f"{name_or_id!r} fits {len(found)} actors; give one of their ids",
                       candidates=[actor_item(self, e) for e in found])


def actor_item(view: View, e: Entity) -> dict:
    return {"id": e.id, "name": e.name, "type": e.type, "subtype": e.subtype, "country": e.country,
            "aliases": list(e.aliases), "mentions": view.mentions(e.id)}


def call(fn, *args, **filters):
    """`fn(*args, **filters)` without the filters left unset (None); a filter set that `fn` does
    not take is a 400 (the query layer of this version does not have it)."""
    params = inspect.signature(fn).parameters
    given = {k: v for k, v in filters.items() if v is not None}
    missing = [k for k in given if k not in params]
    if missing:
        raise ApiError(400, f"filter(s) not available in this version: {', '.join(missing)}")
    return fn(*args, **given)


def accepts(fn, name: str) -> bool:
    return name in inspect.signature(fn).parameters


class AppState:
    """The store behind the app. `extractor` is an `Extractor`, or a function of no arguments that
    makes one when the first document is uploaded (loading spaCy takes seconds).

    A write through the app reloads the snapshot at once; a write by another process (a
    `claimgraph ingest` or `merge` run beside the server) is noticed within `recheck` seconds,
    from the last row ids of the tables that writes add to."""

    def __init__(self, db: str, extractor=None, recheck: float = 1.0):
        self.store = Store(db)
        self.write_lock = threading.RLock()
        self._extractor = extractor
        self._extractor_lock = threading.Lock()
        self.recheck = recheck
        self._checked = 0.0
        self.reload()

    def _stamp(self) -> tuple:
        with Session(self.store.engine) as session:
            return tuple(session.scalar(select(func.max(column))) for column in STAMP_COLUMNS) + (
                session.scalar(select(func.count()).select_from(DocumentRow)),)

    def reload(self) -> View:
        from claimgraph.resolve import Resolver
        with self.write_lock:
            self._stamped = self._stamp()
            gc.unfreeze()  # the last snapshot's objects may go now
            self._view = View(snapshot(self.store), Resolver(self.store).mapping())
            # a snapshot is a million long-lived objects on a large store: kept out of the cyclic
            # collector's full passes, which would otherwise stall requests for a second
            gc.collect()
            gc.freeze()
            self._checked = time.monotonic()
            return self._view

    @property
    def view(self) -> View:
        """The current snapshot, reloaded first if another process changed the store."""
        if time.monotonic() - self._checked > self.recheck:
            self._checked = time.monotonic()
            if self._stamp() != self._stamped:
                return self.reload()
        return self._view

    def extractor(self):
        with self._extractor_lock:
            if self._extractor is None:
                from claimgraph.extract.pipeline import Extractor
                self._extractor = Extractor()
            elif not hasattr(self._extractor, "nlp") and callable(self._extractor):
                self._extractor = self._extractor()
            return self._extractor

    def close(self) -> None:
        self.store.close()


def get_state(request: Request) -> AppState:
    return request.app.state.cg


Cg = Annotated[AppState, Depends(get_state)]
