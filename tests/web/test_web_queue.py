"""The review queue in a browser, on the demo store: items of each queue taken through confirm,
correct and reject with a reason and the analyst's name; the audit log names the analyst and the
actors; a rejected claim restored from the Rejected tab; undo after its preview, redo; another
analyst's action is not undone without saying so; a merge candidate judged "not the same"."""
from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.sync_api import expect



def reading(row: dict, predicate: str) -> str:
    """How the audit log and the reading box word a claim: "Subject PREDICATE Object"."""
    return " ".join(x for x in (row["subject"]["name"], predicate, (row.get("object") or {}).get("name")) if x)


def open_review(page, name: str):
    page.goto("/#/review")
    page.fill("#analyst-name", name)
    page.press("#analyst-name", "Tab")  # the name is kept (localStorage) and the previews reloaded
    expect(page.locator("#undo-preview")).not_to_be_empty()


def tab(page, kind: str):
    page.click(f".queue-tab[data-kind={kind}]")
    expect(page.locator(f".queue-tab[data-kind={kind}]")).to_have_class(re.compile("current"))
    expect(page.locator(".queue .muted").first).not_to_contain_text("Loading")


def last_entry(page):
    return page.locator(".audit-table tbody tr").first


def test_confirm_correct_reject_restore_undo_redo(demo_page):
    page = demo_page
    open_review(page, "maria")
    expect(page.locator(".queue-tab[data-kind=contested] .count")).to_have_text("2")

    tab(page, "contested")
    item = page.locator(".claim-item").first
    expect(item.locator(".why")).to_contain_text("contradicted")
    claim = item.get_attribute("data-claim")
    item.locator(".item-actions > input[name=reason]").fill("both readings are in the text")
    item.locator("button.confirm").click()
    expect(page.locator(".review-status")).to_contain_text("Confirmed")
    expect(page.locator(".queue-tab[data-kind=contested] .count")).to_have_text("1")
    expect(page.locator(f".claim-item[data-claim={claim}]")).to_have_count(0)  # decided: out of the queue
    expect(last_entry(page).locator("td.who")).to_have_text("maria")
    expect(last_entry(page)).to_contain_text(f"confirmed the claim \u201cIran ASSAULT")

    tab(page, "surface")
    item = page.locator(".claim-item").first
    expect(item.locator(".why")).to_contain_text("surface fallback rule surface:")
    fallback = item.get_attribute("data-claim")
    row = page.request.get(f"/api/claims/{fallback}").json()
    was = row["predicate"]
    if row["kind"] == "event":
        now = "CONSULT" if was != "CONSULT" else "COOPERATE"
    else:
        now = "supports" if was != "supports" else "opposes"
    item.locator(".correct-box summary").click()
    item.locator("select.correct-predicate").select_option(now)
    item.locator(".correct-form input[name=reason]").fill("the text says otherwise")
    item.locator("button.correct").click()
    expect(page.locator(".review-status")).to_contain_text("Corrected")
    expect(last_entry(page).locator("td.who")).to_have_text("maria")
    expect(last_entry(page)).to_contain_text(f"{reading(row, was)} \u2192 {reading(row, now)}")
    answer = page.request.get("/api/claims", params={"predicate": now, "limit": 500}).json()
    assert fallback in [r["claim"] for r in answer["items"]]  # the queries read the analyst's reading
    assert fallback not in [r["claim"] for r in page.request.get(
        "/api/claims", params={"predicate": was, "limit": 500}).json()["items"]]
    page.goto(f"/#/claim/{fallback}")
    expect(page.locator(".claim-title")).to_contain_text(now)
    expect(page.locator(".reading-box .analyst-reading")).to_contain_text(reading(row, now))
    expect(page.locator(".reading-box .analyst-reading .who")).to_have_text("maria")
    expect(page.locator(".reading-box .machine-reading")).to_contain_text(reading(row, was))

    open_review(page, "maria")
    tab(page, "single_source")
    item = page.locator(".claim-item").first
    rejected = item.get_attribute("data-claim")
    subject = item.locator(".claim-line a").first.inner_text()
    item.locator(".item-actions > input[name=reason]").fill("misread")
    item.locator("button.reject").click()
    expect(page.locator(".review-status")).to_contain_text("Rejected")
    expect(last_entry(page)).to_contain_text(f"rejected the claim \u201c{subject}")
    assert page.request.get(f"/api/claims/{rejected}").status == 404
    expect(page.locator(".queue-tab[data-kind=rejected] .count")).to_have_text("1")

    tab(page, "rejected")
    item = page.locator(f".rejected-item[data-claim={rejected}]")
    expect(item.locator(".why")).to_contain_text("Rejected by maria")
    expect(item.locator(".why")).to_contain_text("misread")
    item.locator("button.restore").click()
    expect(page.locator(".review-status")).to_contain_text("Restored")
    expect(last_entry(page)).to_contain_text("restore")
    expect(last_entry(page)).to_contain_text(f"restored the claim \u201c{subject}")
    assert page.request.get(f"/api/claims/{rejected}").status == 200

    # undo: what it will take back is on the page before the click
    expect(page.locator("#undo-preview")).to_contain_text("restore by maria")
    expect(page.locator("#undo-preview")).to_contain_text(f"restored the claim \u201c{subject}")
    page.click("#undo-last")
    expect(page.locator(".review-status")).to_contain_text("Undone: the restore")
    assert page.request.get(f"/api/claims/{rejected}").status == 404
    expect(page.locator("#redo-preview")).to_contain_text("restore by maria")
    expect(page.locator("#undo-preview")).to_contain_text("reject by maria")
    page.click("#redo-last")
    expect(page.locator(".review-status")).to_contain_text("Redone")
    assert page.request.get(f"/api/claims/{rejected}").status == 200
    expect(page.locator("#redo-preview")).to_contain_text("Nothing to redo")
    if os.environ.get("CLAIMGRAPH_SCREENSHOTS"):
        tab(page, "candidates")
        page.screenshot(path=str(Path(os.environ["CLAIMGRAPH_SCREENSHOTS"]) / "review.png"), full_page=True)


def test_another_analysts_action_needs_saying_so_and_a_pair_is_judged(demo_page):
    page = demo_page
    open_review(page, "maria")
    tab(page, "candidates")
    pair = page.locator(".pair-item").first
    left, right = pair.get_attribute("data-left"), pair.get_attribute("data-right")
    names = pair.locator(".entity-card .actor-link, .entity-card a").first.inner_text()
    expect(pair.locator(".why")).to_contain_text("score 0.")
    expect(pair.locator(".entity-card blockquote mark").first).not_to_be_empty()
    pair.locator(".item-actions > input[name=reason]").fill("two people")
    pair.locator("button.distinct").click()
    expect(page.locator(".review-status")).to_contain_text("Not the same")
    expect(page.locator(f".pair-item[data-left={left}][data-right={right}]")).to_have_count(0)
    expect(last_entry(page)).to_contain_text(f"judged {names}")
    expect(last_entry(page)).to_contain_text("two actors")

    open_review(page, "omar")  # the last action is maria's
    expect(page.locator("#undo-preview")).to_contain_text("distinct by maria")
    expect(page.locator("#undo-preview .warning")).to_contain_text("not yours (omar)")
    expect(page.locator("#undo-last")).to_be_disabled()
    refused = page.request.post("/api/undo", data={"analyst": "omar"})
    assert refused.status == 409 and refused.json()["undo"]["actor"] == "maria"
    page.click("#undo-force")
    expect(page.locator(".review-status")).to_contain_text("Undone: the distinct")
    expect(last_entry(page).locator("td.who")).to_have_text("omar")
    expect(last_entry(page)).to_contain_text("(distinct by maria)")
    expect(page.locator(f".pair-item[data-left={left}][data-right={right}]")).to_have_count(1)  # back in the queue
