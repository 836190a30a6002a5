"""GET /api/sources and PUT /api/sources/{outlet}/reliability: the outlets with their grades and
where each comes from, an analyst's grade written to the store and the audit log, the claims it
rates regraded at once. Real servers over real stores (SQLite and PostgreSQL)."""
from __future__ import annotations

READ, ANALYST = "read-7a1c", "analyst-3e9b"


def outlet(client, key: str) -> dict:
    [row] = [r for r in client.get("/api/sources").json()["items"] if r["key"] == key]
    return row


def armed_claims(client) -> list[dict]:
    rows = client.get("/api/claims", params={"predicate": "arms", "limit": 500}).json()["items"]
    return [r for r in rows if r["subject"]["name"] == "Iran"]


def test_the_sources_list_gives_each_outlet_its_grade_origin_and_documents(api):
    r = api.get("/api/sources")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 4 and {row["key"] for row in body["items"]} == {
        "harbourtimes", "levantpost", "gulfledger", "northdesk"}
    row = outlet(api, "harbourtimes")
    assert {k: row[k] for k in ("source", "reliability", "origin", "reason", "documents", "spellings")} == {
        "source": "harbourtimes", "reliability": "F", "origin": "default", "reason": None, "documents": 1,
        "spellings": ["harbourtimes"]}


def test_an_analysts_grade_is_stored_audited_and_regrades_the_outlets_claims(writer):
    before = armed_claims(writer)
    assert before and all(c["reliability"] == "F" for c in before)
    r = writer.put("/api/sources/Harbour Times/reliability",
                   json={"reliability": "b", "reason": "its militia reporting held up", "analyst": "Dana"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["audit"]["action"] == "reliability" and body["audit"]["actor"] == "Dana"
    assert {k: body["audit"]["payload"][k] for k in ("outlet", "old", "new", "reason")} == {
        "outlet": "harbourtimes", "old": "F", "new": "B", "reason": "its militia reporting held up"}
    row = outlet(writer, "harbourtimes")
    assert (row["reliability"], row["origin"], row["reason"], row["analyst"], row["default"]) == (
        "B", "analyst", "its militia reporting held up", "Dana", "F")
    assert body["source"] == row
    [entry] = [e for e in writer.get("/api/audit").json()["items"] if e["action"] == "reliability"]
    assert entry["actor"] == "Dana" and entry["payload"]["new"] == "B"
    after = armed_claims(writer)
    affirmed = [c for c in after if c["modality"] != "negated"]
    assert affirmed and all(c["reliability"] == "B" and c["admiralty"].startswith("B") for c in affirmed)


def test_a_grade_outside_a_to_f_is_a_400_and_changes_nothing(writer):
    for bad in ("G", "", "AB", "7"):
        r = writer.put("/api/sources/harbourtimes/reliability", json={"reliability": bad, "reason": "x"})
        assert r.status_code == 400, (bad, r.text)
        assert "one of A, B, C, D, E, F" in r.json()["detail"]
    assert outlet(writer, "harbourtimes")["origin"] == "default"
    assert [e for e in writer.get("/api/audit").json()["items"] if e["action"] == "reliability"] == []


def test_setting_a_grade_needs_the_write_token(serve):
    server = serve(token=READ, analyst_token=ANALYST)
    body = {"reliability": "C", "reason": "fair", "analyst": "Dana"}
    with server.client() as c:
        assert c.put("/api/sources/levantpost/reliability", json=body).status_code == 401
        read = {"Authorization": f"Bearer {READ}"}
        assert c.put("/api/sources/levantpost/reliability", json=body, headers=read).status_code == 403
        assert c.get("/api/sources", headers=read).json()["total"] == 4
        r = c.put("/api/sources/levantpost/reliability", json=body, headers={"Authorization": f"Bearer {ANALYST}"})
        assert r.status_code == 200 and r.json()["source"]["reliability"] == "C"


def test_undo_takes_an_analysts_grade_back_and_the_log_says_it_in_words(writer):
    r = writer.put("/api/sources/gulfledger/reliability", json={"reliability": "D", "reason": "one-sided",
                                                                "analyst": "Dana"})
    assert r.status_code == 200, r.text
    [entry] = [e for e in writer.get("/api/audit").json()["items"] if e["action"] == "reliability"]
    assert entry["description"] == "graded the outlet gulfledger D (was F, default) \u2014 one-sided"
    undo = writer.post("/api/undo", json={"analyst": "Dana"})
    assert undo.status_code == 200, undo.text
    assert undo.json()["payload"]["action"] == "reliability"
    assert (outlet(writer, "gulfledger")["reliability"], outlet(writer, "gulfledger")["origin"]) == ("F", "default")
