"""The network view of the actor page on the demo store: the same picture at each visit (fcose,
seeded), a depth-2 view cut to the strongest ties with labels that do not overlap, node types
shown or hidden, a node expanded, and the picture saved as PNG and SVG and read back."""
from __future__ import annotations

import os
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

from playwright.sync_api import expect

SCREENSHOTS = os.environ.get("CLAIMGRAPH_SCREENSHOTS")
MAX_SHOWN = 40  # js/network.js

POSITIONS = "() => Object.fromEntries(window.cy.nodes().map(n => [n.id(), [Math.round(n.position('x') * 100) / 100, Math.round(n.position('y') * 100) / 100]]))"
LABEL_OVERLAPS = """() => {
  const boxes = window.cy.nodes().filter(n => n.visible()).map(n => [n.id(),
    n.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false})]);
  const out = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, b] = [boxes[i][1], boxes[j][1]];
    if (a.w > 0 && b.w > 0 && a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) out.push([boxes[i][0], boxes[j][0]]);
  }
  return {pairs: out, labelled: boxes.filter(([, b]) => b.w > 0).length};
}"""


def hub(page) -> dict:
    """The actor with the most ties in the store (found through the API)."""
    return page.request.get("/api/rank?metric=degree&limit=1").json()["items"][0]


def open_network(page, actor_id: str, depth: int = 1):
    page.goto(f"/#/actor/{actor_id}" + (f"?depth={depth}" if depth > 1 else ""))
    page.wait_for_function("(id) => window.cy && window.cy.getElementById(id).length && window.cy.nodes().length > 1"
                           " && window.cy.scratch('shown')", arg=actor_id)


def save(page, tmp_path, name):
    page.locator("section.network").screenshot(path=str(tmp_path / name))
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        (Path(SCREENSHOTS) / name).write_bytes((tmp_path / name).read_bytes())


def test_the_same_picture_on_each_visit(demo_page):
    page = demo_page
    actor = hub(page)
    open_network(page, actor["id"])
    assert page.evaluate("window.cy.scratch('layout')") == "fcose"
    first = page.evaluate(POSITIONS)
    assert len(first) > 10
    assert len({tuple(p) for p in first.values()}) == len(first)  # laid out, not piled up
    page.goto("/#/")  # away and back in the same page: the layout's generators start again
    expect(page.locator("main h1")).to_be_visible()
    open_network(page, actor["id"])
    assert page.evaluate(POSITIONS) == first
    page.reload()
    open_network(page, actor["id"])
    assert page.evaluate(POSITIONS) == first


def test_depth_two_keeps_the_strongest_ties_and_labels_apart(demo_page, tmp_path):
    page = demo_page
    actor = hub(page)
    answer = page.request.get(f"/api/actors/{actor['id']}/neighbors?depth=2").json()
    assert len(answer["nodes"]) + 1 > MAX_SHOWN  # the store gives more than a readable picture
    open_network(page, actor["id"], depth=2)
    ids = set(page.evaluate("window.cy.nodes().map(n => n.id())"))
    assert len(ids) == MAX_SHOWN
    left_out = len(answer["nodes"]) - (len(ids) - 1)
    expect(page.locator(".network-note")).to_contain_text(f"Showing {len(ids) - 1} of {len(answer['nodes'])} actors")
    expect(page.locator(".network-note")).to_contain_text(f"{left_out} left out")
    # the strongest direct ties (independent sources on the claims to the centre) are all drawn
    strength: dict[str, int] = {}
    for e in answer["edges"]:
        if actor["id"] in (e["source"], e["target"]):
            other = e["target"] if e["source"] == actor["id"] else e["source"]
            strength[other] = strength.get(other, 0) + max(e["independent"], 1)
    strongest = sorted(strength, key=lambda n: -strength[n])[:8]
    assert set(strongest) <= ids
    # every edge drawn joins two actors drawn, and every actor hangs from the centre
    assert page.evaluate("window.cy.edges().every(e => e.source().length && e.target().length)")
    assert page.evaluate("(id) => window.cy.elements().bfs({roots: window.cy.getElementById(id)}).path.nodes().length"
                         " === window.cy.nodes().length", actor["id"])
    overlaps = page.evaluate(LABEL_OVERLAPS)
    assert overlaps["labelled"] == len(ids) and overlaps["pairs"] == []
    save(page, tmp_path, "network-depth2.png")


def test_types_hidden_states_and_places_and_a_node_expanded(demo_page, tmp_path):
    page = demo_page
    actor = hub(page)
    open_network(page, actor["id"])
    types = page.evaluate("window.cy.nodes().map(n => n.data('type'))")
    assert {"person", "country"} <= set(types)
    page.uncheck("input[name=node-type][value=person]")
    hidden = page.evaluate("window.cy.nodes().filter(n => !n.visible()).map(n => n.data('type'))")
    assert hidden and set(hidden) == {"person"}
    assert page.evaluate("window.cy.edges().filter(e => e.visible()).every(e => e.source().data('type') !== 'person'"
                         " && e.target().data('type') !== 'person')")
    page.check("input[name=node-type][value=person]")
    page.check("input[name=hide-states-places]")
    visible = page.evaluate("window.cy.nodes().filter(n => n.visible() && !n.hasClass('center')).map(n => n.data('type'))")
    assert visible and not {"country", "location"} & set(visible)
    expect(page.locator("input[name=node-type][value=country]")).not_to_be_checked()
    assert page.evaluate(LABEL_OVERLAPS)["pairs"] == []
    page.uncheck("input[name=hide-states-places]")
    assert page.evaluate("window.cy.nodes().filter(n => !n.visible()).map(n => [n.id(), n.data('type'), n.classes()])") == []

    # expand an actor of the drawing by a double click: its own ties come in, at most 12
    before = set(page.evaluate("window.cy.nodes().map(n => n.id())"))
    target = page.evaluate("""(center) => window.cy.nodes().filter(n => n.id() !== center)
        .sort((a, b) => b.degree() - a.degree()).map(n => n.id())""", actor["id"])
    ties = None
    for node in target:
        theirs = page.request.get(f"/api/actors/{node}/neighbors").json()
        new = {n["id"] for n in theirs["nodes"]} - before
        if new:
            ties = node, theirs, new
            break
    assert ties, "no actor of the drawing has a tie outside it"
    node, theirs, new = ties
    point = page.evaluate("""(id) => { const p = window.cy.getElementById(id).renderedPosition();
        const box = window.cy.container().getBoundingClientRect(); return {x: box.left + p.x, y: box.top + p.y}; }""", node)
    page.mouse.dblclick(point["x"], point["y"])
    expect(page.locator(".network-note")).to_contain_text("Added")
    after = set(page.evaluate("window.cy.nodes().map(n => n.id())"))
    added = after - before
    assert added and added <= new and len(added) == min(len(new), 12)
    assert page.evaluate("(id) => window.cy.getElementById(id).hasClass('expanded')", node)
    for other in added:  # each new actor comes with a claim that ties it to the expanded one
        assert page.evaluate("([a, b]) => window.cy.getElementById(a).edgesWith(window.cy.getElementById(b)).length > 0",
                             [node, other])
    assert page.evaluate(LABEL_OVERLAPS)["pairs"] == []
    save(page, tmp_path, "network-expanded.png")  # network.png is test_web_app's (the README's denial)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_the_picture_saved_as_png_and_svg(demo_page, tmp_path):
    page = demo_page
    actor = hub(page)
    open_network(page, actor["id"])
    names = page.evaluate("window.cy.nodes().map(n => n.data('name'))")
    with page.expect_download() as png:
        page.click("button.save-png")
    data = Path(png.value.path()).read_bytes()
    assert png.value.suggested_filename.endswith(".png")
    width, height = png_size(data)
    assert width > 400 and height > 300 and len(data) > 20_000

    with page.expect_download() as svg:
        page.click("button.save-svg")
    assert svg.value.suggested_filename.endswith(".svg")
    root = ET.parse(svg.value.path()).getroot()  # well-formed XML: every name escaped
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg"
    groups = root.findall(f".//{ns}g[@class='node']")
    assert len(groups) == len(names)
    labels = [" ".join(t.text or "" for t in g.iter(f"{ns}tspan")) for g in groups]
    assert sorted(labels) == sorted(names)
    assert len(root.findall(f".//{ns}g[@class='edges']/{ns}path")) == page.evaluate("window.cy.edges().length")

    # what is hidden is not saved
    page.check("input[name=hide-states-places]")
    with page.expect_download() as hidden:
        page.click("button.save-svg")
    kept = ET.parse(hidden.value.path()).getroot().findall(f".//{ns}g[@class='node']")
    assert len(kept) == page.evaluate("window.cy.nodes().filter(n => n.visible()).length") < len(names)


def test_a_node_expanded_from_its_panel(demo_page):
    page = demo_page
    actor = hub(page)
    open_network(page, actor["id"])
    before = set(page.evaluate("window.cy.nodes().map(n => n.id())"))
    for node in sorted(before - {actor["id"]}):
        theirs = {n["id"] for n in page.request.get(f"/api/actors/{node}/neighbors").json()["nodes"]}
        if theirs - before:
            break
    point = page.evaluate("""(id) => { const p = window.cy.getElementById(id).renderedPosition();
        const box = window.cy.container().getBoundingClientRect(); return {x: box.left + p.x, y: box.top + p.y}; }""", node)
    page.mouse.click(point["x"], point["y"])
    panel = page.locator("#network-panel")
    panel.locator("button.expand-node").click()
    expect(page.locator(".network-note")).to_contain_text("Added")
    added = set(page.evaluate("window.cy.nodes().map(n => n.id())")) - before
    assert added and added <= theirs
    expect(page.locator(".network-status")).to_contain_text(f"{len(before) - 1} actors")  # as first drawn
