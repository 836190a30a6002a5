"""Every write route, found in the app's OpenAPI schema (every operation that is not a GET), refuses
a request without a token, with a wrong one and with the read token, when tokens are set; so a
route added later cannot slip through unguarded. Real servers, real HTTP."""
from __future__ import annotations

import re

import httpx
from api_corpus import Server
from starlette.routing import Mount

from claimgraph.api import create_app

READ, ANALYST = "read-2c8e", "analyst-5d1f"
READS = ("GET", "HEAD", "OPTIONS", "TRACE")


def write_operations(schema: dict) -> list[tuple[str, str]]:
    """(method, path) of every operation in `schema` that is not a read, path parameters filled in."""
    ops = []
    for path, item in schema["paths"].items():
        for method, op in item.items():
            if method.upper() in READS or not isinstance(op, dict) or "responses" not in op:
                continue
            filled = path
            for p in op.get("parameters", []) + item.get("parameters", []):
                if p.get("in") == "path":
                    filled = filled.replace("{" + p["name"] + "}", "clm-0000")
            ops.append((method.upper(), filled))
    return sorted(ops)


def unguarded(server: Server) -> list[str]:
    """What is wrong with the write routes of `server` (tokens READ and ANALYST set): [] when each
    one refuses no token and a wrong one (401) and the read token (403), and lets the analyst in."""
    problems = []
    with server.client() as c:
        ops = write_operations(c.get("/openapi.json").json())
        if not ops:
            return ["no write operation in the schema"]
        for method, path in ops:
            for name, headers, params, expected in (
                    ("no token", {}, {}, 401),
                    ("a wrong token", {"Authorization": "Bearer guess"}, {}, 401),
                    ("a wrong ?token=", {}, {"token": "guess"}, 401),
                    ("the read token", {"Authorization": f"Bearer {READ}"}, {}, 403),
                    ("the read ?token=", {}, {"token": READ}, 403)):
                r = c.request(method, path, headers=headers, params=params, json={"text": "Hezbollah fired rockets."})
                if r.status_code != expected:
                    problems.append(f"{method} {path} with {name}: {r.status_code}, not {expected}")
            r = c.request(method, path, headers={"Authorization": f"Bearer {ANALYST}"}, json={})
            if r.status_code in (401, 403):
                problems.append(f"{method} {path} refuses the analyst token: {r.status_code}")
        summary = c.get("/api/summary", headers={"Authorization": f"Bearer {READ}"}).json()
        if summary["documents"] != 4:
            problems.append(f"a refused write changed the store: {summary['documents']} documents, not 4")
    return problems


def _route_methods(routes, prefix: str = "") -> set[tuple[str, str]]:
    """(method, path) of every route of the app but reads and static mounts, included routers
    walked into (FastAPI keeps them as `_IncludedRouter`s holding the original router)."""
    found = set()
    for r in routes:
        if isinstance(r, Mount):
            continue
        inner = getattr(r, "original_router", None)
        if inner is not None:
            found |= _route_methods(inner.routes, prefix + getattr(r.include_context, "prefix", ""))
        else:
            found |= {(m, prefix + r.path) for m in getattr(r, "methods", None) or () if m not in READS}
    return found


def test_every_write_route_in_the_schema_refuses_missing_wrong_and_read_tokens(serve):
    server = serve(token=READ, analyst_token=ANALYST)
    assert unguarded(server) == []
    with server.client() as c:
        listed = {(m, p) for m, p in write_operations(c.get("/openapi.json").json())}
    app = server.server.config.app
    in_app = _route_methods(app.routes)
    assert {"/api/documents", "/api/merge", "/api/split", "/api/undo"} <= {p for _, p in in_app}
    # the schema holds every write route of the app, so enumerating it misses none
    assert {(m, re.sub(r"\{[^}]+\}", "clm-0000", p)) for m, p in in_app} == listed


def test_a_route_added_without_the_write_check_is_caught(api_copy, extractor):
    app = create_app(api_copy, token=READ, analyst_token=ANALYST, extractor=extractor)

    @app.post("/api/rogue")
    def rogue() -> dict:
        return {"wrote": True}

    server = Server(app)
    try:
        problems = unguarded(server)
    finally:
        server.stop()
    assert problems and all(p.startswith("POST /api/rogue with") for p in problems), problems
    assert len(problems) == 5
