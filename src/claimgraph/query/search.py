"""Full-text search over document texts and evidence sentences: SQLite FTS5, PostgreSQL tsvector.

On SQLite the index lives in the store's own file as two external-content FTS5 tables, so no text
is stored twice: `claimgraph_fts` over `documents` (title, text) and `claimgraph_fts_evidence`
over `evidence` (text). They are created by this module on the first search, and rebuilt when
stale: when the number of documents or of evidence rows (or the last row id) differs from what
was indexed. On PostgreSQL the index is two GIN expression indexes over `to_tsvector('english', …)`
of the same columns, created on the first search and kept current by the database itself; words
are stemmed by the English configuration, which also drops stop words ("the", "of") from a query.
The schema migrations know neither; dropping them loses nothing. Other databases raise
`SearchUnavailable`.
"""
from __future__ import annotations

import re

from sqlalchemy import bindparam, text

from claimgraph.query.snapshot import Snapshot
from claimgraph.store.db import lock_writes

DOCS_FTS = "claimgraph_fts"
EVIDENCE_FTS = "claimgraph_fts_evidence"
TOKENIZE = "porter unicode61 remove_diacritics 2"

PG_CONFIG = "english"
PG_DOCS_INDEX = "claimgraph_fts_documents"
PG_EVIDENCE_INDEX = "claimgraph_fts_evidence"
# PostgreSQL's parser keeps a typographic apostrophe inside a word ("Kata’ib" one word, "Kata'ib"
# two): both sides see ASCII ones, so that either spelling finds the other, as in FTS5
APOSTROPHES = "’‘ʼ"
_ASCII = "'" + "''" * len(APOSTROPHES) + "'"  # as many ASCII apostrophes, as an SQL literal


def _doc_text(t: str = "") -> str:
    return f"translate(coalesce({t}title, '') || ' ' || {t}text, '{APOSTROPHES}', {_ASCII})"


def _evidence_text(t: str = "") -> str:
    return f"translate({t}text, '{APOSTROPHES}', {_ASCII})"


# the queries' expressions (on tables `d`, `e`) are the indexed ones, so the planner uses the indexes
PG_DOC_TEXT, PG_EVIDENCE_TEXT = _doc_text("d."), _evidence_text("e.")
PG_INDEXES = {
    PG_DOCS_INDEX: f"documents USING gin (to_tsvector('{PG_CONFIG}', {_doc_text()}))",
    PG_EVIDENCE_INDEX: f"evidence USING gin (to_tsvector('{PG_CONFIG}', {_evidence_text()}))",
}
SNIPPET_WORDS = 12
PG_RANK_NORMALIZATION = 1  # ts_rank divided by 1 + log(document length), as bm25 weighs long texts down


class SearchUnavailable(RuntimeError):
    """Full-text search asked of a store that cannot do it."""


class SearchSyntaxError(ValueError):
    """A search that cannot be read (an unbalanced quote or parenthesis, an operator with nothing
    on one side, nothing but words to leave out); the message says what to change."""


# The search syntax, one for both databases (docs/queries.md): words and "quoted phrases" must all
# occur (AND between them is optional); OR between two of them, either; NOT before one (or a "-"
# glued to it), not it; a word ending in * is a prefix ("milit*"); parentheses group. OR, AND and
# NOT are operators in capitals only: "or" is a word. Parsed here into a tree, then written as an
# FTS5 query or as a PostgreSQL tsquery expression, so that both read a search the same way.
_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"|(?P<open>\()|(?P<close>\))|(?P<word>[^\s()"]+)')
OPERATORS = ("OR", "AND", "NOT")


def _tokens(text: str) -> list[tuple[str, str]]:
    if text.count('"') % 2:
        raise SearchSyntaxError(f"unbalanced quote in {text!r}: close the phrase with a second \"")
    tokens = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        value = m.group(kind)
        if kind == "word" and value in OPERATORS:
            kind = value
        elif kind == "word" and value == "-" and text[m.end():m.end() + 1] in ('"', "("):
            tokens.append(("NOT", "-"))  # -"a phrase", -(a group)
            continue
        elif kind == "word" and value.startswith("-") and len(value) > 1:
            tokens.append(("NOT", "-"))
            value = value[1:]
        if kind in ("word", "phrase") and not re.search(r"\w", value):
            continue  # punctuation alone finds nothing: left out, as the tokenizers do
        tokens.append((kind, value))
    return tokens


class _Parser:
    def __init__(self, text: str):
        self.text, self.tokens, self.i = text, _tokens(text), 0

    def peek(self) -> str | None:
        return self.tokens[self.i][0] if self.i < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        self.i += 1
        return self.tokens[self.i - 1]

    def parse(self):
        if not self.tokens:
            raise SearchSyntaxError("nothing to search for")
        tree = self.either()
        if self.peek() == "close":
            raise SearchSyntaxError(f"unbalanced parenthesis in {self.text!r}: a ) without its (")
        return tree

    def either(self):
        branches = [self.all_of()]
        while self.peek() == "OR":
            self.take()
            branches.append(self.all_of())
        return branches[0] if len(branches) == 1 else ("or", branches)

    def all_of(self):
        items = []
        while self.peek() not in (None, "OR", "close"):
            if self.peek() == "AND":
                self.take()
                if self.peek() in (None, "OR", "close", "AND"):
                    raise SearchSyntaxError(f"AND needs a word on each side in {self.text!r}")
                continue
            items.append(self.unary())
        if not items:
            raise SearchSyntaxError(f"OR needs a word on each side in {self.text!r}")
        if all(item[0] == "not" for item in items):
            raise SearchSyntaxError(f"{self.text!r} only says what to leave out (NOT, -): add a word to find")
        return items[0] if len(items) == 1 else ("and", items)

    def unary(self):
        if self.peek() == "NOT":
            self.take()
            if self.peek() in (None, "OR", "AND", "close", "NOT"):
                raise SearchSyntaxError(f"NOT needs a word after it in {self.text!r}")
            return ("not", self.unary())
        kind, value = self.take()
        if kind == "open":
            if self.peek() == "close":
                raise SearchSyntaxError(f"empty parentheses in {self.text!r}")
            inner = self.either()
            if self.peek() != "close":
                raise SearchSyntaxError(f"unbalanced parenthesis in {self.text!r}: a ( without its )")
            self.take()
            return inner
        if kind == "close":
            raise SearchSyntaxError(f"unbalanced parenthesis in {self.text!r}: a ) without its (")
        if kind == "AND":
            raise SearchSyntaxError(f"AND needs a word on each side in {self.text!r}")
        if kind == "word" and value.endswith("*"):
            return ("prefix", value.rstrip("*"))
        return ("phrase", value)


def parse_search(text: str):
    """The search as a tree: ("phrase", text), ("prefix", text), ("not", x), ("and", [...]),
    ("or", [...]); `SearchSyntaxError` when it cannot be read."""
    return _Parser(text).parse()


def _fts(node) -> str:
    kind, value = node
    if kind == "phrase":
        return '"' + value.replace('"', '""') + '"'
    if kind == "prefix":
        return '"' + value.replace('"', '""') + '"*'
    if kind == "or":
        return "(" + " OR ".join(_fts(n) for n in value) + ")"
    if kind == "and":
        found = [_fts(n) for n in value if n[0] != "not"]
        text = "(" + " AND ".join(found) + ")"
        return text + "".join(f" NOT {_fts(n[1])}" for n in value if n[0] == "not")
    return _fts(("and", [node]))  # a lone NOT is refused by the parser


def fts_query(text: str) -> str:
    """A search (see `parse_search`) as an FTS5 query: every word and "phrase" quoted, OR, AND,
    NOT and prefixes as FTS5's own operators."""
    node = parse_search(text)
    return _fts(node)


def _pg(node, params: dict) -> str:
    kind, value = node
    if kind in ("phrase", "prefix"):
        key = f"w{len(params)}"
        text = value.translate(str.maketrans({c: "'" for c in APOSTROPHES}))
        if kind == "phrase":
            params[key] = text
            return f"phraseto_tsquery('{PG_CONFIG}', :{key})"
        words = re.findall(r"\w+", text)  # to_tsquery's own syntax: the words, the last one a prefix
        params[key] = " <-> ".join(words[:-1] + [words[-1] + ":*"])
        return f"to_tsquery('{PG_CONFIG}', :{key})"
    if kind == "not":
        return f"(!! {_pg(value, params)})"
    joint = " || " if kind == "or" else " && "
    return "(" + joint.join(_pg(n, params) for n in value) + ")"


def pg_query(text: str) -> tuple[str, dict]:
    """A search (see `parse_search`) as a PostgreSQL tsquery expression and its parameters: a word
    or phrase is `phraseto_tsquery` (its words in order, stemmed, stop words dropped), a prefix
    `to_tsquery('word:*')`, OR `||`, AND `&&`, NOT `!!`."""
    params: dict = {}
    return _pg(parse_search(text), params), params


def _state(conn, table: str, content: str) -> tuple:
    indexed = conn.exec_driver_sql(f"SELECT count(*), max(id) FROM {table}_docsize").one()
    stored = conn.exec_driver_sql(f"SELECT count(*), max(rowid) FROM {content}").one()
    return tuple(indexed), tuple(stored)


def ensure_index(store) -> bool:
    """Create (or, FTS5, rebuild when stale) the full-text index if missing; True when it was (re)built."""
    engine = store.engine
    if engine.dialect.name == "postgresql":
        return _ensure_pg_indexes(engine)
    if engine.dialect.name != "sqlite":
        raise SearchUnavailable(f"full-text search needs SQLite (FTS5) or PostgreSQL; this store is {engine.dialect.name}")
    if _sqlite_fresh(engine):
        return False  # checked in a read: no write lock unless the index must be (re)built
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


def _sqlite_fresh(engine) -> bool:
    with engine.execution_options(sqlite_begin="DEFERRED").connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name IN (?, ?)", (DOCS_FTS, EVIDENCE_FTS))}
        if tables != {DOCS_FTS, EVIDENCE_FTS}:
            return False
        states = (_state(conn, table, content) for table, content in ((DOCS_FTS, "documents"), (EVIDENCE_FTS, "evidence")))
        return all(indexed == stored for indexed, stored in states)


def _pg_missing(conn) -> list[str]:
    found = {r[0] for r in conn.execute(text("SELECT indexname FROM pg_indexes WHERE indexname IN :names")
                                        .bindparams(bindparam("names", expanding=True)), {"names": list(PG_INDEXES)})}
    return [name for name in PG_INDEXES if name not in found]


def _ensure_pg_indexes(engine) -> bool:
    with engine.connect() as conn:
        if not _pg_missing(conn):
            return False
    with engine.begin() as conn:
        lock_writes(conn)  # two first searches at once create each index once
        missing = _pg_missing(conn)
        for name in missing:
            conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {PG_INDEXES[name]}")
        return bool(missing)


def search(store, text: str, limit: int = 20) -> list[dict]:
    """Documents whose title or text holds every word of `text`, best first (bm25 on SQLite,
    ts_rank on PostgreSQL), each with a snippet and the claims whose evidence sentences in that
    document match."""
    if isinstance(store, Snapshot):
        store = store.store
    if store.engine.dialect.name == "postgresql":
        return _search_pg(store, text, limit)
    query = fts_query(text)
    ensure_index(store)
    with store.engine.execution_options(sqlite_begin="DEFERRED").connect() as conn:
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


def _search_pg(store, words: str, limit: int) -> list[dict]:
    expression, params = pg_query(words)
    ensure_index(store)
    tsquery = f"(SELECT {expression} AS q)"  # as `... q`: the column q of the table q, this tsquery
    doc_vector = f"to_tsvector('{PG_CONFIG}', {PG_DOC_TEXT})"
    body = f"translate(d.text, '{APOSTROPHES}', {_ASCII})"
    title = f"translate(coalesce(d.title, ''), '{APOSTROPHES}', {_ASCII})"
    options = f"StartSel=[, StopSel=], MaxFragments=1, MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}"
    # the snippet comes from the text, or from the title when only the title matches (FTS5's best column)
    column = f"CASE WHEN to_tsvector('{PG_CONFIG}', {body}) @@ q THEN {body} ELSE {title} END"
    with store.engine.execution_options(sqlite_begin="DEFERRED").connect() as conn:
        hits = conn.execute(text(
            f"SELECT id, title, source, published, ts_headline('{PG_CONFIG}', col, q, '{options}'), left(col, 400), "
            f"right(col, 400) FROM (SELECT d.id, d.title, d.source, d.published, q, {column} AS col, "
            f"ts_rank({doc_vector}, q, {PG_RANK_NORMALIZATION}) AS rank FROM documents d, {tsquery} q WHERE {doc_vector} @@ q "
            f"ORDER BY rank DESC, d.id LIMIT :limit) hit ORDER BY rank DESC, id"), {**params, "limit": limit}).all()
        ids = [h[0] for h in hits]
        claims: dict[str, list[str]] = {i: [] for i in ids}
        if ids:
            for doc_id, claim_id in conn.execute(text(
                    f"SELECT DISTINCT e.doc_id, e.claim_id FROM evidence e, {tsquery} q "
                    f"WHERE to_tsvector('{PG_CONFIG}', {PG_EVIDENCE_TEXT}) @@ q AND e.doc_id IN :ids "
                    f"ORDER BY e.claim_id").bindparams(bindparam("ids", expanding=True)), {**params, "ids": ids}):
                claims[doc_id].append(claim_id)
    return [{"doc": doc_id, "title": title, "source": source, "published": published,
             "snippet": _with_ellipses(snippet, head, tail), "claims": claims[doc_id]}
            for doc_id, title, source, published, snippet, head, tail in hits]


def _with_ellipses(snippet: str, head: str, tail: str) -> str:
    """`snippet` with "…" where it starts after its column's start or ends before its end, as FTS5's."""
    words = re.findall(r"\w+", snippet)[:8], re.findall(r"\w+", snippet)[-8:]
    starts = re.findall(r"\w+", head)[:len(words[0])] == words[0]
    ends = not words[1] or re.findall(r"\w+", tail)[-len(words[1]):] == words[1]
    return ("" if starts else "…") + snippet.strip() + ("" if ends else "…")
