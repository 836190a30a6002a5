"""Hostile requests to a real server: JSON bodies nested too deeply, on every route that takes a body."""
from __future__ import annotations

import httpx

from claimgraph.api.security import MAX_JSON_DEPTH, too_deep


def _write_operations(schema: dict) -> list[tuple[str, str]]:
    """(method, path) of every operation that is not a read, with path parameters filled in."""
    ops = []
    for path, item in schema["paths"].items():
        for method in item:
            if method.upper() not in ("GET", "HEAD", "OPTIONS", "TRACE", "PARAMETERS"):
                ops.append((method.upper(), path.replace("{claim_id}", "clm-x").replace("{", "").replace("}", "")))
    return ops


def _nested(depth: int, kind: str) -> bytes:
    if kind == "array":
        return b"[" * depth + b"]" * depth
    return b'{"text":' * depth + b'"x"' + b"}" * depth


def test_a_deeply_nested_json_body_is_a_422_on_every_write_route(writer):
    ops = _write_operations(writer.get("/openapi.json").json())
    assert ("POST", "/api/documents") in ops and len(ops) >= 5
    for method, path in ops:
        for kind in ("array", "object"):
            for depth in (MAX_JSON_DEPTH + 1, 5_000, 200_000):
                # a fresh connection each time: after a 500 uvicorn may close the one it answered on
                r = httpx.request(method, f"{writer.base_url}{path}", content=_nested(depth, kind),
                                  headers={"content-type": "application/json"}, timeout=60)
                assert r.status_code == 422, (method, path, kind, depth, r.status_code, r.text[:200])
                assert "nested more than" in r.json()["detail"], r.text
    assert writer.get("/api/summary").json()["documents"] == 4
    # nesting within the bound still reaches the route, which says what is wrong with the body
    r = writer.post("/api/merge", content=_nested(MAX_JSON_DEPTH, "array"), headers={"content-type": "application/json"})
    assert r.status_code == 422 and "nested" not in r.json()["detail"]
    r = writer.post("/api/documents", json={"text": "Hezbollah fired rockets at Israel in 2024.",
                                            "title": "[" * 500 + "{" * 500})  # brackets in a string are text
    assert r.status_code == 201, r.text


def test_the_depth_check_counts_containers_not_brackets_or_width():
    assert not too_deep(b"[" + b"[]," * 100_000 + b"[]]")  # wide, shallow
    assert not too_deep(b'{"text": "' + b"[{" * 10_000 + b'"}')  # brackets inside a string
    assert not too_deep(_nested(MAX_JSON_DEPTH, "array")) and too_deep(_nested(MAX_JSON_DEPTH + 1, "array"))
    assert too_deep(b'{"a": [1, {"b": ' + _nested(MAX_JSON_DEPTH, "object") + b"}]}")
    assert not too_deep(b"[" * 300 + b"not json")  # the route says what is wrong with it
