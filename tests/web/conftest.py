"""Fixtures of the browser tests: a real store, the real server in a thread, Debian's Chromium.

The store is built once by the real pipeline from `web_corpus`; each module gets its own copy
and its own server (the tests write to the store: reviews, uploads), on a free loopback port.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from urllib.parse import urlsplit

from web_corpus import make_store
from web_demo import build_demo
from web_server import serve

from claimgraph.web.vendor import VENDOR_DIR

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def web_db(extractor, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "store.db"
    make_store(extractor, path).close()
    return path


@pytest.fixture(scope="session")
def demo_web_db(tmp_path_factory) -> Path:
    """The demo store (`samples/corpus`), built once; tests that write use `demo_server`'s copy."""
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.db")


@pytest.fixture(scope="module")
def demo_server(demo_web_db, extractor, tmp_path_factory):
    """The app over a copy of the demo store, on 127.0.0.1; yields its base URL."""
    db = tmp_path_factory.mktemp("demo-served") / "demo.db"
    shutil.copy(demo_web_db, db)
    with serve(str(db), extractor) as url:
        yield url


@pytest.fixture(scope="module")
def server(web_db, extractor, tmp_path_factory):
    """The app (claimgraph.api.create_app) served by uvicorn on 127.0.0.1; yields its base URL."""
    assert (VENDOR_DIR / "cytoscape.min.js").is_file(), "run `make install` (python -m claimgraph.web.vendor) first"
    db = tmp_path_factory.mktemp("served") / "store.db"
    shutil.copy(web_db, db)
    with serve(str(db), extractor) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).is_file(), f"{CHROMIUM} is missing: run `make install` (Debian's chromium package)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _open_page(browser, base_url: str, request):
    """A fresh page on the app at `base_url`; fails the test on any script error or CSP violation
    it saw, and on any request to a host other than 127.0.0.1 (the app works offline: such a
    request is refused before it leaves the machine, and reported).
    A test module with `BYPASS_CSP = True` runs without the Content-Security-Policy, so that
    what it proves holds by escaping alone."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=base_url,
                                  bypass_csp=getattr(request.module, "BYPASS_CSP", False),
                                  accept_downloads=True)
    problems: list[str] = []

    def offline(route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            problems.append(f"request left 127.0.0.1: {url}")
            route.abort()

    context.route("**/*", offline)
    page = context.new_page()
    page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    page.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}")
            if msg.type == "error" else None)
    page.set_default_timeout(10_000)
    page.problems = problems
    return context, page


@pytest.fixture()
def page(browser, server, request):
    """A fresh page on the app over the small `web_corpus` store (see `_open_page`)."""
    context, page = _open_page(browser, server, request)
    yield page
    context.close()
    assert not page.problems, page.problems


@pytest.fixture()
def demo_page(browser, demo_server, request):
    """A fresh page on the app over the demo store (see `_open_page`)."""
    context, page = _open_page(browser, demo_server, request)
    yield page
    context.close()
    assert not page.problems, page.problems
