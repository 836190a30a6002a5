"""build(): the claimgraph/1 object, field for field, with entities and claims merged by id."""
from __future__ import annotations

import io
import json

import pytest

from claimgraph.export.exchange import build, build_from_documents, write_json
from claimgraph.model import Claim, Document, Entity, Evidence, Mention

TEXT_A = "Gen. Qassem Soleimani led the Quds Force. Soleimani met Hezbollah’s leaders in Beirut in 2019."
TEXT_B = "The Quds Force, known as the IRGC-QF, armed Hezbollah according to a UN panel."

DOCUMENT_FIELDS = ["id", "title", "source", "url", "published", "genre", "language", "sha256", "path"]
ENTITY_FIELDS = ["id", "name", "type", "subtype", "country", "aliases", "mentions"]
RELATION_FIELDS = ["id", "kind", "subject", "predicate", "object", "modality", "attributed_to", "evidence", "confidence", "rule"]
EVENT_FIELDS = ["id", "kind", "subject", "predicate", "object", "mode", "status", "modality", "attributed_to",
                "location", "date", "quantity", "evidence", "confidence", "rule"]
SPAN_FIELDS = ["doc", "start", "end", "text"]


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.find(needle, start + 1)
    assert start >= 0, needle
    return start, start + len(needle)


def mention(text: str, needle: str, nth: int = 0) -> Mention:
    return Mention(*span(text, needle, nth), needle)  # no doc_id: build_from_documents fills it in


def evidence(doc: Document, sentence: str) -> Evidence:
    return Evidence(doc.id, *span(doc.text, sentence), sentence)


@pytest.fixture
def docs() -> list[Document]:
    a = Document(TEXT_A, path="a.txt", title="A profile", source="testwire", published="2020-01-03", genre="opinion")
    a.entities = [
        Entity("ent-soleimani", "Qassem Soleimani", "person", country="IRN",
               mentions=[mention(TEXT_A, "Gen. Qassem Soleimani"), mention(TEXT_A, "Soleimani", 1)]),
        Entity("ent-quds-force", "Quds Force", "organization", "armed_forces", "IRN", aliases=["Qods Force"],
               mentions=[mention(TEXT_A, "the Quds Force")]),
        Entity("ent-hezbollah", "Hezbollah", "organization", country="LBN", mentions=[mention(TEXT_A, "Hezbollah")]),
        Entity("ent-beirut", "Beirut", "location", country="LBN", mentions=[mention(TEXT_A, "Beirut")]),
    ]
    a.claims = [
        Claim("clm-leads", "relation", "ent-soleimani", "leads", "ent-quds-force", rule="verb", confidence=0.9,
              evidence=[evidence(a, "Gen. Qassem Soleimani led the Quds Force.")]),
        Claim("clm-meet", "event", "ent-soleimani", "CONSULT", "ent-hezbollah", rule="verb", confidence=0.66666,
              evidence=[evidence(a, "Soleimani met Hezbollah’s leaders in Beirut in 2019.")],
              attrs={"status": "occurred", "location": "ent-beirut",
                     "date": {"start": "2019-01-01", "end": "2019-12-31", "precision": "year", "text": "in 2019"}}),
    ]
    b = Document(TEXT_B, path="b.txt", title="A panel", source="testwire", published="2021-05-05", genre="report")
    b.entities = [
        Entity("ent-quds-force", "IRGC-QF", "organization", aliases=["Qods Force", "Quds Force"],
               mentions=[mention(TEXT_B, "The Quds Force"), mention(TEXT_B, "IRGC-QF")]),
        Entity("ent-hezbollah", "Hezbollah", "organization", mentions=[mention(TEXT_B, "Hezbollah")]),
        Entity("ent-un-panel", "UN panel of experts", "organization", mentions=[mention(TEXT_B, "a UN panel")]),
    ]
    b.claims = [
        Claim("clm-arms", "relation", "ent-quds-force", "arms", "ent-hezbollah", modality="reported",
              attributed_to="ent-un-panel", rule="verb", confidence=0.7, evidence=[evidence(b, TEXT_B)],
              attrs={"quantity": {"amount": 2, "unit": "shipments"}}),
    ]
    return [a, b]


def test_format_and_top_level(docs):
    out = build_from_documents(docs)
    assert list(out) == ["format", "documents", "entities", "claims"]
    assert out["format"] == "claimgraph/1"


def test_every_field_the_spec_lists_in_its_order(docs):
    out = build_from_documents(docs)
    assert list(out["documents"][0]) == DOCUMENT_FIELDS
    assert out["documents"][0] == {
        "id": docs[0].id, "title": "A profile", "source": "testwire", "url": None, "published": "2020-01-03",
        "genre": "opinion", "language": "en", "sha256": docs[0].sha256, "path": "a.txt"}
    for e in out["entities"]:
        assert list(e) == ENTITY_FIELDS
        assert all(list(m) == SPAN_FIELDS for m in e["mentions"])
    claims = {c["id"]: c for c in out["claims"]}
    assert list(claims["clm-leads"]) == RELATION_FIELDS
    assert list(claims["clm-meet"]) == EVENT_FIELDS
    assert all(list(ev) == SPAN_FIELDS for c in out["claims"] for ev in c["evidence"])


def test_event_fields_come_from_attrs(docs):
    meet = next(c for c in build_from_documents(docs)["claims"] if c["id"] == "clm-meet")
    assert (meet["mode"], meet["status"], meet["location"], meet["quantity"]) == (None, "occurred", "ent-beirut", None)
    assert meet["date"] == {"start": "2019-01-01", "end": "2019-12-31", "precision": "year", "text": "in 2019"}
    assert meet["confidence"] == 0.6667
    assert meet["rule"] == "verb"


def test_relation_carries_quantity_and_attribution_only_when_given(docs):
    claims = {c["id"]: c for c in build_from_documents(docs)["claims"]}
    assert claims["clm-arms"]["quantity"] == {"amount": 2, "unit": "shipments"}
    assert "date" not in claims["clm-arms"] and "mode" not in claims["clm-arms"]
    assert claims["clm-arms"]["attributed_to"] == "ent-un-panel"
    assert claims["clm-leads"]["attributed_to"] is None


def test_entities_are_merged_across_documents(docs):
    out = build_from_documents(docs)
    quds = [e for e in out["entities"] if e["id"] == "ent-quds-force"]
    assert len(quds) == 1
    [quds] = quds
    assert (quds["name"], quds["subtype"], quds["country"]) == ("Quds Force", "armed_forces", "IRN")
    assert quds["aliases"] == ["Qods Force", "IRGC-QF"]
    assert [(m["doc"], m["text"]) for m in quds["mentions"]] == [
        (docs[0].id, "the Quds Force"), (docs[1].id, "The Quds Force"), (docs[1].id, "IRGC-QF")]
    assert [e["id"] for e in out["entities"]] == [
        "ent-soleimani", "ent-quds-force", "ent-hezbollah", "ent-beirut", "ent-un-panel"]


def test_build_does_not_change_its_inputs(docs):
    entities = [e for d in docs for e in d.entities]
    for m in entities[0].mentions:
        m.doc_id = docs[0].id
    build(docs, entities, [])
    assert docs[0].entities[1].aliases == ["Qods Force"]
    assert len(docs[0].entities[1].mentions) == 1


def test_the_same_claim_from_two_documents_is_one_claim(docs):
    again = Claim("clm-leads", "relation", "ent-soleimani", "leads", "ent-quds-force", confidence=0.95,
                  evidence=[Evidence(docs[1].id, 0, 14, TEXT_B[:14])])
    docs[1].claims.append(again)
    docs[1].claims.append(again)
    out = build_from_documents(docs)
    leads = [c for c in out["claims"] if c["id"] == "clm-leads"]
    assert len(leads) == 1
    assert [ev["doc"] for ev in leads[0]["evidence"]] == [docs[0].id, docs[1].id]
    assert leads[0]["confidence"] == 0.95


def test_offsets_point_at_the_text(docs):
    out = build_from_documents(docs)
    texts = {d.id: d.text for d in docs}
    spans = [m for e in out["entities"] for m in e["mentions"]] + [ev for c in out["claims"] for ev in c["evidence"]]
    assert len(spans) == 12
    for s in spans:
        assert texts[s["doc"]][s["start"]:s["end"]] == s["text"]


def test_write_json_is_indented_utf8(tmp_path, docs):
    out = build_from_documents(docs)
    path = tmp_path / "out.json"
    with path.open("w", encoding="utf-8") as fh:
        write_json(out, fh)
    raw = path.read_bytes()
    assert "Hezbollah’s".encode("utf-8") in raw  # not escaped as \u2019
    assert raw.startswith(b'{\n  "format": "claimgraph/1"')
    assert json.loads(raw.decode("utf-8")) == out
    binary = io.BytesIO()
    write_json(out, binary)
    assert binary.getvalue() == raw
