"""The web app in a real browser, on the real server over a store read from `web_corpus`:
search under another spelling, the actor's network, an edge's evidence, reject and undo."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from playwright.sync_api import expect
from web_corpus import KH, MUHANDIS, QUDS_FORCE, SOLEIMANI

# `make screenshots` sets this to docs/screenshots (the README's pictures); tests alone leave the tree alone
SCREENSHOTS = os.environ.get("CLAIMGRAPH_SCREENSHOTS")

EDGE_POINT = """(id) => {
  const edge = window.cy.getElementById(id);
  if (!edge.length) return null;
  const p = edge.renderedMidpoint();
  const box = window.cy.container().getBoundingClientRect();
  return {x: box.left + p.x, y: box.top + p.y};
}"""


def edge_ids(page, source, target, predicate):
    return page.evaluate(
        "([s, t, p]) => window.cy.edges().filter(e => e.data('source') === s && e.data('target') === t"
        " && e.data('predicate') === p).map(e => e.id())", [source, target, predicate])


def wait_for_network(page):
    page.wait_for_function("() => window.cy && typeof window.cy.nodes === 'function' && window.cy.nodes().length > 1")


def test_home_explains_the_graph_to_a_newcomer(page):
    page.goto("/")
    expect(page.locator("main h1")).to_contain_text("Who did what to whom")
    home = page.locator("main")
    # what the line styles mean and what the grades mean, without the README
    for words in ("dashed", "dotted", "red", "usually reliable", "probably true", "cannot be judged"):
        expect(home).to_contain_text(words)
    expect(page.locator(".grade-table").first.locator("tr")).to_have_count(6)
    expect(page.locator(".grade-table").nth(1).locator("tr")).to_have_count(6)
    expect(page.locator(".summary")).to_contain_text("3 documents")
    expect(page.locator(".central-list li").first).to_be_visible()


def test_search_network_evidence_reject_and_undo(page, tmp_path):
    page.goto("/")
    page.fill("#search-input", "Suleimani")  # the texts spell him "Qassem Soleimani"
    page.press("#search-input", "Enter")
    result = page.locator(".actor-result a.actor", has_text="Qassem Soleimani")
    expect(result).to_be_visible()
    result.click()
    expect(page.locator(".actor-head h1")).to_have_text("Qassem Soleimani")
    wait_for_network(page)

    nodes = page.evaluate("window.cy.nodes().map(n => [n.id(), n.data('name'), n.style('shape')])")
    ids = {n[0] for n in nodes}
    assert {SOLEIMANI, QUDS_FORCE, MUHANDIS} <= ids
    shapes = {n[0]: n[2] for n in nodes}
    assert shapes[SOLEIMANI] == "ellipse" and shapes[QUDS_FORCE] == "round-rectangle"
    assert page.evaluate(f"window.cy.getElementById('{SOLEIMANI}').hasClass('center')")
    page.screenshot(path=str(tmp_path / "network.png"))

    [leads] = edge_ids(page, SOLEIMANI, QUDS_FORCE, "leads")
    style = page.evaluate("(id) => { const e = window.cy.getElementById(id);"
                          " return [e.style('line-style'), e.data('independent'), e.numericStyle('width')]; }", leads)
    assert style[0] == "solid" and style[1] == 2  # read in two documents of two outlets
    point = page.evaluate(EDGE_POINT, leads)
    page.mouse.click(point["x"], point["y"])
    panel = page.locator("#network-panel")
    expect(panel.locator("h3")).to_contain_text("leads")
    expect(panel.locator("blockquote").first).to_contain_text("Qassem Soleimani")
    expect(panel.locator("blockquote", has_text="leads the Quds Force")).to_have_count(1)
    expect(panel.locator(".hl-actor", has_text="Quds Force").first).to_be_visible()
    expect(panel.locator(".evidence-source").first).to_contain_text("2019")
    page.screenshot(path=str(tmp_path / "evidence.png"))

    panel.locator("button.reject").click()
    expect(panel.locator(".verdict-status")).to_contain_text("Rejected")
    page.wait_for_function("(id) => window.cy.nodes().length && window.cy.getElementById(id).length === 0", arg=leads)
    assert QUDS_FORCE not in page.evaluate("window.cy.nodes().map(n => n.id())")  # its only tie to him is gone
    expect(page.locator(".relations")).not_to_contain_text("Quds Force")

    panel.locator("button.undo").click()
    expect(panel.locator(".verdict-status")).to_contain_text("Undone")
    page.wait_for_function("(id) => window.cy.getElementById(id).length === 1", arg=leads)
    expect(page.locator(".relations")).to_contain_text("Quds Force")

    page.goto("/#/review")
    log = page.locator(".audit-table tbody")
    expect(log.locator("tr")).to_have_count(2)
    expect(log).to_contain_text("reject")
    expect(log).to_contain_text("undo")


def test_filters_depth_and_modality_styles(page):
    page.goto(f"/#/actor/{SOLEIMANI}")
    wait_for_network(page)
    assert KH not in page.evaluate("window.cy.nodes().map(n => n.id())")
    page.select_option("select[name=depth]", "2")
    page.wait_for_function("(id) => window.cy.getElementById(id).length === 1", arg=KH)
    assert page.evaluate(f"window.cy.getElementById('{KH}').data('distance')") == 2
    [trains] = edge_ids(page, QUDS_FORCE, KH, "trains")  # "According to US officials, ..."
    assert page.evaluate(f"window.cy.getElementById('{trains}').style('line-style')") == "dashed"
    assert "depth=2" in page.url  # the filters are in the address, to share or reload
    point = page.evaluate(EDGE_POINT, trains)
    page.mouse.click(point["x"], point["y"])
    expect(page.locator("#network-panel .hl-modality")).to_have_text("According")

    page.uncheck("input[name=modality][value=reported]")
    page.wait_for_function("(id) => window.cy.getElementById(id).length === 0", arg=trains)
    assert edge_ids(page, MUHANDIS, KH, "leads")  # asserted claims stay
    page.check("input[name=modality][value=reported]")
    page.fill("input[name=min_independent]", "2")
    page.wait_for_function("() => window.cy.edges().length === 1")
    assert page.evaluate("window.cy.edges().map(e => e.data('predicate'))") == ["leads"]


def test_contested_claims_are_red_and_negations_end_in_a_bar(page, tmp_path):
    page.goto(f"/#/actor/{KH}")
    wait_for_network(page)
    arms = page.evaluate("window.cy.edges().filter(e => e.data('predicate') === 'arms')"
                         ".map(e => [e.data('modality'), e.style('line-color'), e.style('target-arrow-shape'), e.id()])")
    assert sorted(a[:3] for a in arms) == [["asserted", "rgb(214,39,40)", "triangle"], ["negated", "rgb(214,39,40)", "tee"]]
    other = page.evaluate("window.cy.edges().filter(e => e.data('predicate') === 'leads').map(e => e.style('line-color'))")
    assert other and "rgb(214,39,40)" not in other

    [denial] = [a[3] for a in arms if a[0] == "negated"]  # the README's picture: a denial and its evidence
    point = page.evaluate(EDGE_POINT, denial)
    page.mouse.click(point["x"], point["y"])
    panel = page.locator("#network-panel")
    expect(panel.locator("blockquote")).to_have_text("Tehran denied arming Kata'ib Hezbollah.")
    expect(panel.locator(".hl-modality")).to_have_text("denied")
    expect(panel.locator(".badges")).to_contain_text("contested")
    page.locator("section.network").screenshot(path=str(tmp_path / "network.png"))
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        shutil.copy(tmp_path / "network.png", Path(SCREENSHOTS) / "network.png")


def test_actor_page_dossier_relations_and_timeline(page):
    page.goto(f"/#/actor/{SOLEIMANI}")
    expect(page.locator(".alias-list")).to_contain_text("Suleimani")
    relations = page.locator(".relations")
    expect(relations.locator("tr", has_text="Quds Force")).to_contain_text("leads")
    expect(page.locator(".timeline-list")).to_contain_text("CONSULT")
    expect(page.locator(".timeline-list")).to_contain_text("Abu Mahdi al-Muhandis")
    expect(page.locator(".timeline-list .when").first).to_have_text("2019-10-01 \u2013 2019-10-31")
    page.locator(".timeline-list a", has_text="evidence").first.click()
    expect(page.locator(".claim-title")).to_contain_text("CONSULT")
    expect(page.locator(".evidence blockquote")).to_contain_text("met Abu Mahdi al-Muhandis in Baghdad")
    expect(page.locator(".evidence .hl-cue", has_text="met")).to_have_count(1)
    expect(page.locator(".facts-list")).to_contain_text("F3")  # an unrated outlet, one source


def test_evidence_view_document_view_and_confirm(page):
    page.goto(f"/#/actor/{KH}")
    # the Quds Force both funds and trains KH: open the training, the reported one
    page.locator(".relations tr", has_text="Quds Force").filter(has_text="trains").locator("a", has_text="sentence").click()
    expect(page.locator(".claim-title")).to_contain_text("trains")
    expect(page.locator(".badges .modality")).to_have_text("reported")
    cue = page.locator(".evidence .hl-modality")
    expect(cue).to_have_text("According")
    page.locator(".verdict button.confirm").click()
    expect(page.locator(".review-state")).to_have_text("confirmed")
    page.locator(".evidence a.doc-link").click()
    expect(page.locator(".doc-title")).to_have_text("The general behind Iraq's militias")
    expect(page.locator(".doc-text .mention-person", has_text="Qassem Soleimani")).to_have_count(1)
    markers = page.locator(".doc-text .marker")
    assert markers.count() >= 3
    claims = page.locator(".doc-claim-list")
    expect(claims).to_contain_text("trains")
    expect(claims.locator(".doc-claim", has_text="trains").locator(".review-confirmed")).to_have_count(1)


def test_offsets_are_code_points(page):
    page.goto("/")
    pieces = page.evaluate("""async () => {
        const {segments} = await import('/static/js/dom.js');
        return segments('a\\u{1F600}b c', [1, 2, 3]).map(s => s.text);
    }""")
    assert pieces == ["a", "\U0001F600", "b", " c"]
