"""The review page in a browser: merge two actors, split them, undo each; all in the audit log."""
from __future__ import annotations

from playwright.sync_api import expect


def pick(page, picker: str, text: str, name: str | None = None):
    page.fill(f"#{picker}", text)
    page.locator(f"#{picker} ~ .picker-results button", has_text=name or text).click()
    expect(page.locator(f"#{picker} ~ .picked")).to_contain_text(name or text)


def aliases(page, actor: str):
    page.goto(f"/#/actor/{actor}")
    return page.locator(".alias-list, .aliases p")


def test_merge_split_and_undo(page):
    page.goto("/#/review?actor=ent-basra")  # "merge or split this actor…" on the actor page
    expect(page.locator("#merge-a ~ .picked")).to_contain_text("Basra")
    pick(page, "merge-b", "Kirkuk")
    page.fill(".merge-form input[name=reason]", "one city in the test")
    page.locator(".merge-form button[type=submit]").click()
    expect(page.locator(".review-status")).to_contain_text("Merged")
    expect(page.locator(".audit-table tbody tr").first).to_contain_text("merge")
    expect(aliases(page, "ent-basra")).to_contain_text("Kirkuk")

    page.goto("/#/review")
    pick(page, "split-e", "Kirkuk", "Basra")  # one actor now, under either name
    page.locator(".split-form button[type=submit]").click()
    expect(page.locator(".review-status")).to_contain_text("Split")
    expect(aliases(page, "ent-basra")).not_to_contain_text("Kirkuk")

    page.goto("/#/review")
    page.click("#undo-last")
    expect(page.locator(".review-status")).to_contain_text("Undone: the split")
    expect(aliases(page, "ent-basra")).to_contain_text("Kirkuk")
    page.goto("/#/review")
    page.click("#undo-last")
    expect(page.locator(".review-status")).to_contain_text("Undone: the merge")
    rows = page.locator(".audit-table tbody tr")
    expect(rows).to_have_count(4)
    assert [rows.nth(i).locator("td").nth(3).inner_text() for i in range(4)] == ["undo", "undo", "split", "merge"]
    expect(rows.nth(3)).to_contain_text("ent-kirkuk")
    expect(aliases(page, "ent-basra")).not_to_contain_text("Kirkuk")
