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
