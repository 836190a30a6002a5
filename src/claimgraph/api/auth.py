"""Tokens for a shared server: a read token and an analyst token (who may also write).

With no token set, everything is open (the server then binds to 127.0.0.1 only). An analyst
token may name its analyst (`NAME=TOKEN`): that name is then who decides, in the audit log. With any
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
import re
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


NAMED = re.compile(r"([A-Za-z][A-Za-z0-9_.@-]{0,63})=(.+)", re.S)


def analyst_tokens(given) -> tuple[tuple[str | None, str], ...]:
    """(name, token) of each analyst token given as `TOKEN` (no name) or `NAME=TOKEN` (a name of a
    letter then letters, digits, `_.@-`, at most 64): one string, or several."""
    if not given:
        return ()
    out = []
    for item in [given] if isinstance(given, str) else list(given):
        m = NAMED.fullmatch(item)
        out.append((m.group(1), m.group(2)) if m else (None, item))
    return tuple(out)


@dataclass(frozen=True)
class Tokens:
    """The read token and the analyst tokens (`analyst`: one token, `NAME=TOKEN`, or a list of them)."""

    read: str | None = None
    analyst: object = None

    @property
    def required(self) -> bool:
        return bool(self.read or self.analysts)

    @property
    def analysts(self) -> tuple[tuple[str | None, str], ...]:
        return analyst_tokens(self.analyst)

    def _analyst(self, digest: bytes) -> tuple[str | None, str] | None:
        found = None
        for name, token in self.analysts:  # every token compared: the time does not say which one matched
            if hmac.compare_digest(digest, _digest(token)) and found is None:
                found = (name, token)
        return found

    def level(self, given: str | None) -> str | None:
        """"analyst", "read", or None for a token that is neither."""
        if not given:
            return None
        digest = _digest(given)  # compared as digests: not even the length of a token shows in the time
        if self._analyst(digest) is not None:
            return "analyst"
        if self.read and hmac.compare_digest(digest, _digest(self.read)):
            return "read"
        return None

    def name(self, given: str | None) -> str | None:
        """The analyst a token names (`NAME=TOKEN`), or None."""
        found = self._analyst(_digest(given)) if given else None
        return found[0] if found else None


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
                       if tokens.analysts else "this server is read-only (it has no analyst token)")


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def read_access(request: Request, creds: Credentials) -> None:
    _check(request, creds, write=False)


def write_access(request: Request, creds: Credentials) -> None:
    _check(request, creds, write=True)
    if getattr(request.app.state.cg.store, "read_only", False):
        raise ApiError(403, "the store is read-only (this process cannot write its file or folder): "
                            "it can be read, not changed")


def token_analyst(request: Request, creds: Credentials) -> str | None:
    """The analyst the request's token names (`--analyst-token NAME=TOKEN`), or None."""
    tokens: Tokens = request.app.state.tokens
    return tokens.name(_given(request, creds)) if tokens.required else None
