"""The SSRF guard: what claimgraph may connect to when it fetches a URL, and how much it reads.

A URL from a feed or a redirect is hostile by default. Its host is resolved with `getaddrinfo`
and the connection is refused when any address it resolves to is loopback, private, link-local,
multicast, reserved, unspecified, a cloud metadata address or otherwise not a public address
(IPv4 and IPv6; an IPv4 address inside IPv6 — mapped, 6to4, NAT64 — is checked as that IPv4
address), unless the host is named in the explicit allow list (`--allow-host`).

The check is made where the connection is opened (a network backend of httpcore that resolves
the name itself and connects to the very addresses it checked, so DNS rebinding between a check
and the connection is not possible), and so on every redirect: redirects are followed here, one
by one, at most `max_redirects`. No proxy from the environment is used (it would be the address
checked instead of the target's). A response is streamed and stopped at `max_bytes` (decoded:
a compressed bomb stops too) and at `timeout` seconds in all. A name's lookup is given up after
`dns_timeout` seconds (the system resolver has no bound of its own that a caller can set).

httpx's `HTTPTransport` takes no network backend, so the guarded transport is httpx's public
`BaseTransport` over httpcore's public `ConnectionPool(network_backend=...)`, mapping httpcore's
errors to httpx's of the same name.
"""
from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # an article page is far smaller; a feed too
DEFAULT_TIMEOUT = 30.0  # seconds for one fetch in all (connections, redirects, the body)
DEFAULT_MAX_REDIRECTS = 5
DEFAULT_DNS_TIMEOUT = 10.0  # seconds for one name's lookup (the system resolver has no bound of its own here)
MAX_URL_CHARS = 2048
REDIRECTS = {301, 302, 303, 307, 308}

# Instance metadata services (all but one are link-local or private anyway: named for the message).
METADATA = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean...
    "169.254.170.2",  # AWS ECS task metadata
    "169.254.169.253",  # AWS DNS
    "100.100.100.200",  # Alibaba Cloud (shared address space, not link-local)
    "192.0.0.192",  # Oracle Cloud
    "fd00:ec2::254",  # AWS over IPv6
))
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class SourceError(Exception):
    """A URL that could not be fetched: `url` and why (one line)."""

    def __init__(self, url: str, message: str, *, transient: bool = False):
        super().__init__(f"{url}: {message}")
        self.url = url
        self.message = message
        self.transient = transient  # worth retrying later (network error, 5xx), not a refusal


class Refused(SourceError):
    """Refused by the guard: a forbidden address, scheme, size or time (never retried)."""


def forbidden(address: str | ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why a connection to `address` is refused ("loopback", "private", ...), None if it is public."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if ip.version == 6:
        ip6 = ip
        if ip6.scope_id:
            return "link-local"
        embedded = ip6.ipv4_mapped or ip6.sixtofour
        if embedded is None and ip6 in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip6) & 0xFFFFFFFF)
        if embedded is None and ip6.teredo:
            embedded = ip6.teredo[1]
        if embedded is not None:
            why = forbidden(embedded)
            return f"{why} (IPv4 {embedded} inside IPv6)" if why else None
    if ip in METADATA:
        return "cloud metadata"
    for why, test in (("unspecified", ip.is_unspecified), ("loopback", ip.is_loopback),
                      ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
                      ("reserved", ip.is_reserved), ("private", ip.is_private)):
        if test:
            return why
    if not ip.is_global:
        return "not public"
    return None


def _host_key(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


@dataclass(frozen=True)
class Policy:
    """What a fetch may do: the hosts allowed although they resolve to a forbidden address, and
    the caps on a response."""

    allow_hosts: frozenset[str] = frozenset()
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    dns_timeout: float = DEFAULT_DNS_TIMEOUT

    @classmethod
    def make(cls, allow_hosts: Iterable[str] = (), **caps) -> Policy:
        return cls(allow_hosts=frozenset(_host_key(h) for h in allow_hosts if h.strip()), **caps)

    def allowed(self, host: str) -> bool:
        return _host_key(host) in self.allow_hosts


def lookup(host: str, port: int, timeout: float, getaddrinfo=socket.getaddrinfo) -> list[tuple]:
    """`getaddrinfo` of `host`, given up after `timeout` seconds: the system resolver may wait
    for each name server in turn (tens of seconds) and cannot be interrupted, so it runs in a
    daemon thread that is left to finish alone when the time is up."""
    done = threading.Event()
    answer: list = []

    def run() -> None:
        try:
            answer.append(getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP))
        except BaseException as e:  # noqa: BLE001 - handed to the caller
            answer.append(e)
        done.set()

    threading.Thread(target=run, name=f"claimgraph-dns-{host}", daemon=True).start()
    if not done.wait(timeout):
        raise SourceError(host, f"cannot resolve host: no answer from DNS in {timeout:g} s", transient=True)
    if isinstance(answer[0], BaseException):
        raise answer[0]
    return answer[0]


def resolve(host: str, port: int, policy: Policy, timeout: float | None = None,
            getaddrinfo=socket.getaddrinfo) -> list[tuple]:
    """The addresses (getaddrinfo rows) of `host`, looked up within `policy.dns_timeout` (and
    `timeout`); Refused when one of them is forbidden and the host is not allowed. A host
    resolving to a public and a private address is refused."""
    limit = policy.dns_timeout if timeout is None else min(timeout, policy.dns_timeout)
    try:
        rows = lookup(host, port, limit, getaddrinfo)
    except (socket.gaierror, UnicodeError) as e:
        raise SourceError(host, f"cannot resolve host: {e}", transient=True) from None
    if policy.allowed(host):
        return rows
    for row in rows:
        address = row[4][0]
        why = forbidden(address)
        if why:
            raise Refused(host, f"refused: {host} resolves to {address}, a {why} address "
                                f"(allow it with --allow-host {host})")
    return rows


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's network backend, resolving names itself and connecting only to checked addresses."""

    def __init__(self, policy: Policy, getaddrinfo=socket.getaddrinfo):
        self.policy = policy
        self._backend = httpcore.SyncBackend()
        self._getaddrinfo = getaddrinfo  # the system's; a test's slow one

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        rows = resolve(host, port, self.policy, timeout, self._getaddrinfo)
        error: Exception | None = None
        for row in rows:
            try:
                return self._backend.connect_tcp(row[4][0], port, timeout=timeout, local_address=local_address,
                                                 socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as e:
                error = e
        raise error or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise Refused(path, "refused: Unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


@contextmanager
def _httpx_errors():
    """httpcore's exceptions as httpx's of the same name (httpx has one for each); ours pass."""
    try:
        yield
    except httpcore.TimeoutException as e:
        raise getattr(httpx, type(e).__name__, httpx.TimeoutException)(str(e)) from e
    except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.ProxyError, httpcore.UnsupportedProtocol) as e:
        raise getattr(httpx, type(e).__name__, httpx.TransportError)(str(e)) from e


class _Body(httpx.SyncByteStream):
    def __init__(self, stream):
        self._stream = stream

    def __iter__(self):
        with _httpx_errors():
            yield from self._stream

    def close(self) -> None:
        if hasattr(self._stream, "close"):
            self._stream.close()


class GuardedTransport(httpx.BaseTransport):
    """An httpx transport (the public `BaseTransport`) over httpcore's connection pool on the
    guarded backend: no proxy, no Unix socket. httpx's own `HTTPTransport` takes no network
    backend (its pool is a private attribute), so the request is handed to httpcore here."""

    def __init__(self, policy: Policy, getaddrinfo=socket.getaddrinfo):
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(trust_env=False),
                                             network_backend=GuardedBackend(policy, getaddrinfo), max_connections=10,
                                             max_keepalive_connections=5, keepalive_expiry=5.0)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        core = httpcore.Request(method=request.method,
                                url=httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host,
                                                 port=request.url.port, target=request.url.raw_path),
                                headers=request.headers.raw, content=request.stream, extensions=request.extensions)
        with _httpx_errors():
            response = self._pool.handle_request(core)
        return httpx.Response(status_code=response.status, headers=response.headers, stream=_Body(response.stream),
                              extensions=response.extensions)

    def close(self) -> None:
        self._pool.close()


@dataclass
class Response:
    """A response read whole under the caps: the URL it came from after redirects."""

    url: str
    status: int
    headers: httpx.Headers
    content: bytes
    redirects: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def check_url(url: str) -> str:
    """`url` if it may be fetched at all (http or https, a host, not too long); else Refused."""
    if len(url) > MAX_URL_CHARS:
        raise Refused(url[:80] + "...", f"refused: URL longer than {MAX_URL_CHARS} characters")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise Refused(url, f"refused: only http and https URLs are fetched, not {parts.scheme or 'a bare path'!r}")
    if not parts.hostname:
        raise Refused(url, "refused: URL has no host")
    return url


class GuardedClient:
    """GET under the guard: redirects followed one by one (each target checked), size and time capped.

    `before_request(url)` is called before each request, the first and every redirect target (the
    fetcher's robots.txt and rate limit); it may raise SourceError to stop there.
    """

    def __init__(self, policy: Policy | None = None, user_agent: str | None = None, getaddrinfo=socket.getaddrinfo):
        self.policy = policy or Policy()
        headers = {"User-Agent": user_agent} if user_agent else {}
        connect = min(10.0, self.policy.timeout)
        self._client = httpx.Client(transport=GuardedTransport(self.policy, getaddrinfo), follow_redirects=False,
                                    trust_env=False, headers=headers,
                                    timeout=httpx.Timeout(connect, read=connect))

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> GuardedClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, url: str, headers: dict[str, str] | None = None,
            before_request: Callable[[str], None] | None = None, max_bytes: int | None = None) -> Response:
        deadline = time.monotonic() + self.policy.timeout
        limit = self.policy.max_bytes if max_bytes is None else max_bytes
        redirects: list[str] = []
        current = check_url(url)
        while True:
            if before_request is not None:
                before_request(current)
            response = self._get_once(current, headers or {}, deadline, limit)
            location = response.headers.get("location")
            if response.status not in REDIRECTS or not location:
                response.redirects = redirects
                return response
            if len(redirects) >= self.policy.max_redirects:
                raise Refused(url, f"refused: more than {self.policy.max_redirects} redirects")
            redirects.append(current)
            current = check_url(urljoin(current, location.strip()))
            headers = {k: v for k, v in (headers or {}).items()
                       if k.lower() not in ("if-none-match", "if-modified-since")}

    def _get_once(self, url: str, headers: dict, deadline: float, limit: int) -> Response:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise Refused(url, f"refused: over the time limit of {self.policy.timeout:g} s")
        timeout = httpx.Timeout(min(10.0, remaining))
        try:
            with self._client.stream("GET", url, headers=headers, timeout=timeout) as r:
                declared = r.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise Refused(url, f"refused: response of {int(declared):,} bytes is over the size limit "
                                       f"of {limit:,} bytes")
                chunks, size = [], 0
                for chunk in r.iter_bytes():  # decoded: a compressed bomb is stopped by its output
                    size += len(chunk)
                    if size > limit:
                        raise Refused(url, f"refused: response over the size limit of {limit:,} bytes (stopped)")
                    if time.monotonic() > deadline:
                        raise Refused(url, f"refused: over the time limit of {self.policy.timeout:g} s (stopped)")
                    chunks.append(chunk)
                return Response(url=str(r.url), status=r.status_code, headers=r.headers, content=b"".join(chunks))
        except httpx.TimeoutException as e:
            raise SourceError(url, f"timed out: {type(e).__name__}", transient=True) from None
        except httpx.DecodingError as e:
            raise SourceError(url, f"cannot decode the response: {e}") from None
        except httpx.TransportError as e:
            raise SourceError(url, f"network error: {type(e).__name__}: {e}", transient=True) from None
