"""Tokens (read vs analyst), the Host check and cross-site writes."""
from __future__ import annotations

import pytest

READ, ANALYST = "read-7f3c", "analyst-91ab"


@pytest.fixture()
def shared(serve):
    return serve(token=READ, analyst_token=ANALYST)


def _bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_without_a_valid_token_nothing_is_read(shared):
    with shared.client() as c:
        for headers in ({}, _bearer("wrong"), {"Authorization": "Basic " + READ}):
            r = c.get("/api/summary", headers=headers)
            assert r.status_code == 401, headers
            assert "token" in r.json()["detail"] and r.headers["www-authenticate"] == "Bearer"
        assert c.post("/api/undo").status_code == 401


def test_the_read_token_reads_and_cannot_write(shared):
    with shared.client() as c:
        assert c.get("/api/summary", headers=_bearer(READ)).status_code == 200
        assert c.get("/api/summary", params={"token": READ}).status_code == 200
        for url, body in (("/api/undo", None), ("/api/merge", {"a": "ent-irn", "b": "ent-usa"}),
                          ("/api/documents", {"text": "Hezbollah fired rockets at Israel."})):
            r = c.post(url, json=body, headers=_bearer(READ))
            assert r.status_code == 403 and "analyst token" in r.json()["detail"], url
        assert c.get("/api/summary", headers=_bearer(READ)).json()["documents"] == 4


def test_the_analyst_token_reads_and_writes(shared):
    with shared.client() as c:
        assert c.get("/api/claims", headers=_bearer(ANALYST)).status_code == 200
        r = c.post("/api/documents", json={"text": "Hezbollah fired rockets at Israel in 2024."},
                   params={"token": ANALYST})
        assert r.status_code == 201
        assert c.post("/api/undo", headers=_bearer(ANALYST)).status_code == 409  # allowed: nothing to undo


def test_a_read_token_alone_makes_the_server_read_only(serve):
    server = serve(token=READ)
    with server.client(headers=_bearer(READ)) as c:
        assert c.get("/api/documents").status_code == 200
        r = c.post("/api/undo")
        assert r.status_code == 403 and "read-only" in r.json()["detail"]


def test_the_page_and_api_reference_need_no_token_but_the_data_does(shared):
    with shared.client() as c:
        assert c.get("/openapi.json").status_code == 200
        assert c.get("/docs").status_code == 200
        assert c.get("/api/documents").status_code == 401


def test_a_loopback_server_answers_only_to_loopback_host_names(serve):
    server = serve(allowed_hosts=("127.0.0.1", "localhost", "::1"))
    with server.client() as c:
        assert c.get("/api/summary").status_code == 200
        assert c.get("/api/summary", headers={"Host": "localhost:8765"}).status_code == 200
        r = c.get("/api/summary", headers={"Host": "evil.example:8765"})  # DNS rebinding
        assert r.status_code == 400 and "Host" in r.json()["detail"]


def test_a_write_from_another_site_is_refused(writer):
    base = str(writer.base_url).rstrip("/")
    r = writer.post("/api/undo", headers={"Origin": "http://evil.example"})
    assert r.status_code == 403 and "cross-site" in r.json()["detail"]
    r = writer.post("/api/documents", files={"file": ("a.txt", b"Hezbollah fired rockets.", "text/plain")},
                    headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    assert writer.get("/api/summary").json()["documents"] == 4
    r = writer.post("/api/undo", headers={"Origin": base})  # the app's own page may write
    assert r.status_code == 409


def test_no_token_means_open(writer):
    assert writer.get("/api/summary").status_code == 200
    assert writer.post("/api/undo").status_code == 409  # allowed: nothing to undo
