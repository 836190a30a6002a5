"""Reading back: documents, ranked entities, summary figures, the whole graph."""
from __future__ import annotations

import pytest

from claimgraph.store import Store


@pytest.fixture
def store(db_url, doc_1, doc_2):
    with Store(db_url) as store:
        store.add_document(doc_1)
        store.add_document(doc_2)
        yield store


def test_documents_come_back_with_metadata_and_text(store, doc_1, doc_2):
    docs = store.documents()
    assert [d.id for d in docs] == [doc_1.id, doc_2.id]
    first = docs[0]
    assert (first.text, first.sha256, first.title, first.source, first.published, first.genre, first.path) == (
        doc_1.text, doc_1.sha256, doc_1.title, "testwire", "2020-02-01", "news", "one.txt")
    assert first.entities == [] and first.claims == []


def test_entities_filter_by_type_and_rank_by_mentions_then_name(store):
    orgs = store.entities(type="organization")
    assert [e.id for e in orgs] == ["ent-quds-force", "ent-kataib-hezbollah", "ent-irgc", "ent-pentagon"]
    assert [(e.mention_count, e.document_count) for e in orgs] == [(4, 2), (2, 2), (1, 1), (1, 1)]
    assert orgs[0].aliases == ["Qods Force", "IRGC-QF"]
    assert (orgs[0].name, orgs[0].subtype, orgs[0].country) == ("Quds Force", "armed_forces", "IRN")
    assert [e.id for e in store.entities(type="location")] == ["ent-baghdad"]
    assert store.entities(type="nothing") == []


def test_entities_limit(store):
    assert [e.id for e in store.entities(limit=2)] == ["ent-quds-force", "ent-kataib-hezbollah"]
    assert len(store.entities()) == 7


def test_summary_figures(store):
    s = store.summary()
    assert s["documents"] == 2
    assert s["documents_by_genre"] == {"news": 1, "report": 1}
    assert s["entities"] == 7
    assert s["entities_by_type"] == {"organization": 4, "country": 1, "location": 1, "person": 1}
    assert s["mentions"] == 11
    assert s["claims"] == 5
    assert s["claims_by_kind"] == {"relation": 3, "event": 2}
    assert len(s["top_actors"]) == 7
    assert s["top_actors"][0] == {"id": "ent-quds-force", "name": "Quds Force", "type": "organization", "mentions": 4, "documents": 2}


def test_top_actors_stop_at_ten(db_url):
    from claimgraph.model import Document, Entity, Mention

    text = " ".join(f"Actor{i}" for i in range(12))
    doc = Document(text)
    for i in range(12):
        start = text.find(f"Actor{i}")
        doc.entities.append(Entity(f"ent-{i:02d}", f"Actor{i}", "person", mentions=[Mention(start, start + len(f"Actor{i}"), f"Actor{i}")]))
    with Store(db_url) as store:
        store.add_document(doc)
        assert len(store.summary()["top_actors"]) == 10


def test_load_graph(store, doc_1, doc_2):
    documents, entities, claims = store.load_graph()
    assert [d.id for d in documents] == [doc_1.id, doc_2.id]
    quds = next(e for e in entities if e.id == "ent-quds-force")
    assert [(m.doc_id, m.text) for m in quds.mentions] == [
        (doc_1.id, "The Quds Force"), (doc_1.id, "the Quds Force"), (doc_2.id, "the Qods Force"), (doc_2.id, "the Qods Force")]
    assert [c.id for c in claims] == [
        "clm-qf-part-of-irgc", "clm-qf-trains-kh", "clm-soleimani-leads-qf", "clm-kh-assault", "clm-qf-aid-kh"]
    by_id = {c.id: c for c in claims}
    assert by_id["clm-qf-aid-kh"].attributed_to == "ent-pentagon"
    assert by_id["clm-kh-assault"].attributed_to == "Iraqi officials"
    assert by_id["clm-kh-assault"].attrs["location"] == "ent-baghdad"
    assert by_id["clm-kh-assault"].object is None
    assert len(by_id["clm-qf-trains-kh"].evidence) == 2
    texts = {d.id: d.text for d in documents}
    for c in claims:
        for ev in c.evidence:
            assert texts[ev.doc_id][ev.start:ev.end] == ev.text
