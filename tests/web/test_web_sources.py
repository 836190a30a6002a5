"""The sources page (#/sources) on the demo store: each outlet once whatever its spellings, an
analyst's grade set with a reason in the page, then seen in the table, in the audit log and on a
claim of that outlet."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from playwright.sync_api import expect

SCREENSHOTS = os.environ.get("CLAIMGRAPH_SCREENSHOTS")


def test_outlets_once_whatever_their_spelling(demo_page):
    page = demo_page
    page.goto("/#/sources")
    rows = page.locator("tr.outlet-row")
    expect(rows.first).to_be_visible()
    listed = page.request.get("/api/sources").json()["items"]
    assert rows.count() == len(listed)
    wire = page.locator('tr.outlet-row[data-key="meridianwire"]')
    expect(wire).to_have_count(1)
    expect(wire.locator(".spellings")).to_contain_text("Meridian Wire")
    [row] = [r for r in listed if r["key"] == "meridianwire"]
    assert row["documents"] == 3 and sorted(row["spellings"]) == ["Meridian Wire", "meridianwire"]
    expect(wire.locator("td.num").first).to_have_text("3")
    treasury = page.locator('tr.outlet-row[data-key="usdepartmentofthetreasury"]')
    expect(treasury.locator("td.origin")).to_contain_text("yaml")


def test_grade_an_outlet_in_the_page_and_see_it_in_the_table_the_audit_log_and_a_claim(demo_page, tmp_path):
    page = demo_page
    # a claim of a Meridian Wire story graded F by its outlet now (no better rated source behind it)
    docs = page.request.get("/api/documents?source=Meridian%20Wire").json()["items"]
    assert len(docs) == 3  # any spelling of the outlet
    latest = page.request.get(f"/api/documents/{docs[0]['id']}").json()
    before = [c for c in latest["claims"] if c["admiralty"].startswith("F") and c["modality"] != "negated"]
    assert before, [c["admiralty"] for c in latest["claims"]]
    claim = before[0]

    page.goto("/#/sources")
    wire = page.locator('tr.outlet-row[data-key="meridianwire"]')
    wire.locator("button.edit-grade").click()
    form = page.locator("form.grade-form")
    expect(page.locator(f'.outlet-claim-list li[data-claim="{claim["claim"]}"] .grade')).to_have_text(claim["admiralty"])
    form.locator('select[name="reliability"]').select_option("A")
    form.locator('input[name="reason"]').fill("three years of wire copy checked against court records")
    form.locator('input[name="analyst"]').fill("Rana")
    form.locator('button[type="submit"]').click()

    expect(page.locator(".sources-status")).to_contain_text("meridianwire is now A (was F")
    wire = page.locator('tr.outlet-row[data-key="meridianwire"]')
    expect(wire.locator(".badge.reliability")).to_have_text("A")
    expect(wire.locator("td.origin")).to_contain_text("analyst")
    expect(wire.locator("td.origin")).to_contain_text("by Rana; without it F")
    expect(wire.locator("td.reason")).to_have_text("three years of wire copy checked against court records")
    regraded = "A" + claim["admiralty"][1:]
    item = page.locator(f'.outlet-claim-list li[data-claim="{claim["claim"]}"]')
    expect(item.locator(".grade")).to_have_text(regraded)  # the form stays open on the regraded claims
    if SCREENSHOTS:
        page.screenshot(path=str(tmp_path / "sources.png"), full_page=True)
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        shutil.copy(tmp_path / "sources.png", Path(SCREENSHOTS) / "sources.png")

    # the audit log: the outlet, the old and new grade, the reason and the analyst
    [entry] = [e for e in page.request.get("/api/audit").json()["items"] if e["action"] == "reliability"]
    assert entry["actor"] == "Rana"
    assert {k: entry["payload"][k] for k in ("outlet", "old", "new", "reason")} == {
        "outlet": "meridianwire", "old": "F", "new": "A", "reason": "three years of wire copy checked against court records"}
    page.goto("/#/review")
    logged = page.locator(".audit tr", has_text="reliability")
    expect(logged.first).to_contain_text("Rana")

    # the claim's own page shows the new grade
    page.goto(f"/#/claim/{claim['claim']}")
    expect(page.locator(".badge.grade").first).to_have_text(regraded)
    assert page.request.get(f"/api/claims/{claim['claim']}").json()["reliability"] == "A"

    # undo on the Review page (Rana's own action, as the page's name says) takes the grade back
    page.goto("/#/review")
    expect(page.locator("#undo-preview")).to_contain_text("meridianwire")
    page.locator("#undo-last").click()
    expect(page.locator(".review-status, [role=status]").first).to_contain_text("reliability")
    page.goto("/#/sources")
    wire = page.locator('tr.outlet-row[data-key="meridianwire"]')
    expect(wire.locator(".badge.reliability")).to_have_text("F")
    expect(wire.locator("td.origin")).to_contain_text("default")
    assert page.request.get(f"/api/claims/{claim['claim']}").json()["admiralty"] == claim["admiralty"]


XSS_IMG = '<img src=x onerror="window.__pwned=1">'
XSS_SOURCE = f"wire{XSS_IMG}"


def test_an_outlet_name_and_a_reason_carrying_markup_are_shown_as_text(page):
    posted = page.request.post("/api/documents", data={
        "text": "Kata'ib Hezbollah fired rockets at a US base near Erbil in May 2021, a wire service said.",
        "title": "Rockets near Erbil", "source": XSS_SOURCE, "published": "2021-05-02"})
    assert posted.status in (200, 201), posted.text()
    page.goto("/#/sources")
    [row] = [r for r in page.request.get("/api/sources").json()["items"] if r["source"] == XSS_SOURCE]
    shown = page.locator(f'tr.outlet-row[data-key="{row["key"]}"]')
    expect(shown.locator("td.outlet-name")).to_have_text(XSS_SOURCE)
    shown.locator("button.edit-grade").click()
    form = page.locator("form.grade-form")
    form.locator('select[name="reliability"]').select_option("D")
    form.locator('input[name="reason"]').fill(f"reposts {XSS_IMG} unchecked")
    form.locator('input[name="analyst"]').fill(f"Sam{XSS_IMG}")
    form.locator('button[type="submit"]').click()
    shown = page.locator(f'tr.outlet-row[data-key="{row["key"]}"]')
    expect(shown.locator("td.reason")).to_have_text(f"reposts {XSS_IMG} unchecked")
    expect(shown.locator("td.origin")).to_contain_text(f"by Sam{XSS_IMG}")
    expect(page.locator(".sources-status")).to_contain_text(XSS_SOURCE)
    page.wait_for_timeout(300)  # an injected <img> would fail to load and fire onerror by now
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
