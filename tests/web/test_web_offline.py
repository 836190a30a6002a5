"""The app works offline: the page fixture refuses and reports any request that would leave
127.0.0.1, so every browser test also proves that its pages load nothing from outside."""
from __future__ import annotations

BYPASS_CSP = True  # the page's CSP refuses such requests too; here the fixture's guard must


def test_a_request_to_another_host_is_refused_and_reported(page):
    page.goto("/")
    page.wait_for_selector("main h1")
    outcome = page.evaluate("""() => fetch("http://198.51.100.7/tiles/0/0/0.png")
        .then(() => "answered", () => "refused")""")
    assert outcome == "refused"
    assert page.problems[0] == "request left 127.0.0.1: http://198.51.100.7/tiles/0/0/0.png"
    page.problems.clear()


def test_every_page_of_the_menu_loads_from_this_server_only(page):
    page.goto("/")
    page.wait_for_selector("main h1")
    links = page.eval_on_selector_all("header nav a", "els => els.map(a => a.getAttribute('href'))")
    assert len(links) >= 4
    for href in links:
        page.goto("/" + href)
        page.wait_for_selector("main h1")
        page.wait_for_load_state("networkidle")
    assert page.problems == []
