"""Full-text search over document texts and evidence sentences, with SQLite FTS5.

The index lives in the store's own SQLite file as two external-content FTS5 tables, so no text
is stored twice: `claimgraph_fts` over `documents` (title, text) and `claimgraph_fts_evidence`
over `evidence` (text). They are created by this module on the first search, and rebuilt when
stale: when the number of documents or of evidence rows (or the last row id) differs from what
was indexed. The schema migrations do not know them; dropping them loses nothing.
A store that is not SQLite (PostgreSQL) has no FTS5: `search` raises `SearchUnavailable`.
"""
from __future__ import annotations

import re

from claimgraph.query.snapshot import Snapshot

DOCS_FTS = "claimgraph_fts"
EVIDENCE_FTS = "claimgraph_fts_evidence"
TOKENIZE = "porter unicode61 remove_diacritics 2"


class SearchUnavailable(RuntimeError):
    """Full-text search asked of a store that cannot do it."""


def fts_query(text: str) -> str:
    """User words as an FTS5 query: every word (or "quoted phrase") must occur; no operators."""
    parts = [p or w for p, w in re.findall(r'"([^"]+)"|(\S+)', text)]
    terms = ['"' + p.replace('"', '""') + '"' for p in parts if re.search(r"\w", p)]
    if not terms:
        raise ValueError("nothing to search for")
    return " ".join(terms)


def _state(conn, table: str, content: str) -> tuple:
    indexed = conn.exec_driver_sql(f"SELECT count(*), max(id) FROM {table}_docsize").one()
    stored = conn.exec_driver_sql(f"SELECT count(*), max(rowid) FROM {content}").one()
    return tuple(indexed), tuple(stored)


def ensure_index(store) -> bool:
    """Create or rebuild the FTS5 tables if missing or stale; True when they were (re)built."""
    engine = store.engine
    if engine.dialect.name != "sqlite":
        raise SearchUnavailable(f"full-text search needs a SQLite store (FTS5); this store is {engine.dialect.name}")
    with engine.begin() as conn:
        tables = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name IN (?, ?)", (DOCS_FTS, EVIDENCE_FTS))}
        built = False
        for table, content, columns, rowid in ((DOCS_FTS, "documents", "title, text", "rowid"),
                                               (EVIDENCE_FTS, "evidence", "text", "id")):
            if table not in tables:
                conn.exec_driver_sql(f"CREATE VIRTUAL TABLE {table} USING fts5({columns}, content='{content}', "
                                     f"content_rowid='{rowid}', tokenize='{TOKENIZE}')")
            indexed, stored = _state(conn, table, content)
            if table not in tables or indexed != stored:
                conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
                built = True
        return built


def search(store, text: str, limit: int = 20) -> list[dict]:
    """Documents whose title or text holds every word of `text`, best first (bm25), each with a
    snippet and the claims whose evidence sentences in that document match."""
    if isinstance(store, Snapshot):
        store = store.store
    query = fts_query(text)
    ensure_index(store)
    with store.engine.connect() as conn:
        hits = conn.exec_driver_sql(
            f"SELECT d.id, d.title, d.source, d.published, "
            f"snippet({DOCS_FTS}, -1, '[', ']', '…', 12) FROM {DOCS_FTS} f JOIN documents d ON d.rowid = f.rowid "
            f"WHERE {DOCS_FTS} MATCH ? ORDER BY bm25({DOCS_FTS}), d.id LIMIT ?", (query, limit)).all()
        ids = [h[0] for h in hits]
        claims: dict[str, list[str]] = {i: [] for i in ids}
        if ids:
            marks = ", ".join("?" * len(ids))
            for doc_id, claim_id in conn.exec_driver_sql(
                    f"SELECT DISTINCT e.doc_id, e.claim_id FROM {EVIDENCE_FTS} f JOIN evidence e ON e.id = f.rowid "
                    f"WHERE {EVIDENCE_FTS} MATCH ? AND e.doc_id IN ({marks}) ORDER BY e.claim_id",
                    (query, *ids)):
                claims[doc_id].append(claim_id)
    return [{"doc": doc_id, "title": title, "source": source, "published": published, "snippet": snippet,
             "claims": claims[doc_id]} for doc_id, title, source, published, snippet in hits]
