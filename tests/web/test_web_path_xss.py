"""The path finder and the network's SVG show hostile document text as text: a sentence carrying
script and onerror payloads on a hop of the path is quoted as written, and nothing in it runs."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import expect
from web_corpus import KH

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
BYPASS_CSP = True  # the escaping alone must hold
TITLE = f"Shipments to the militia {IMG}"
TEXT = (f"Iran funds Kata'ib Hezbollah, a channel of the group claimed in a post headed {SCRIPT} {IMG}. "
        "The money was carried across the border in cash.")


@pytest.fixture(scope="module")
def doc_id(server, browser):
    context = browser.new_context(base_url=server)
    answer = context.request.post("/api/documents", data={"text": TEXT, "title": TITLE, "source": f"chan{IMG}",
                                                          "published": "2020-04-02"})
    assert answer.status == 201, answer.text()
    doc = answer.json()["id"]
    context.close()
    return doc


def inert(page):
    page.wait_for_timeout(300)
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator("main img").count() == 0


def test_a_hostile_sentence_on_a_path_is_quoted_as_text(page, doc_id):
    page.goto(f"/#/path?from=Iran&to={KH}&k=5")
    expect(page.locator(".path-item").first).to_be_visible()
    quoted = page.locator(".path-claim blockquote", has_text=SCRIPT)
    expect(quoted.first).to_be_visible()
    assert IMG in quoted.first.inner_text()
    expect(page.locator(".path-claim .doc-link", has_text=TITLE).first).to_be_visible()
    inert(page)


def test_the_network_svg_holds_no_markup_from_the_store(page, doc_id, tmp_path):
    page.goto(f"/#/actor/{KH}")
    page.wait_for_function("() => window.cy && window.cy.nodes().length > 1 && window.cy.scratch('shown')")
    with page.expect_download() as svg:
        page.click("button.save-svg")
    root = ET.parse(svg.value.path()).getroot()
    tags = {el.tag.split("}")[1] for el in root.iter()}
    assert tags <= {"svg", "title", "rect", "g", "path", "line", "polygon", "ellipse", "text", "tspan"}
    inert(page)
