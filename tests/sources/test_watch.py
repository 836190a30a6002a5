"""`claimgraph watch` against a feed served from 127.0.0.1: new entries stored, a second round
asks with the feed's ETag and fetches nothing, the state in the store, a round that could not
finish (an entry's server failing, or the process killed) resumed without duplicates."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from html_pages import article

from claimgraph.sources.feeds import parse_every, watch_round
from claimgraph.sources.fetch import Fetcher
from claimgraph.sources.guard import Policy
from claimgraph.store import Store

TEXTS = {
    "rockets": "The Iraqi Ministry of Interior accused Kata'ib Hizballah of firing rockets at a base near Baghdad "
               "on Tuesday, officials said.",
    "denial": "Asa'ib Ahl al-Haq denied that Qais al-Khazali directed attacks on protesters in Baghdad on Sunday.",
    "sanctions": "The U.S. Department of the Treasury designated Qais al-Khazali on Friday for his role in "
                 "attacks on protesters.",
}

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Gazette: World</title><link>{base}/</link>
<description>World news</description>
{items}
</channel></rss>"""
ITEM = """<item><title>{name}</title><link>{link}</link><guid>{link}</guid>
<pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate><description>Summary of {name}.</description></item>"""


def serve_feed(server, names, etag='"f1"', link=lambda s, n: s.url(f"/news/{n}?utm_medium=rss")):
    items = "\n".join(ITEM.format(name=n, link=link(server, n)) for n in names)
    body = RSS.format(base=server.base, items=items)

    def feed(handler):
        if handler.headers.get("If-None-Match") == etag:
            return (304, {"ETag": etag}, "")
        return (200, {"Content-Type": "application/rss+xml", "ETag": etag}, body)

    server.routes["/feed.xml"] = feed
    for n in names:
        server.routes.setdefault(f"/news/{n}", (200, {"Content-Type": "text/html"}, article(n.title(), TEXTS[n])))


def rows(path, sql):
    with sqlite3.connect(path) as c:
        return c.execute(sql).fetchall()


def round_(store, extractor, feeds, **kw):
    with Fetcher(Policy.make(["127.0.0.1"]), delay=0.0, backoff=0.05, retries=0) as f:
        return watch_round(store, feeds, f, extractor, **kw)


def test_parse_every():
    assert [parse_every(t) for t in ("15m", "1h", "90s", "2h30m", "900")] == [900, 3600, 90, 9000, 900]
    for bad in ("", "soon", "0", "15x"):
        with pytest.raises(ValueError):
            parse_every(bad)


def test_a_feed_is_watched_and_a_second_round_fetches_nothing(server, extractor, tmp_path):
    db = str(tmp_path / "store.db")
    serve_feed(server, ["rockets", "denial"])
    feed = server.url("/feed.xml")
    with Store(db) as store:
        [report] = round_(store, extractor, [feed])
        assert (report.title, report.entries, report.new, dict(report.outcomes)) == \
            ("Harbour Gazette: World", 2, 2, {"stored": 2})
        assert rows(db, "select url, etag from feeds") == [(feed, '"f1"')]
        assert sorted(u for (u,) in rows(db, "select url from feed_entries")) == \
            [server.url("/news/denial"), server.url("/news/rockets")]  # canonical: no utm_medium
        hits = len(server.requests)
        [again] = round_(store, extractor, [feed])
        # only robots.txt (a new fetcher) and the feed, answered 304
        assert again.not_modified and [p for p, _ in server.requests[hits:]] == ["/robots.txt", "/feed.xml"]
        assert server.requests[-1][1]["if-none-match"] == '"f1"'
        # a new entry: only it is fetched
        serve_feed(server, ["rockets", "denial", "sanctions"], etag='"f2"')
        [third] = round_(store, extractor, [feed])
        assert (third.entries, third.new, dict(third.outcomes)) == (3, 1, {"stored": 1})
        assert server.hits("/news/rockets") == 1
    assert rows(db, "select count(*) from documents") == [(3,)]


def test_an_entry_failing_for_now_is_tried_again_and_the_feed_refetched(server, extractor, tmp_path):
    db = str(tmp_path / "store.db")
    serve_feed(server, ["rockets", "denial"])
    server.routes["/news/denial"] = (503, {}, "busy")
    feed = server.url("/feed.xml")
    with Store(db) as store:
        [first] = round_(store, extractor, [feed])
        assert dict(first.outcomes) == {"stored": 1, "failed": 1} and not first.complete
        assert rows(db, "select etag from feeds") == [(None,)]  # not saved: the next round asks again
        server.routes["/news/denial"] = (200, {"Content-Type": "text/html"}, article("Denial", TEXTS["denial"]))
        [second] = round_(store, extractor, [feed])
        assert (second.not_modified, second.new, dict(second.outcomes)) == (False, 1, {"stored": 1})
        assert server.hits("/news/rockets") == 1 and second.complete
    assert rows(db, "select etag from feeds") == [('"f1"',)]
    assert rows(db, "select count(*) from documents") == [(2,)]


def test_two_feeds_naming_one_article_store_it_once(server, extractor, tmp_path):
    db = str(tmp_path / "store.db")
    serve_feed(server, ["rockets"])
    server.routes["/other.xml"] = server.routes["/feed.xml"]
    with Store(db) as store:
        reports = round_(store, extractor, [server.url("/feed.xml"), server.url("/other.xml")])
    assert sorted(tuple(r.outcomes) for r in reports) == [("stored",), ("unchanged",)]
    assert rows(db, "select count(*) from documents") == [(1,)]


def test_feed_errors_are_one_line_and_the_round_goes_on(server, extractor, tmp_path):
    db = str(tmp_path / "store.db")
    serve_feed(server, ["rockets"])
    server.routes["/html"] = (200, {"Content-Type": "text/html"}, "<html><body><p>not a feed</p></body></html>")
    server.routes["/evil.xml"] = (200, {"Content-Type": "application/rss+xml"},
                                  RSS.format(base=server.base, items=ITEM.format(
                                      name="x", link="http://169.254.169.254/latest/meta-data/")))
    feeds = [server.url("/html"), server.url("/evil.xml"), server.url("/feed.xml"), "http://10.0.0.1/feed"]
    with Store(db) as store:
        html, evil, good, private = round_(store, extractor, feeds)
    assert "not an RSS or Atom feed" in html.error
    assert dict(evil.outcomes) == {"failed": 1}  # the entry's address refused (and not tried again)
    assert dict(good.outcomes) == {"stored": 1}
    assert "private address" in private.error
    assert rows(db, "select outcome from feed_entries where feed = ?".replace("?", f"'{server.url('/evil.xml')}'")) \
        == [("failed",)]


def test_watch_killed_midway_resumes_without_duplicates(server, tmp_path):
    """A real `claimgraph watch --once` killed (SIGKILL) while an entry's server hangs: the run
    after stores what was left, nothing twice."""
    db = str(tmp_path / "store.db")
    serve_feed(server, ["rockets", "denial", "sanctions"])
    release = {"hang": True}

    def slow(handler):
        while release["hang"]:
            time.sleep(0.05)
        return (200, {"Content-Type": "text/html"}, article("Sanctions", TEXTS["sanctions"]))

    server.routes["/news/sanctions"] = slow  # the entry's link, its tracking parameter dropped
    cmd = [sys.executable, "-m", "claimgraph.cli.main", "watch", server.url("/feed.xml"), "--db", db, "--once",
           "--allow-host", "127.0.0.1", "--delay", "0", "--retries", "0"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while server.hits("/news/sanctions") == 0:
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.1)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        release["hang"] = False
        if proc.poll() is None:
            proc.kill()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert rows(db, "select count(*) from documents") == [(3,)]
    assert rows(db, "select count(*) from feed_entries") == [(3,)]
    assert rows(db, "select etag from feeds") == [('"f1"',)]
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []


GROUPS = ["Kata'ib Hizballah", "Asa'ib Ahl al-Haq", "the Badr Organization", "Harakat al-Nujaba"]
CITIES = ["Baghdad", "Basra", "Erbil", "Mosul", "Kirkuk"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def many_articles(server, count):
    """`count` distinct articles and a feed of them."""
    names = []
    for i in range(count):
        name = f"story-{i}"
        text = (f"The Iraqi Ministry of Interior accused {GROUPS[i % 4]} of firing rockets at a base near "
                f"{CITIES[i % 5]} on {DAYS[i % 7]}, officials said. The ministry counted {i + 2} rockets.")
        server.routes[f"/news/{name}"] = (200, {"Content-Type": "text/html"}, article(f"Rockets {i}", text))
        names.append(name)
    items = "\n".join(ITEM.format(name=n, link=server.url(f"/news/{n}")) for n in names)
    server.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml", "ETag": '"f1"'},
                                  RSS.format(base=server.base, items=items))
    return names


def test_watch_killed_at_random_moments_stores_every_article_once(server, tmp_path):
    """SIGKILL a real `watch --once` at random moments (start-up, fetching, extraction, the writes
    of each batch, resolution) within the time an uninterrupted round takes, up to eight runs or
    four kills with work left (once a run finishes there is none), then let one run finish: every article stored once, every entry seen once, the feed's ETag saved, the database
    intact."""
    import random

    rng = random.Random(int(os.environ.get("CLAIMGRAPH_KILL_SEED", "13")))
    db = str(tmp_path / "store.db")
    names = many_articles(server, 40)
    cmd = [sys.executable, "-m", "claimgraph.cli.main", "watch", server.url("/feed.xml"), "--db", db, "--once",
           "--allow-host", "127.0.0.1", "--delay", "0", "--retries", "0"]
    start = time.monotonic()  # an uninterrupted run into another store: how long a round takes here
    clean = subprocess.run([*cmd[:6], str(tmp_path / "clean.db"), *cmd[7:]], capture_output=True, timeout=300)
    full = time.monotonic() - start
    assert clean.returncode == 0 and rows(str(tmp_path / "clean.db"), "select count(*) from documents") == [(40,)]
    kills = []
    for _ in range(8):
        if len(kills) >= 4:
            break
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        at = rng.uniform(0.2, 0.9) * full
        try:
            proc.wait(timeout=at)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            stored = rows(db, "select count(*) from documents")[0][0] if os.path.exists(db) else None
            if stored != len(names):
                kills.append((round(at, 1), stored))
    print(f"a round: {full:.1f} s; killed at (seconds, documents stored then): {kills}")
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert kills, "no run was killed with work left: the kill moments are too late for this machine"
    assert rows(db, "select count(*) from documents") == [(len(names),)]
    assert rows(db, "select count(*), count(distinct url) from feed_entries") == [(len(names), len(names))]
    assert rows(db, "select etag from feeds") == [('"f1"',)]
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []


def test_watch_every_runs_rounds_until_interrupted(server, tmp_path):
    db = str(tmp_path / "store.db")
    serve_feed(server, ["rockets"])
    proc = subprocess.Popen([sys.executable, "-m", "claimgraph.cli.main", "watch", server.url("/feed.xml"), "--db", db,
                             "--every", "1s", "--allow-host", "127.0.0.1", "--delay", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while server.hits("/feed.xml") < 3:
            assert time.monotonic() < deadline and proc.poll() is None, proc.communicate()
            time.sleep(0.1)
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert out.count("Watch (") >= 2 and "not modified" in out  # the third round may be the one interrupted
    assert server.hits("/news/rockets") == 1 and rows(db, "select count(*) from documents") == [(1,)]


def test_watch_refuses_a_bad_interval(tmp_path):
    from typer.testing import CliRunner

    from claimgraph.cli.main import app
    r = CliRunner().invoke(app, ["watch", "http://example.org/feed", "--db", str(tmp_path / "s.db"), "--every", "soon"])
    assert r.exit_code == 2 and "not a duration" in r.output


def test_an_entity_bomb_feed_is_not_expanded(server, extractor, tmp_path):
    """A billion-laughs feed (10^9 'lol's from a few hundred bytes): expat refuses the expansion,
    feedparser's loose parser reads the entries, the round takes no time or memory."""
    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    body = (f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel><title>&a9;</title>'
            f'<item><title>x</title><link>{server.url("/news/rockets")}</link></item></channel></rss>')
    server.routes["/bomb.xml"] = (200, {"Content-Type": "application/rss+xml"}, body)
    server.routes["/news/rockets"] = (200, {"Content-Type": "text/html"}, article("Rockets", TEXTS["rockets"]))
    start = time.monotonic()
    with Store(str(tmp_path / "store.db")) as store:
        [report] = round_(store, extractor, [server.url("/bomb.xml")])
    assert time.monotonic() - start < 30 and len(report.title or "") < 100
    assert dict(report.outcomes) == {"stored": 1}
