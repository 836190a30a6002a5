"""The figures a store keeps (canonical ids, claim groups, per-claim figures), read back as plain
dicts, and the same figures recomputed from scratch with the whole-store reference
(`snapshot(store)` and `Resolver(store).mapping()`), so that a test compares them with `==`.

Both sides give `{"canonical": entity id → canonical id (every entity), "claims": claim id →
(group key, the claim it is joined into or None when rejected) (every claim), "groups": group
key → its figures, "figures": joined claim id → its figures, "ties": (actor, other) → (claims,
evidence, weight) of the claims between them, both ways round}`.
"""
from __future__ import annotations

import json

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from claimgraph.corroborate.figures import group_key
from claimgraph.query.snapshot import _resolved, snapshot
from claimgraph.resolve import Resolver
from claimgraph.review.reviews import live_verdicts
from claimgraph.store.schema import ActorTieRow, ClaimFiguresRow, ClaimGroupRow, ClaimRow, EntityRow

GROUP_COLUMNS = [c.key for c in inspect(ClaimGroupRow).columns if c.key != "key"]
FIGURE_COLUMNS = [c.key for c in inspect(ClaimFiguresRow).columns if c.key != "claim_id"]


def stored(store) -> dict:
    """What the store's tables say."""
    with Session(store.engine) as session:
        canonical = {i: c or i for i, c in session.execute(select(EntityRow.id, EntityRow.canonical))}
        claims = {i: (k, c) for i, k, c in session.execute(select(ClaimRow.id, ClaimRow.group_key, ClaimRow.canonical))}
        groups = {r.key: {c: _plain(getattr(r, c)) for c in GROUP_COLUMNS}
                  for r in session.scalars(select(ClaimGroupRow))}
        figures = {r.claim_id: {c: _plain(getattr(r, c)) for c in FIGURE_COLUMNS}
                   for r in session.scalars(select(ClaimFiguresRow))}
        ties = {(r.actor, r.other): (r.claims, r.evidence, r.weight) for r in session.scalars(select(ActorTieRow))}
    return {"canonical": canonical, "claims": claims, "groups": groups, "figures": figures, "ties": ties}


def recomputed(store) -> dict:
    """The same, from the claims, verdicts and judgements alone, by the whole-store reference."""
    mapping = Resolver(store).mapping()
    snap = snapshot(store)
    if not mapping:
        # The snapshot joins claims that are the same (kind, actors, predicate, modality, event
        # year) only when some merge exists; the stored figures always join them. Join here too.
        snap = _joined(snap)
    canon = lambda e: mapping.get(e, e) if e else e  # noqa: E731
    with Session(store.engine) as session:
        entities = list(session.scalars(select(EntityRow.id)))
        rows = session.execute(select(ClaimRow.id, ClaimRow.kind, ClaimRow.subject, ClaimRow.predicate, ClaimRow.object,
                                      ClaimRow.modality, ClaimRow.attrs).order_by(ClaimRow.id)).all()
        verdicts = live_verdicts(session)
    heads: dict[tuple, str] = {}
    claims = {}
    for r in rows:
        key = group_key(r.kind, canon(r.subject), r.predicate, canon(r.object))
        if verdicts.get(r.id) == "rejected":
            claims[r.id] = (key, None)
            continue
        year = (((r.attrs or {}).get("date") or {}).get("start") or "")[:4] if r.kind == "event" else ""
        same = (r.kind, canon(r.subject), r.predicate, canon(r.object), r.modality, year)
        claims[r.id] = (key, heads.setdefault(same, r.id))
    assert set(heads.values()) == set(snap.claims), "the reference joined other claims than these"
    groups, figures = {}, {}
    for c in snap.claims.values():
        graded = snap.corroboration(c)
        key = group_key(c.kind, c.subject, c.predicate, c.object)
        groups[key] = {"kind": c.kind, "subject": c.subject, "predicate": c.predicate, "object": c.object,
                       "contested": graded["contested"], "credibility": graded["credibility"], "data": _plain(graded)}
        spans = snap.dates(c)
        valid = snap.validity(c) if c.kind == "relation" else None
        figures[c.id] = _plain({
            "group_key": key, "kind": c.kind, "subject": c.subject, "predicate": c.predicate, "object": c.object,
            "location": c.attrs.get("location"), "modality": c.modality, "documents": len(snap.doc_ids(c)),
            "sources": len(snap.sources(c)), "independent": snap.independent(c), "evidence": len(c.evidence),
            "credibility": graded["credibility"], "contested": graded["contested"],
            "date_lo": min((s[:10] for s, _ in spans), default=None),
            "date_hi": max((e[:10] for _, e in spans), default=None),
            "date_last": max((s[:10] for s, _ in spans), default=None),
            "date_own": ((c.attrs.get("date") or {}).get("start") or "")[:10] or None,
            "valid_from": valid.start if valid else None, "valid_to": valid.end if valid else None,
            "data": {"dates": spans, "valid": valid.as_dict() if valid else None, "confidence": c.confidence}})
    missing = set(FIGURE_COLUMNS) - set(next(iter(figures.values()), {c: None for c in FIGURE_COLUMNS}))
    assert not missing, f"claim_figures columns this reference does not recompute: {sorted(missing)}"
    return {"canonical": {e: canon(e) for e in entities}, "claims": claims, "groups": groups,
            "figures": {k: {c: v[c] for c in FIGURE_COLUMNS} for k, v in figures.items()}, "ties": _ties(figures)}


def _ties(figures: dict) -> dict:
    """(actor, other) → (claims, pieces of evidence, weight) of the claims between two different
    actors, counted from the figures, each pair both ways round."""
    out: dict[tuple[str, str], tuple[int, int, int]] = {}
    for f in figures.values():
        if f["object"] is None or f["object"] == f["subject"]:
            continue
        for pair in ((f["subject"], f["object"]), (f["object"], f["subject"])):
            n, e, w = out.get(pair, (0, 0, 0))
            out[pair] = (n + 1, e + f["evidence"], w + max(f["evidence"], 1))
    return out


def differences(a: dict, b: dict, limit: int = 6) -> list[str]:
    """Where two such dicts differ, in words (for an assertion's message)."""
    found = []
    for part in a.keys() | b.keys():
        x, y = a.get(part, {}), b.get(part, {})
        for k in sorted(x.keys() | y.keys()):
            if x.get(k) != y.get(k):
                found.append(f"{part}[{k}]: {x.get(k)!r} != {y.get(k)!r}")
    return found[:limit]


def _joined(snap):
    # `_resolved` joins the claims that became the same; a mapping of one absent id to itself
    # changes no entity and makes it run.
    return _resolved(snap, {"\x00": "\x00"})


def _plain(value):
    """As the JSON column gives it back: tuples as lists, sets refused."""
    return json.loads(json.dumps(value))
