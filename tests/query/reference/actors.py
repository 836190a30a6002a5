"""Actors by name, and an actor's dossier, over a whole-store `Snapshot` (the helpers that did
not change are the package's own)."""
from __future__ import annotations

from collections import defaultdict

from rapidfuzz import process

from claimgraph.kb.fold import fold_name
from claimgraph.model import Entity
from claimgraph.query.actors import DOSSIER_LIMIT, FUZZY_CUTOFF, _claim_fields, _scorer, _timeline_key
from claimgraph.query.filters import ClaimFilter
from claimgraph.query.snapshot import snapshot

def find_actor(store, name: str, types: tuple[str, ...] | None = None) -> Entity | list[Entity]:
    """The entity called `name` under any of its names or aliases (case, diacritics and apostrophes
    folded); failing an exact match, the names holding every word of `name` (one spelt alike
    is no fit). One fit is returned as an
    Entity; several are returned as a list of candidates (most mentioned first); none as []."""
    snap = snapshot(store)
    if name in snap.entities:  # an entity id names its entity
        return snap.entities[name]
    query = fold_name(name)
    if not query:
        return []
    names = _name_index(snap, types)
    found = set(names.get(query, ()))
    if not found:
        for key, _, _ in process.extract(query, list(names), scorer=_scorer, score_cutoff=FUZZY_CUTOFF, limit=None):
            if set(query.split()) <= set(key.split()):  # a name only spelt alike picks nothing
                found |= names[key]
    ranked = sorted(found, key=lambda i: (-sum(snap.mentions.get(i, {}).values()), snap.entities[i].name, i))
    candidates = [snap.entities[i] for i in ranked]
    return candidates[0] if len(candidates) == 1 else candidates


def _name_index(snap, types: tuple[str, ...] | None) -> dict[str, set[str]]:
    """Folded name or alias → entity ids, kept on the snapshot."""
    cache = snap.cache.setdefault("name_index", {})
    if types not in cache:
        names: dict[str, set[str]] = defaultdict(set)
        for e in snap.entities.values():
            if not types or e.type in types:
                for n in (e.name, *e.aliases):
                    names[fold_name(n)].add(e.id)
        cache[types] = dict(names)
    return cache[types]


def dossier(store, entity_id: str, as_of: str | None = None, min_independent: int = 0,
            max_credibility: int | None = None, limit: int | None = DOSSIER_LIMIT, offset: int = 0) -> dict:
    """Everything the store holds on one actor, each line with its evidence and grade: identity,
    relations by predicate (as subject and as object, with their validity span), events on a
    timeline, the documents that mention it. The filters are those of `ClaimFilter`.

    A hub can hold thousands of claims: each list is a page of `limit` lines after its first
    `offset` (the best attested: most sources, then documents; the timeline its latest events;
    the documents most mentioning it) and says how many come after the page (`more`,
    `timeline_more`, `documents_more`); None keeps everything."""
    if limit is not None and limit < 1:
        raise ValueError("limit is at least 1")
    snap = snapshot(store)
    e = snap.entity(entity_id)
    page = lambda items: items[offset:] if limit is None else items[offset:offset + limit]  # noqa: E731
    left = lambda total: max(total - offset - limit, 0) if limit is not None else 0  # noqa: E731
    rule = ClaimFilter(min_independent=min_independent, max_credibility=max_credibility, as_of=as_of)
    sides: dict[tuple[str, str], list] = defaultdict(list)
    events = []
    for c in snap.claims_of.get(entity_id, []):
        if c.kind == "relation" and entity_id not in (c.subject, c.object):
            continue
        if not rule.keep(snap, c):
            continue
        if c.kind == "event":
            events.append(c)
        else:
            for side, end in (("as_subject", c.subject), ("as_object", c.object)):
                if end == entity_id:
                    sides[c.predicate, side].append(c)
    relations: dict[str, dict] = {}
    for (predicate, side), found in sorted(sides.items()):
        found.sort(key=lambda c: (-len(snap.sources(c)), -len(snap.doc_ids(c)), c.id))
        group = relations.setdefault(predicate, {"as_subject": [], "as_object": [], "more": {}})
        for c in page(found):
            other = c.object if side == "as_subject" else c.subject
            group[side].append({"other": snap.ref(other), **_claim_fields(snap.claim_row(c))})
        group[side].sort(key=lambda r: (-r["independent"], -r["sources"], -r["documents"],
                                        (r["other"] or {}).get("name") or "", r["claim"]))
        if left(len(found)):
            group["more"][side] = left(len(found))
    events.sort(key=lambda c: c.id)
    events.sort(key=lambda c: max((d[0] for d in snap.dates(c)), default=""), reverse=True)
    timeline = []
    for c in page(events):
        row = snap.claim_row(c)
        role = "actor" if c.subject == entity_id else "target" if c.object == entity_id else "location"
        counterpart = c.object if role == "actor" else c.subject if role == "target" else None
        timeline.append({"type": c.predicate, "role": role, "counterpart": snap.ref(counterpart),
                         "status": row["status"], "conditional": row["conditional"], "mode": row["mode"],
                         "location": row["location"],
                         **_claim_fields(row)})
    timeline.sort(key=_timeline_key)
    docs = snap.mentions.get(entity_id, {})
    documents = [
        {"id": d, "title": snap.documents[d].title, "source": snap.documents[d].source,
         "published": snap.documents[d].published, "mentions": n}
        for d, n in docs.items() if d in snap.documents
    ]
    documents.sort(key=lambda d: (-d["mentions"], d["published"] or "", d["id"]))
    return {
        "id": e.id, "name": e.name, "aliases": list(e.aliases), "type": e.type, "subtype": e.subtype,
        "country": e.country, "kb_id": e.kb_id, "as_of": as_of,
        "listings": _listings(snap, entity_id),
        "relations": relations,
        "timeline": timeline,
        "timeline_more": left(len(events)),
        "documents": page(documents),
        "documents_more": left(len(documents)),
    }


def _listings(snap, actor: str) -> list[dict]:
    """The actor's live positive listings, read row by row (the query reads them in one SQL join)."""
    from sqlalchemy.orm import Session

    from claimgraph.store.schema import EntityRow, ListedEntityRow, ListingRow, ListRow
    out = []
    with Session(snap.store.engine) as session:
        for lst in session.query(ListingRow).order_by(ListingRow.id):
            listed = session.get(ListedEntityRow, lst.listed_id)
            member = session.get(EntityRow, lst.entity_id)
            if lst.undone_at or lst.judgement != "positive" or listed.removed_at or member is None:
                continue
            if (member.canonical or member.id) != actor:
                continue
            data = listed.data
            out.append({"list": listed.list, "title": session.get(ListRow, listed.list).title,
                        "listed_id": listed.entity_id, "schema": listed.schema, "caption": listed.caption,
                        "topics": data["topics"], "programs": data["programs"], "countries": data["countries"],
                        "identifiers": data["identifiers"], "first_seen": listed.first_seen,
                        "last_seen": listed.last_seen, "listing": lst.id, "score": lst.score,
                        "rule": lst.decided_by, "reason": lst.reason, "judgement": "positive"})
    return sorted(out, key=lambda x: (x["list"], x["listed_id"], x["listing"]))
