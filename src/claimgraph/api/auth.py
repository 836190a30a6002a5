"""Tokens for a shared server: a read token and an analyst token (who may also write).

With no token set, everything is open (the server then binds to 127.0.0.1 only). With any
token set, every /api request needs one, as `Authorization: Bearer <token>` or `?token=`:
401 without a valid token, 403 for the read token on a write (ingest, review, merge, split,
undo). With only a read token the server is read-only. Tokens are compared in constant time
(`hmac.compare_digest`) and never logged: `hide_tokens_in_access_log` masks the value of a
`?token=` parameter (however its name is percent-encoded) in uvicorn's access log.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
from urllib.parse import unquote_plus
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from claimgraph.api.errors import ApiError

MASK = "***"
ACCESS_LOGGER = "uvicorn.access"


def redact_query(query: str) -> str:
    """`query` with the value of every `token` parameter replaced by `***`, the rest as it was."""
    parts = []
    for part in query.split("&"):
        key, eq, _ = part.partition("=")
        parts.append(f"{key}={MASK}" if eq and unquote_plus(key) == "token" else part)
    return "&".join(parts)


def _redact_target(target):
    if not isinstance(target, str) or "?" not in target:
        return target
    path, _, query = target.partition("?")
    return f"{path}?{redact_query(query)}"


class HideTokens(logging.Filter):
    """Masks `?token=` in a uvicorn access-log record (its arguments: client, method, target, ...)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and len(record.args) >= 3:
            record.args = (*record.args[:2], _redact_target(record.args[2]), *record.args[3:])
        elif isinstance(record.msg, str) and "token" in record.msg:
            record.msg = " ".join(_redact_target(w) for w in record.msg.split(" "))
        return True


def hide_tokens_in_access_log() -> None:
    """Put `HideTokens` on uvicorn's access logger (once; uvicorn's logging setup keeps it)."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(f, HideTokens) for f in logger.filters):
        logger.addFilter(HideTokens())


bearer = HTTPBearer(auto_error=False, description="The read token, or the analyst token to write.")


@dataclass(frozen=True)
class Tokens:
    read: str | None = None
    analyst: str | None = None

    @property
    def required(self) -> bool:
        return bool(self.read or self.analyst)

    def level(self, given: str | None) -> str | None:
        """"analyst", "read", or None for a token that is neither."""
        if not given:
            return None
        digest = _digest(given)  # compared as digests: not even the length of a token shows in the time
        if self.analyst and hmac.compare_digest(digest, _digest(self.analyst)):
            return "analyst"
        if self.read and hmac.compare_digest(digest, _digest(self.read)):
            return "read"
        return None


def _digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).digest()


def _given(request: Request, creds: HTTPAuthorizationCredentials | None) -> str | None:
    if creds is not None and creds.scheme.lower() == "bearer":
        return creds.credentials
    return request.query_params.get("token")


def _check(request: Request, creds: HTTPAuthorizationCredentials | None, write: bool) -> None:
    tokens: Tokens = request.app.state.tokens
    if not tokens.required:
        return
    level = tokens.level(_given(request, creds))
    if level is None:
        raise ApiError(401, "a valid token is required: send 'Authorization: Bearer <token>' or ?token=<token>",
                       headers={"WWW-Authenticate": "Bearer"})
    if write and level != "analyst":
        raise ApiError(403, "this token may read, not write: writing needs the analyst token"
                       if tokens.analyst else "this server is read-only (it has no analyst token)")


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def read_access(request: Request, creds: Credentials) -> None:
    _check(request, creds, write=False)


def write_access(request: Request, creds: Credentials) -> None:
    _check(request, creds, write=True)
    if getattr(request.app.state.cg.store, "read_only", False):
        raise ApiError(403, "the store is read-only (this process cannot write its file or folder): "
                            "it can be read, not changed")
