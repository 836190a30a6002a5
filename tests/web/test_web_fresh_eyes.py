"""Bugs a fresh-eyes review of issue 14 found in the web pages, on the demo store: each test
failed before its fix."""
from __future__ import annotations

from playwright.sync_api import expect


def test_a_misspelt_name_in_the_path_finder_is_offered_not_picked(demo_page):
    """/api/actors?q= answers a name only spelt like an actor's with that actor marked
    near: "spelling": the path finder asks "did you mean", it does not look for paths from it."""
    page = demo_page
    answer = page.request.get("/api/actors", params={"q": "Kataib Hizbalah"}).json()
    assert answer.get("near") == "spelling" and len(answer["items"]) == 1  # one candidate, not a pick
    page.goto("/#/path?from=Kataib%20Hizbalah&to=Ali%20Khamenei")
    choose = page.locator(".choose")
    expect(choose).to_contain_text("No actor is called \u201cKataib Hizbalah\u201d (the first actor). Did you mean")
    expect(page.locator(".path-item")).to_have_count(0)
    choose.locator("a", has_text="Kata'ib Hizballah").click()
    expect(page.locator(".path-item").first).to_be_visible()
    expect(page.locator("#path-from")).to_have_value("Kata'ib Hizballah")
    assert "from=ent-kataib-hizballah" in page.url


def test_an_events_page_past_the_last_says_so(demo_page):
    """An offset past the last event (an old link, a store that shrank) read "showing 901–900" and
    "page 19 of 2"; it says there is nothing there, and "previous" leads to the last page."""
    page = demo_page
    total = page.request.get("/api/events", params={"limit": 1}).json()["total"]
    assert 50 < total < 900
    page.goto("/#/events?offset=900")
    summary = page.locator(".events-summary")
    expect(summary).to_have_text(f"{total} events; none from 901: past the last page.")
    last = -(-total // 50)  # pages of 50
    expect(page.locator(".events-pager")).to_contain_text(f"past page {last}, the last")
    page.locator(".events-pager a[rel=prev]").click()
    expect(summary).to_have_text(f"{total} events; showing {(last - 1) * 50 + 1}\u2013{total}.")
