"""add_document: everything in one transaction, re-ingest a no-op, entities and claims merged by id."""
from __future__ import annotations

import pytest
from db_rows import counts as table_counts
from db_rows import rows
from sqlalchemy.exc import IntegrityError

from claimgraph.model import Claim, Document, Entity, Evidence, Mention
from claimgraph.store import Store

COUNTED = ("documents", "entities", "entity_aliases", "mentions", "claims", "evidence")


def counts(url: str) -> dict[str, int]:
    return table_counts(url, COUNTED)


def test_add_document_stores_everything(db_url, doc_1):
    with Store(db_url) as store:
        assert store.add_document(doc_1) is True
    assert counts(db_url) == {"documents": 1, "entities": 5, "entity_aliases": 2, "mentions": 6, "claims": 3, "evidence": 3}
    [(doc_id, sha, title, genre, text)] = rows(db_url, "SELECT id, sha256, title, genre, text FROM documents")
    assert (doc_id, sha, title, genre, text) == (doc_1.id, doc_1.sha256, doc_1.title, "news", doc_1.text)
    assert rows(db_url, "SELECT name, type, subtype, country FROM entities WHERE id = 'ent-quds-force'") == [
        ("Quds Force", "organization", "armed_forces", "IRN")]
    assert rows(db_url, "SELECT start, \"end\", text FROM mentions WHERE entity_id = 'ent-soleimani'") == [
        (doc_1.text.find("Qassem"), doc_1.text.find("Qassem") + 16, "Qassem Soleimani")]
    [(modality, source_entity, source_text, attrs)] = rows(
        db_url, "SELECT modality, attributed_to_entity, attributed_to_text, CAST(attrs AS TEXT) FROM claims WHERE id = 'clm-soleimani-leads-qf'")
    assert (modality, source_entity, source_text) == ("reported", None, "US officials")
    assert "until January 2020" in attrs


def test_re_adding_the_same_text_changes_nothing(db_url, doc_1):
    with Store(db_url) as store:
        assert store.add_document(doc_1)
        before = counts(db_url)
        again = Document(doc_1.text, path="elsewhere.txt", title="Another title")
        again.entities = [Entity("ent-new", "Someone", "person", mentions=[Mention(0, 3, "The")])]
        assert store.has_document(again.sha256)
        assert store.add_document(again) is False
        assert store.add_document(doc_1) is False
    assert counts(db_url) == before
    assert rows(db_url, "SELECT title FROM documents") == [(doc_1.title,)]


def test_entity_in_two_documents_is_one_row(db_url, doc_1, doc_2):
    with Store(db_url) as store:
        store.add_document(doc_1)
        store.add_document(doc_2)
    assert rows(db_url, "SELECT name, type, country FROM entities WHERE id = 'ent-quds-force'") == [
        ("Quds Force", "organization", "IRN")]  # the first document's name and type are kept
    aliases = rows(db_url, "SELECT alias FROM entity_aliases WHERE entity_id = 'ent-quds-force' ORDER BY id")
    assert [a for (a,) in aliases] == ["Qods Force", "IRGC-QF"]
    by_doc = rows(db_url, "SELECT doc_id, count(*) FROM mentions WHERE entity_id = 'ent-quds-force' GROUP BY doc_id ORDER BY doc_id")
    assert sorted(by_doc) == sorted([(doc_1.id, 2), (doc_2.id, 2)])
    # a detail missing in the first document is filled from a later one, never overwritten
    assert rows(db_url, "SELECT country FROM entities WHERE id = 'ent-kataib-hezbollah'") == [("IRQ",)]


def test_claim_read_in_two_documents_is_one_claim_with_more_evidence(db_url, doc_1, doc_2):
    with Store(db_url) as store:
        store.add_document(doc_1)
        store.add_document(doc_2)
    assert rows(db_url, "SELECT confidence FROM claims WHERE id = 'clm-qf-trains-kh'") == [(0.85,)]
    evidence = rows(db_url, "SELECT doc_id, text FROM evidence WHERE claim_id = 'clm-qf-trains-kh' ORDER BY id")
    assert [d for d, _ in evidence] == [doc_1.id, doc_2.id]
    assert evidence[1][1] == "The group’s fighters are trained by the Qods Force."
    assert rows(db_url, "SELECT attributed_to_entity, attributed_to_text FROM claims WHERE id = 'clm-qf-aid-kh'") == [
        ("ent-pentagon", None)]
    assert counts(db_url)["claims"] == 5


def failing_document() -> Document:
    text = "Hamas fighters crossed the border, the Quds Force said, and the IRGC praised them."
    doc = Document(text, path="three.txt", genre="news")
    hamas = text.find("Hamas")
    quds = text.find("the Quds Force")
    doc.entities = [
        Entity("ent-hamas", "Hamas", "organization", mentions=[Mention(hamas, hamas + 5, "Hamas")]),
        Entity("ent-quds-force", "Quds Force", "organization", aliases=["Sepah-e Qods"],
               mentions=[Mention(quds, quds + 14, "the Quds Force")]),
    ]
    doc.claims = [
        Claim("clm-hamas-assault", "event", "ent-hamas", "ASSAULT", None, confidence=0.5,
              evidence=[Evidence(doc.id, 0, 33, text[:33])]),
        # the subject is not among the document's entities: the foreign key fails
        Claim("clm-irgc-supports-hamas", "relation", "ent-not-listed", "supports", "ent-hamas", confidence=0.5,
              evidence=[Evidence(doc.id, 0, len(text), text)]),
    ]
    return doc


def test_a_failure_leaves_nothing_of_the_document(db_url, doc_1, doc_2):
    with Store(db_url) as store:
        store.add_document(doc_1)
        store.add_document(doc_2)
        before = counts(db_url)
        bad = failing_document()
        with pytest.raises(IntegrityError):
            store.add_document(bad)
        assert not store.has_document(bad.sha256)
        assert store.document_count() == 2
    assert counts(db_url) == before
    assert rows(db_url, "SELECT count(*) FROM entities WHERE id = 'ent-hamas'") == [(0,)]
    assert rows(db_url, "SELECT count(*) FROM entity_aliases WHERE alias = 'Sepah-e Qods'") == [(0,)]
    assert rows(db_url, "SELECT count(*) FROM claims WHERE id = 'clm-hamas-assault'") == [(0,)]


def test_a_failed_document_can_be_added_once_fixed(db_url, doc_1):
    with Store(db_url) as store:
        store.add_document(doc_1)
        bad = failing_document()
        with pytest.raises(IntegrityError):
            store.add_document(bad)
        bad.claims = bad.claims[:1]
        assert store.add_document(bad) is True
        assert store.document_count() == 2
    assert rows(db_url, "SELECT count(*) FROM entity_aliases WHERE alias = 'Sepah-e Qods'") == [(1,)]


def test_duplicates_within_a_document_are_stored_once(db_url, doc_1):
    doc_1.entities.append(doc_1.entities[0])  # the same entity, mentions and all, listed twice
    doc_1.claims.append(doc_1.claims[0])
    with Store(db_url) as store:
        assert store.add_document(doc_1)
    assert counts(db_url)["mentions"] == 6
    assert counts(db_url)["evidence"] == 3


def test_a_nul_in_a_text_is_stored_and_its_offsets_hold(db_url):
    """PostgreSQL's text cannot hold NUL: there it is U+FFFD, one code point for one; SQLite keeps it."""
    text = "Hamas\x00 fighters crossed the border. The Quds Force praised them."
    doc = Document(text, path="nul.txt", genre="news")
    quds = text.find("The Quds Force")
    doc.entities = [Entity("ent-hamas", "Hamas", "organization", mentions=[Mention(0, 6, text[:6])]),
                    Entity("ent-quds-force", "Quds Force", "organization", mentions=[Mention(quds, quds + 14, text[quds:quds + 14])])]
    with Store(db_url) as store:
        assert store.add_document(doc) is True
        assert store.has_document(doc.sha256) and not store.has_document("\x00" + doc.sha256[1:])
        [stored] = store.documents()
        _, entities, _ = store.load_graph()
    nul = "\ufffd" if "postgresql" in db_url else "\x00"
    assert stored.text == text.replace("\x00", nul)
    for e in entities:
        for m in e.mentions:
            assert stored.text[m.start:m.end] == m.text
