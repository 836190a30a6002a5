"""`Resolver`: which stored entities are one actor, decided by recorded, reversible judgements.

The model is nomenklatura's (OpenSanctions): a judgement (positive, negative or unsure) on a
pair of entity ids, made by a rule with its score (`auto:<rule>`) or by an analyst
(`analyst:<name>`); clusters are the connected components of positive judgements that no
negative judgement cuts. Each action (auto, merge, split, undo) is one transaction and one
audit-log row; undo marks the judgements of the last action undone and deletes nothing.
"""
from __future__ import annotations

from itertools import pairwise

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from claimgraph.resolve import judgements as jdb
from claimgraph.resolve.candidates import Candidate, candidates, load_records, shared_documents
from claimgraph.resolve.clusters import Clusters
from claimgraph.resolve.judgements import (
    NEGATIVE,
    POSITIVE,
    UNSURE,
    AuditEntry,
    Judgement,
)
from claimgraph.store.db import lock_writes
from claimgraph.store.schema import RESOLUTION_PENDING, AliasRow, EntityRow, MetaRow

DEFAULT_THRESHOLD = 0.92
UNDOABLE = ("auto", "merge", "split", "distinct", "confirm", "reject", "restore", "correct", "kb-import", "kb-confirm",
            "kb-reject", "reliability")


class ResolutionError(ValueError):
    """A merge, split, undo or name that cannot be carried out; the message says why."""


class NotYours(ResolutionError):
    """An undo or redo that would take back another analyst's action (or an automatic one) without
    `force`; `entry` is that action, `description` says it in words."""

    def __init__(self, message: str, entry: AuditEntry, description: str):
        super().__init__(message)
        self.entry, self.description = entry, description


class NotExpected(ResolutionError):
    """An undo or redo told which action it is for (`expect`, the id its preview showed) while the
    action it would take back is another one now (someone else acted in between)."""


def _check_expected(what: str, entry: AuditEntry, words: str, expect: int | None) -> None:
    if expect is not None and entry.id != expect:
        raise NotExpected(f"the last {what} is now #{entry.id} ({entry.action} by {entry.actor}: {words}), "
                          f"not #{expect}: nothing was {'undone' if what == 'action' else 'redone'}; "
                          "look at the preview again")


class Resolver:
    def __init__(self, store):
        self.store = store
        self._sessions = sessionmaker(store.engine, expire_on_commit=False)
        # reads take no write lock (on SQLite a transaction begins IMMEDIATE unless told otherwise)
        self._reads = sessionmaker(store.engine.execution_options(sqlite_begin="DEFERRED"), expire_on_commit=False)
        self._state: Clusters | None = None

    # reading

    def _clusters(self, session: Session | None = None) -> Clusters:
        if self._state is None:
            if session is None:
                with self._reads() as s:
                    return self._clusters(s)
            records = {r.id: r for r in load_records(session, with_documents=False)}
            self._state = Clusters.from_judgements(jdb.load(session, live_only=True), records)
        return self._state

    def canonical(self, entity_id: str) -> str:
        """The id that stands for the entity's cluster (the entity's own id when it is alone)."""
        return self._clusters().canonical(entity_id)

    def cluster(self, entity_id: str) -> list[str]:
        return sorted(self._clusters().members(entity_id))

    def clusters(self) -> list[list[str]]:
        """Every cluster of two or more entities, canonical id first, the rest sorted."""
        state = self._clusters()
        result = []
        for group in state.groups():
            head = state.canonical(next(iter(group)))
            result.append([head, *sorted(group - {head})])
        return sorted(result)

    def mapping(self) -> dict[str, str]:
        """Entity id → canonical id, for every entity that is not its own canonical id."""
        return {m: c[0] for c in self.clusters() for m in c[1:]}

    def _sync(self, session: Session) -> None:
        """Store the canonical ids the live judgements now give, and the figures of the groups whose
        actors changed, in the transaction of the judgement."""
        from claimgraph.corroborate import figures

        records = self._state.records if self._state is not None else {
            r.id: r for r in load_records(session, with_documents=False)}
        state = Clusters.from_judgements(jdb.load(session, live_only=True), records)
        mapping = {}
        for group in state.groups():
            head = state.canonical(next(iter(group)))
            mapping.update((m, head) for m in group if m != head)
        figures.after_resolution(session, mapping)

    def judgements(self, live_only: bool = False, ids: list[int] | None = None) -> list[Judgement]:
        with self._reads() as session:
            return jdb.load(session, live_only, ids)

    def audit(self) -> list[AuditEntry]:
        with self._reads() as session:
            return jdb.audit(session)

    def describe(self, entries: list[AuditEntry]) -> dict[int, str]:
        """Entry id → the entry in words (`resolve.describe`)."""
        from claimgraph.resolve.describe import describe
        with self._reads() as session:
            return describe(session, entries)

    def audit_page(self, limit: int | None = None, offset: int = 0) -> tuple[int, list[dict]]:
        """The log newest first: (how many entries, one page of them, each with `description`: the
        entry in words, with the names of the actors and claims it touched)."""
        from claimgraph.resolve.describe import describe
        with self._reads() as session:
            entries = jdb.audit(session)
            shown = list(reversed(entries))[offset:None if limit is None else offset + limit]
            words = describe(session, shown, entries)
        return len(entries), [dict(e.as_dict(), description=words[e.id]) for e in shown]

    def candidates(self, min_score: float = 0.8) -> list[Candidate]:
        with self._reads() as session:
            return candidates(load_records(session), min_score)

    def find(self, name_or_id: str) -> str:
        """An entity id from an id or an exact name or alias; an unknown or ambiguous name is an error."""
        with self._reads() as session:
            if session.get(EntityRow, name_or_id) is not None:
                return name_or_id
            ids = set(session.scalars(select(EntityRow.id).where(EntityRow.name == name_or_id)))
            if not ids:
                ids = set(session.scalars(select(AliasRow.entity_id).where(AliasRow.alias == name_or_id)))
        roots = {self.canonical(i) for i in ids}
        if len(roots) == 1:
            return min(ids) if len(ids) == 1 else roots.pop()
        if not ids:
            raise ResolutionError(f"no entity has the id or name {name_or_id!r}")
        raise ResolutionError(f"{name_or_id!r} names {len(roots)} actors: {', '.join(sorted(roots))}; give an id")

    # deciding

    def auto(self, threshold: float = DEFAULT_THRESHOLD, review: float | None = None) -> int:
        """Record a positive judgement for each candidate pair scoring `threshold` or more; returns how many.

        Clears the store's mark that documents were stored since the last pass (`RESOLUTION_PENDING`).
        A pair already judged (by anyone, live) is left as it is; no pair is joined across a
        negative judgement or into a cluster of two types, countries or knowledge-base actors.
        With `review`, pairs scoring from `review` up to the threshold get an unsure judgement.
        """
        with self._sessions.begin() as session:
            lock_writes(session)  # one writer at a time, on PostgreSQL too
            # one read of the entities, for the candidates and the clusters; which candidates
            # share a document is asked of the database, pair by pair (see `shared_documents`)
            records = load_records(session, with_documents=False)
            live = jdb.load(session, live_only=True)
            judged = {j.pair for j in live}
            self._state = state = Clusters.from_judgements(live, {r.id: r for r in records})
            ids, merged = [], 0
            found = candidates(records, min(threshold, review if review is not None else threshold),
                               shared=lambda pairs: shared_documents(session, pairs))
            ambiguous = _ambiguous(found, threshold, state)
            for c in found:
                if (c.left_id, c.right_id) in judged:
                    continue
                if (c.left_id, c.right_id) in ambiguous:
                    ids.append(jdb.record(session, c.left_id, c.right_id, UNSURE, f"auto:{c.rule}", round(c.score, 4),
                                          f"{c.reason}; {ambiguous[c.left_id, c.right_id]}"))
                elif c.score >= threshold:
                    if state.find(c.left_id) == state.find(c.right_id):
                        continue
                    if state.negative_between(c.left_id, c.right_id) or state.conflict(c.left_id, c.right_id):
                        continue
                    ids.append(jdb.record(session, c.left_id, c.right_id, POSITIVE, f"auto:{c.rule}", round(c.score, 4), c.reason))
                    state.union(c.left_id, c.right_id)
                    merged += 1
                else:
                    ids.append(jdb.record(session, c.left_id, c.right_id, UNSURE, f"auto:{c.rule}", round(c.score, 4), c.reason))
            if ids:
                jdb.log(session, "auto", "auto", {"threshold": threshold, "review": review, "merged": merged,
                                                  "judgements": ids})
            if merged:
                self._sync(session)
            # the documents stored before this pass are resolved, in the pass's own transaction
            session.execute(delete(MetaRow).where(MetaRow.key == RESOLUTION_PENDING))
        self._state = None
        return merged

    def merge(self, a: str, b: str, analyst: str = "analyst", reason: str | None = None) -> Judgement:
        """An analyst's judgement that a and b are one actor; refused across a negative judgement."""
        a, b = self.find(a), self.find(b)
        with self._sessions.begin() as session:
            lock_writes(session)  # one writer at a time, on PostgreSQL too
            self._state = None
            state = self._clusters(session)
            if a == b or state.find(a) == state.find(b):
                raise ResolutionError(f"{a} and {b} are already one actor ({state.canonical(a)})")
            hit = state.negative_between(a, b)
            if hit:
                why = self._negative_reason(session, *hit)
                raise ResolutionError(f"cannot merge {a} and {b}: {hit[0]} and {hit[1]} were judged different{why}; "
                                      "undo that decision first, or split and merge the entities one by one")
            jid = jdb.record(session, a, b, POSITIVE, f"analyst:{analyst}", None, reason or "merged by an analyst")
            jdb.log(session, analyst, "merge", {"left_id": min(a, b), "right_id": max(a, b), "judgements": [jid]})
            self._sync(session)
        self._state = None
        return self.judgements(ids=[jid])[0]

    def split(self, entity_id: str, analyst: str = "analyst", reason: str | None = None) -> list[Judgement]:
        """Take an entity out of its cluster: negative judgements between it and every other member.

        If the entity held the rest together, positive judgements keep the rest one cluster.
        """
        entity_id = self.find(entity_id)
        with self._sessions.begin() as session:
            lock_writes(session)  # one writer at a time, on PostgreSQL too
            self._state = None
            state = self._clusters(session)
            rest = state.members(entity_id) - {entity_id}
            if not rest:
                raise ResolutionError(f"{entity_id} is not merged with any other entity")
            decided_by = f"analyst:{analyst}"
            ids = [jdb.record(session, entity_id, other, NEGATIVE, decided_by, None, reason or "split by an analyst")
                   for other in sorted(rest)]
            after = Clusters.from_judgements(jdb.load(session, live_only=True), state.records)
            pieces = sorted({after.find(m) for m in rest})
            for left, right in pairwise(pieces):
                ids.append(jdb.record(session, left, right, POSITIVE, decided_by, None,
                                      f"kept together when {entity_id} was split off"))
            jdb.log(session, analyst, "split", {"entity_id": entity_id, "from": sorted(rest), "judgements": ids})
            self._sync(session)
        self._state = None
        return self.judgements(ids=ids)

    def distinct(self, a: str, b: str, analyst: str = "analyst", reason: str | None = None) -> Judgement:
        """An analyst's judgement that a and b are two actors ("not the same"): later automatic passes
        leave the pair apart; refused when they are one actor now (split them instead)."""
        a, b = self.find(a), self.find(b)
        with self._sessions.begin() as session:
            lock_writes(session)
            self._state = None
            state = self._clusters(session)
            if a == b or state.find(a) == state.find(b):
                raise ResolutionError(f"{a} and {b} are one actor ({state.canonical(a)}): split one of them off instead")
            jid = jdb.record(session, a, b, NEGATIVE, f"analyst:{analyst}", None, reason or "not the same actor")
            jdb.log(session, analyst, "distinct", {"left_id": min(a, b), "right_id": max(a, b), "judgements": [jid],
                                                   "reason": reason})
        self._state = None
        return self.judgements(ids=[jid])[0]

    # undo and redo

    def undo_preview(self, analyst: str = "analyst") -> dict | None:
        """What `undo` would take back now, in words, and whether it is `analyst`'s own action;
        None when there is nothing to undo."""
        from claimgraph.resolve.describe import describe
        with self._reads() as session:
            found = self._next_undo(session, jdb.audit(session))
            return None if found is None else _preview(found[0], describe(session, [found[0]])[found[0].id], analyst)

    def redo_preview(self, analyst: str = "analyst") -> dict | None:
        """What `redo` would bring back now (the last undo, if no action came after it), or None."""
        from claimgraph.resolve.describe import describe
        with self._reads() as session:
            entries = jdb.audit(session)
            undo = _next_redo(entries)
            if undo is None:
                return None
            return _preview(undo, describe(session, [undo], entries)[undo.id], analyst)

    def undo(self, analyst: str = "analyst", force: bool = True, expect: int | None = None) -> AuditEntry:
        """Take back the last action not undone yet (a merge, split, automatic pass, a verdict or a
        reading of a claim, or the matches of a list import): its judgements, verdicts, readings or
        listings are marked undone; the log keeps everything. With `force=False` an action that is
        another analyst's is refused (`NotYours`); an automatic pass is nobody's and is undone (the
        preview and the answer say what it was). The REST API and the command line undo so unless
        told `force`. With `expect` (the id of the action a preview showed) anything else is refused
        (`NotExpected`)."""
        from claimgraph.kb import listings as ldb  # kb import records its matches in this audit log
        from claimgraph.resolve.describe import describe

        with self._sessions.begin() as session:
            lock_writes(session)  # one writer at a time, on PostgreSQL too
            entries = jdb.audit(session)
            found = self._next_undo(session, entries)
            if found is None:
                raise ResolutionError("nothing to undo")
            entry, judgements, reviews, readings, (listed, replaced, removed), updated, grades = found
            if expect is not None:
                _check_expected("action", entry, describe(session, [entry])[entry.id], expect)
            if not force and needs_force(entry, analyst):
                words = describe(session, [entry])[entry.id]
                raise NotYours(f"the last action is not {analyst}'s: #{entry.id} by {entry.actor}, {words}; "
                               "undo it anyway with force", entry, words)
            at = jdb.now()
            if listed or replaced or removed:
                ldb.take_back(session, listed, replaced, at, removed)
            payload = {"undoes": entry.id, "action": entry.action, "of": entry.actor, "judgements": judgements}
            if reviews:
                payload["reviews"] = reviews
            if readings:
                payload["readings"] = readings
            if grades:
                payload["grades"] = grades
            if entry.payload.get("claim_id"):
                payload["claim_id"] = entry.payload["claim_id"]
            if listed or replaced or removed or updated:
                payload.update(listings=listed, restored=replaced, back_on_list=removed)
            self._toggle(session, judgements, reviews, readings, at, grades)
            result = jdb.log(session, analyst, "undo", payload)
        self._state = None
        return result

    def redo(self, analyst: str = "analyst", force: bool = True, expect: int | None = None) -> AuditEntry:
        """Bring back what the last undo took back, if no other action came after it (a new action
        clears what can be redone); `force` as for `undo`, over whoever made that undo; `expect` the
        id of that undo, as the preview showed it."""
        from claimgraph.resolve.describe import describe

        with self._sessions.begin() as session:
            lock_writes(session)
            entries = jdb.audit(session)
            undo = _next_redo(entries)
            if undo is None:
                raise ResolutionError("nothing to redo (only the last undos can be redone, before any other action)")
            if expect is not None:
                _check_expected("undo", undo, describe(session, [undo], entries)[undo.id], expect)
            if undo.payload.get("listings") is not None:
                raise ResolutionError(f"undo #{undo.id} took back list matches ({undo.payload.get('action')}), which "
                                      "cannot be redone: import the list again")
            if not force and needs_force(undo, analyst):
                words = describe(session, [undo], entries)[undo.id]
                raise NotYours(f"the last undo is not {analyst}'s: #{undo.id} by {undo.actor}, {words}; "
                               "redo it anyway with force", undo, words)
            p = undo.payload
            judgements, reviews, readings = p.get("judgements", []), p.get("reviews", []), p.get("readings", [])
            self._toggle(session, judgements, reviews, readings, None, p.get("grades", []))
            payload = {"redoes": undo.id, "undoes": p.get("undoes"), "action": p.get("action"),
                       "judgements": judgements}
            for key in ("reviews", "readings", "grades", "claim_id"):
                if p.get(key):
                    payload[key] = p[key]
            result = jdb.log(session, analyst, "redo", payload)
        self._state = None
        return result

    def _toggle(self, session: Session, judgements: list[int], reviews: list[int], readings: list[int], at,
                grades: list[int] = ()) -> None:
        """Mark the items undone at `at`, or live again with None; then the canonical ids and the
        figures of what they touch."""
        from claimgraph.corroborate import figures
        from claimgraph.review import readings as cdb
        from claimgraph.corroborate import outlet_grades as gdb
        from claimgraph.review import reviews as rdb
        from claimgraph.store.schema import ClaimReadingRow, ReviewRow

        if at is None:
            jdb.mark_live(session, judgements)
            rdb.mark_live(session, reviews)
            cdb.mark_live(session, readings)
            gdb.mark_live(session, grades)  # an analyst's source grade
        else:
            jdb.mark_undone(session, judgements, at)
            rdb.mark_undone(session, reviews, at)
            cdb.mark_undone(session, readings, at)
            gdb.mark_undone(session, grades, at)
        if judgements:
            self._sync(session)
        claims = set()
        if reviews:
            claims |= set(session.scalars(select(ReviewRow.claim_id).where(ReviewRow.id.in_(reviews))))
        if readings:
            claims |= set(session.scalars(select(ClaimReadingRow.claim_id).where(ClaimReadingRow.id.in_(readings))))
        if claims:
            figures.refresh(session, figures.touched_by_claims(session, claims))

    def _next_undo(self, session: Session, entries: list[AuditEntry]):
        """The last action with something left to take back, and those things, or None."""
        from claimgraph.kb import listings as ldb
        from claimgraph.review import readings as cdb
        from claimgraph.corroborate import outlet_grades as gdb
        from claimgraph.review import reviews as rdb

        undone = undone_actions(entries)
        live = {j.id for j in jdb.load(session, live_only=True)}
        live_reviews = rdb.live_reviews(session)
        live_readings = cdb.live_ids(session)
        live_grades = gdb.live_ids(session)
        for entry in reversed(entries):
            if entry.action not in UNDOABLE or entry.id in undone:
                continue
            judgements = [i for i in entry.payload.get("judgements", []) if i in live]
            reviews = [i for i in entry.payload.get("reviews", []) if i in live_reviews]
            readings = [i for i in entry.payload.get("readings", []) if i in live_readings]
            grades = [i for i in entry.payload.get("grades", []) if i in live_grades] if entry.action == "reliability" else []
            listings = ldb.undoable(session, entry.payload) if entry.action.startswith("kb-") else ([], [], [])
            # a list import that only updated targets no actor matched has nothing to take back
            # (the targets keep the newer file's data), but it is the action the user undoes
            updated = entry.action == "kb-import" and bool(entry.payload.get("updated"))
            if judgements or reviews or readings or any(listings) or updated or grades:
                return entry, judgements, reviews, readings, listings, updated, grades
        return None

    def _negative_reason(self, session: Session, a: str, b: str) -> str:
        for j in reversed(jdb.load(session, live_only=True)):
            if j.pair == jdb.pair(a, b) and j.judgement == NEGATIVE:
                return f" by {j.decided_by} on {j.created_at:%Y-%m-%d %H:%M} (judgement #{j.id})"
        return ""


def _ambiguous(found: list[Candidate], threshold: float, state: Clusters) -> dict[tuple[str, str], str]:
    """Pairs whose entity fits two actors that cannot be one ("Ali Hassan" of no country, between an
    Iraqi and a Lebanese one): neither is merged automatically."""
    partners: dict[str, list[str]] = {}
    for c in found:
        if c.score >= threshold:
            partners.setdefault(c.left_id, []).append(c.right_id)
            partners.setdefault(c.right_id, []).append(c.left_id)
    ambiguous: dict[tuple[str, str], str] = {}
    for x, others in partners.items():
        for i, a in enumerate(others):
            clash = next((b for b in others[i + 1:] if state.conflict(a, b) or state.negative_between(a, b)), None)
            if clash is not None:
                why = f"{x} fits both {a} and {clash}, which are different actors"
                for o in others:
                    ambiguous[min(x, o), max(x, o)] = why
                break
    return ambiguous


def undone_actions(entries: list[AuditEntry]) -> set[int]:
    """Ids of the actions an undo took back and no redo brought back."""
    redone = {e.payload.get("redoes") for e in entries if e.action == "redo"}
    return {e.payload.get("undoes") for e in entries if e.action == "undo" and e.id not in redone}


def _next_redo(entries: list[AuditEntry]) -> AuditEntry | None:
    """The undo a redo would take back: the last one not redone, if only undos and redos came after it."""
    redone = {e.payload.get("redoes") for e in entries if e.action == "redo"}
    for e in reversed(entries):
        if e.action == "redo" or (e.action == "undo" and e.id in redone):
            continue
        return e if e.action == "undo" else None
    return None


AUTOMATIC = "auto"  # the actor of automatic passes: nobody's own, nobody else's


def needs_force(entry: AuditEntry, analyst: str) -> bool:
    """Whether undoing (or redoing) `entry` reaches past `analyst`'s own actions: it is another analyst's."""
    return entry.actor not in (analyst, AUTOMATIC)


def _preview(entry: AuditEntry, words: str, analyst: str) -> dict:
    return {"entry": entry.as_dict(), "id": entry.id, "action": entry.action, "actor": entry.actor,
            "at": entry.at.isoformat(), "description": words, "own": entry.actor == analyst,
            "automatic": entry.actor == AUTOMATIC, "needs_force": needs_force(entry, analyst)}
