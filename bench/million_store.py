"""The million-claim bench's store: the synthetic corpus of `synthetic_store.py` written in bulk.

`Store.add_document` writes one document per transaction, with its near-duplicate lookup and the
figures of the claim groups it touches: about a millisecond a claim, too slow for a million. The
bulk path here produces the same rows: it renders the same `Document`s in the same order, builds
each table's rows with the write path's own helpers (`write._document_values`, `_merge_by_id`,
`_claim_values`) and the same rules (a text stored once; an entity's first name and type kept, its
missing details filled later; an alias, mention or piece of evidence once; a claim's best
confidence), places each document in its near-duplicate cluster as `write._place_in_cluster`
does (MinHash bands, confirmed on shingles, bridged clusters joined under their earliest
document) but with the band index in memory, inserts with SQLAlchemy Core `executemany` in large
transactions, then fills the canonical ids and every figure with `Store.reindex()`.
`tests/bench/test_million_store.py` checks on a small store that both paths give the same rows.

Stores are cached under bench/.cache/ by claim count and seed (`cached_sqlite`); a PostgreSQL
copy is made from the SQLite store table by table (`copy_to`), into a database named the same way.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.orm import Session

BENCH = Path(__file__).resolve().parent
CACHE = BENCH / ".cache"
BATCH = 20_000  # rows per executemany
CLAIMS_PER_DOCUMENT = 4  # claims / documents: with about 3 readings a claim, some 10-13 claims read a document

sys.path.insert(0, str(BENCH))
import synthetic_store as synth  # noqa: E402  (the corpus generator)


def corpus(n_claims: int, seed: int):
    """The actors, claim specs and, lazily, the `Document`s of the corpus, in writing order."""
    rng = random.Random(seed)
    actors, weights = synth.make_actors(rng, max(300, n_claims // 25))
    specs = synth.make_specs(rng, actors, weights, n_claims)
    n_docs = max(50, n_claims // CLAIMS_PER_DOCUMENT)
    docs = (synth.render(d, actors, specs) for d in synth.drafts(rng, actors, specs, n_docs))
    return actors, specs, n_docs, docs


def build_write_path(url: str, n_claims: int, seed: int) -> int:
    """The reference: every document through `Store.add_document`. Documents stored."""
    from claimgraph.store import Store

    _, _, _, docs = corpus(n_claims, seed)
    with Store(url) as store:
        return sum(store.add_document(d) for d in docs)


class _Clusters:
    """Near-duplicate clusters as `write._place_in_cluster` forms them, over an in-memory band index."""

    def __init__(self):
        from claimgraph.corroborate.near_duplicates import band_keys, jaccard, shingles
        from claimgraph.store.write import NEAR_DUPLICATE

        self.band_keys, self.jaccard, self.shingles, self.threshold = band_keys, jaccard, shingles, NEAR_DUPLICATE
        self.by_key: dict[str, list[tuple[str, int]]] = {}  # band key -> (doc id, band)
        self.cluster: dict[str, str] = {}
        self.published: dict[str, str | None] = {}
        self.members: dict[str, list[str]] = {}
        self.moved: set[str] = set()  # documents whose cluster changed after they were placed

    def place(self, doc, text_of) -> list[dict]:
        """Put `doc` in its cluster; its band rows. `text_of(ids)` gives stored texts by id."""
        self.published[doc.id] = doc.published
        if not doc.text.strip():
            return []
        keys = self.band_keys(doc.text, self.threshold)
        candidates = sorted({d for k in set(keys) for d, band in self.by_key.get(k, ())
                             if keys[band] == k and d != doc.id})
        cluster = doc.id
        if candidates:
            mine = self.shingles(doc.text)
            texts = text_of(candidates)
            same = [d for d in candidates if self.jaccard(mine, self.shingles(texts[d])) >= self.threshold]
            if same:
                heads = {self.cluster.get(d) or d for d in same}
                cluster = min(heads, key=lambda h: (self.published[h] is None, self.published[h] or "", h))
                for h in heads - {cluster}:  # bridged clusters join the earliest
                    for m in self.members.pop(h, [h]):
                        self.cluster[m] = cluster
                        self.moved.add(m)
                        self.members.setdefault(cluster, [cluster]).append(m)
        self.cluster[doc.id] = cluster
        if cluster != doc.id:
            self.members.setdefault(cluster, [cluster]).append(doc.id)
        rows = []
        for band, key in enumerate(keys):
            self.by_key.setdefault(key, []).append((doc.id, band))
            rows.append({"doc_id": doc.id, "band": band, "key": key})
        return rows


def build_bulk(url: str, n_claims: int, seed: int, progress=None) -> dict:
    """Write the corpus to a new store at `url` with bulk inserts, then `Store.reindex()`.
    `progress(done, total, phase)` is called now and then. The figures of the build."""
    from claimgraph.store import Store
    from claimgraph.store.schema import (
        AliasRow, ClaimRow, DocumentBandRow, DocumentRow, EntityRow, EvidenceRow, MentionRow,
    )
    from claimgraph.store.write import _claim_values, _document_values, _merge_by_id

    t0 = time.perf_counter()
    store = Store(url)
    _, _, n_docs, docs = corpus(n_claims, seed)
    clusters = _Clusters()
    sha_seen: set[str] = set()
    entities: dict[str, dict] = {}
    aliases_known: set[tuple[str, str]] = set()
    claim_rows: dict[str, dict] = {}
    pending = {t: [] for t in ("documents", "bands", "aliases", "mentions", "evidence")}
    pending_text: dict[str, str] = {}
    tables = {"documents": DocumentRow, "bands": DocumentBandRow, "aliases": AliasRow, "mentions": MentionRow,
              "evidence": EvidenceRow}
    counts = dict.fromkeys(pending, 0)

    with store.engine.begin() as conn:
        def text_of(ids):
            found = {d: pending_text[d] for d in ids if d in pending_text}
            rest = [d for d in ids if d not in found]
            if rest:
                found |= dict(conn.execute(select(DocumentRow.id, DocumentRow.text).where(DocumentRow.id.in_(rest))).all())
            return found

        def flush(final=False):
            # parents before children: the mentions and evidence refer to documents, entities, claims
            if final or len(pending["evidence"]) >= BATCH or len(pending["documents"]) >= BATCH // 4:
                if entities_new:
                    conn.execute(insert(EntityRow), entities_new)
                    entities_new.clear()
                if claims_new:
                    conn.execute(insert(ClaimRow), [claim_rows[c] for c in claims_new])
                    claims_new.clear()
                for name in ("documents", "bands", "aliases", "mentions", "evidence"):
                    if pending[name]:
                        conn.execute(insert(tables[name]), pending[name])
                        counts[name] += len(pending[name])
                        pending[name].clear()
                pending_text.clear()

        entities_new: list[dict] = []
        claims_new: list[str] = []
        confidence_up: dict[str, float] = {}
        details_up: dict[str, dict] = {}
        done = 0
        for doc in docs:
            done += 1
            if progress and done % 500 == 0:
                progress(done, n_docs, "write")
            if doc.sha256 in sha_seen:
                continue
            sha_seen.add(doc.sha256)
            values = _document_values(doc)
            pending["bands"].extend(clusters.place(doc, text_of))
            values["cluster"] = clusters.cluster.get(doc.id)
            pending["documents"].append(values)
            pending_text[doc.id] = doc.text
            merged = _merge_by_id(doc.entities)
            for e in merged:
                row = entities.get(e.id)
                if row is None:
                    row = {"id": e.id, "name": e.name, "type": e.type, "subtype": e.subtype, "country": e.country,
                           "kb_id": e.kb_id}
                    entities[e.id] = row
                    entities_new.append(row)
                else:  # ON CONFLICT: the stored detail unless empty
                    for col in ("subtype", "country", "kb_id"):
                        if not row[col] and getattr(e, col):
                            row[col] = getattr(e, col)
                            details_up.setdefault(e.id, {})[col] = row[col]
                for alias in (e.name, *e.aliases):
                    if alias and alias != row["name"] and (e.id, alias) not in aliases_known:
                        aliases_known.add((e.id, alias))
                        pending["aliases"].append({"entity_id": e.id, "alias": alias})
                seen_m = set()
                for m in e.mentions:
                    if (m.start, m.end) not in seen_m:
                        seen_m.add((m.start, m.end))
                        pending["mentions"].append({"doc_id": doc.id, "entity_id": e.id, "start": m.start,
                                                    "end": m.end, "text": m.text, "rule": m.rule or ""})
            ids = {e.id for e in merged}
            first: dict[str, object] = {}
            for c in doc.claims:
                first.setdefault(c.id, c)
            for c in first.values():
                row = claim_rows.get(c.id)
                if row is None:
                    claim_rows[c.id] = _claim_values(c, ids)
                    claims_new.append(c.id)
                elif c.confidence > row["confidence"]:
                    row["confidence"] = confidence_up[c.id] = c.confidence
            seen_ev = set()
            for c in doc.claims:
                for ev in c.evidence:
                    key = (c.id, ev.doc_id or doc.id, ev.start, ev.end)
                    if key not in seen_ev:
                        seen_ev.add(key)
                        pending["evidence"].append({"claim_id": key[0], "doc_id": key[1], "start": ev.start,
                                                    "end": ev.end, "text": ev.text, "attrs": ev.attrs or c.attrs or {}})
            flush()
        flush(final=True)
        # what changed after a row was inserted: bridged clusters, better confidences, filled details
        moved = [{"i": d, "c": clusters.cluster[d]} for d in clusters.moved]
        for chunk in _chunks(moved):
            conn.execute(text("UPDATE documents SET cluster = :c WHERE id = :i"), chunk)
        for chunk in _chunks([{"i": c, "v": v} for c, v in confidence_up.items()]):
            conn.execute(text("UPDATE claims SET confidence = :v WHERE id = :i"), chunk)
        for eid, cols in details_up.items():
            conn.execute(update(EntityRow).where(EntityRow.id == eid).values(**cols))
        if n_docs:  # as each stored document marks it: automatic resolution has work to do
            from claimgraph.store.write import mark_resolution_pending
            with Session(bind=conn) as session:
                mark_resolution_pending(session)
                session.flush()
    t1 = time.perf_counter()
    if progress:
        progress(n_docs, n_docs, "reindex")
    figures = store.reindex()
    t2 = time.perf_counter()
    with store.engine.connect() as conn:
        n = {"documents": conn.scalar(select(func.count()).select_from(DocumentRow)),
             "claims": conn.scalar(select(func.count()).select_from(ClaimRow)),
             "evidence": conn.scalar(select(func.count()).select_from(EvidenceRow)),
             "entities": conn.scalar(select(func.count()).select_from(EntityRow)),
             "reprints": conn.scalar(select(func.count()).select_from(DocumentRow).where(DocumentRow.cluster != DocumentRow.id))}
    store.close()
    return {"write_s": round(t1 - t0, 1), "reindex_s": round(t2 - t1, 1), "total_s": round(t2 - t0, 1),
            "reindexed": figures, **n}


def _chunks(rows: list, size: int = BATCH):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


IGNORED = {"documents": {"ingested_at"}}  # the time of writing differs between two builds
SKIPPED = {"alembic_version", "audit_log", "judgements", "claim_reviews"}  # empty in both, or migration state


def table_rows(url: str) -> dict[str, list[tuple]]:
    """Every row of every table of the store at `url`, sorted, without the columns in IGNORED."""
    from claimgraph.store.db import make_engine
    from claimgraph.store.schema import Base

    engine = make_engine(url)
    out = {}
    try:
        with engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                if table.name in SKIPPED:
                    continue
                cols = [c for c in table.columns if c.name not in IGNORED.get(table.name, ())]
                out[table.name] = sorted((tuple(repr(v) for v in r) for r in conn.execute(select(*cols))))
    finally:
        engine.dispose()
    return out


def differences(a: dict[str, list[tuple]], b: dict[str, list[tuple]]) -> dict[str, dict]:
    """Per table whose rows differ: counts and the first row found in one and not the other."""
    out = {}
    for name in sorted(set(a) | set(b)):
        ra, rb = a.get(name, []), b.get(name, [])
        if ra != rb:
            only_a, only_b = sorted(set(ra) - set(rb)), sorted(set(rb) - set(ra))
            out[name] = {"rows": (len(ra), len(rb)), "only_first": only_a[:1], "only_second": only_b[:1]}
    return out


def check(n_claims: int, seed: int, folder: Path) -> dict:
    """Build `n_claims` both ways into `folder`; the tables whose rows differ (empty: the same)."""
    bulk, written = folder / "bulk.db", folder / "write.db"
    for p in (bulk, written):
        for q in p.parent.glob(p.name + "*"):
            q.unlink()
    build_bulk(str(bulk), n_claims, seed)
    build_write_path(str(written), n_claims, seed)
    return differences(table_rows(str(bulk)), table_rows(str(written)))


def copy_to(source: str, target: str, progress=None) -> None:
    """Copy every row of the store at `source` into a new store at `target` (another database),
    table by table: PostgreSQL's COPY through psycopg 3 there (Core `executemany` elsewhere), then
    its id sequences set past the copied ids. `progress(table, done, total)` is called now and then."""
    import json

    from sqlalchemy import JSON, delete

    from claimgraph.store import Store
    from claimgraph.store.db import make_engine
    from claimgraph.store.schema import Base

    Store(target).close()  # the schema, by the migrations
    src, dst = make_engine(source), make_engine(target)
    try:
        with src.connect() as read, dst.begin() as write:
            for table in reversed(Base.metadata.sorted_tables):
                write.execute(delete(table))
            for table in Base.metadata.sorted_tables:
                total = read.scalar(select(func.count()).select_from(table))
                done = 0
                cols = list(table.columns)
                as_json = [isinstance(c.type, JSON) for c in cols]
                rows = read.execution_options(yield_per=BATCH).execute(select(*cols))
                for part in rows.partitions():
                    if dst.dialect.name == "postgresql":
                        names = ", ".join(f'"{c.name}"' for c in cols)
                        cursor = write.connection.driver_connection.cursor()
                        with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
                            for r in part:
                                copy.write_row([json.dumps(v) if j and v is not None else v for v, j in zip(r, as_json)])
                    else:
                        write.execute(insert(table), [dict(r._mapping) for r in part])
                    done += len(part)
                    if progress:
                        progress(table.name, done, total)
                if dst.dialect.name == "postgresql" and "id" in table.c and table.c.id.autoincrement is True:
                    write.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                       f"coalesce(max(id), 0) + 1, false) FROM {table.name}"))
            if dst.dialect.name == "postgresql":
                write.execute(text("ANALYZE"))
    finally:
        src.dispose()
        dst.dispose()
