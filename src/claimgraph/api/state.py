"""What the app keeps between requests: the store and the lock for writes.

Each request reads through a `StoreView` of its own (`claimgraph.query.view`): SQL over the
stored canonical ids and figures, nothing loaded at start and nothing held between requests.
Writes (ingest, review, merge, split, undo) run under one lock, each one transaction.
"""
from __future__ import annotations

import inspect
import threading
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import func, select

from claimgraph.api.errors import ApiError
from claimgraph.model import Entity
from claimgraph.query import StoreView, find_actor
from claimgraph.store import Store
from claimgraph.store.schema import ClaimRow, EvidenceRow


class DocClaims:
    """Document id → ids of the (joined) claims with evidence in it, read from the store."""

    def __init__(self, view: StoreView):
        self.view = view

    def get(self, doc_id: str, default=()):
        ids = self.view.session.scalars(
            select(ClaimRow.canonical).distinct().join(EvidenceRow, EvidenceRow.claim_id == ClaimRow.id)
            .where(EvidenceRow.doc_id == doc_id, ClaimRow.canonical.is_not(None)).order_by(ClaimRow.canonical))
        return ids or default

    def counts(self) -> dict[str, int]:
        """Document id → how many claims have evidence in it, for every document."""
        return dict(self.view.session.execute(
            select(EvidenceRow.doc_id, func.count(func.distinct(ClaimRow.canonical)))
            .join(ClaimRow, ClaimRow.id == EvidenceRow.claim_id).where(ClaimRow.canonical.is_not(None))
            .group_by(EvidenceRow.doc_id)).all())


class View:
    """One request's view of the store (`StoreView`, as `snap`), with the helpers the routes share."""

    def __init__(self, snap: StoreView):
        self.snap = snap
        self.doc_claims = DocClaims(snap)

    def canonical(self, entity_id: str | None) -> str | None:
        return self.snap.canonical(entity_id)

    def mentions(self, entity_id: str) -> int:
        return sum(self.snap.mentions.get(entity_id, {}).values())

    def actor(self, name_or_id: str) -> Entity:
        """The actor an id or a name stands for: 404 when none, 409 listing the candidates when several."""
        found = find_actor(self.snap, self.canonical(name_or_id))
        if isinstance(found, Entity):
            return found
        if not found:
            near = getattr(found, "candidates", [])
            if near and getattr(found, "near", None) == "spelling":  # spelt like: offered, not picked
                raise ApiError(404, f"no actor called {name_or_id!r} in the store; did you mean "
                                    f"{', '.join(e.name for e in near)}?", candidates=[actor_item(self, e) for e in near])
            raise ApiError(404, f"no actor called {name_or_id!r} in the store")
        raise ApiError(409, f"{name_or_id!r} fits {len(found)} actors; give one of their ids",
                       candidates=[actor_item(self, e) for e in found])


def actor_item(view: View, e: Entity, mentions: int | None = None) -> dict:
    return {"id": e.id, "name": e.name, "type": e.type, "subtype": e.subtype, "country": e.country,
            "aliases": list(e.aliases), "mentions": view.mentions(e.id) if mentions is None else mentions}


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
        self.recheck = recheck  # kept for callers; every request reads the database afresh

    def reload(self) -> View:
        """A view of the store as it is now (a view reads the database; nothing is held between
        requests, so a write by this app or another process is seen by the next request)."""
        return View(StoreView(self.store))

    @property
    def view(self) -> View:
        return self.reload()

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
