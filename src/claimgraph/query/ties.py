"""An actor's ties, read from `actor_ties` (the claims between two actors summed once, kept with
the figures: `corroborate.ties`) instead of summed from every claim: a hub's ties are a few
hundred rows where its claims are thousands. For the walks that count every claim (no filter);
a filtered walk sums the claims that pass it (`graph._pairs`)."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select

from claimgraph.query.view import chunks
from claimgraph.store.schema import ActorTieRow as T

IN_LIST = 450  # ids per IN (...) list, two lists to a statement under SQLite's old 999 variables


def strongest(view, frontier: list[str], exclude: Iterable[str], room: int | None) -> tuple[list[str], dict[str, int], bool]:
    """The actors tied to `frontier` and not in `exclude`, with the evidence of their ties to it
    (none without any), the most first, then by name and id: the first `room` of them (None:
    all), their evidence, and whether others were left out. The database sums and cuts; only the
    actors on the cut's boundary are read beyond it."""
    exclude = sorted(set(exclude))
    if room is None or len(frontier) > IN_LIST or len(exclude) > IN_LIST:
        weight: dict[str, int] = {}
        left_out = set(exclude)
        for part in chunks(sorted(set(frontier)), IN_LIST):
            for other, evidence in view.session.execute(select(T.other, T.evidence).where(T.actor.in_(part))):
                if other not in left_out:
                    weight[other] = weight.get(other, 0) + evidence
        return _ranked(view, {n: w for n, w in weight.items() if w}, room)
    where = (T.actor.in_(frontier), T.other.not_in(exclude))
    if room == 0:
        return [], {}, view.session.scalar(select(T.other).where(*where, T.evidence > 0).limit(1)) is not None
    w = func.sum(T.evidence)
    summed = select(T.other, w).where(*where).group_by(T.other).having(w > 0)
    rows = list(view.session.execute(summed.order_by(w.desc()).limit(room + 1)))
    if len(rows) > room and rows[room][1] == rows[room - 1][1]:  # ties on the boundary: all of them, to order by name
        rows = list(view.session.execute(summed.having(w >= rows[room - 1][1])))
    return _ranked(view, {n: int(e) for n, e in rows}, room)


def _ranked(view, weight: dict[str, int], room: int | None) -> tuple[list[str], dict[str, int], bool]:
    view.entities.prefetch(weight)
    ranked = sorted(weight, key=lambda n: (-weight[n], view.name(n) or "", n))
    if room is not None and len(ranked) > room:
        return ranked[:room], weight, True
    return ranked, weight, False


def among(view, nodes: Iterable[str]) -> dict[tuple[str, str], tuple[int, int]]:
    """(u, v) with u < v → (pieces of evidence, claims) of the ties between two of `nodes`."""
    nodes = sorted(set(nodes))
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for part in chunks(nodes, IN_LIST):
        for u, v, evidence, n in view.session.execute(
                select(T.actor, T.other, T.evidence, T.claims).where(T.actor.in_(part), T.other.in_(nodes),
                                                                      T.actor < T.other)):
            out[(u, v)] = (evidence, n)
    return out


def weights(view, ids: Iterable[str] | None) -> dict[tuple[str, str], int]:
    """(u, v) with u < v → the weight of their tie (the evidence of their claims, a claim without
    any counting one), for the ties touching `ids`, or every tie of the store with None."""
    out: dict[tuple[str, str], int] = {}
    if ids is None:
        for u, v, w in view.session.execute(select(T.actor, T.other, T.weight).where(T.actor < T.other)):
            out[(u, v)] = w
        return out
    for part in chunks(sorted(set(ids)), IN_LIST):
        for u, v, w in view.session.execute(select(T.actor, T.other, T.weight).where(T.actor.in_(part))):
            out[(min(u, v), max(u, v))] = w
    return out
