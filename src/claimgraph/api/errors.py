"""Errors as JSON `{"detail": "a clear message"}`: 4xx for bad input, never a 500 for it.

Query functions say what is wrong with an input by raising: `UnknownEntity` (404),
`ValueError` or `LookupError` on a filter (400, see `user_errors`), `ResolutionError` and
`ReviewError` on an analyst action (409, or 404 when the id is unknown).
"""
from __future__ import annotations

import logging
from contextlib import contextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from claimgraph.query import SearchUnavailable, UnknownEntity
from claimgraph.resolve import ResolutionError

log = logging.getLogger("claimgraph.api")


class ApiError(HTTPException):
    """An HTTP error with a message and, optionally, more fields in the JSON body (`candidates`)."""

    def __init__(self, status_code: int, detail: str, headers: dict | None = None, **extra):
        super().__init__(status_code=status_code, detail=detail, headers=headers)
        self.extra = extra


def _review_error() -> type[Exception] | None:
    try:
        from claimgraph.review import ReviewError
    except ImportError:  # the review package may not be there yet
        return None
    return ReviewError


@contextmanager
def user_errors():
    """A `ValueError` or `LookupError` raised by a query over the caller's input is a 400."""
    try:
        yield
    except (UnknownEntity, ResolutionError, ApiError):
        raise
    except (ValueError, LookupError) as e:
        if (review := _review_error()) and isinstance(e, review):
            raise
        raise ApiError(400, str(e)) from e


def _json(status: int, detail: str, headers=None, **extra) -> JSONResponse:
    return JSONResponse({"detail": detail, **extra}, status_code=status, headers=headers)


def _where(loc: tuple) -> str:
    kind, *rest = loc or ("request",)
    names = {"query": "query parameter", "path": "path parameter", "body": "body", "header": "header",
             "form": "form field"}
    name = ".".join(str(p) for p in rest)
    return f"{names.get(kind, kind)} {name!r}" if name else names.get(kind, str(kind))


def validation_message(errors) -> str:
    """Pydantic's errors as one line: "query parameter 'depth': Input should be less than or equal to 2"."""
    return "; ".join(f"{_where(tuple(e.get('loc', ())))}: {e.get('msg', 'invalid')}" for e in errors) or "invalid input"


def _not_found_message(e: Exception) -> bool:
    return str(e).startswith(("no entity", "no claim", "unknown claim"))


def install(app: FastAPI, headers: dict[str, str] | None = None) -> None:
    """Register the exception handlers that turn every error into `{"detail": ...}`; `headers` go
    on the 500 answer too, which is sent outside every middleware."""

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, e: HTTPException):
        detail = e.detail if isinstance(e.detail, str) else str(e.detail)
        return _json(e.status_code, detail, getattr(e, "headers", None), **getattr(e, "extra", {}))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, e: RequestValidationError):
        errors = [{k: v for k, v in err.items() if k in ("loc", "msg", "type")} for err in e.errors()]
        return _json(422, validation_message(errors), errors=errors)

    @app.exception_handler(UnknownEntity)
    async def unknown(request: Request, e: UnknownEntity):
        return _json(404, str(e))

    @app.exception_handler(ResolutionError)
    async def refused(request: Request, e: ResolutionError):
        return _json(404 if _not_found_message(e) else 409, str(e))

    review = _review_error()
    if review is not None:
        @app.exception_handler(review)
        async def review_refused(request: Request, e: Exception):
            return _json(404 if _not_found_message(e) else 409, str(e))

    @app.exception_handler(SearchUnavailable)
    async def no_search(request: Request, e: SearchUnavailable):
        return _json(400, str(e))

    @app.exception_handler(Exception)
    async def crashed(request: Request, e: Exception):  # a bug: still JSON, and logged
        log.exception("internal error on %s %s", request.method, request.url.path)
        return _json(500, f"internal error: {type(e).__name__}", headers)


ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {"type": "string", "description": "What is wrong, in one line."},
        "errors": {"type": "array", "items": {"type": "object"}, "description": "Each invalid field (422 only)."},
        "candidates": {"type": "array", "items": {"type": "object"},
                       "description": "The actors an ambiguous name fits (409), or a name only spelt like (404)."},
    },
}


def document_errors(schema: dict) -> dict:
    """The OpenAPI schema with the validation error (422) shown as it is sent: `{"detail": "...", "errors": [...]}`."""
    schemas = schema.get("components", {}).get("schemas", {})
    schemas.pop("ValidationError", None)
    if "HTTPValidationError" in schemas:
        schemas["HTTPValidationError"] = ERROR_SCHEMA
    return schema
