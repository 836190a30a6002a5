"""Tokens for a shared server: a read token and an analyst token (who may also write).

With no token set, everything is open (the server then binds to 127.0.0.1 only). With any
token set, every /api request needs one, as `Authorization: Bearer <token>` or `?token=`:
401 without a valid token, 403 for the read token on a write (ingest, review, merge, split,
undo). With only a read token the server is read-only. Tokens are compared in constant time.
"""
from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from claimgraph.api.errors import ApiError

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
        if self.analyst and hmac.compare_digest(given.encode(), self.analyst.encode()):
            return "analyst"
        if self.read and hmac.compare_digest(given.encode(), self.read.encode()):
            return "read"
        return None


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
