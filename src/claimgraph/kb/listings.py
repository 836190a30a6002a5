"""Actors matched to sanctions and watch lists (`claimgraph kb import`): what a listing says of
an actor, for the answers and the exports, and how `claimgraph undo` takes an import's matches back.

A listing is a row of `listings`: a stored actor, a listed entity, positive or unsure, with the
matcher's score and rule and the aliases it added to the actor. Only live positive listings of
entities still on their list make an actor "listed"; they count under the actor's canonical id.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, delete, func, or_, select, update

from claimgraph.store.schema import AliasRow, EntityRow, ListedEntityRow, ListingRow, ListRow

POSITIVE, NEGATIVE, UNSURE = "positive", "negative", "unsure"


def _live(judgement: str = POSITIVE):
    return and_(ListingRow.undone_at.is_(None), ListingRow.judgement == judgement,
                ListedEntityRow.removed_at.is_(None))


def listed_actors():
    """A SELECT of the canonical ids of the actors with a live positive listing."""
    head = func.coalesce(EntityRow.canonical, EntityRow.id)
    return (select(head).select_from(ListingRow)
            .join(ListedEntityRow, ListedEntityRow.id == ListingRow.listed_id)
            .join(EntityRow, EntityRow.id == ListingRow.entity_id).where(_live()))


def listed_condition(figures):
    """An SQL condition on `claim_figures` rows: the claim touches a listed actor."""
    heads = listed_actors()
    return or_(figures.subject.in_(heads), figures.object.in_(heads))


def counterpart_condition(figures, actor: str):
    """An SQL condition on `claim_figures` rows of `actor`: the other actor of the claim is listed."""
    heads = listed_actors()
    return or_(and_(figures.subject == actor, figures.object.in_(heads)),
               and_(figures.object == actor, figures.subject.in_(heads)))


def _describe(row, title: str) -> dict:
    data = row.data or {}
    return {"list": row.list, "title": title, "listed_id": row.entity_id, "schema": row.schema,
            "caption": row.caption, "topics": data.get("topics", []), "programs": data.get("programs", []),
            "countries": data.get("countries", []), "identifiers": data.get("identifiers", []),
            "first_seen": row.first_seen, "last_seen": row.last_seen}


def label(listing: dict) -> str:
    """"OFAC SDN (sanction, crime.terror)": the list and the topics it gives."""
    topics = ", ".join(listing.get("topics") or ())
    return f"{listing['title']} ({topics})" if topics else listing["title"]


def of_actors(view, ids: list[str], judgement: str = POSITIVE) -> dict[str, list[dict]]:
    """Canonical actor id → its listings (list, title, topics, programmes, match score, rule), for
    these actors; `judgement="unsure"` gives the matches left for an analyst instead."""
    if not ids:
        return {}
    head = func.coalesce(EntityRow.canonical, EntityRow.id)
    out: dict[str, list[dict]] = {}
    for start in range(0, len(ids), 450):
        part = list(ids[start:start + 450])
        rows = _execute(view,
            select(head, ListingRow.id, ListingRow.score, ListingRow.decided_by, ListingRow.reason,
                   ListedEntityRow, ListRow.title)
            .select_from(ListingRow)
            .join(ListedEntityRow, ListedEntityRow.id == ListingRow.listed_id)
            .join(ListRow, ListRow.name == ListedEntityRow.list)
            .join(EntityRow, EntityRow.id == ListingRow.entity_id)
            .where(_live(judgement), or_(EntityRow.id.in_(part), EntityRow.canonical.in_(part)))
            .order_by(ListedEntityRow.list, ListedEntityRow.entity_id, ListingRow.id))
        for actor, lid, score, decided_by, reason, listed, title in rows:
            out.setdefault(actor, []).append({**_describe(listed, title), "listing": lid, "score": score,
                                              "rule": decided_by, "reason": reason, "judgement": judgement})
    return out


def _execute(view, statement) -> list:
    """Rows of `statement` through a `StoreView`, or through the store of an in-memory `Snapshot`."""
    if hasattr(view, "session"):
        return list(view.session.execute(statement))
    from sqlalchemy.orm import Session
    with Session(view.store.engine.execution_options(sqlite_begin="DEFERRED")) as session:  # no write lock
        return list(session.execute(statement))


def matched(view, judgement: str = POSITIVE) -> list[dict]:
    """Every actor with a live listing of this judgement, with the listing: by list, then actor name."""
    heads = sorted(set(view.session.scalars(
        select(func.coalesce(EntityRow.canonical, EntityRow.id)).select_from(ListingRow)
        .join(ListedEntityRow, ListedEntityRow.id == ListingRow.listed_id)
        .join(EntityRow, EntityRow.id == ListingRow.entity_id).where(_live(judgement)))))
    found = of_actors(view, heads, judgement)
    view.entities.prefetch(heads)
    rows = []
    for actor, items in found.items():
        e = view.entities.get(actor)
        for item in items:
            rows.append({"actor": actor, "name": e.name if e else actor, "type": e.type if e else None, **item})
    return sorted(rows, key=lambda r: (r["list"], r["name"], r["listed_id"]))


# -- writing: aliases, and undo -------------------------------------------------------------------

def add_aliases(session, entity_id: str, names: list[str]) -> list[str]:
    """Add to the actor the names it does not bear yet (exactly); returns those added."""
    from claimgraph.kb.fold import fold_name
    have = {fold_name(a) for a in session.scalars(select(AliasRow.alias).where(AliasRow.entity_id == entity_id))}
    have.add(fold_name(session.scalar(select(EntityRow.name).where(EntityRow.id == entity_id)) or ""))
    added = []
    for n in names:
        if fold_name(n) and fold_name(n) not in have:
            have.add(fold_name(n))
            session.add(AliasRow(entity_id=entity_id, alias=n))
            added.append(n)
    session.flush()
    return added


def _drop_aliases(session, listing: ListingRow) -> None:
    """Remove the aliases a listing added, unless another live listing of the actor added them too."""
    others = session.scalars(select(ListingRow.aliases).where(
        ListingRow.entity_id == listing.entity_id, ListingRow.id != listing.id, ListingRow.undone_at.is_(None)))
    kept = {a for aliases in others for a in aliases or ()}
    gone = [a for a in listing.aliases or () if a not in kept]
    if gone:
        session.execute(delete(AliasRow).where(AliasRow.entity_id == listing.entity_id, AliasRow.alias.in_(gone)))


def retire(session, ids: list[int], at: datetime) -> None:
    """Mark listings undone and take their aliases back."""
    for listing in session.scalars(select(ListingRow).where(ListingRow.id.in_(ids), ListingRow.undone_at.is_(None))):
        listing.undone_at = at
        session.flush()
        _drop_aliases(session, listing)


def restore(session, ids: list[int]) -> None:
    """Bring back listings an import replaced, with their aliases."""
    for listing in session.scalars(select(ListingRow).where(ListingRow.id.in_(ids), ListingRow.undone_at.is_not(None))):
        listing.undone_at = None
        for alias in listing.aliases or ():
            if session.scalar(select(AliasRow.id).where(AliasRow.entity_id == listing.entity_id,
                                                        AliasRow.alias == alias)) is None:
                session.add(AliasRow(entity_id=listing.entity_id, alias=alias))
    session.flush()


def undoable(session, payload: dict) -> tuple[list[int], list[int], list[int]]:
    """Of an import's audit entry: its listings still live, the listings it replaced still undone,
    and the listed entities it marked removed that are still off their list (an import that only
    dropped targets no actor matched is undone too)."""
    made, replaced = payload.get("listings") or [], payload.get("replaced") or []
    removed = payload.get("removed_ids") or []
    live = set(session.scalars(select(ListingRow.id).where(ListingRow.id.in_(made), ListingRow.undone_at.is_(None))))
    gone = set(session.scalars(select(ListingRow.id).where(ListingRow.id.in_(replaced),
                                                           ListingRow.undone_at.is_not(None))))
    off = set(session.scalars(select(ListedEntityRow.id).where(ListedEntityRow.id.in_(removed),
                                                               ListedEntityRow.removed_at.is_not(None))))
    return [i for i in made if i in live], [i for i in replaced if i in gone], [i for i in removed if i in off]


def take_back(session, made: list[int], replaced: list[int], at: datetime, removed: list[int] = ()) -> None:
    """Undo an import's matches: its listings undone (their aliases removed), those it replaced
    restored, and the listed entities it marked removed from their list back on it."""
    from claimgraph.corroborate.figures import bump_resolution
    retire(session, made, at)
    restore(session, replaced)
    if removed:
        session.execute(update(ListedEntityRow).where(ListedEntityRow.id.in_(list(removed)))
                        .values(removed_at=None))
    bump_resolution(session)  # the actors' names changed: caches of names are read again
