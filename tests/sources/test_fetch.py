"""Polite fetching against real servers on 127.0.0.1: the user agent, robots.txt (fetched under the
guard), the delay per host, retries with backoff on 429 / 5xx, conditional GET."""
from __future__ import annotations

import time

import pytest

from claimgraph import __version__
from claimgraph.sources.fetch import Fetcher, canonical_url
from claimgraph.sources.guard import Policy, Refused, SourceError

ALLOW = Policy.make(["127.0.0.1"])


def fetcher(**kw) -> Fetcher:
    return Fetcher(kw.pop("policy", ALLOW), **{"delay": 0.0, "backoff": 0.05, **kw})


def test_user_agent_names_claimgraph_and_its_version(server):
    server.routes["/a"] = (200, {}, "x")
    with fetcher() as f:
        f.fetch(server.url("/a"))
    agents = {h["user-agent"] for _, h in server.requests}
    assert len(agents) == 1 and f"claimgraph/{__version__}" in agents.pop()  # robots.txt and the page alike
    assert server.hits("/robots.txt") == 1


def test_robots_txt_disallow_is_obeyed(server):
    server.routes["/robots.txt"] = (200, {}, "User-agent: claimgraph\nDisallow: /private/\n")
    server.routes["/private/a"] = (200, {}, "secret")
    server.routes["/public/a"] = (200, {}, "fine")
    with fetcher() as f:
        with pytest.raises(SourceError, match="disallowed by robots.txt"):
            f.fetch(server.url("/private/a"))
        assert f.fetch(server.url("/public/a")).content == b"fine"
    assert server.hits("/private/a") == 0 and server.hits("/robots.txt") == 1  # read once per host


def test_robots_txt_of_a_redirect_target_is_obeyed(server, other_server):
    other_server.routes["/robots.txt"] = (200, {}, "User-agent: *\nDisallow: /\n")
    other_server.routes["/b"] = (200, {}, "no")
    server.routes["/a"] = (302, {"Location": other_server.url("/b")}, "")
    with fetcher() as f, pytest.raises(SourceError, match="disallowed by robots.txt"):
        f.fetch(server.url("/a"))
    assert other_server.hits("/b") == 0


def test_robots_txt_server_error_means_disallow_all_and_404_allow_all(server, other_server):
    server.routes["/robots.txt"] = (500, {}, "")
    server.routes["/a"] = (200, {}, "x")
    other_server.routes["/a"] = (200, {}, "y")  # no robots.txt: 404
    with fetcher(retries=0) as f:
        with pytest.raises(SourceError, match="robots"):
            f.fetch(server.url("/a"))
        assert f.fetch(other_server.url("/a")).content == b"y"


def test_robots_txt_is_fetched_under_the_guard(server):
    server.routes["/a"] = (200, {}, "x")
    with fetcher(policy=Policy.make([])) as f, pytest.raises(Refused, match="loopback"):
        f.fetch(server.url("/a"))
    assert server.requests == []


def test_delay_between_requests_to_one_host(server):
    times = []

    def stamp(handler):
        times.append(time.monotonic())
        return (200, {}, "x")

    server.routes["/a"] = stamp
    with fetcher(delay=0.4) as f:
        for _ in range(3):
            f.fetch(server.url("/a"))
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(gaps) == 2 and min(gaps) >= 0.35


def test_crawl_delay_of_robots_txt_is_respected(server):
    times = []
    server.routes["/robots.txt"] = (200, {}, "User-agent: *\nCrawl-delay: 1\n")
    server.routes["/a"] = lambda h: (times.append(time.monotonic()), (200, {}, "x"))[1]
    with fetcher(delay=0.0) as f:
        f.fetch(server.url("/a"))
        f.fetch(server.url("/a"))
    assert times[1] - times[0] >= 0.9


def test_retries_with_backoff_on_503_then_success(server):
    answers = [(503, {}, "busy"), (503, {}, "busy"), (200, {}, "ok")]
    server.routes["/a"] = lambda h: answers.pop(0)
    with fetcher(retries=3) as f:
        assert f.fetch(server.url("/a")).content == b"ok"
    assert server.hits("/a") == 3


def test_retry_after_is_honoured(server):
    times = []
    answers = [(429, {"Retry-After": "1"}, "slow down"), (200, {}, "ok")]
    server.routes["/a"] = lambda h: (times.append(time.monotonic()), answers.pop(0))[1]
    with fetcher(retries=2) as f:
        assert f.fetch(server.url("/a")).content == b"ok"
    assert times[1] - times[0] >= 0.95


def test_giving_up_after_the_retries_is_transient(server):
    server.routes["/a"] = (429, {}, "no")
    with fetcher(retries=2) as f, pytest.raises(SourceError, match="HTTP 429 after 3 attempts") as e:
        f.fetch(server.url("/a"))
    assert e.value.transient and server.hits("/a") == 3


def test_a_404_is_not_retried(server):
    with fetcher(retries=3) as f, pytest.raises(SourceError, match="HTTP 404") as e:
        f.fetch(server.url("/missing"))
    assert not e.value.transient and server.hits("/missing") == 1


def test_conditional_get_with_etag_and_last_modified(server):
    def page(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return (304, {"ETag": '"v1"'}, "")
        return (200, {"ETag": '"v1"', "Last-Modified": "Mon, 30 Nov 2026 10:00:00 GMT"}, "body")

    server.routes["/a"] = page
    with fetcher() as f:
        first = f.fetch(server.url("/a"))
        again = f.fetch(server.url("/a"), etag=first.etag, last_modified=first.last_modified)
    assert (first.status, first.etag, again.status, again.not_modified) == (200, '"v1"', 304, True)
    assert server.requests[-1][1]["if-modified-since"] == "Mon, 30 Nov 2026 10:00:00 GMT"


def test_canonical_url():
    assert canonical_url("HTTP://Example.ORG:80/a?utm_source=x&id=3#top") == "http://example.org/a?id=3"
    assert canonical_url("https://example.org") == "https://example.org/"
    assert canonical_url("https://example.org:8443/a?fbclid=1") == "https://example.org:8443/a"
