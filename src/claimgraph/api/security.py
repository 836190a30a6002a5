"""Protections on every request and response (one ASGI middleware, outermost but for errors).

- Headers on every response: a Content-Security-Policy that runs only the app's own scripts
  (no inline script, no CDN), `X-Content-Type-Options: nosniff`, no framing, no referrer.
- Host check: when the server is bound to the loopback interface, a request whose Host is
  not a loopback name is refused (a web page cannot reach it through DNS rebinding).
- Cross-site writes: a POST whose `Origin` (or `Sec-Fetch-Site`) says it comes from another
  site is refused, so a page open in the browser cannot make the local server ingest or undo.
- Body size: a request body over `max_body` bytes is refused with 413, before it is read
  when it declares its length, as soon as it passes the limit otherwise.
"""
from __future__ import annotations

import json
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimgraph.api.errors import ApiError

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def _host_name(host: str) -> str:
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def too_large(limit: int) -> ApiError:
    return ApiError(413, f"request body over the upload limit of {limit:,} bytes (serve --max-upload)")


class Guard:
    def __init__(self, app: ASGIApp, max_body: int, allowed_hosts: tuple[str, ...] | None = None):
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = tuple(h.lower() for h in allowed_hosts) if allowed_hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                taken = {k.lower() for k, _ in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []),
                                                  *[(k, v) for k, v in HEADERS if k not in taken]]}
            await send(message)

        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await self._error(send_with_headers, *refusal)
            return
        received = 0

        async def receive_limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise too_large(self.max_body)
            return message

        try:
            await self.app(scope, receive_limited, send_with_headers)
        except ApiError as e:  # over the limit while a middleware, not an endpoint, was reading
            if started or e.status_code != 413:
                raise
            await self._error(send_with_headers, 413, str(e.detail))

    def _refusal(self, scope: Scope, headers: Headers) -> tuple[int, str] | None:
        host = headers.get("host", "")
        if self.allowed_hosts is not None and _host_name(host).lower() not in self.allowed_hosts:
            return 400, f"unexpected Host header {host!r}: this server answers to {', '.join(self.allowed_hosts)}"
        if scope["method"] in SAFE_METHODS:
            return None
        origin = headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc.lower() != host.lower():
            return 403, f"cross-site request refused (Origin {origin!r})"
        if origin == "null" or headers.get("sec-fetch-site") == "cross-site":
            return 403, "cross-site request refused"
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return 400, "Content-Length is not a number"
            if int(length) > self.max_body:
                return 413, str(too_large(self.max_body).detail)
        return None

    async def _error(self, send: Send, status: int, detail: str) -> None:
        body = json.dumps({"detail": detail}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
