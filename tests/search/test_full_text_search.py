"""Full-text search on both databases: SQLite's FTS5 tables and PostgreSQL's tsvector GIN indexes
give the same answers (documents best first, a marked snippet, the claims whose evidence matches)."""
from __future__ import annotations

import pytest
from db_rows import rows

from claimgraph.model import Claim, Document, Entity, Evidence, Mention
from claimgraph.query.search import PG_CONFIG, PG_DOC_TEXT, PG_DOCS_INDEX, PG_EVIDENCE_INDEX, ensure_index, search
from claimgraph.store import Store

FILLER = "The ministry published its annual report on the region. " * 6


def document(text: str, source: str, title: str, claims: list[tuple[str, str]] = ()) -> Document:
    """A document whose claims (id, sentence) have that sentence as evidence; one actor per claim."""
    doc = Document(text, source=source, title=title, genre="news")
    for cid, sentence in claims:
        start = text.index(sentence)
        actor = Entity(f"ent-{cid}", cid, "organization", mentions=[Mention(start, start + 3, text[start:start + 3])])
        doc.entities.append(actor)
        doc.claims.append(Claim(cid, "event", actor.id, "ASSAULT", None, confidence=0.5,
                                evidence=[Evidence(doc.id, start, start + len(sentence), sentence)]))
    return doc


DOCS = [
    document("Kata’ib Hezbollah armed its fighters with drones. Officials in Baghdad said nothing.", "tigriswire",
             "Drones for the militia", [("clm-armed", "Kata’ib Hezbollah armed its fighters with drones.")]),
    document("Tehran denied arming the militias. Hezbollah and Hamas praised the statement.", "levantpost",
             "A denial", [("clm-denial", "Tehran denied arming the militias."),
                          ("clm-praise", "Hezbollah and Hamas praised the statement.")]),
    document(FILLER + "A drone strike hit a convoy near the border, killing two. " + FILLER, "gulfledger", "Strike"),
    document("The strike group sailed on. A drone was seen later.", "seawire", "Navy"),
]


@pytest.fixture
def store(db_url):
    with Store(db_url) as s:
        for d in DOCS:
            assert s.add_document(d)
        yield s


def test_stemmed_words_find_documents_with_snippets_and_matching_claims(store):
    hits = search(store, "arms")
    assert {h["source"] for h in hits} == {"tigriswire", "levantpost"}
    by_source = {h["source"]: h for h in hits}
    assert by_source["tigriswire"]["claims"] == ["clm-armed"]
    assert by_source["levantpost"]["claims"] == ["clm-denial"]  # the praise does not say it
    assert "[armed]" in by_source["tigriswire"]["snippet"]
    assert "[arming]" in by_source["levantpost"]["snippet"]
    assert set(hits[0]) == {"doc", "title", "source", "published", "snippet", "claims"}
    assert len(search(store, "arms", limit=1)) == 1


def test_every_word_must_occur_phrases_and_operators(store):
    assert {h["source"] for h in search(store, "drone strike")} == {"gulfledger", "seawire"}
    assert [h["source"] for h in search(store, '"drone strike"')] == ["gulfledger"]
    assert [h["source"] for h in search(store, "Hezbollah Hamas")] == ["levantpost"]
    assert [h["source"] for h in search(store, "Hezbollah -Hamas")] == ["tigriswire"]  # "-" and NOT: leave out
    assert [h["source"] for h in search(store, "Hezbollah NOT Hamas")] == ["tigriswire"]
    assert {h["source"] for h in search(store, "Hamas OR convoy")} == {"levantpost", "gulfledger"}
    assert {h["source"] for h in search(store, "milit*")} == {"tigriswire", "levantpost"}
    assert search(store, "Hezbollah Baghdad Tehran") == []
    with pytest.raises(ValueError):
        search(store, " ?! ")


def test_either_apostrophe_finds_the_other(store):
    assert [h["source"] for h in search(store, "Kata'ib")] == ["tigriswire"]
    assert [h["source"] for h in search(store, "Kata’ib")] == ["tigriswire"]


def test_a_snippet_is_cut_around_the_match(store):
    [hit] = search(store, '"drone strike" convoy')
    assert hit["snippet"].startswith("…") and hit["snippet"].endswith("…")
    assert "[drone strike]" in hit["snippet"].replace("] [", " ") and len(hit["snippet"].split()) < 20
    [first] = search(store, "Tehran")
    assert first["snippet"].startswith("[Tehran] denied arming the militias.")  # the text, from its start
    assert not first["snippet"].endswith("…")  # to its end


def test_the_index_is_built_once_and_follows_new_documents(store):
    assert ensure_index(store) is True
    assert ensure_index(store) is False
    assert search(store, "Tripoli") == []
    store.add_document(document("Hezbollah trains fighters near Tripoli.", "cedarwire", "Tripoli",
                                [("clm-tripoli", "Hezbollah trains fighters near Tripoli.")]))
    [hit] = search(store, "Tripoli")
    assert (hit["source"], hit["claims"]) == ("cedarwire", ["clm-tripoli"])


def test_postgresql_answers_from_its_gin_indexes(store, db_url):
    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's indexes")
    ensure_index(store)
    indexes = dict(rows(db_url, "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'claimgraph_fts_%'"))
    assert set(indexes) == {PG_DOCS_INDEX, PG_EVIDENCE_INDEX} and all("gin" in d for d in indexes.values())
    with store.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")  # four rows: a scan would win otherwise
        plan = "\n".join(r[0] for r in conn.exec_driver_sql(
            f"EXPLAIN SELECT d.id FROM documents d WHERE to_tsvector('{PG_CONFIG}', {PG_DOC_TEXT}) "
            f"@@ websearch_to_tsquery('{PG_CONFIG}', 'drone')"))
    assert PG_DOCS_INDEX in plan
