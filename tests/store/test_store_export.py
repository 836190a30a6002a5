"""Store.export writes the exchange format with the same writer as an extraction run."""
from __future__ import annotations

import json

from claimgraph.export.exchange import build_from_documents, write_json
from claimgraph.store import Store


def test_export_round_trip_offsets(tmp_path, db_url, doc_1, doc_2):
    with Store(db_url) as store:
        store.add_document(doc_1)
        store.add_document(doc_2)
        out = tmp_path / "export.json"
        with out.open("w", encoding="utf-8") as fh:
            write_json(store.export(), fh)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "claimgraph/1"
    texts = {d.id: d.text for d in (doc_1, doc_2)}
    assert {d["id"] for d in data["documents"]} == set(texts)
    checked = 0
    for e in data["entities"]:
        for m in e["mentions"]:
            assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]
            checked += 1
    for c in data["claims"]:
        assert c["evidence"]
        for ev in c["evidence"]:
            assert texts[ev["doc"]][ev["start"]:ev["end"]] == ev["text"]
            checked += 1
    assert checked == 11 + 6


def test_store_export_equals_export_of_the_extraction_run(db_url, doc_1, doc_2):
    with Store(db_url) as store:
        store.add_document(doc_1)
        store.add_document(doc_2)
        stored = store.export()
    direct = build_from_documents([doc_1, doc_2])
    assert stored["documents"] == direct["documents"]
    assert stored["claims"] == direct["claims"]
    by_id = lambda entities: sorted(entities, key=lambda e: e["id"])  # noqa: E731
    assert by_id(stored["entities"]) == by_id(direct["entities"])
