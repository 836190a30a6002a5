"""The figures of claim groups, kept in the store (`claim_groups`, `claim_figures`).

A group is a (kind, subject, predicate, object) by canonical ids, over all its modalities. Its
claims are read into a small in-memory `Snapshot` (the same code that grades a whole store),
merged claims are joined, and what the answers show is written back: per group its support,
contradictions and credibility; per joined claim its documents, sources, independent sources,
dates and validity span. `refresh` recomputes the groups a change touches, inside the caller's
transaction; `reindex` recomputes every group from scratch. Both keep the ties of the pairs of
actors with them (`corroborate.ties`).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from claimgraph.corroborate import ties
from claimgraph.model import Claim, Entity, Evidence
from claimgraph.store.schema import (
    ClaimFiguresRow,
    ClaimGroupRow,
    ClaimReadingRow,
    ClaimRow,
    DocumentRow,
    EntityRow,
    EvidenceRow,
    MentionRow,
    MetaRow,
    ReviewRow,
)

BATCH = 400  # groups recomputed per read of their claims
VERSION = "4"  # of the way the figures are computed: a store with figures of another version is reindexed


def group_key(kind: str, subject: str, predicate: str, obj: str | None) -> str:
    """The stored key of a group: a digest of its canonical (kind, subject, predicate, object)."""
    text = "\x1f".join((kind, subject, predicate, obj or ""))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def canonical_of(session: Session, ids: Iterable[str | None]) -> dict[str, str]:
    """Entity id → its canonical id, for the given ids (an unknown id stands for itself)."""
    wanted = {i for i in ids if i}
    found: dict[str, str] = {i: i for i in wanted}
    wanted_list = sorted(wanted)
    for n in range(0, len(wanted_list), 900):
        for eid, canon in session.execute(select(EntityRow.id, EntityRow.canonical)
                                          .where(EntityRow.id.in_(wanted_list[n:n + 900]))):
            found[eid] = canon or eid
    return found


def assign_keys(session: Session, claim_ids: Iterable[str]) -> set[str]:
    """Set `claims.group_key` from the current canonical ids for the given claims; returns the
    keys they had and have now, the groups to refresh."""
    query = select(ClaimRow.id, ClaimRow.kind, ClaimRow.subject, ClaimRow.predicate, ClaimRow.object,
                   ClaimRow.group_key)
    rows = []
    ids = sorted(set(claim_ids))
    for n in range(0, len(ids), 900):
        rows += session.execute(query.where(ClaimRow.id.in_(ids[n:n + 900]))).all()
    rows = _as_read(session, rows)
    canon = canonical_of(session, [x for r in rows for x in (r.subject, r.object)])
    keys: set[str] = set()
    changed = []
    for r in {r.id: r for r in rows}.values():
        key = group_key(r.kind, canon[r.subject], r.predicate, canon.get(r.object) if r.object else None)
        keys.add(key)
        if r.group_key != key:
            if r.group_key:
                keys.add(r.group_key)
            changed.append({"id": r.id, "group_key": key})
    if changed:  # ORM bulk update by primary key: one statement, many rows
        session.execute(update(ClaimRow), changed)
    return keys


def refresh(session: Session, keys: Iterable[str]) -> None:
    """Recompute the stored figures of the groups `keys` from their claims. Every group's old
    rows go first: a claim moving from one group to another may be written in an earlier batch
    than the one that held it."""
    keys = sorted(set(keys))
    pairs = ties.pairs_of(session, keys)  # the ties of these groups before and after, recounted
    for n in range(0, len(keys), BATCH):
        part = keys[n:n + BATCH]
        session.execute(delete(ClaimGroupRow).where(ClaimGroupRow.key.in_(part)))
        session.execute(delete(ClaimFiguresRow).where(ClaimFiguresRow.group_key.in_(part)))
    for n in range(0, len(keys), BATCH):
        _refresh(session, keys[n:n + BATCH])
    ties.recount(session, pairs | ties.pairs_of(session, keys))


def _refresh(session: Session, keys: list[str]) -> None:
    from claimgraph.query.snapshot import DocInfo, Snapshot  # the in-memory grading, over these groups only

    session.execute(delete(ClaimGroupRow).where(ClaimGroupRow.key.in_(keys)))
    session.execute(delete(ClaimFiguresRow).where(ClaimFiguresRow.group_key.in_(keys)))
    session.execute(update(ClaimRow).where(ClaimRow.group_key.in_(keys)).values(canonical=None))
    rows = session.execute(select(ClaimRow).where(ClaimRow.group_key.in_(keys)).order_by(ClaimRow.id)).scalars().all()
    if not rows:
        return
    rejected = _rejected(session, [r.id for r in rows])
    rows = [r for r in rows if r.id not in rejected]
    machine = {r.id: r for r in rows}
    rows = _as_read(session, rows)
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    ids = [r.id for r in rows]
    for n in range(0, len(ids), 900):
        for e in session.execute(select(EvidenceRow.claim_id, EvidenceRow.doc_id, EvidenceRow.start, EvidenceRow.end,
                                        EvidenceRow.text, EvidenceRow.attrs)
                                 .where(EvidenceRow.claim_id.in_(ids[n:n + 900])).order_by(EvidenceRow.id)):
            evidence[e.claim_id].append(Evidence(e.doc_id, e.start, e.end, e.text, e.attrs or {}))
    canon = canonical_of(session, [x for r in rows for x in (r.subject, r.object, r.attributed_to_entity,
                                                              (r.attrs or {}).get("location"))]
                         + [x for r in rows if getattr(r, "reading", None) for x in (machine[r.id].subject, machine[r.id].object)])
    claims = []
    for r in rows:
        attrs = dict(r.attrs or {})
        if attrs.get("location") in canon:
            attrs["location"] = canon[attrs["location"]]
        claims.append(Claim(r.id, r.kind, canon[r.subject], r.predicate, canon[r.object] if r.object else None,
                            r.modality, canon[r.attributed_to_entity] if r.attributed_to_entity else r.attributed_to_text,
                            r.rule, r.confidence, evidence.get(r.id, []), attrs))
    joined, members = join_claims(claims)
    rows_by_id = {r.id: r for r in rows}
    doc_ids = sorted({ev.doc_id for c in joined for ev in c.evidence})
    documents = {}
    for n in range(0, len(doc_ids), 900):
        for d in session.execute(select(DocumentRow.id, DocumentRow.title, DocumentRow.source, DocumentRow.published,
                                        DocumentRow.cluster, DocumentRow.genre)
                                 .where(DocumentRow.id.in_(doc_ids[n:n + 900]))):
            documents[d.id] = DocInfo(d.id, d.title, d.source, d.published, d.cluster, d.genre)
    named = {x for c in joined for x in (c.subject, c.object, c.attributed_to) if x}
    entities = {}
    named_list = sorted(named)
    for n in range(0, len(named_list), 900):
        for e in session.execute(select(EntityRow.id, EntityRow.name, EntityRow.type)
                                 .where(EntityRow.id.in_(named_list[n:n + 900]))):
            entities[e.id] = Entity(e.id, e.name, e.type)
    from claimgraph.corroborate.outlet_grades import store_sources  # the analysts' grades over the YAML

    snap = Snapshot(None, entities, documents, {c.id: c for c in joined}, source_grades=store_sources(session))
    snap.cache["deaths"] = _deaths(session, {c.subject for c in joined if c.kind == "relation"})
    group_rows, figure_rows = {}, []
    for c in joined:
        graded = snap.corroboration(c)
        key = group_key(c.kind, c.subject, c.predicate, c.object)
        if key not in group_rows:
            group_rows[key] = {"key": key, "kind": c.kind, "subject": c.subject, "predicate": c.predicate,
                               "object": c.object, "contested": graded["contested"],
                               "credibility": graded["credibility"], "data": _jsonable(graded)}
        spans = snap.dates(c)
        valid = snap.validity(c) if c.kind == "relation" else None
        figure_rows.append({
            "claim_id": c.id, "group_key": key, "kind": c.kind, "subject": c.subject, "predicate": c.predicate,
            "object": c.object, "location": c.attrs.get("location"), "modality": c.modality,
            "documents": len(snap.doc_ids(c)), "sources": len(snap.sources(c)), "independent": snap.independent(c),
            "evidence": len(c.evidence), "credibility": graded["credibility"], "contested": graded["contested"],
            "date_lo": min((s[:10] for s, _ in spans), default=None),
            "date_hi": max((e[:10] for _, e in spans), default=None),
            "date_last": max((s[:10] for s, _ in spans), default=None),
            "date_own": ((c.attrs.get("date") or {}).get("start") or "")[:10] or None,
            "valid_from": valid.start if valid else None, "valid_to": valid.end if valid else None,
            "data": {"dates": [list(s) for s in spans], "valid": valid.as_dict() if valid else None,
                     "confidence": c.confidence, **_reading(c.id, rows_by_id, machine, canon)}})
    if group_rows:
        session.execute(insert(ClaimGroupRow), list(group_rows.values()))
    if figure_rows:
        session.execute(insert(ClaimFiguresRow), figure_rows)
    if members:  # ORM bulk update by primary key: one statement, many rows
        session.execute(update(ClaimRow), [{"id": m, "canonical": head} for m, head in members.items()])


def join_claims(claims: list[Claim]) -> tuple[list[Claim], dict[str, str]]:
    """Claims that became the same under merged ids (kind, actors, predicate, modality and, for an
    event, year) as one, under the first id, with all their evidence and the best confidence;
    and claim id → the id it is joined into. `claims` are in id order."""
    joined: dict[tuple, Claim] = {}
    members: dict[str, str] = {}
    for c in claims:
        year = ((c.attrs.get("date") or {}).get("start") or "")[:4] if c.kind == "event" else ""
        key = (c.kind, c.subject, c.predicate, c.object, c.modality, year)
        same = joined.get(key)
        if same is None:
            joined[key] = Claim(c.id, c.kind, c.subject, c.predicate, c.object, c.modality, c.attributed_to, c.rule,
                                c.confidence, list(c.evidence), dict(c.attrs))
            members[c.id] = c.id
        else:
            seen = {(e.doc_id, e.start, e.end) for e in same.evidence}
            same.evidence += [e for e in c.evidence if (e.doc_id, e.start, e.end) not in seen]
            same.confidence = max(same.confidence, c.confidence)
            members[c.id] = same.id
    return sorted(joined.values(), key=lambda c: c.id), members


def _deaths(session: Session, persons: set[str]) -> dict[str, tuple[str, str]]:
    """`validity.deaths` of the given canonical ids, as over the whole store: the fatal events
    against any of their merged ids, rejected ones left out, joined as the claims of the queries
    are (the first by id keeps its date, rule and mode), for a cluster whose actor is a person."""
    from claimgraph.query.snapshot import Snapshot
    from claimgraph.query.validity import deaths, rules

    found: dict[str, tuple[str, str]] = {}
    wanted = sorted(persons)
    for n in range(0, len(wanted), 400):
        heads = set(session.scalars(select(EntityRow.id).where(EntityRow.id.in_(wanted[n:n + 400]),
                                                                EntityRow.type == "person")))
        if not heads:
            continue
        members = select(EntityRow.id).where(or_(EntityRow.id.in_(heads), EntityRow.canonical.in_(heads)))
        fatal = list(rules()["fatal"])
        read_fatal = select(ClaimReadingRow.claim_id).where(  # an analyst's reading may make an event fatal
            ClaimReadingRow.undone_at.is_(None), ClaimReadingRow.predicate.in_(fatal), ClaimReadingRow.object.in_(members))
        rows = session.execute(select(ClaimRow).where(ClaimRow.kind == "event", or_(
            and_(ClaimRow.predicate.in_(fatal), ClaimRow.object.in_(members)), ClaimRow.id.in_(read_fatal)))
            .order_by(ClaimRow.id)).scalars().all()
        rejected = _rejected(session, [r.id for r in rows])
        member_ids = set(session.scalars(members))
        rows = [r for r in _as_read(session, [r for r in rows if r.id not in rejected])
                if r.predicate in fatal and r.object in member_ids]
        canon = canonical_of(session, [x for r in rows for x in (r.subject, r.object)])
        joined, _ = join_claims([Claim(r.id, r.kind, canon[r.subject], r.predicate, canon[r.object], r.modality,
                                       rule=r.rule, attrs=dict(r.attrs or {})) for r in rows])
        people = {h: Entity(h, h, "person") for h in heads}
        found.update(deaths(Snapshot(None, people, {}, {c.id: c for c in joined})))
    return found


class _Read:
    """A claim row as the analyst reads it: the fields of `ClaimRow`, the analyst's subject,
    predicate, object and modality over the machine's, and `reading` (None: the machine's)."""

    def __init__(self, row, reading):
        self._row, self.reading = row, reading

    def __getattr__(self, name):
        if self.reading is not None and name in ("subject", "predicate", "object", "modality"):
            return getattr(self.reading, name)
        return getattr(self._row, name)


def _as_read(session: Session, rows: list) -> list:
    """The rows with the analysts' readings (`review.readings`) over the machine's, where there are any."""
    from claimgraph.review.readings import live_readings
    readings = live_readings(session, [r.id for r in rows])
    return [_Read(r, readings.get(r.id)) if r.id in readings else r for r in rows]


def _reading(claim_id: str, rows: dict, machine: dict, canon: dict[str, str]) -> dict:
    """`{"reading": ...}` for a figures row whose claim an analyst corrected: who, why, when, and the
    machine's reading beside it (canonical ids); `{}` for a claim read as the machine read it."""
    r = rows.get(claim_id)
    reading = getattr(r, "reading", None)
    if reading is None:
        return {}
    m = machine[claim_id]
    return {"reading": {"analyst": reading.analyst, "reason": reading.reason,
                        "at": reading.at.isoformat() if reading.at else None,
                        "machine": {"subject": canon.get(m.subject, m.subject), "predicate": m.predicate,
                                    "object": canon.get(m.object, m.object) if m.object else None,
                                    "modality": m.modality}}}


def _rejected(session: Session, claim_ids: list[str]) -> set[str]:
    """The claims whose live verdict (the latest not undone) is a rejection."""
    latest: dict[str, str] = {}
    for n in range(0, len(claim_ids), 900):
        for claim_id, verdict in session.execute(
                select(ReviewRow.claim_id, ReviewRow.verdict)
                .where(ReviewRow.undone_at.is_(None), ReviewRow.claim_id.in_(claim_ids[n:n + 900]))
                .order_by(ReviewRow.id)):
            latest[claim_id] = verdict
    return {k for k, v in latest.items() if v == "rejected"}


def _jsonable(graded: dict) -> dict:
    out = dict(graded)
    out["contradictions"] = [dict(x, claims=list(x["claims"])) for x in graded["contradictions"]]
    return out


def touched_by_document(session: Session, doc_id: str) -> set[str]:
    """The groups a newly stored document changes: those of its claims, and those of the other
    documents of its near-duplicate story (a reprint changes their independent sources), and
    the relations of a person whose death it reports (their validity ends); and, when it gives a
    merged entity its knowledge-base id, the claims of that entity's cluster (its canonical id)."""
    cluster = session.scalar(select(DocumentRow.cluster).where(DocumentRow.id == doc_id))
    docs = [doc_id]
    if cluster:
        docs = list(session.scalars(select(DocumentRow.id).where(DocumentRow.cluster == cluster)))
    claim_ids = set(session.scalars(select(EvidenceRow.claim_id).where(EvidenceRow.doc_id.in_(docs))))
    moved = _rank_heads(session, doc_id)
    return touched_by_claims(session, claim_ids | (claims_of(session, moved) if moved else set()))


def _rank_heads(session: Session, doc_id: str) -> set[str]:
    """Give the clusters of the document's entities the head `Clusters.canonical` picks (its
    knowledge-base actor, else its smallest id): a document can give a merged entity a
    knowledge-base id. Returns the ids whose canonical id changed."""
    named = select(MentionRow.entity_id).where(MentionRow.doc_id == doc_id)
    rows = session.execute(select(EntityRow.id, EntityRow.canonical).where(
        EntityRow.id.in_(named), EntityRow.kb_id.is_not(None), EntityRow.kb_id != "")).all()
    heads = sorted({canon or eid for eid, canon in rows})
    clusters: dict[str, list] = defaultdict(list)
    for n in range(0, len(heads), 400):  # every cluster in one read, not one per head
        part = heads[n:n + 400]
        wanted = set(part)
        for m in session.execute(select(EntityRow.id, EntityRow.kb_id, EntityRow.canonical).where(
                or_(EntityRow.id.in_(part), EntityRow.canonical.in_(part)))):
            for head in {m.id, m.canonical} & wanted:
                clusters[head].append(m)
    changed: set[str] = set()
    for head in heads:
        members = clusters[head]
        best = min(members, key=lambda m: (0 if m.kb_id else 1, m.id)).id
        if len(members) < 2 or best == head:
            continue
        session.execute(update(EntityRow).where(or_(EntityRow.id == head, EntityRow.canonical == head))
                        .values(canonical=best))
        session.execute(update(EntityRow).where(EntityRow.id == best).values(canonical=None))
        changed |= {m.id for m in members}
    if changed:
        bump_resolution(session)
    return changed


def bump_resolution(session: Session) -> None:
    """Count a change of canonical ids in `store_meta` ("resolution"), for caches of names."""
    value = session.scalar(select(MetaRow.value).where(MetaRow.key == "resolution"))
    session.merge(MetaRow(key="resolution", value=str(int(value or 0) + 1)))


def set_canonical(session: Session, mapping: dict[str, str]) -> set[str]:
    """Make `entities.canonical` say `mapping` (member id → canonical id; every other entity is its
    own); returns the ids whose canonical id changed (a cluster's head keeps its own: its claims
    stay in their groups, and the groups its new members' claims join are found from theirs)."""
    stored = dict(session.execute(select(EntityRow.id, EntityRow.canonical).where(EntityRow.canonical.is_not(None))).all())
    changed = {i for i in stored if mapping.get(i) != stored[i]} | {i for i in mapping if stored.get(i) != mapping[i]}
    reset = sorted(i for i in changed if i not in mapping)
    for n in range(0, len(reset), 900):
        session.execute(update(EntityRow).where(EntityRow.id.in_(reset[n:n + 900])).values(canonical=None))
    by_head: dict[str, list[str]] = defaultdict(list)
    for i in changed:
        if i in mapping:
            by_head[mapping[i]].append(i)
    for head, ids in by_head.items():
        session.execute(update(EntityRow).where(EntityRow.id.in_(ids)).values(canonical=head))
    if changed:
        bump_resolution(session)
    return changed


def after_resolution(session: Session, mapping: dict[str, str]) -> None:
    """After a merge, split, undo or automatic pass: the new canonical ids and the figures of every
    group whose actors, places or named sources changed."""
    before = dict(session.execute(select(EntityRow.id, EntityRow.canonical).where(EntityRow.canonical.is_not(None))).all())
    changed = set_canonical(session, mapping)
    if changed:
        refresh(session, touched_by_claims(session, claims_of(session, changed), before))


def claims_of(session: Session, entity_ids: Iterable[str]) -> set[str]:
    """The claims that name one of the entities: as subject, object, event place or source."""
    ids = sorted(set(entity_ids))
    found: set[str] = set()
    for n in range(0, len(ids), 225):
        part = ids[n:n + 225]
        found.update(session.scalars(select(ClaimRow.id).where(or_(
            ClaimRow.subject.in_(part), ClaimRow.object.in_(part), ClaimRow.attributed_to_entity.in_(part),
            ClaimRow.attrs["location"].as_string().in_(part)))))
    return found


def touched_by_claims(session: Session, claim_ids: Iterable[str], former: dict[str, str] | None = None) -> set[str]:
    """The groups to refresh when the claims changed (new evidence, a verdict, other actors): their
    own, old and new, and the relations of the persons whose death a fatal event among them
    reports (their validity span ends there); with `former` (entity id → its canonical id before
    a judgement), also those of the cluster a killed person left."""
    from claimgraph.query.validity import rules

    claim_ids = sorted(set(claim_ids))
    keys = assign_keys(session, claim_ids)
    victims: set[str] = set()
    for n in range(0, len(claim_ids), 900):
        victims.update(session.scalars(select(ClaimRow.object).where(
            ClaimRow.id.in_(claim_ids[n:n + 900]), ClaimRow.kind == "event",
            ClaimRow.predicate.in_(list(rules()["fatal"])), ClaimRow.object.is_not(None))))
        victims.update(session.scalars(  # and of the analysts' readings, live or undone: both can change a death
            select(ClaimReadingRow.object).join(ClaimRow, ClaimRow.id == ClaimReadingRow.claim_id).where(
                ClaimReadingRow.claim_id.in_(claim_ids[n:n + 900]), ClaimRow.kind == "event",
                ClaimReadingRow.predicate.in_(list(rules()["fatal"])), ClaimReadingRow.object.is_not(None))))
    heads = sorted(set(canonical_of(session, victims).values()) | {former[v] for v in victims if v in (former or {})})
    for n in range(0, len(heads), 400):
        part = heads[n:n + 400]
        members = select(EntityRow.id).where(or_(EntityRow.id.in_(part), EntityRow.canonical.in_(part)))
        keys.update(session.scalars(select(ClaimRow.group_key).distinct().where(
            ClaimRow.kind == "relation", ClaimRow.subject.in_(members), ClaimRow.group_key.is_not(None))))
    return keys


def fingerprint() -> str:
    """What the stored figures depend on besides the claims: this code's version, the sources
    table (reliability grades) and the validity rules."""
    from claimgraph.corroborate.sources import default_sources
    from claimgraph.query.validity import rules

    fatal = sorted((k, sorted(v["rules"]), sorted(v["modes"])) for k, v in rules()["fatal"].items())
    basis = repr((VERSION, default_sources().fingerprint(), sorted(rules()["ended_words"]),
                  sorted(rules()["ended_by_death"]), fatal))
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()


def is_fresh(session: Session) -> bool:
    """Whether the stored figures were computed as this process would compute them."""
    value = session.scalar(select(MetaRow.value).where(MetaRow.key == "figures"))
    return value == fingerprint()


def reindex(session: Session, mapping: dict[str, str], progress=None) -> dict:
    """Rebuild every canonical id, group key and figure from the claims, verdicts and judgements."""
    session.execute(update(EntityRow).values(canonical=None))
    set_canonical(session, mapping)
    session.execute(delete(ClaimGroupRow))
    session.execute(delete(ClaimFiguresRow))
    session.execute(update(ClaimRow).values(group_key=None, canonical=None))
    ids = list(session.scalars(select(ClaimRow.id).order_by(ClaimRow.id)))
    keys: set[str] = set()
    for n in range(0, len(ids), 5000):
        keys |= assign_keys(session, ids[n:n + 5000])
    ordered = sorted(keys)
    for n in range(0, len(ordered), BATCH):
        _refresh(session, ordered[n:n + BATCH])
        if progress is not None:
            progress(min(n + BATCH, len(ordered)), len(ordered))
    ties.rebuild(session)
    session.merge(MetaRow(key="figures", value=fingerprint()))
    return {"claims": len(ids), "groups": len(keys),
            "figures": session.scalar(select(func.count()).select_from(ClaimFiguresRow)) or 0}
