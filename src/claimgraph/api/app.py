"""`create_app`: the REST API (and the web app's files) over one store."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.openapi.utils import get_openapi

from claimgraph.api import actors, claims, documents, errors, places, reports, review, sources, web
from claimgraph.api.auth import Tokens, hide_tokens_in_access_log, read_access
from claimgraph.api.security import HEADERS, Guard
from claimgraph.api.state import AppState
from claimgraph.api.upload import NewText

DEFAULT_MAX_UPLOAD = 10 * 1024 * 1024  # 10 MiB: far above an article, a report or a court opinion

DESCRIPTION = """The store of claimgraph: actors, the claims between them and their evidence, as JSON.

Lists take `limit` (at most 500) and `offset` and answer `{"total", "items"}`. Every error is
`{"detail": "what is wrong"}`: 400 for a bad filter, 401/403 for a missing or read-only token,
404 for an unknown id, 409 for an ambiguous name (with `candidates`) or a refused action,
413 for an upload over the limit, 422 for invalid input. Document texts are untrusted: show
them as text, never as HTML. See docs/api.md.
"""


def create_app(db: str, token: str | None = None, analyst_token: str | None = None,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD, extractor=None,
               allowed_hosts: tuple[str, ...] | None = None) -> FastAPI:
    """The app over the store at `db` (a SQLite path or SQLAlchemy URL).

    `token` (read) and `analyst_token` (read and write) turn authentication on (see `auth`);
    `max_upload_bytes` bounds every request body; `extractor` is an `Extractor` or a function
    making one, for uploads (default: the best installed spaCy pipeline, loaded at the first
    upload); `allowed_hosts`, the Host names answered (None: any).
    """
    state = AppState(db, extractor)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        state.close()

    app = FastAPI(title="claimgraph", version="1", description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.cg = state
    app.state.tokens = Tokens(token or None, analyst_token or None)
    hide_tokens_in_access_log()  # a ?token= never reaches the log
    app.state.max_upload = max_upload_bytes
    errors.install(app, {k.decode(): v.decode() for k, v in HEADERS})
    for module in (actors, claims, documents, places, review, reports, sources):
        app.include_router(module.router, dependencies=[Depends(read_access)], responses=_responses())
    web.install(app)
    app.add_middleware(Guard, max_body=max_upload_bytes, allowed_hosts=allowed_hosts)
    app.openapi = lambda: _openapi(app)
    return app


def _responses() -> dict:
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return {code: {"description": why, "content": error}
            for code, why in ((400, "Bad filter value"), (401, "A valid token is required"),
                              (404, "Unknown id or name"), (409, "Ambiguous name, or the action is refused"))}


def _openapi(app: FastAPI) -> dict:
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["NewText"] = NewText.model_json_schema(ref_template="#/components/schemas/{model}")
        components["Error"] = errors.ERROR_SCHEMA
        app.openapi_schema = errors.document_errors(schema)
    return app.openapi_schema
