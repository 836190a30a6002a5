"""Protections on every request and response (one ASGI middleware, outermost but for errors).

- Headers on every response: a Content-Security-Policy that runs only the app's own scripts
  (no inline script, no CDN), `X-Content-Type-Options: nosniff`, no framing, no referrer.
- Host check: when the server is bound to the loopback interface, a request whose Host is
  not a loopback name is refused (a web page cannot reach it through DNS rebinding).
- Cross-site writes: a POST whose `Origin` (or `Sec-Fetch-Site`) says it comes from another
  site is refused, so a page open in the browser cannot make the local server ingest or undo.
- Body size: a request body over `max_body` bytes is refused with 413, before it is read
  when it declares its length, as soon as it passes the limit otherwise.
- JSON nesting: a JSON body (on any route that takes one) nested more than `MAX_JSON_DEPTH`
  levels deep is refused with 422 here, before a route parses it (Python's parser would fail
  with a RecursionError at about 1,000 levels: a 500).
"""
from __future__ import annotations

import json
from urllib.parse import urlsplit

import anyio
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


MAX_JSON_DEPTH = 128  # arrays and objects inside each other; no route's body needs more than 3
TOO_DEEP = f"the JSON body is nested more than {MAX_JSON_DEPTH} levels deep: refused unread"


def _is_json(content_type: str) -> bool:
    kind = content_type.split(";")[0].strip().lower()
    return kind == "application/json" or kind.endswith("+json")


def _brackets(body: bytes) -> int:
    return body.count(b"[") + body.count(b"{")


def too_deep(body: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether the JSON `body` nests arrays and objects more than `limit` levels deep (Python's
    parser fails with a RecursionError at about 1,000). Any other problem with the body is left
    to the route, which says what it is."""
    if _brackets(body) <= limit:  # the common case: no parse, no walk
        return False
    try:
        data = json.loads(body)
    except RecursionError:
        return True
    except (ValueError, UnicodeDecodeError):
        return False
    if not isinstance(data, (dict, list)):
        return False
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value
        for child in children:
            if isinstance(child, (dict, list)):
                if depth + 1 > limit:
                    return True
                stack.append((child, depth + 1))
    return False


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # the disconnect, when the client goes

    return replay


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
            receive_app = receive_limited
            if scope["method"] not in SAFE_METHODS and _is_json(headers.get("content-type", "")):
                body = await _read_body(receive_limited)
                if _brackets(body) > MAX_JSON_DEPTH and await anyio.to_thread.run_sync(too_deep, body):
                    await self._error(send_with_headers, 422, TOO_DEEP)
                    return
                receive_app = _replay(body, receive)
            await self.app(scope, receive_app, send_with_headers)
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
