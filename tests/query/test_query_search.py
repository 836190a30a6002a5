"""Full-text search: SQLite's FTS5 index in the store's file, PostgreSQL's tsvector and GIN index."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from claimgraph.model import Document
from claimgraph.query import search
from claimgraph.query.search import ensure_index, fts_query


def test_search_finds_documents_with_snippet_and_claims(store):
    hits = search(store, "armed")  # stems: "arming" matches too
    assert {h["title"] for h in hits} == {"Rockets and drones for Iraqi militias", "Tehran denies arming militias"}
    for h in hits:
        assert "[arm" in h["snippet"]
    denial = next(h for h in hits if h["source"] == "levantpost")
    with store.engine.connect() as con:
        kinds = {con.execute(text("select predicate || ' ' || modality from claims where id = :id"), {"id": c}).scalar()
                 for c in denial["claims"]}
    assert kinds == {"arms negated", "REJECT asserted"}  # the tie denied, and the denial itself
    assert all(len(h["claims"]) == 1 for h in hits if h is not denial)


def test_search_words_phrases_and_apostrophes(store):
    assert [h["source"] for h in search(store, "Nasrallah Yemen")] == ["gulfledger"]
    assert search(store, '"Hezbollah Yemen"') == []
    assert {h["source"] for h in search(store, "Kata’ib")} == {"tigriswire", "levantpost"}
    assert search(store, "Nasrallah", limit=1)[0]["claims"]
    with pytest.raises(ValueError):
        fts_query(" ?! ")


def test_index_is_built_once_and_rebuilt_when_documents_change(store, extractor):
    assert ensure_index(store) is True
    assert ensure_index(store) is False
    assert search(store, "Tripoli") == []
    [doc] = extractor([Document(text="Nasrallah said so. Hezbollah trains Houthi fighters near Tripoli.",
                                source="cedarwire")])
    store.add_document(doc)
    [hit] = search(store, "Tripoli")
    assert hit["source"] == "cedarwire"
    assert hit["claims"] == sorted(c.id for c in doc.claims if "Tripoli" in c.evidence[0].text) != []
    if store.engine.dialect.name == "sqlite":  # the index lives in the store's own file
        con = sqlite3.connect(store.engine.url.database)
        assert {"claimgraph_fts", "claimgraph_fts_evidence"} <= {
            r[0] for r in con.execute("select name from sqlite_master where type = 'table'")}


def _sources(store, q: str) -> set[str]:
    return {h["source"] for h in search(store, q)}


def test_search_operators_are_read_alike_on_both_databases(store):
    assert _sources(store, "Yemen OR Basra") == {"gulfledger", "harbourtimes"}
    assert _sources(store, "Yemen or Basra") == set()  # "or" in lower case is no operator
    assert _sources(store, "Hezbollah NOT Yemen") == _sources(store, "Hezbollah -Yemen") == {"levantpost", "harbourtimes"}
    assert _sources(store, "Hezbollah AND Yemen") == _sources(store, "Hezbollah Yemen") == {"gulfledger"}
    assert _sources(store, "Nasral*") == {"gulfledger"}
    assert _sources(store, "drone*") == {"tigriswire", "levantpost"}
    assert _sources(store, '"drone strike"') == {"levantpost"} and _sources(store, '"strike drone"') == set()
    assert _sources(store, '"drone strike" OR Nasrallah') == {"levantpost", "gulfledger"}
    assert _sources(store, "(Yemen OR Basra) AND rockets") == {"harbourtimes"}
    assert _sources(store, 'rockets -"al-Quds Brigades"') == {"tigriswire"}
    hit = search(store, "Yemen OR Basra")
    assert all(h["claims"] for h in hit)  # the claims whose evidence matches, under OR too


@pytest.mark.parametrize("q, message", [
    ('"drone strike', "unbalanced quote"), ("(Yemen OR Basra", "unbalanced parenthesis"),
    ("Yemen)", "unbalanced parenthesis"), ("Yemen OR", "OR needs a word on each side"),
    ("OR Yemen", "OR needs a word on each side"), ("Yemen AND", "AND needs a word on each side"),
    ("NOT Yemen", "only says what to leave out"), ("-Yemen", "only says what to leave out"),
    ("Yemen NOT", "NOT needs a word after it"), ("()", "empty parentheses"), (" ?! ", "nothing to search for"),
])
def test_a_malformed_search_is_a_clear_error(store, q, message):
    from claimgraph.query.search import SearchSyntaxError
    with pytest.raises(SearchSyntaxError, match=message):
        search(store, q)
