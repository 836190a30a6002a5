"""The store as the queries read it: rows fetched from the database on demand, after merges.

A `StoreView` answers the questions a query asks of single things (this actor, these claims,
that document) with SQL over the stored canonical ids and figures (`corroborate.figures`), and
keeps what it fetched for the rest of the query. Nothing is read that the answer does not need;
the queries select their claims in SQL (`query.select`) and hand the ids to `claims_by_id`.
It offers what the in-memory `Snapshot` offers a query (names, refs, claim rows, filters' figures),
so the claim rows look the same whichever computed them.
"""
from __future__ import annotations

import gc
import sys
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import wraps

from sqlalchemy import func, or_, select
from sqlalchemy.orm import sessionmaker

from claimgraph.corroborate.outlet_grades import store_sources
from claimgraph.corroborate.sources import Sources, default_sources
from claimgraph.model import Claim, Entity, Evidence
from claimgraph.query.records import ActorRefs, DocInfo, claim_row, evidence_rows
from claimgraph.query.validity import Validity
from claimgraph.store.schema import (
    AliasRow,
    ClaimFiguresRow,
    ClaimGroupRow,
    ClaimRow,
    DocumentRow,
    EntityRow,
    EvidenceRow,
    MentionRow,
    ReviewRow,
)

FIGURES, CLAIMS = ClaimFiguresRow.__table__, ClaimRow.__table__  # read as rows, not ORM objects
CHUNK = 900  # ids per IN (...) list: SQLite's variable limit is 999 on old builds


def chunks(ids: Iterable, size: int = CHUNK) -> Iterator[list]:
    ids = list(ids)
    for n in range(0, len(ids), size):
        yield ids[n:n + size]


class _Reads:
    """Each read in a short transaction of its own, its rows fetched before the connection goes
    back to the pool: a view holds no connection and no lock between reads, so a server's
    requests never wait for one another's views, nor writers for readers."""

    def __init__(self, engine):
        # a read needs no write lock (the store's own transactions take it at their start)
        self._engine = engine.execution_options(sqlite_begin="DEFERRED")
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

    def execute(self, statement) -> "_Rows":
        """The rows of `statement`: of columns on a connection, without the ORM's per-row work (a
        hub's answer is thousands of rows); through a session when it selects whole ORM objects."""
        if _selects_objects(statement):
            with self._sessions() as session:
                return _Rows(session.execute(statement).all())
        with self._engine.connect() as conn:
            return _Rows(conn.execute(statement).all())

    def scalar(self, statement):
        with self._sessions() as session:
            return session.scalar(statement)

    def scalars(self, statement) -> list:
        with self._sessions() as session:
            return list(session.scalars(statement))

    def close(self) -> None:
        pass


def _selects_objects(statement) -> bool:
    """Whether a select names a whole mapped class (its rows then hold ORM objects)."""
    descriptions = getattr(statement, "column_descriptions", None) or ()
    return any(d.get("entity") is not None and d.get("expr") is d.get("entity") for d in descriptions)


class _Rows(list):
    """The rows of a read, fetched: iterate them, or take `scalars()` (their first column)."""

    def all(self) -> list:
        return list(self)

    def scalars(self) -> list:
        return [r[0] for r in self]


class _Lazy:
    """A read-only mapping filled from the database one batch of keys at a time."""

    def __init__(self, fetch, count=None, every=None):
        self._fetch, self._count, self._got, self._every = fetch, count, {}, every
        self._missing: set = set()

    def values(self):
        """Every value, read from the database (the whole table: for listings, not for queries)."""
        return self._every() if self._every else list(self._got.values())

    def prefetch(self, keys: Iterable) -> None:
        wanted = [k for k in set(keys) if k is not None and k not in self._got and k not in self._missing]
        if wanted:
            found = self._fetch(wanted)
            self._got.update(found)
            self._missing.update(k for k in wanted if k not in found)

    def get(self, key, default=None):
        found = self._got.get(key)  # read already: a hub's answer asks for the same few thousand keys often
        if found is not None:
            return found
        if key is None or key in self._missing:
            return default
        self.prefetch([key])
        return self._got.get(key, default)

    def __getitem__(self, key):
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key) -> bool:
        return self.get(key) is not None

    def __len__(self) -> int:
        return self._count() if self._count else len(self._got)


class StoreView(ActorRefs):
    """One query's (or one request's) view of a `Store`."""

    def __init__(self, store, source_grades: Sources | None = None):
        self.store = store
        self.engine = store.engine
        self.session = _Reads(store.engine)
        self.source_grades = source_grades or store_sources(self.session, default_sources())
        self.cache: dict = {}
        self.entities = _Lazy(self._fetch_entities, self._count(EntityRow, EntityRow.canonical.is_(None)),
                              lambda: list(self._fetch_entities(
                                  list(self.session.scalars(select(EntityRow.id).where(EntityRow.canonical.is_(None))
                                                            .order_by(EntityRow.id)))).values()))
        self.documents = _Lazy(self._fetch_documents, self._count(DocumentRow),
                               lambda: list(self._fetch_documents(
                                   list(self.session.scalars(select(DocumentRow.id).order_by(DocumentRow.ingested_at,
                                                                                             DocumentRow.id)))).values()))
        self.claims = _Lazy(self._fetch_claims, self._count(ClaimFiguresRow))
        self._cut: dict[int, _Lazy] = {}  # shown pieces of evidence → the claims read so
        self._contradictions: dict[tuple[str, int], tuple[list[dict], int]] = {}
        self._grades: dict[str, dict] = {}
        self.reviews = _Lazy(self._fetch_reviews)
        self.mentions = _Lazy(self._fetch_mentions)
        self._figures: dict[str, ClaimFiguresRow] = {}
        self._groups: dict[str, dict] = {}

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> StoreView:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _count(self, table, *where):
        return lambda: self.session.scalar(select(func.count()).select_from(table).where(*where)) or 0

    # -- actors ---------------------------------------------------------------------------------
    def canonical(self, entity_id: str | None) -> str | None:
        if not entity_id:
            return entity_id
        found = self.session.scalar(select(EntityRow.canonical).where(EntityRow.id == entity_id))
        return found or entity_id

    def _fetch_entities(self, ids: list[str]) -> dict[str, Entity]:
        out: dict[str, Entity] = {}
        for part in chunks(ids):
            rows = self.session.scalars(select(EntityRow).where(EntityRow.id.in_(part), EntityRow.canonical.is_(None)))
            for r in rows:
                out[r.id] = Entity(r.id, r.name, r.type, r.subtype, r.country, r.kb_id, [])
        if not out:
            return out
        members: dict[str, list[EntityRow]] = defaultdict(list)
        for part in chunks(out):
            for r in self.session.scalars(select(EntityRow).where(EntityRow.canonical.in_(part)).order_by(EntityRow.id)):
                members[r.canonical].append(r)
        every = list(out) + [m.id for ms in members.values() for m in ms]
        aliases: dict[str, list[str]] = defaultdict(list)
        for part in chunks(every):
            for eid, alias in self.session.execute(select(AliasRow.entity_id, AliasRow.alias)
                                                   .where(AliasRow.entity_id.in_(part)).order_by(AliasRow.id)):
                aliases[eid].append(alias)
        for eid, e in out.items():
            e.aliases = list(aliases.get(eid, []))
            for m in members.get(eid, []):
                for name in (m.name, *aliases.get(m.id, [])):
                    e.add_alias(name)
        return out

    def ranked_actors(self, type: str | None = None) -> list[tuple[str, str, int]]:
        """(id, name, mentions) of every actor (merged ones once, under their canonical id), most
        mentioned first, then by name and id; counted in SQL."""
        head = func.coalesce(EntityRow.canonical, EntityRow.id)
        counts = (select(head.label("head"), func.count(MentionRow.id).label("n"))
                  .select_from(EntityRow).outerjoin(MentionRow, MentionRow.entity_id == EntityRow.id)
                  .group_by(head).subquery())
        actor = EntityRow.__table__.alias("actor")
        query = (select(actor.c.id, actor.c.name, counts.c.n).join(counts, counts.c.head == actor.c.id)
                 .order_by(counts.c.n.desc(), actor.c.name, actor.c.id))
        if type:
            query = query.where(actor.c.type == type)
        return [tuple(r) for r in self.session.execute(query)]

    def members(self, entity_id: str) -> list[str]:
        """Every stored id of the actor (its own and those merged into it)."""
        return [entity_id] + list(self.session.scalars(select(EntityRow.id).where(EntityRow.canonical == entity_id)))

    def _fetch_mentions(self, ids: list[str]) -> dict[str, dict[str, int]]:
        """Actor id → document id → its mentions there (under any of its merged ids)."""
        head_of: dict[str, str] = {}
        for part in chunks(ids, 450):
            for eid, canon in self.session.execute(select(EntityRow.id, EntityRow.canonical).where(
                    or_(EntityRow.id.in_(part), EntityRow.canonical.in_(part)))):
                head_of[eid] = canon or eid
        out: dict[str, dict[str, int]] = {i: {} for i in ids}
        for part in chunks(head_of):
            for eid, doc_id, n in self.session.execute(
                    select(MentionRow.entity_id, MentionRow.doc_id, func.count()).where(MentionRow.entity_id.in_(part))
                    .group_by(MentionRow.entity_id, MentionRow.doc_id)):
                docs = out.setdefault(head_of[eid], {})
                docs[doc_id] = docs.get(doc_id, 0) + n
        return out

    # -- documents ------------------------------------------------------------------------------
    def _fetch_documents(self, ids: list[str]) -> dict[str, DocInfo]:
        out = {}
        for part in chunks(ids):
            for d in self.session.execute(select(DocumentRow.id, DocumentRow.title, DocumentRow.source,
                                                 DocumentRow.published, DocumentRow.cluster, DocumentRow.genre)
                                          .where(DocumentRow.id.in_(part))):
                out[d.id] = DocInfo(d.id, d.title, d.source, d.published, d.cluster, d.genre)
        return out

    # -- claims ---------------------------------------------------------------------------------
    def _fetch_claims(self, ids: list[str], shown: int | None = None) -> dict[str, Claim]:
        """Joined claims by their (canonical) ids, each with the evidence of every claim joined in
        (its first `shown` pieces, chosen in SQL, when `shown` is given)."""
        figures = {}
        for part in chunks(ids):
            for f in self.session.execute(select(FIGURES).where(FIGURES.c.claim_id.in_(part))):
                figures[f.claim_id] = f
        if not figures:
            return {}
        self._figures.update(figures)
        heads = {}
        for part in chunks(figures):
            for r in self.session.execute(select(CLAIMS.c.id, CLAIMS.c.attrs, CLAIMS.c.rule, CLAIMS.c.confidence,
                                                 CLAIMS.c.attributed_to_entity, CLAIMS.c.attributed_to_text)
                                          .where(CLAIMS.c.id.in_(part))):
                heads[r.id] = r
        evidence: dict[str, list[Evidence]] = {}
        for part in chunks(figures):
            evidence.update(self._evidence_of(part, shown))
        sources = {r.attributed_to_entity for r in heads.values() if r.attributed_to_entity}
        canon_of = dict(self.session.execute(select(EntityRow.id, EntityRow.canonical).where(
            EntityRow.id.in_(sorted(sources)), EntityRow.canonical.is_not(None))).all()) if sources else {}
        out = {}
        for cid, f in figures.items():
            r = heads[cid]
            attrs = dict(r.attrs or {})
            if f.location:
                attrs["location"] = f.location
            source = canon_of.get(r.attributed_to_entity, r.attributed_to_entity) or r.attributed_to_text
            out[cid] = Claim(cid, f.kind, f.subject, f.predicate, f.object, f.modality, source, r.rule,
                             f.data.get("confidence", r.confidence), evidence.get(cid, []), attrs)
        return out

    def _evidence_of(self, ids: list[str], shown: int | None) -> dict[str, list[Evidence]]:
        """Canonical claim id → its distinct pieces of evidence (each (document, start, end) once), in
        the order of its joined claims' ids, then of the evidence; its first `shown` only, when
        given, read as each reading's first `shown` rows from the index on the evidence's claim: a
        reading's rows are distinct (unique on claim, document and span), so its first `shown`
        hold `shown` distinct pieces and no claim needs more of any one reading."""
        # each reading's own attributes stay unread: the answers show the claim's
        query = (select(ClaimRow.canonical, EvidenceRow.doc_id, EvidenceRow.start, EvidenceRow.end, EvidenceRow.text)
                 .join(ClaimRow, ClaimRow.id == EvidenceRow.claim_id)
                 .where(ClaimRow.canonical.in_(ids)).order_by(ClaimRow.id, EvidenceRow.id))
        if shown is not None:  # up to the reading's `shown`-th row: a range of the index, bounded once per reading
            e = EvidenceRow.__table__.alias("cut")
            last = (select(e.c.id).where(e.c.claim_id == ClaimRow.id).order_by(e.c.id).offset(shown - 1).limit(1)
                    .correlate(ClaimRow).scalar_subquery())
            query = query.where(EvidenceRow.id <= func.coalesce(last, 2 ** 62))
        out: dict[str, list[Evidence]] = defaultdict(list)
        seen: dict[str, set] = defaultdict(set)
        for canon, doc_id, start, end, text in self.session.execute(query):
            if (doc_id, start, end) not in seen[canon] and (shown is None or len(out[canon]) < shown):
                seen[canon].add((doc_id, start, end))
                out[canon].append(Evidence(doc_id, start, end, text))
        return dict(out)

    def claims_by_id(self, ids: Iterable[str], shown: int | None = None) -> list[Claim]:
        """The claims with these ids, in the order given (fetched in one go). With `shown`, each
        carries its first `shown` pieces of evidence only, and `claim_row(c, shown)` its first
        `shown` contradictions: both chosen in the database, which counts the rest."""
        ids = list(ids)
        if shown is not None and shown < 1:
            raise ValueError("shown is at least 1")
        store = self.claims if shown is None else self._cut.setdefault(
            shown, _Lazy(lambda wanted: self._fetch_claims(wanted, shown)))
        store.prefetch(ids)
        found = [store.get(i) for i in ids]
        out = [c for c in found if c is not None]
        self.entities.prefetch({x for c in out for x in (c.subject, c.object, c.attrs.get("location"),
                                                         c.attributed_to) if x})
        self.documents.prefetch({ev.doc_id for c in out for ev in c.evidence})
        self.reviews.prefetch(c.id for c in out)
        if shown is None:
            self.groups_of({self._figures[c.id].group_key for c in out})
        else:
            self._grades_of({self._figures[c.id].group_key for c in out})
            self._contradictions_of([c.id for c in out], shown)
        return out

    def _fetch_reviews(self, ids: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in chunks(ids):
            for claim_id, verdict in self.session.execute(
                    select(ReviewRow.claim_id, ReviewRow.verdict)
                    .where(ReviewRow.undone_at.is_(None), ReviewRow.claim_id.in_(part)).order_by(ReviewRow.id)):
                out[claim_id] = verdict
        return {k: v for k, v in out.items() if v == "confirmed"}

    def figures(self, c: Claim) -> ClaimFiguresRow:
        f = self._figures.get(c.id)
        if f is None:
            self.claims.get(c.id)
            f = self._figures[c.id]
        return f

    def group(self, key: str) -> dict:
        if key not in self._groups:
            self._groups[key] = self.session.scalar(select(ClaimGroupRow.data).where(ClaimGroupRow.key == key)) or {}
        return self._groups[key]

    def group_claims(self, key: str) -> list[ClaimFiguresRow]:
        """The figures of every claim of a group (all modalities)."""
        return self.groups_claims([key])[key]

    def groups_claims(self, keys: Iterable[str]) -> dict[str, list]:
        """(claim id, group key, modality, sources) of every claim of these groups, by group, in
        claim id order."""
        out: dict[str, list] = {k: [] for k in keys}
        columns = (FIGURES.c.claim_id, FIGURES.c.group_key, FIGURES.c.modality, FIGURES.c.sources)
        for part in chunks(sorted(out)):
            for f in self.session.execute(select(*columns).where(FIGURES.c.group_key.in_(part))
                                          .order_by(FIGURES.c.claim_id)):
                out[f.group_key].append(f)
        return out

    # -- what the claim rows and the filters ask ------------------------------------------------
    def corroboration(self, c: Claim) -> dict:
        return self.group(self.figures(c).group_key)

    def independent(self, c: Claim) -> int:
        return self.figures(c).independent

    def credibility(self, c: Claim) -> int:
        return self.figures(c).credibility

    def validity(self, c: Claim) -> Validity:
        v = self.figures(c).data.get("valid") or {}
        return Validity(v.get("from"), v.get("to"), bool(v.get("ended")), v.get("basis") or "no date given")

    def doc_ids(self, c: Claim) -> list[str]:
        return list(dict.fromkeys(ev.doc_id for ev in c.evidence))

    def source_count(self, c: Claim) -> int:
        return self.figures(c).sources

    def sources(self, c: Claim) -> set[str]:
        from claimgraph.corroborate.support import source_of  # an outlet once, whatever its spelling
        return {source_of(d, self.documents, self.source_grades)[0] for d in self.doc_ids(c)}

    def dates(self, c: Claim) -> list[tuple[str, str]]:
        return [tuple(s) for s in self.figures(c).data.get("dates") or []]

    def doc_count(self, c: Claim) -> int:
        return self.figures(c).documents

    def evidence(self, c: Claim) -> list[dict]:
        return evidence_rows(c, self.documents)

    def claim_row(self, c: Claim, shown: int | None = None) -> dict:
        """A claim as the queries show it (`records.claim_row`), from its stored figures. With
        `shown` (for a claim read by `claims_by_id(…, shown)`): its first `shown` contradictions,
        and how many pieces of evidence and contradictions it holds beyond those shown
        (`evidence_more`, `contradictions_more`, present only when some are left out)."""
        if shown is None:
            return claim_row(self, c)
        f = self.figures(c)
        listed, total = self._contradictions.get((c.id, shown)) or self._contradictions_of([c.id], shown)[c.id]
        grade = self._grades.get(f.group_key)
        row = claim_row(self, c, grade if grade is not None else self._grades_of([f.group_key])[f.group_key], listed)
        if f.evidence > len(c.evidence):
            row["evidence_more"] = f.evidence - len(c.evidence)
        if total > len(listed):
            row["contradictions_more"] = total - len(listed)
        return row

    def _grades_of(self, keys: Iterable[str]) -> dict[str, dict]:
        """The grades of these groups without their contradictions (read out of the JSON in SQL:
        a group read by many documents holds thousands)."""
        wanted = [k for k in set(keys) if k not in self._grades]
        for part in chunks(wanted):
            for key, data in self.session.execute(select(ClaimGroupRow.key, _without_contradictions(self.engine))
                                                  .where(ClaimGroupRow.key.in_(part))):
                self._grades[key] = data or {}
        return {k: self._grades.get(k, {}) for k in keys}

    def _contradictions_of(self, ids: Iterable[str], shown: int) -> dict[str, tuple[list[dict], int]]:
        """Claim id → (its first `shown` contradictions in its group's order, how many it has),
        chosen and counted in SQL over its group's JSON."""
        ids = list(dict.fromkeys(ids))
        wanted = [i for i in ids if (i, shown) not in self._contradictions]
        for part in chunks(wanted):
            found: dict[str, tuple[list, int]] = {i: ([], 0) for i in part}
            for claim_id, value, n in self.session.execute(_contradictions_statement(self.engine, part, shown)):
                listed = found[claim_id][0]
                listed.append(_json(value))
                found[claim_id] = (listed, n)
            self._contradictions.update({(i, shown): v for i, v in found.items()})
        return {i: self._contradictions[(i, shown)] for i in ids}

    def figures_of(self, ids: Iterable[str]) -> dict[str, ClaimFiguresRow]:
        """The stored figures of these claims, read in one go."""
        wanted = [i for i in dict.fromkeys(ids) if i not in self._figures]
        for part in chunks(wanted):
            for f in self.session.execute(select(FIGURES).where(FIGURES.c.claim_id.in_(part))):
                self._figures[f.claim_id] = f
        return {i: self._figures[i] for i in ids if i in self._figures}

    def groups_of(self, keys: Iterable[str]) -> dict[str, dict]:
        wanted = [k for k in set(keys) if k not in self._groups]
        for part in chunks(wanted):
            for key, data in self.session.execute(select(ClaimGroupRow.key, ClaimGroupRow.data)
                                                  .where(ClaimGroupRow.key.in_(part))):
                self._groups[key] = data
        return {k: self._groups.get(k, {}) for k in keys}

    def tie_weights(self, ids: Iterable[str] | None) -> dict[tuple[str, str], int]:
        """(actor, actor) in order → the evidence of all their claims (a claim without any counts
        one), for the ties touching `ids`, or every tie of the store with None (`actor_ties`)."""
        from claimgraph.query import ties
        return ties.weights(self, ids)


def _without_contradictions(engine):
    """A group's JSON without its list of contradictions, as the database gives it."""
    from sqlalchemy import JSON, cast, literal_column, type_coerce
    from sqlalchemy.dialects.postgresql import JSONB

    if engine.dialect.name == "postgresql":
        return type_coerce(cast(ClaimGroupRow.data, JSONB).op("-")(literal_column("'contradictions'")), JSON)
    return type_coerce(func.json_remove(ClaimGroupRow.data, "$.contradictions"), JSON)


UNSHOWN = ("documents", "kind", "subject", "predicate", "object")  # of a contradiction: not in the answers


def _contradictions_statement(engine, ids: list[str], shown: int):
    """(claim id, contradiction, how many the claim has) for the first `shown` contradictions of
    each claim of `ids` in its group's list (those naming the claim), read from the JSON in SQL."""
    from sqlalchemy import bindparam, text

    if engine.dialect.name == "postgresql":
        elements = ("CROSS JOIN LATERAL json_array_elements(g.data -> 'contradictions') WITH ORDINALITY AS j(value, idx) "
                    "WHERE f.claim_id IN :ids AND EXISTS (SELECT 1 FROM json_array_elements_text(j.value -> 'claims') "
                    "AS named(id) WHERE named.id = f.claim_id)")
        shown_fields = "j.value::jsonb - '{" + ",".join(UNSHOWN) + "}'::text[]"
    else:
        elements = (", json_each(g.data, '$.contradictions') AS j WHERE f.claim_id IN :ids AND EXISTS "
                    "(SELECT 1 FROM json_each(j.value, '$.claims') AS named WHERE named.value = f.claim_id)")
        shown_fields = "json_remove(j.value, " + ", ".join(f"'$.{k}'" for k in UNSHOWN) + ")"
    order = "j.idx" if engine.dialect.name == "postgresql" else "j.key"
    sql = (f"SELECT claim_id, value, n FROM (SELECT f.claim_id AS claim_id, {shown_fields} AS value, "
           f"row_number() OVER (PARTITION BY f.claim_id ORDER BY {order}) AS rn, "
           f"count(*) OVER (PARTITION BY f.claim_id) AS n "
           f"FROM claim_figures AS f JOIN claim_groups AS g ON g.key = f.group_key {elements}) AS listed "
           f"WHERE rn <= :shown ORDER BY claim_id, rn")
    return text(sql).bindparams(bindparam("ids", ids, expanding=True), bindparam("shown", shown))


def _json(value):
    """A JSON value as the driver gives it: parsed already (PostgreSQL's json), or its text (SQLite)."""
    from claimgraph.store.db import _json_loads
    return _json_loads(value) if isinstance(value, (str, bytes)) else value


def _snapshot(store) -> bool:
    """Is `store` an in-memory `Snapshot`? (Without importing it: it cannot be one before then.)"""
    module = sys.modules.get("claimgraph.query.snapshot")
    return module is not None and isinstance(store, module.Snapshot)


class _CollectorPaused:
    """Python's cyclic garbage collector paused while queries run (in any thread), and let run
    again when the last one ends. An answer is thousands of new rows, dicts and lists without
    cycles (freed by reference counting); their allocations set off collections that walk every
    object of the process, a quarter of a hub's dossier's CPU time in a long-running process."""

    def __init__(self):
        self._running, self._lock = 0, threading.Lock()

    def __enter__(self):
        with self._lock:
            self._running += 1
            if self._running == 1:
                self._was_on = gc.isenabled()
                gc.disable()

    def __exit__(self, *exc):
        with self._lock:
            self._running -= 1
            if self._running == 0 and self._was_on:
                gc.enable()


_collector_paused = _CollectorPaused()


def reads(fn):
    """A query of a `Store` reads through one `StoreView`, closed when it has answered; a view
    passed in is used as it is and left open. An in-memory `Snapshot` stands for its store.
    The cyclic garbage collector is paused while it runs (`_CollectorPaused`)."""
    @wraps(fn)
    def run(store, *args, **kwargs):
        with _collector_paused:
            if isinstance(store, StoreView):
                return fn(store, *args, **kwargs)
            with StoreView(store.store if _snapshot(store) else store) as view:
                return fn(view, *args, **kwargs)
    return run


def open_view(store) -> StoreView:
    """A `StoreView` of a `Store` (a view is returned as it is; a `Snapshot` stands for its store)."""
    if isinstance(store, StoreView):
        return store
    return StoreView(store.store if _snapshot(store) else store)
