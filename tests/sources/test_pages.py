"""`claimgraph fetch` into a real SQLite store from a server on 127.0.0.1: the article read with
trafilatura, stored once (by canonical URL and content hash), re-fetching changes nothing."""
from __future__ import annotations

import sqlite3

import pytest
from html_pages import article
from typer.testing import CliRunner

from claimgraph.cli.main import app
from claimgraph.sources.fetch import Fetcher
from claimgraph.sources.guard import Policy
from claimgraph.sources.pages import Job, fetch_into_store
from claimgraph.store import Store

BODY = ("The Iraqi Ministry of Interior accused Kata'ib Hizballah of firing rockets at a base near Baghdad "
        "on Tuesday, officials said.")
OTHER = "Asa'ib Ahl al-Haq denied that Qais al-Khazali directed attacks on protesters in Baghdad on Sunday."


def run(store, extractor, urls, **kw):
    results = []
    with Fetcher(Policy.make(["127.0.0.1"]), delay=0.0, backoff=0.05, retries=1) as f:
        tally = fetch_into_store(store, [Job(u) for u in urls], f, extractor,
                                 lambda job, r: results.append((job.url, r.outcome, r.message)), **kw)
    return tally, results


def counts(path):
    with sqlite3.connect(path) as c:
        return (c.execute("select count(*) from documents").fetchone()[0],
                c.execute("select count(*) from claims").fetchone()[0])


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "store.db")


def test_an_article_is_stored_once_and_refetching_changes_nothing(server, extractor, db):
    state = {"etag": '"a1"', "body": article("Rockets near Baghdad", BODY, "/news/rockets")}

    def page(handler):
        if handler.headers.get("If-None-Match") == state["etag"]:
            return (304, {"ETag": state["etag"]}, "")
        return (200, {"Content-Type": "text/html; charset=utf-8", "ETag": state["etag"]}, state["body"])

    server.routes["/news/rockets?utm_source=feed"] = page
    server.routes["/news/rockets"] = page
    url = server.url("/news/rockets?utm_source=feed")
    with Store(db) as store:
        tally, results = run(store, extractor, [url])
        assert tally["stored"] == 1 and results == [(url, "stored", None)]
        [doc] = store.documents()
        assert doc.url == server.url("/news/rockets") and doc.title == "Rockets near Baghdad"
        assert "Kata'ib Hizballah" in doc.text and "Copyright" not in doc.text  # the article, not the page
        before = counts(db)
        # again: a conditional GET answered 304
        _, results = run(store, extractor, [url])
        assert results == [(url, "not modified", None)]
        # the server drops its ETag: the same text is found stored by its hash
        state["etag"] = '"a2"'
        _, results = run(store, extractor, [url])
        assert results[0][1] == "unchanged"
        # the page changed under the same URL: not stored again
        state["etag"], state["body"] = '"a3"', article("Rockets near Baghdad (updated)", BODY + " " + OTHER,
                                                       "/news/rockets")
        _, results = run(store, extractor, [url])
        assert results[0][1] == "unchanged" and "already stored under" in results[0][2]
        # another URL whose canonical link names the stored page
        server.routes["/amp/rockets"] = (200, {"Content-Type": "text/html"},
                                         article("Rockets near Baghdad (amp)", BODY + " More.", "/news/rockets"))
        _, results = run(store, extractor, [server.url("/amp/rockets")])
        assert results[0][1] == "unchanged"
    assert counts(db) == before and before[0] == 1


def test_same_text_at_another_url_is_unchanged(server, extractor, db):
    html = article("Rockets", BODY)
    server.routes["/a"] = (200, {"Content-Type": "text/html"}, html)
    server.routes["/b"] = (200, {"Content-Type": "text/html"}, html)
    with Store(db) as store:
        tally, results = run(store, extractor, [server.url("/a"), server.url("/b")])
    # in order of completion: the duplicate is known before the first is written
    assert {u[-1]: o for u, o, _ in results} == {"a": "stored", "b": "unchanged"} and counts(db)[0] == 1


def test_a_canonical_link_to_another_site_is_not_believed(server, extractor, db):
    server.routes["/a"] = (200, {"Content-Type": "text/html"}, article("Rockets", BODY, "https://victim.example/x"))
    with Store(db) as store:
        run(store, extractor, [server.url("/a")])
        [doc] = store.documents()
    assert doc.url == server.url("/a")


def test_failures_are_one_line_each_and_the_run_goes_on(server, extractor, db):
    server.routes["/pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")
    server.routes["/menu"] = (200, {"Content-Type": "text/html"}, "<html><body><nav>Home</nav></body></html>")
    server.routes["/ok"] = (200, {"Content-Type": "text/html"}, article("Rockets", BODY))
    server.routes["/private"] = (302, {"Location": "http://192.168.0.1/router"}, "")
    urls = [server.url(p) for p in ("/pdf", "/menu", "/missing", "/private", "/ok")] + ["file:///etc/passwd"]
    with Store(db) as store:
        tally, results = run(store, extractor, urls)
    outcomes = {u.rsplit("/", 1)[-1]: (o, m) for u, o, m in results}
    assert outcomes["pdf"] == ("failed", "not an HTML page (content type application/pdf)")
    assert outcomes["menu"][0] == "failed" and "no main text" in outcomes["menu"][1]
    assert outcomes["missing"] == ("failed", "HTTP 404")
    assert outcomes["private"][0] == "failed" and "192.168.0.1, a private address" in outcomes["private"][1]
    assert outcomes["passwd"][0] == "failed" and "only http and https" in outcomes["passwd"][1]
    assert outcomes["ok"] == ("stored", None) and counts(db)[0] == 1


def test_cli_fetch_with_and_without_the_allow_list(server, db):
    server.routes["/a"] = (200, {"Content-Type": "text/html"}, article("Rockets", BODY))
    runner = CliRunner()
    refused = runner.invoke(app, ["fetch", server.url("/a"), "--db", db, "--delay", "0"])
    assert refused.exit_code == 1 and "loopback address" in refused.output
    assert server.requests == [] and counts(db)[0] == 0
    done = runner.invoke(app, ["fetch", server.url("/a"), "--db", db, "--allow-host", "127.0.0.1", "--delay", "0"])
    assert done.exit_code == 0, done.output
    assert "stored 1" in done.output and counts(db)[0] == 1
    again = runner.invoke(app, ["fetch", server.url("/a"), "--db", db, "--allow-host", "127.0.0.1", "--delay", "0"])
    assert again.exit_code == 0 and "stored 0" in again.output and counts(db)[0] == 1


def test_fetch_and_watch_state_on_sqlite_and_postgresql(server, extractor, db_url):
    from claimgraph.sources.feeds import watch_round
    from claimgraph.sources.state import SourceState

    def page(handler):
        if handler.headers.get("If-None-Match") == '"p1"':
            return (304, {"ETag": '"p1"'}, "")
        return (200, {"Content-Type": "text/html", "ETag": '"p1"'}, article("Rockets", BODY, "/a"))

    server.routes["/a"] = page
    server.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml", "ETag": '"f"'},
                                  f"<rss version='2.0'><channel><title>T</title><item><title>x</title>"
                                  f"<link>{server.url('/a')}</link></item></channel></rss>")
    with Store(db_url) as store:
        _, first = run(store, extractor, [server.url("/a")])
        _, second = run(store, extractor, [server.url("/a")])
        with Fetcher(Policy.make(["127.0.0.1"]), delay=0.0) as f:
            [report] = watch_round(store, [server.url("/feed.xml")], f, extractor)
        state = SourceState(store)
        row = state.page(server.url("/a"))
        assert [first[0][1], second[0][1], dict(report.outcomes)] == ["stored", "not modified", {"unchanged": 1}]
        assert (row.etag, row.doc_id, row.outcome) == ('"p1"', store.documents()[0].id, "stored")
        assert state.seen_entries(server.url("/feed.xml")) == {server.url("/a")}
        assert state.feed(server.url("/feed.xml")).etag == '"f"'
        assert store.document_count() == 1
