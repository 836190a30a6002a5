"""`claimgraph kb import`: a sanctions or watch list into the store, matched to its actors.

One import is one transaction and one row of the audit log (action `kb-import`, with the ids of
the listings it made and of those it replaced), written only when something changed: importing
the same file again changes nothing, a newer version of the list updates the entities that
changed (their matches made again) and marks those it no longer holds as removed. The store's
actors that match a target get a listing (`listings`: score, rule `auto:list-<rule>`) and, when
positive, the target's names as aliases; `claimgraph undo` takes an import's matches and their
aliases back. Matching runs over every target of the list still on it, so importing again after
new documents matches their actors too.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from claimgraph.kb import listings as ldb
from claimgraph.kb.list_files import ListFile, read_list
from claimgraph.kb.list_match import MATCH, REVIEW, Actors, matches
from claimgraph.resolve import judgements as jdb
from claimgraph.store.db import lock_writes
from claimgraph.store.schema import AliasRow, EntityRow, ListedEntityRow, ListingRow, ListRow


def list_name(read: ListFile) -> str:
    """The list's id: the dataset most of its lines name, else the file's name without suffixes."""
    if read.datasets:
        return read.datasets.most_common(1)[0][0]
    name = Path(read.path).name
    for suffix in (".csv", ".json", ".jsonl", ".ndjson", ".ftm"):
        name = name.removesuffix(suffix)
    return name or "list"


def _actors(session: Session) -> Actors:
    aliases: dict[str, list[str]] = defaultdict(list)
    for eid, alias in session.execute(select(AliasRow.entity_id, AliasRow.alias).order_by(AliasRow.id)):
        aliases[eid].append(alias)
    heads: dict[str, list] = {}
    members: dict[str, list[str]] = defaultdict(list)
    for eid, name, type_, country, canon in session.execute(
            select(EntityRow.id, EntityRow.name, EntityRow.type, EntityRow.country, EntityRow.canonical)
            .order_by(EntityRow.id)):
        if canon is None:
            heads[eid] = [eid, type_, country, [name, *aliases.get(eid, ())]]
        else:
            members[canon] += [name, *aliases.get(eid, ())]
    for head, names in members.items():
        if head in heads:
            heads[head][3] += names
    return Actors([(i, t, c, list(dict.fromkeys(n))) for i, t, c, n in heads.values()])


def import_list(store, path: str | Path, name: str | None = None, title: str | None = None,
                analyst: str = "auto", threshold: float = MATCH, review: float = REVIEW,
                on_error: Callable[[str], None] = lambda message: None) -> dict:
    """Import a list file into `store` and match its targets to the store's actors; returns counts."""
    read = read_list(path, on_error)
    name = name or list_name(read)
    counts = {"list": name, "targets": len(read.targets), "added": 0, "updated": 0, "unchanged": 0, "removed": 0,
              "listed": 0, "unsure": 0, "aliases": 0, "bad_lines": read.bad_lines,
              "unknown_schemata": sum(read.unknown_schemata.values()),
              "other_schemata": sum(read.other_schemata.values()), "not_targets": read.not_targets}
    sessions = sessionmaker(store.engine, expire_on_commit=False)
    with sessions.begin() as session:
        lock_writes(session)
        at = jdb.now()
        lst = session.get(ListRow, name)
        if lst is None:
            lst = ListRow(name=name, title=title or name, source=str(path), imported_at=at)
            session.add(lst)
            session.flush()
        elif title and lst.title != title:
            lst.title = title
        stored = {r.entity_id: r for r in session.scalars(select(ListedEntityRow).where(ListedEntityRow.list == name))}
        changed: list[ListedEntityRow] = []
        for t in read.targets.values():
            row = stored.get(t.entity_id)
            values = {"schema": t.schema, "caption": t.caption, "data": t.data(), "fingerprint": t.fingerprint(),
                      "first_seen": t.first_seen, "last_seen": t.last_seen}
            if row is None:
                row = ListedEntityRow(list=name, entity_id=t.entity_id, imported_at=at, removed_at=None, **values)
                session.add(row)
                counts["added"] += 1
            elif row.fingerprint != t.fingerprint() or row.removed_at is not None:
                for k, v in values.items():
                    setattr(row, k, v)
                row.imported_at, row.removed_at = at, None
                counts["updated"] += 1
                changed.append(row)
            else:
                counts["unchanged"] += 1
        removed = [r for i, r in stored.items() if i not in read.targets and r.removed_at is None]
        for r in removed:
            r.removed_at = at
        counts["removed"] = len(removed)
        session.flush()
        # an entity that changed or left the list: its matches are made again (or not at all)
        stale = [r.id for r in changed + removed]
        replaced = list(session.scalars(select(ListingRow.id).where(
            ListingRow.listed_id.in_(stale), ListingRow.undone_at.is_(None)))) if stale else []
        ldb.retire(session, replaced, at)
        made = _match(session, name, threshold, review, at, counts)
        if made or replaced or counts["added"] or counts["updated"] or counts["removed"]:
            lst.source, lst.imported_at = str(path), at
            jdb.log(session, analyst, "kb-import", {
                "list": name, "file": str(path), "listings": made, "replaced": replaced,
                "removed_ids": [r.id for r in removed],
                **{k: counts[k] for k in ("added", "updated", "removed", "listed", "unsure")}})
        if made or replaced:
            from claimgraph.corroborate.figures import bump_resolution
            bump_resolution(session)  # the actors' names changed: caches of names are read again
    return counts


def _match(session: Session, name: str, threshold: float, review: float, at, counts: dict) -> list[int]:
    """Listings for every target of the list still on it, except pairs already judged (live)."""
    judged = set(session.execute(select(ListingRow.entity_id, ListingRow.listed_id)
                                 .join(ListedEntityRow, ListedEntityRow.id == ListingRow.listed_id)
                                 .where(ListedEntityRow.list == name, ListingRow.undone_at.is_(None))).all())
    actors = _actors(session)
    made = []
    targets = session.scalars(select(ListedEntityRow).where(ListedEntityRow.list == name,
                                                            ListedEntityRow.removed_at.is_(None))
                              .order_by(ListedEntityRow.entity_id))
    for t in targets:
        found = matches(actors, t.data["names"], t.data["type"], t.data["countries"], min(review, threshold))
        sure = [m for m in found if m.score >= threshold]
        for m in found:
            if (m.entity_id, t.id) in judged:
                continue
            positive = m.score >= threshold and len(sure) == 1
            reason = m.reason if positive or m.score < threshold else \
                f"{m.reason}; {t.caption!r} fits {len(sure)} actors: {', '.join(x.entity_id for x in sure)}"
            aliases = ldb.add_aliases(session, m.entity_id, t.data["names"]) if positive else []
            row = ListingRow(entity_id=m.entity_id, listed_id=t.id, judgement=ldb.POSITIVE if positive else ldb.UNSURE,
                             score=m.score, decided_by=f"auto:list-{m.rule}", reason=reason, aliases=aliases,
                             created_at=at, undone_at=None)
            session.add(row)
            session.flush()
            made.append(row.id)
            counts["listed" if positive else "unsure"] += 1
            counts["aliases"] += len(aliases)
    return made


class ListingError(ValueError):
    """A decision on a listing that cannot be made; the message says why."""


def decide(store, listing_id: int, verdict: str, analyst: str = "analyst", reason: str | None = None) -> int:
    """An analyst's verdict on a listing (`positive`: the actor is the listed entity, with its names
    as aliases; `negative`: it is not, and no later import matches the two again): the listing is
    replaced by the analyst's, in one transaction and one audit-log row (`kb-confirm`, `kb-reject`)
    that `claimgraph undo` takes back. Returns the new listing's id."""
    if verdict not in (ldb.POSITIVE, ldb.NEGATIVE):
        raise ListingError(f"a verdict is {ldb.POSITIVE} or {ldb.NEGATIVE}, not {verdict!r}")
    sessions = sessionmaker(store.engine, expire_on_commit=False)
    with sessions.begin() as session:
        lock_writes(session)
        old = session.get(ListingRow, listing_id)
        if old is None or old.undone_at is not None:
            raise ListingError(f"no listing #{listing_id} stands (see claimgraph kb listings)")
        if old.judgement == verdict:
            raise ListingError(f"listing #{listing_id} is already {verdict}")
        at = jdb.now()
        ldb.retire(session, [old.id], at)
        listed = session.get(ListedEntityRow, old.listed_id)
        aliases = ldb.add_aliases(session, old.entity_id, listed.data["names"]) if verdict == ldb.POSITIVE else []
        row = ListingRow(entity_id=old.entity_id, listed_id=old.listed_id, judgement=verdict, score=old.score,
                         decided_by=f"analyst:{analyst}", reason=reason or f"{verdict} by an analyst",
                         aliases=aliases, created_at=at, undone_at=None)
        session.add(row)
        session.flush()
        action = "kb-confirm" if verdict == ldb.POSITIVE else "kb-reject"
        jdb.log(session, analyst, action, {"listings": [row.id], "replaced": [old.id], "list": listed.list,
                                           "entity_id": old.entity_id, "listed_id": listed.entity_id})
        from claimgraph.corroborate.figures import bump_resolution
        bump_resolution(session)
        return row.id
