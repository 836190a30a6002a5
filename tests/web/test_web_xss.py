"""Document text is untrusted: an article carrying script and onerror payloads in its text,
title and outlet is shown as text on every page that shows it, and nothing in it runs."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect
from web_corpus import KH

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
BYPASS_CSP = True  # the escaping alone must hold: the page's CSP would block inline handlers anyway
TITLE = f"Rockets for the militias {SCRIPT} {IMG}"
SOURCE = f"channel{IMG}"
TEXT = (f"Iran armed Kata'ib Hezbollah with rockets, a militia channel said in a post headed {SCRIPT}. "
        f"Kata'ib Hezbollah attacked a US base near Erbil in March 2020, according to a statement signed {IMG}. "
        "The attack damaged two hangars.")


@pytest.fixture(scope="module")
def doc_id(server, browser):
    context = browser.new_context(base_url=server)
    answer = context.request.post("/api/documents", data={"text": TEXT, "title": TITLE, "source": SOURCE,
                                                          "published": "2020-03-12", "url": "javascript:window.__pwned=1"})
    assert answer.status == 201, answer.text()
    body = answer.json()
    context.close()
    assert body["claims"] >= 2
    return body["id"]


def assert_inert(page):
    """Nothing ran, no element came from the payload, only the app's own scripts are in the page
    (cytoscape and its fcose layout with the two libraries it is built on, then the app)."""
    page.wait_for_timeout(300)  # an injected <img> would fail to load and fire onerror by now
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert page.evaluate("() => [...document.scripts].map(s => new URL(s.src).pathname)") == [
        "/static/vendor/cytoscape.min.js", "/static/vendor/layout-base.js", "/static/vendor/cose-base.js",
        "/static/vendor/cytoscape-fcose.js", "/static/app.js"]


def test_document_view_shows_the_payload_as_text(page, doc_id, tmp_path):
    page.goto(f"/#/doc/{doc_id}")
    expect(page.locator(".doc-title")).to_have_text(TITLE)
    expect(page.locator(".doc-text")).to_contain_text(SCRIPT)
    expect(page.locator(".doc-text")).to_contain_text(IMG)
    expect(page.locator(".meta .outlet")).to_have_text(SOURCE)
    link = page.locator("a.doc-url")
    expect(link).to_have_text("javascript:window.__pwned=1")
    assert link.get_attribute("href") == "#"  # shown, never followed
    link.click()
    page.screenshot(path=str(tmp_path / "document.png"))
    assert_inert(page)


def test_claim_views_show_the_payload_as_text(page, doc_id):
    page.goto(f"/#/doc/{doc_id}")
    claims = page.locator(".doc-claim a.open-claim")
    expect(claims.first).to_be_visible()
    hrefs = [claims.nth(i).get_attribute("href") for i in range(claims.count())]
    assert len(hrefs) >= 2
    quoted = []
    for href in hrefs:
        page.goto("/" + href)
        evidence = page.locator(".evidence", has_text=TITLE)
        expect(evidence.first).to_be_visible()
        quoted.append(evidence.first.locator("blockquote").inner_text())
        expect(evidence.first.locator(".outlet")).to_have_text(SOURCE)
        assert_inert(page)
    assert any(SCRIPT in q for q in quoted) and any(IMG in q for q in quoted)


def test_lists_search_and_network_show_the_payload_as_text(page, doc_id):
    page.goto("/")
    expect(page.locator(".recent")).to_contain_text(TITLE)
    assert_inert(page)
    page.goto("/#/docs")
    expect(page.locator(".docs-table")).to_contain_text(TITLE)
    expect(page.locator(".docs-table")).to_contain_text(SOURCE)
    assert_inert(page)
    page.goto("/#/search?q=Erbil")
    expect(page.locator(".doc-results")).to_contain_text(TITLE)
    assert_inert(page)
    page.goto(f"/#/actor/{KH}")
    page.wait_for_function("() => window.cy && typeof window.cy.edges === 'function' && window.cy.edges().length > 0")
    expect(page.locator(".documents")).to_contain_text(TITLE)
    edge = page.evaluate("""() => {
        const e = window.cy.edges().filter(e => e.data('predicate') === 'ASSAULT' && e.data('modality') === 'reported')[0];
        const p = e.renderedMidpoint(), box = window.cy.container().getBoundingClientRect();
        return {x: box.left + p.x, y: box.top + p.y};
    }""")
    page.mouse.click(edge["x"], edge["y"])
    expect(page.locator("#network-panel blockquote", has_text=IMG)).to_have_count(1)
    assert_inert(page)



def test_review_queue_and_audit_log_show_the_payload_as_text(page, doc_id):
    """A claim of the payload's document rejected with a payload for a reason: the Rejected tab
    (its sentence, the reason) and the audit log show both as text."""
    doc = page.request.get(f"/api/documents/{doc_id}").json()
    claim = next(c["claim"] for c in doc["claims"] if c["predicate"] == "ASSAULT")
    answer = page.request.post(f"/api/claims/{claim}/review",
                               data={"verdict": "reject", "reason": f"because {IMG}", "analyst": f"x{SCRIPT}"})
    assert answer.status == 200, answer.text()
    page.goto("/#/review?queue=rejected")
    item = page.locator(f".rejected-item[data-claim='{claim}']")
    expect(item).to_contain_text(IMG)
    expect(item).to_contain_text("Erbil")
    expect(page.locator(".audit")).to_contain_text(SCRIPT)
    assert_inert(page)
