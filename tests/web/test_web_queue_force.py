"""The review page asks before it forces: a merge the API refuses (two states) is made only by a
"Merge anyway" button after the reason is shown; another analyst's undo is redone only by "Redo it
anyway"; undo and redo send the id their preview showed, so an action that landed in between is
refused, not taken back in its place."""
from __future__ import annotations

from playwright.sync_api import expect


def open_review(page, name: str):
    page.goto("/#/review")
    page.fill("#analyst-name", name)
    page.press("#analyst-name", "Tab")
    expect(page.locator("#undo-preview")).not_to_be_empty()
    expect(page.locator("#undo-preview")).not_to_contain_text("Loading")


def refused_requests(page, status: int) -> int:
    """Take out of the page's problems the console lines of the refusals the test asked for (the
    browser logs each 4xx answer as an error); how many there were."""
    mine = [p for p in page.problems if f"status of {status}" in p]
    page.problems[:] = [p for p in page.problems if p not in mine]
    return len(mine)


def pick(page, field: str, entity: str):
    page.fill(f"#{field}", entity)
    page.locator(f"#{field} ~ .picker-results li", has_text=entity).first.locator("button").click()
    expect(page.locator(f"#{field} ~ .picked")).to_contain_text(entity)


def two_claims(page) -> list[str]:
    rows = page.request.get("/api/claims", params={"limit": 2}).json()["items"]
    return [r["claim"] for r in rows]


def test_a_refused_merge_is_made_only_by_merge_anyway(demo_page):
    page = demo_page
    open_review(page, "maria")
    pick(page, "merge-a", "ent-irn")
    pick(page, "merge-b", "ent-irq")
    page.fill(".merge-form input[name=reason]", "one state in this corpus")
    page.click(".merge-form button[type=submit]")
    status = page.locator(".review-status")
    expect(status.locator(".error")).to_contain_text("send force: true to merge them anyway")
    assert page.request.get("/api/audit", params={"limit": 1}).json()["items"][0]["action"] != "merge"
    status.locator("button.merge-force").click()
    expect(status).to_contain_text("Merged: the two are one actor")
    last = page.request.get("/api/audit", params={"limit": 1}).json()["items"][0]
    assert last["action"] == "merge" and last["actor"] == "maria"
    assert {last["payload"]["left_id"], last["payload"]["right_id"]} == {"ent-irn", "ent-irq"}
    assert refused_requests(page, 409) == 1
    page.click("#undo-last")  # leave the two states apart for the next tests
    expect(status).to_contain_text("Undone: the merge")


def test_another_analysts_undo_is_redone_only_by_redo_it_anyway(demo_page):
    page = demo_page
    claim = two_claims(page)[0]
    assert page.request.post(f"/api/claims/{claim}/review", data={"verdict": "reject", "analyst": "maria"}).ok
    undo = page.request.post("/api/undo", data={"analyst": "maria"}).json()
    open_review(page, "omar")
    expect(page.locator("#redo-preview")).to_contain_text(f"#{undo['id']}")
    expect(page.locator("#redo-preview .warning")).to_contain_text("not yours (omar)")
    expect(page.locator("#redo-last")).to_be_disabled()
    expect(page.locator("#redo-force")).to_be_visible()
    expect(page.locator("#redo-force")).to_have_text("Redo it anyway")
    page.click("#redo-force")
    expect(page.locator(".review-status")).to_contain_text("Redone")
    last = page.request.get("/api/audit", params={"limit": 1}).json()["items"][0]
    assert last["action"] == "redo" and last["actor"] == "omar" and last["payload"]["redoes"] == undo["id"]
    expect(page.locator("#redo-force")).to_be_hidden()


def test_undo_refuses_an_action_that_landed_after_the_preview(demo_page):
    page = demo_page
    first, second = two_claims(page)
    assert page.request.post(f"/api/claims/{first}/review", data={"verdict": "reject", "analyst": "maria"}).ok
    open_review(page, "maria")
    shown = page.request.get("/api/undo/preview", params={"analyst": "maria"}).json()["undo"]["id"]
    expect(page.locator("#undo-preview")).to_contain_text(f"#{shown} (reject by maria")
    landed = page.request.post(f"/api/claims/{second}/review", data={"verdict": "confirm", "analyst": "maria"}).json()
    page.click("#undo-last")  # the page still shows the reject
    status = page.locator(".review-status")
    expect(status.locator(".error")).to_contain_text(f"the last action is now #{landed['id']} (confirm by maria")
    last = page.request.get("/api/audit", params={"limit": 1}).json()["items"][0]
    assert last["id"] == landed["id"] and last["action"] == "confirm"  # nothing undone
    assert refused_requests(page, 409) == 1
    expect(page.locator("#undo-preview")).to_contain_text(f"#{landed['id']} (confirm by maria")  # the preview afresh
    page.click("#undo-last")
    expect(status).to_contain_text("Undone: the confirm")
    assert page.request.get("/api/audit", params={"limit": 1}).json()["items"][0]["payload"]["undoes"] == landed["id"]
