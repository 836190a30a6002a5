"""The events page shows untrusted text (evidence sentences, titles) as text: a document carrying
script and onerror payloads is listed, drawn on the timeline and downloaded, and nothing in it
runs. Without the page's CSP, so that what holds, holds by escaping alone."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

BYPASS_CSP = True
IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=1</script>"
TEXT = (f"Kata'ib Hezbollah attacked a US base near Erbil in March 2020, a statement headed {SCRIPT} said. "
        f"If Iran strikes Israel, Israel will attack Iran, warned a channel signing {IMG}.")


@pytest.fixture(scope="module")
def posted(server, browser):
    context = browser.new_context(base_url=server)
    answer = context.request.post("/api/documents", data={"text": TEXT, "title": f"Erbil {IMG}",
                                                          "source": f"chan{SCRIPT}", "published": "2020-03-20"})
    assert answer.status == 201, answer.text()
    context.close()


def test_the_events_page_shows_payloads_as_text(page, posted):
    page.goto("/#/events?place=Erbil")
    row = page.locator("#events-table tr.event-row").first
    expect(row).to_contain_text("ASSAULT")
    assert SCRIPT in row.locator("td").last.locator("a").get_attribute("title")
    page.goto("/#/events?status=hypothetical")
    expect(page.locator("#events-table tr.event-row").first).to_be_visible()
    titles = page.locator("#events-table tr.event-row td:last-child a").evaluate_all("as => as.map(a => a.title)")
    assert any(IMG in t for t in titles)
    expect(page.locator("svg.timeline-svg a.tl-mark").first).to_be_attached()
    page.wait_for_timeout(300)  # an injected <img> would have failed to load and fired onerror by now
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == page.locator("#events-map img").count()  # only map tiles/icons, if any
    assert page.evaluate("() => [...document.scripts].every(s => new URL(s.src).pathname.startsWith('/static/'))")
