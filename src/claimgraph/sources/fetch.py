"""Polite fetching: a user agent naming claimgraph, robots.txt, a rate limit per host, retries with
backoff on 429 and 5xx, conditional GET (ETag / Last-Modified); every request under the SSRF guard.
"""
from __future__ import annotations

import email.utils
import random
import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from claimgraph import __version__
from claimgraph.sources.guard import GuardedClient, Policy, Refused, Response, SourceError

USER_AGENT = f"claimgraph/{__version__} (claim extraction from news; obeys robots.txt)"
ROBOTS_AGENT = "claimgraph"  # the token robots.txt rules name
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: at least 500 KiB are read
RETRY_STATUSES = {429, 500, 502, 503, 504}
DEFAULT_DELAY = 1.0  # seconds between two requests to one host
DEFAULT_RETRIES = 3
MAX_BACKOFF = 60.0
ROBOTS_TTL = 24 * 3600.0  # RFC 9309: a robots.txt kept at most a day
ROBOTS_RETRY = 15 * 60.0  # a robots.txt that could not be had ("disallow all") is asked again after this
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


def canonical_url(url: str) -> str:
    """`url` normalised for deduplication: scheme and host in lower case, default port, fragment and
    tracking parameters (utm_*, fbclid, ...) dropped, an empty path as "/"."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not k.lower().startswith(_TRACKING)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


@dataclass
class Page:
    """What a fetch gave: the final URL, and the body unless `not_modified` (a 304)."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    not_modified: bool = False


class Fetcher:
    """GETs under the guard, politely. One instance per run: it keeps robots.txt and the time of the
    last request of each host."""

    def __init__(self, policy: Policy | None = None, *, delay: float = DEFAULT_DELAY, retries: int = DEFAULT_RETRIES,
                 backoff: float = 1.0, user_agent: str = USER_AGENT, robots: bool = True):
        self.policy = policy or Policy()
        self.delay = delay
        self.retries = retries
        self.backoff = backoff
        self.robots = robots
        self.client = GuardedClient(self.policy, user_agent=user_agent)
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser]] = {}
        self._last: dict[str, float] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- politeness ----------------------------------------------------------------------------
    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        delay = self.delay
        parser = self._robots.get(_origin(url), (0, None))[1]
        if parser is not None:
            crawl_delay = parser.crawl_delay(ROBOTS_AGENT)
            if crawl_delay:
                delay = max(delay, min(float(crawl_delay), MAX_BACKOFF))
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        self._last[host] = time.monotonic()

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The origin's robots.txt (None: no rules). RFC 9309: a 4xx is no rules; a 5xx or an
        unreachable file is "disallow all", asked again after ROBOTS_RETRY; rules are kept ROBOTS_TTL."""
        origin = _origin(url)
        if origin in self._robots and time.monotonic() - self._robots[origin][0] < ROBOTS_TTL:
            return self._robots[origin][1]
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        kept = ROBOTS_TTL
        try:
            self._wait_turn(origin + "/robots.txt")
            r = self.client.get(origin + "/robots.txt", max_bytes=ROBOTS_MAX_BYTES,
                                before_request=lambda u: None)
            if r.status >= 500:
                parser.disallow_all, kept = True, ROBOTS_RETRY
            elif r.status >= 400:
                parser.allow_all = True
            else:
                parser.parse(r.content.decode("utf-8", "replace").splitlines())
        except Refused:
            raise
        except SourceError:
            parser.disallow_all, kept = True, ROBOTS_RETRY
        self._robots[origin] = (time.monotonic() - ROBOTS_TTL + kept, parser)  # expires `kept` from now
        return parser

    def _before_request(self, url: str) -> None:
        if self.robots:
            parser = self._robots_for(url)
            if parser is not None and not parser.can_fetch(ROBOTS_AGENT, url):
                raise SourceError(url, "disallowed by robots.txt")
        self._wait_turn(url)

    # -- fetching ------------------------------------------------------------------------------
    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Page:
        """GET `url` (conditional when validators are given); SourceError when it cannot be had: a
        refusal, robots.txt, a 4xx, or a 429 / 5xx / network error still failing after the retries
        (`transient`)."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                r = self.client.get(url, headers=headers, before_request=self._before_request)
            except SourceError as e:
                if not e.transient or attempt >= self.retries:
                    raise
                self._sleep_backoff(attempt, None)
                attempt += 1
                continue
            if r.status in RETRY_STATUSES:
                if attempt >= self.retries:
                    raise SourceError(url, f"HTTP {r.status} after {attempt + 1} attempts", transient=True)
                self._sleep_backoff(attempt, r)
                attempt += 1
                continue
            return self._page(url, r)

    def _page(self, url: str, r: Response) -> Page:
        if r.status == 304:
            return Page(url, r.url, 304, b"", "", r.headers.get("etag"), r.headers.get("last-modified"),
                        not_modified=True)
        if r.status >= 400 or r.status < 200 or r.status in (204, 205):
            raise SourceError(url, f"HTTP {r.status}")
        if 300 <= r.status < 400:
            raise SourceError(url, f"HTTP {r.status} without a usable Location")
        return Page(url, r.url, r.status, r.content, r.content_type, r.headers.get("etag"),
                    r.headers.get("last-modified"))

    def _sleep_backoff(self, attempt: int, r: Response | None) -> None:
        wait = self.backoff * (2 ** attempt) * (1 + random.random() / 2)
        if r is not None and (after := _retry_after(r.headers.get("retry-after"))) is not None:
            wait = max(wait, after)
        time.sleep(min(wait, MAX_BACKOFF))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds (a number or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
