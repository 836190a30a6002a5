"""The review routes over real HTTP: the queue, corrections beside the machine's reading, rejected
claims restored, undo with its preview and the analyst's own actions, redo, the audit log in
words, and analysts named by their tokens (`--analyst-token NAME=TOKEN`)."""
from __future__ import annotations

from api_corpus import IRAN, KH


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def arms(client) -> list[dict]:
    return client.get("/api/claims", params={"predicate": "arms", "actor": IRAN, "limit": 500}).json()["items"]


def test_the_queue_lists_contested_claims_with_why_and_counts(writer):
    r = writer.get("/api/review/queue", params={"kind": "contested"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body["counts"]) == {"candidates", "contested", "single_source", "surface", "rejected"}
    assert body["total"] == body["counts"]["contested"] >= 2
    mine = [row for row in body["items"] if row["subject"]["id"] == IRAN and row["predicate"] == "arms"]
    assert {row["modality"] for row in mine} >= {"negated"} and all("contradicted" in row["why"] for row in mine)
    assert all(row["evidence"] for row in body["items"])  # the sentences to decide on
    assert writer.get("/api/review/queue", params={"kind": "everything"}).status_code == 422
    page = writer.get("/api/review/queue", params={"kind": "contested", "limit": 1, "offset": 1}).json()
    assert len(page["items"]) == 1 and page["items"][0]["claim"] == body["items"][1]["claim"]

    writer.post(f"/api/claims/{mine[0]['claim']}/review", json={"verdict": "confirm", "analyst": "dana"})
    after = writer.get("/api/review/queue", params={"kind": "contested"}).json()
    assert after["total"] == body["total"] - 1 and mine[0]["claim"] not in [x["claim"] for x in after["items"]]


def test_a_correction_is_read_by_the_queries_and_the_machines_stays_beside_it(writer):
    claim = next(r for r in arms(writer) if r["modality"] != "negated")["claim"]
    r = writer.post(f"/api/claims/{claim}/correct", json={"predicate": "funds", "reason": "money, not arms",
                                                          "analyst": "dana"})
    assert r.status_code == 200, r.text
    assert r.json()["action"] == "correct" and r.json()["actor"] == "dana" and r.json()["claim"] == claim
    funds = writer.get("/api/claims", params={"predicate": "funds", "actor": IRAN}).json()["items"]
    assert claim in [x["claim"] for x in funds] and claim not in [x["claim"] for x in arms(writer)]
    edges = writer.get(f"/api/actors/{IRAN}/neighbors").json()["edges"]
    assert "funds" in {e["predicate"] for e in edges if KH in (e["source"], e["target"])}
    reading = writer.get(f"/api/claims/{claim}/reading").json()
    assert reading["machine"]["predicate"] == "arms" and reading["analyst"]["predicate"] == "funds"
    assert reading["analyst"]["analyst"] == "dana" and reading["analyst"]["reason"] == "money, not arms"
    assert reading["machine"]["subject"]["id"] == IRAN
    exported = writer.get(f"/api/actors/{IRAN}/export", params={"format": "json"}).json()["claims"]
    assert [c["predicate"] for c in exported if c["id"] == claim] == ["funds"]  # exports read it too
    audit = writer.get("/api/audit").json()["items"][0]
    assert "Iran arms Kata'ib Hizballah" in audit["description"] and "Iran funds" in audit["description"]

    bad = writer.post(f"/api/claims/{claim}/correct", json={"predicate": "ASSAULT"})
    assert bad.status_code == 422 and "a relation predicate is one of" in bad.json()["detail"]
    assert writer.post(f"/api/claims/{claim}/correct", json={}).status_code == 409  # nothing to correct
    assert writer.post("/api/claims/clm-nothing/correct", json={"reverse": True}).status_code == 404
    assert writer.post(f"/api/claims/{claim}/correct", json={"modality": "rumoured"}).status_code == 422


def test_undo_preview_own_actions_force_and_redo(writer):
    claim = arms(writer)[0]["claim"]
    writer.post(f"/api/claims/{claim}/review", json={"verdict": "reject", "reason": "misread", "analyst": "dana"})
    preview = writer.get("/api/undo/preview", params={"analyst": "omar"}).json()
    assert preview["undo"]["action"] == "reject" and preview["undo"]["actor"] == "dana"
    assert preview["undo"]["own"] is False and "rejected the claim \u201cIran arms" in preview["undo"]["description"]
    refused = writer.post("/api/undo", json={"analyst": "omar"})
    assert refused.status_code == 409 and "not omar's" in refused.json()["detail"]
    assert refused.json()["undo"]["actor"] == "dana"
    assert writer.get(f"/api/claims/{claim}").status_code == 404  # still rejected
    assert writer.get("/api/undo/preview", params={"analyst": "dana"}).json()["undo"]["own"] is True
    done = writer.post("/api/undo", json={"analyst": "omar", "force": True})
    assert done.status_code == 200 and done.json()["payload"]["of"] == "dana"
    assert "undid #" in done.json()["description"] and "(reject by dana)" in done.json()["description"]
    assert writer.get(f"/api/claims/{claim}").status_code == 200

    assert writer.get("/api/undo/preview", params={"analyst": "omar"}).json()["redo"]["own"] is True
    redo = writer.post("/api/redo", json={"analyst": "omar"})
    assert redo.status_code == 200 and redo.json()["action"] == "redo"
    assert writer.get(f"/api/claims/{claim}").status_code == 404
    assert writer.post("/api/redo", json={"analyst": "omar"}).status_code == 409  # nothing left to redo


def test_rejected_claims_are_listed_and_restored(writer):
    claim = arms(writer)[0]["claim"]
    writer.post(f"/api/claims/{claim}/review", json={"verdict": "reject", "reason": "misread", "analyst": "dana"})
    listed = writer.get("/api/review/rejected").json()
    assert listed["total"] == 1
    [row] = listed["items"]
    assert row["claim"] == claim and row["analyst"] == "dana" and row["reason"] == "misread"
    assert row["subject"]["name"] == "Iran" and row["predicate"] == "arms" and row["evidence"]["excerpt"]
    r = writer.post(f"/api/claims/{claim}/restore", json={"reason": "it is in the text", "analyst": "dana"})
    assert r.status_code == 200 and r.json()["action"] == "restore"
    assert writer.get(f"/api/claims/{claim}").status_code == 200
    assert writer.get("/api/review/rejected").json()["total"] == 0
    assert writer.post(f"/api/claims/{claim}/restore").status_code == 409  # not rejected
    log = writer.get("/api/audit").json()["items"]
    assert [e["action"] for e in log[:2]] == ["restore", "reject"]
    assert log[0]["description"].startswith("restored the claim \u201cIran arms")


def test_not_the_same_and_the_audit_names_the_actors(writer):
    r = writer.post("/api/distinct", json={"a": KH, "b": "ent-hizballah", "analyst": "dana"})
    assert r.status_code == 200, r.text
    assert r.json()["judgement"]["judgement"] == "negative"
    entry = writer.get("/api/audit").json()["items"][0]
    assert entry["action"] == "distinct" and "Kata'ib Hizballah (ent-kataib-hizballah)" in entry["description"]
    refused = writer.post("/api/merge", json={"a": KH, "b": "ent-hizballah", "force": True})  # countries differ too
    assert refused.status_code == 409 and "judged different" in refused.json()["detail"]


def test_an_analyst_token_names_its_analyst(serve):
    server = serve(token="reader", analyst_token=["maria=tok-maria", "tok-anyone"])
    with server.client(headers=bearer("reader")) as reader:
        claim = arms(reader)[0]["claim"]
    with server.client() as client:
        r = client.post(f"/api/claims/{claim}/review", json={"verdict": "confirm", "analyst": "bob"},
                        headers=bearer("tok-maria"))
        assert r.status_code == 200 and r.json()["actor"] == "maria"  # the token's name wins
        preview = client.get("/api/undo/preview", headers=bearer("tok-maria")).json()
        assert preview["analyst"] == "maria" and preview["undo"]["own"] is True
        r = client.post(f"/api/claims/{claim}/review", json={"verdict": "reject", "analyst": "bob"},
                        headers=bearer("tok-anyone"))
        assert r.status_code == 200 and r.json()["actor"] == "bob"  # a token that names nobody
        assert client.post("/api/undo", headers=bearer("tok-maria")).status_code == 409  # bob's
        assert client.post("/api/undo", json={"analyst": "bob"}, headers=bearer("tok-anyone")).status_code == 200
        assert client.post("/api/undo", headers=bearer("reader")).status_code == 403
