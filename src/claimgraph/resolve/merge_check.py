"""Whether an analyst's merge joins actors that cannot be one: two entities of different countries
("Iran" and "Iraq", two states) or of types that never mix (a state and a person; two knowledge-
base types). The automatic resolution never proposes such pairs (`candidates.conflict`); an
analyst's `merge` is refused for them unless forced (`claimgraph merge --force`, `force: true`)."""
from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from claimgraph.resolve.types import compatible
from claimgraph.store.schema import EntityRow


class MergeConflict(ValueError):
    """A merge refused without `force`; the message names the two entities and why."""


def _members(session: Session, heads: set[str]) -> list[EntityRow]:
    return list(session.scalars(select(EntityRow).where(or_(EntityRow.id.in_(heads), EntityRow.canonical.in_(heads)))
                                .order_by(EntityRow.id)))


def _label(e: EntityRow) -> str:
    facts = ", ".join(x for x in (e.type, e.country, "knowledge base" if e.kb_id else None) if x)
    return f"{e.name} ({e.id}: {facts})"


def why_not(x: EntityRow, y: EntityRow) -> str | None:
    """Why two entities cannot be one actor by their countries and types, or None."""
    if x.country and y.country and x.country != y.country:
        return f"their countries differ ({x.country}, {y.country})"
    why = compatible((x, y)) if x.type != y.type else None
    if why:
        return why
    if x.type == y.type == "country" and x.kb_id and y.kb_id and x.kb_id != y.kb_id:
        return "they are two states of the knowledge base"
    return None


def check_merge(resolver, a: str, b: str) -> None:
    """Raise `MergeConflict` when merging the actors of `a` and `b` (ids or exact names) would join
    two entities that `why_not` keeps apart (any member of one actor with any of the other)."""
    a, b = resolver.find(a), resolver.find(b)
    heads = {resolver.canonical(a): "a", resolver.canonical(b): "b"}
    if len(heads) < 2:
        return  # already one actor: the resolver says so
    with Session(resolver.store.engine.execution_options(sqlite_begin="DEFERRED")) as session:
        rows = _members(session, set(heads))
    side = {e.id: heads.get(e.canonical or e.id) for e in rows}
    left = [e for e in rows if side[e.id] == "a"]
    right = [e for e in rows if side[e.id] == "b"]
    for x in left:
        for y in right:
            why = why_not(x, y)
            if why:
                raise MergeConflict(f"refused to merge {_label(x)} and {_label(y)}: {why}")
