"""The web app's files on the same server, and the security headers on every answer."""
from __future__ import annotations

import re

import pytest
from api_corpus import Server

from db_copies import copy_url

from claimgraph.api import create_app
from claimgraph.api.web import STATIC


def _strict(r) -> None:
    csp = r.headers["content-security-policy"]
    script = re.search(r"script-src ([^;]*)", csp).group(1).split()
    assert script == ["'self'"], csp  # no inline script, no other origin
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_every_answer_has_the_security_headers(api):
    answers = [api.get("/api/summary"), api.get("/api/claims/clm-nothing"), api.get("/nowhere"),
               api.get("/api/claims?limit=0"), api.post("/api/summary"), api.get("/openapi.json"), api.get("/docs"),
               api.get("/api-docs/swagger-init.js")]
    assert [r.status_code for r in answers] == [200, 404, 404, 422, 405, 200, 200, 200]
    for r in answers:
        _strict(r)


@pytest.mark.skipif(not (STATIC / "index.html").is_file(), reason="the web app's files are not there")
def test_the_page_and_its_files_are_served(api):
    page = api.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    _strict(page)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page.text), "an inline script would be blocked by the CSP"
    for src in re.findall(r'<script[^>]*\bsrc="([^"]+)"', page.text):
        assert not src.startswith(("http:", "https:", "//")), src  # nothing from a CDN
        r = api.get(src)
        assert r.status_code == 200, src
        _strict(r)


def test_the_api_runs_without_the_web_app(api_db, tmp_path, monkeypatch):
    from claimgraph.api import web
    monkeypatch.setattr(web, "STATIC", tmp_path / "no-such-folder")
    copy = copy_url(api_db, tmp_path)
    server = Server(create_app(str(copy)))
    try:
        with server.client() as c:
            assert c.get("/api/summary").status_code == 200
            r = c.get("/")
            assert r.status_code == 404 and "not installed" in r.json()["detail"]
            assert c.get("/static/app.js").status_code == 404
    finally:
        server.stop()


def test_the_api_reference_loads_nothing_from_elsewhere(api):
    page = api.get("/docs").text
    assert "cdn" not in page.lower() and not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert api.get("/openapi.json").json()["info"]["title"] == "claimgraph"
