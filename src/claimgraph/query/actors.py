"""Actors by name, and an actor's dossier."""
from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz, process

from claimgraph.kb.fold import fold_name
from claimgraph.model import Entity
from claimgraph.query.filters import ClaimFilter
from claimgraph.query.records import SHOWN
from claimgraph.query import select as select_
from claimgraph.query.view import StoreView, open_view, reads
from claimgraph.store.schema import ClaimFiguresRow as F

FUZZY_CUTOFF = 90
# words too short or too common in names to pick an actor by ("a", "al", "the", "Abu"): a query of
# nothing but these matches a name exactly or not at all; what it would have fuzzed into is only
# offered as candidates (`NoSuchActor.candidates`)
MIN_WORD = 3
WEAK_WORDS = frozenset({"al", "el", "an", "and", "abu", "abi", "bin", "ibn", "bint", "umm", "the", "of", "for",
                        "de", "del", "da", "di", "du", "la", "le", "van", "von", "der", "den", "mr", "mrs", "ms", "dr"})
CANDIDATES_SHOWN = 10

# lines per relation list (per predicate and side), timeline and document list on one page of a
# dossier: a hub holds thousands; the rest are counted (`more`) and paged with `offset`
DOSSIER_LIMIT = 20


def _scorer(query: str, choice: str, **_) -> float:
    """100 when every word of the query is a word of the name ("Hassan", "Quds"); else the similarity
    of the sorted words (spelling slips, word order). Not WRatio: its partial matching takes
    "Abu Bakr al-Baghdadi" for "Baghdad"; nor token-set: it takes "Ali Hassan al-Tikriti" for "Ali Hassan"."""
    words, name = query.split(), choice.split()
    if set(words) <= set(name):
        return 100.0
    return fuzz.token_sort_ratio(query, choice)


class NoSuchActor(list):
    """No actor is called so: an empty list (so `== []`) that carries `candidates`, the actors the
    query only loosely fits, most mentioned first: names holding a short or common word of it
    (`near="loose"`), or names spelt like it (`near="spelling"`: "did you mean …")."""

    def __init__(self, candidates: list[Entity] = (), near: str = "loose"):
        super().__init__()
        self.candidates = list(candidates)
        self.near = near


def _meaningful(query: str) -> bool:
    """Whether a folded query has a word to fuzz on: one of `MIN_WORD` characters or more that is
    not a particle or article of names ("a", "al", "the", "Abu" alone never pick an actor)."""
    return any(len(w) >= MIN_WORD and w not in WEAK_WORDS for w in query.split())


@reads
def find_actor(store, name: str, types: tuple[str, ...] | None = None) -> Entity | list[Entity]:
    """The entity called `name` under any of its names or aliases (case, diacritics and apostrophes
    folded); failing an exact match, the names holding every word of `name` ("Soleimani", "Quds").
    One fit is returned as an Entity; several are returned as a list of candidates (most mentioned
    first); none as a `NoSuchActor` (== []). A name only spelt like one (a rapidfuzz token-sort
    score of 90: "Qasem Soleimany") picks nothing: the names it is close to are that
    `NoSuchActor`'s candidates ("did you mean …"). A query without a meaningful word
    (`_meaningful`: "a", "al-", "the") matches only exactly, the names holding it as candidates."""
    snap = open_view(store)
    canon = snap.canonical(name)
    if canon in snap.entities:  # an entity id names its entity (a merged one, its actor)
        return snap.entities[canon]
    query = fold_name(name)
    if not query:
        return NoSuchActor()
    names = _name_index(snap, types)
    found = set(names.get(query, ()))
    if not found:
        words, spelt = set(query.split()), set()
        for key, _, _ in process.extract(query, list(names), scorer=_scorer, score_cutoff=FUZZY_CUTOFF, limit=None):
            (found if words <= set(key.split()) else spelt).update(names[key])
        if not _meaningful(query):
            return NoSuchActor(_ranked(snap, found | spelt)[:CANDIDATES_SHOWN])
        if not found:  # only spelt alike: a guess is not an answer
            return NoSuchActor(_ranked(snap, spelt)[:CANDIDATES_SHOWN], near="spelling") if spelt else NoSuchActor()
    candidates = _ranked(snap, found)
    if not candidates:
        return NoSuchActor()
    return candidates[0] if len(candidates) == 1 else candidates


def _ranked(snap: StoreView, found: set[str]) -> list[Entity]:
    """The entities of `found`, most mentioned first."""
    snap.entities.prefetch(found)
    snap.mentions.prefetch(found)
    ranked = sorted(found, key=lambda i: (-sum(snap.mentions.get(i, {}).values()), snap.entities[i].name, i))
    return [snap.entities[i] for i in ranked]


def _name_index(snap: StoreView, types: tuple[str, ...] | None) -> dict[str, set[str]]:
    """Folded name or alias → canonical entity ids (of actors of `types`), kept with the store and
    read again when its entities, aliases or merges change."""
    from sqlalchemy import func, select

    from claimgraph.store.schema import AliasRow, EntityRow, MetaRow
    session = snap.session
    # new entities, new aliases, or canonical ids changed (merge, split, undo, a knowledge-base id)
    stamp = (session.scalar(select(func.count()).select_from(EntityRow)), session.scalar(select(func.max(AliasRow.id))),
             session.scalar(select(MetaRow.value).where(MetaRow.key == "resolution")))
    cache = snap.store.__dict__.setdefault("_name_index", {})
    if cache.get("stamp") != stamp:
        cache.clear()
        cache["stamp"] = stamp
    if types not in cache:
        names: dict[str, set[str]] = defaultdict(set)
        rows = select(EntityRow.id, EntityRow.name, EntityRow.type, EntityRow.canonical)
        head_type: dict[str, str] = {}
        members = []
        for eid, name, type_, canon in session.execute(rows):
            if canon is None:
                head_type[eid] = type_
            members.append((eid, name, canon or eid))
        aliases = defaultdict(list)
        for eid, alias in session.execute(select(AliasRow.entity_id, AliasRow.alias)):
            aliases[eid].append(alias)
        for eid, name, head in members:
            if not types or head_type.get(head) in types:
                for n in (name, *aliases.get(eid, ())):
                    names[fold_name(n)].add(head)
        cache[types] = dict(names)
    return cache[types]


@reads
def dossier(store, entity_id: str, as_of: str | None = None, min_independent: int = 0,
            max_credibility: int | None = None, limit: int | None = DOSSIER_LIMIT, listed: bool = False,
            shown: int | None = SHOWN, offset: int = 0) -> dict:
    """Everything the store holds on one actor, each line with its evidence and grade: identity,
    relations by predicate (as subject and as object, with their validity span), events on a
    timeline, the documents that mention it. The filters are those of `ClaimFilter`.

    A hub can hold thousands of claims: each list (each predicate's lines as subject and as
    object, the timeline, the documents) is a page of its `limit` first lines (the best attested:
    most sources, then documents; the timeline's latest events; the documents with most mentions)
    after its first `offset`, and says how many come after the page (`more` per predicate and
    side, `timeline_more`, `documents_more`): `offset=limit` gives every list's next page; limit
    None keeps everything. The lines are chosen in the database, a page read from an index; only
    those shown are read with their evidence. `listings`: the sanctions and watch lists the actor
    was matched to (`kb.listings`); `listed` keeps only the lines whose other actor is listed.
    Each line carries its first `shown` pieces of evidence and contradictions (None: all), and
    how many more it holds (`evidence_more`, `contradictions_more`, present when some are cut)."""
    if limit is not None and limit < 1:
        raise ValueError("limit is at least 1")
    if offset < 0:
        raise ValueError("offset is at least 0")
    snap = open_view(store)
    e = snap.entity(entity_id)
    rule = ClaimFilter(min_independent=min_independent, max_credibility=max_credibility, as_of=as_of)
    from claimgraph.kb import listings
    where = [listings.counterpart_condition(F, entity_id)] if listed else []
    picked = select_.dossier_lines(snap, entity_id, rule, limit, where, offset)
    snap.claims_by_id([cid for ids, _ in picked["relations"].values() for cid in ids] + picked["events"], shown)
    relations: dict[str, dict] = {}
    for (predicate, side), (ids, total) in sorted(picked["relations"].items()):
        group = relations.setdefault(predicate, {"as_subject": [], "as_object": [], "more": {}})
        for c in snap.claims_by_id(ids, shown):
            other = c.object if side == "as_subject" else c.subject
            group[side].append({"other": snap.ref(other), **_claim_fields(snap.claim_row(c, shown))})
        group[side].sort(key=lambda r: (-r["independent"], -r["sources"], -r["documents"],
                                        (r["other"] or {}).get("name") or "", r["claim"]))
        if limit is not None and total > offset + limit:
            group["more"][side] = total - offset - limit
    timeline = []
    for c in snap.claims_by_id(picked["events"], shown):
        row = snap.claim_row(c, shown)
        role = "actor" if c.subject == entity_id else "target" if c.object == entity_id else "location"
        counterpart = c.object if role == "actor" else c.subject if role == "target" else None
        timeline.append({"type": c.predicate, "role": role, "counterpart": snap.ref(counterpart),
                         "status": row["status"], "conditional": row["conditional"], "mode": row["mode"],
                         "location": row["location"],
                         **_claim_fields(row)})
    timeline.sort(key=_timeline_key)
    documents, documents_total = select_.mentioning(snap, entity_id, limit, offset)
    left = lambda total: max(total - offset - limit, 0) if limit is not None else 0  # noqa: E731
    return {
        "id": e.id, "name": e.name, "aliases": list(e.aliases), "type": e.type, "subtype": e.subtype,
        "country": e.country, "kb_id": e.kb_id, "as_of": as_of,
        "listings": listings.of_actors(snap, [e.id]).get(e.id, []),
        "relations": relations,
        "timeline": timeline,
        "timeline_more": left(picked["events_total"]),
        "documents": documents,
        "documents_more": left(documents_total),
    }


def _claim_fields(row: dict) -> dict:
    return {k: row[k] for k in ("claim", "modality", "attributed_to", "confidence", "date", "valid", "documents",
                                "sources", "independent", "modalities", "credibility", "credibility_reason",
                                "admiralty", "contested", "contradictions", "review", "evidence",
                                "evidence_more", "contradictions_more") if k in row}


def _timeline_key(item: dict) -> tuple:
    start = (item["date"] or {}).get("start")
    return (start is None, start or "", item["type"], item["claim"])
