"""Writing over HTTP: ingest, verdicts, merge, split, undo; each seen by the next read."""
from __future__ import annotations

import json
import time

from api_corpus import IRAN, KH

from claimgraph.review import Reviews
from claimgraph.store import Store

NEW_TEXT = ("Asaib Ahl al-Haq fighters attacked a Turkish outpost near Mosul in March 2021, "
            "Iraqi officials said. Qais al-Khazali leads Asaib Ahl al-Haq.")


def test_posting_a_text_stores_it_and_the_next_read_sees_it(writer):
    before = writer.get("/api/summary").json()["documents"]
    r = writer.post("/api/documents", json={"text": NEW_TEXT, "title": "Outpost attacked", "source": "ninevehwire",
                                            "published": "2021-03-15"})
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["created"] is True and made["claims"] >= 1 and made["id"].startswith("doc-")
    assert writer.get("/api/summary").json()["documents"] == before + 1
    doc = writer.get(f"/api/documents/{made['id']}").json()
    assert doc["text"] == NEW_TEXT and doc["source"] == "ninevehwire" and doc["published"] == "2021-03-15"
    assert len(doc["claims"]) == made["claims"]
    khazali = writer.get("/api/actors", params={"q": "Qais al-Khazali"}).json()["items"]
    assert len(khazali) == 1
    again = writer.post("/api/documents", json={"text": NEW_TEXT})
    assert again.status_code == 200 and again.json() == {**again.json(), "id": made["id"], "created": False}
    assert writer.get("/api/summary").json()["documents"] == before + 1


def test_a_file_upload_goes_through_the_same_reader_as_the_cli(writer):
    html = ("<html><head><title>Militia commander killed</title></head><body><article>"
            "<p>Kata'ib Hizballah fighters attacked a US convoy near Baghdad in 2020.</p>"
            "<p>Iran armed Kata'ib Hizballah, US officials said.</p></article></body></html>")
    r = writer.post("/api/documents", files={"file": ("../../etc/story.html", html.encode(), "text/html")},
                    data={"source": "tigriswire"})
    assert r.status_code == 201, r.text
    doc = writer.get(f"/api/documents/{r.json()['id']}").json()
    assert "<p>" not in doc["text"] and "US convoy near Baghdad" in doc["text"]
    assert doc["title"] == "Militia commander killed" and doc["source"] == "tigriswire" and doc["format"] == "html"
    jsonl = "\n".join(json.dumps({"text": t, "source": "feed"}) for t in
                      ("Hezbollah fired rockets at Israel in 2023.", "Israel struck Hezbollah in Lebanon in 2023."))
    r = writer.post("/api/documents", files={"file": ("feed.jsonl", jsonl.encode(), "application/x-ndjson")})
    assert r.status_code == 201 and [d["created"] for d in r.json()["documents"]] == [True, True]


def test_bad_uploads_are_refused_with_a_reason(writer):
    cases = [
        ({"json": {"text": ""}}, 422, "text"),
        ({"json": {"text": "   "}}, 422, "empty"),
        ({"json": {"title": "no text"}}, 422, "text"),
        ({"json": {"text": "Hezbollah fired rockets.", "colour": "red"}}, 422, "colour"),
        ({"json": {"text": "Hezbollah fired rockets.", "published": "soon"}}, 422, "not a date"),
        ({"json": ["a list"]}, 422, "JSON object"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, "not valid JSON"),
        ({"content": b"text", "headers": {"content-type": "text/plain"}}, 415, "multipart"),
        ({"files": {"file": ("tool.exe", b"MZ\x90\x00", "application/octet-stream")}}, 422, "unsupported file type"),
        ({"files": {"file": ("empty.txt", b"", "text/plain")}}, 422, "empty"),
        ({"data": {"title": "where is the file"}, "files": {"other": ("a.txt", b"x", "text/plain")}}, 422, "'file'"),
    ]
    before = writer.get("/api/summary").json()["documents"]
    for kwargs, status, needle in cases:
        r = writer.post("/api/documents", **kwargs)
        assert r.status_code == status, (kwargs, r.text)
        assert needle in r.json()["detail"], (kwargs, r.json())
    assert writer.get("/api/summary").json()["documents"] == before


def test_an_upload_over_the_limit_is_413_and_stores_nothing(serve):
    server = serve(max_upload_bytes=2000)
    with server.client() as client:
        big = "Hezbollah fired rockets at Israel. " * 100
        r = client.post("/api/documents", json={"text": big})
        assert r.status_code == 413 and "2,000 bytes" in r.json()["detail"]
        r = client.post("/api/documents", files={"file": ("big.txt", big.encode(), "text/plain")})
        assert r.status_code == 413

        def chunks():  # no Content-Length: the limit is counted as the body arrives
            for _ in range(10):
                yield b"x" * 500
        r = client.post("/api/documents", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413
        assert client.get("/api/summary").json()["documents"] == 4
        assert client.post("/api/documents", json={"text": "Hezbollah fired rockets at Israel."}).status_code == 201


def test_reject_hides_a_claim_confirm_marks_it_undo_brings_it_back(writer):
    rows = writer.get("/api/claims", params={"predicate": "arms", "limit": 500}).json()["items"]
    negated = next(r for r in rows if r["modality"] == "negated")
    reported = next(r for r in rows if r["modality"] == "reported")
    r = writer.post(f"/api/claims/{negated['claim']}/review", json={"verdict": "reject", "reason": "misread",
                                                                   "analyst": "dana"})
    assert r.status_code == 200, r.text
    assert r.json()["action"] == "reject" and r.json()["actor"] == "dana"
    assert writer.get(f"/api/claims/{negated['claim']}").status_code == 404
    left = writer.get(f"/api/actors/{IRAN}/neighbors").json()["edges"]
    assert [e["modality"] for e in left] == ["reported"]
    assert writer.post(f"/api/claims/{reported['claim']}/review", json={"verdict": "confirm"}).status_code == 200
    assert writer.get(f"/api/claims/{reported['claim']}").json()["review"] == "confirmed"
    undone = writer.post("/api/undo")
    assert undone.status_code == 200 and undone.json()["payload"]["action"] == "confirm"
    assert writer.get(f"/api/claims/{reported['claim']}").json()["review"] is None
    assert writer.post("/api/undo", json={"analyst": "dana"}).json()["payload"]["action"] == "reject"
    assert writer.get(f"/api/claims/{negated['claim']}").status_code == 200
    log = writer.get("/api/audit").json()
    assert [e["action"] for e in log["items"]] == ["undo", "undo", "confirm", "reject"]


def test_bad_reviews_are_4xx(writer):
    assert writer.post("/api/claims/clm-nothing/review", json={"verdict": "reject"}).status_code == 404
    rows = writer.get("/api/claims").json()["items"]
    r = writer.post(f"/api/claims/{rows[0]['claim']}/review", json={"verdict": "maybe"})
    assert r.status_code == 422 and "verdict" in r.json()["detail"]
    assert writer.post("/api/undo").status_code == 409  # nothing to undo


def test_merge_split_undo(writer):
    # Kata'ib Hizballah (Iraq) and Hezbollah (Lebanon) are two groups: merged here only by force
    refused = writer.post("/api/merge", json={"a": KH, "b": "ent-hizballah", "reason": "test"})
    assert refused.status_code == 409 and "countries differ" in refused.json()["detail"]
    r = writer.post("/api/merge", json={"a": KH, "b": "ent-hizballah", "reason": "test", "force": True})
    assert r.status_code == 200, r.text
    head = r.json()["actor"]
    other = KH if head == "ent-hizballah" else "ent-hizballah"
    assert head in (KH, "ent-hizballah")
    merged = writer.get(f"/api/actors/{other}").json()  # the merged-away id leads to the actor
    assert merged["id"] == head
    assert writer.get("/api/actors", params={"q": "Kata'ib Hezbollah"}).json()["items"][0]["id"] == head
    again = writer.post("/api/merge", json={"a": KH, "b": "ent-hizballah", "force": True})
    assert again.status_code == 409 and "already" in again.json()["detail"]
    r = writer.post("/api/split", json={"entity": other})
    assert r.status_code == 200 and {j["judgement"] for j in r.json()["judgements"]} == {"negative"}
    assert writer.get(f"/api/actors/{other}").json()["id"] == other
    assert writer.post("/api/split", json={"entity": other}).status_code == 409
    assert writer.post("/api/undo").json()["payload"]["action"] == "split"
    assert writer.get(f"/api/actors/{other}").json()["id"] == head
    assert writer.post("/api/merge", json={"a": "ent-nobody", "b": KH}).status_code == 404
    assert writer.post("/api/merge", json={"a": KH}).status_code == 422


def test_a_change_made_beside_the_server_is_seen(serve):
    server = serve()
    with server.client() as client:
        rows = client.get("/api/claims", params={"predicate": "arms", "modality": "negated"}).json()["items"]
        with Store(server.db) as store:  # another process: `claimgraph` on the command line
            Reviews(store).reject(rows[0]["claim"], analyst="cli")
        time.sleep(1.2)
        assert client.get(f"/api/claims/{rows[0]['claim']}").status_code == 404
        assert client.get("/api/audit").json()["items"][0]["actor"] == "cli"
