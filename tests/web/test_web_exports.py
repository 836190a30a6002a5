"""Export menus in the web app, on the demo store, in Chromium: the actor page downloads its
network as shown (depth and filters) and the file is read back (GraphML by networkx with the
actor and its neighbours, JSON with the claims of the network); the claims page downloads what
its filters keep; the home page the whole store (a zip of the CSV tables); the events page its
table, with its filters and order (CSV and Parquet read by pyarrow)."""
from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import httpx
import networkx as nx
from playwright.sync_api import expect

SCREENSHOTS = os.environ.get("CLAIMGRAPH_SCREENSHOTS")
IRAN = "ent-irn"


def download(page, menu: str, format: str) -> tuple[str, bytes]:
    """Pick `format` in the export menu `menu` and follow its link: (file name, bytes)."""
    select = page.locator(f".export-menu[data-export={menu}] select")
    expect(select.locator(f"option[value={format}]")).to_be_attached()
    select.select_option(format)
    with page.expect_download(timeout=60_000) as got:  # a table export first loads the gazetteer (seconds)
        page.locator(f".export-menu[data-export={menu}] a.export-download").click()
    return got.value.suggested_filename, Path(got.value.path()).read_bytes()


def test_the_actor_page_exports_its_network_and_the_file_reads_back(demo_page, demo_server):
    page = demo_page
    page.goto(f"/#/actor/{IRAN}")
    expect(page.locator(".network-status")).to_contain_text("within 1 step")
    name, body = download(page, "network", "graphml")
    assert name == f"{IRAN}.graphml"
    graph = nx.read_graphml(io.BytesIO(body))
    shown = httpx.get(f"{demo_server}/api/actors/{IRAN}/neighbors", params={"depth": 1}).json()
    assert IRAN in graph.nodes and {n["id"] for n in shown["nodes"]} <= set(graph.nodes)
    assert graph.nodes[IRAN]["label"] == "Iran"
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.locator(".take-away").screenshot(path=str(Path(SCREENSHOTS) / "exports.png"))

    # two steps, and only alleged claims: the file follows the page's filters
    page.select_option("select[name=depth]", "2")
    for box in page.locator("input[name=modality]").all():
        if box.get_attribute("value") != "alleged":
            box.uncheck()
    expect(page.locator(".network-status")).to_contain_text("within 2 steps")
    name, body = download(page, "network", "json")
    data = json.loads(body)
    shown = httpx.get(f"{demo_server}/api/actors/{IRAN}/neighbors",
                      params={"depth": 2, "modality": "alleged"}).json()
    assert name == f"{IRAN}.json" and data["format"] == "claimgraph/1"
    assert data["claims"] and {c["id"] for c in data["claims"]} == {e["claim"] for e in shown["edges"]}
    assert {c["modality"] for c in data["claims"]} == {"alleged"}
    assert IRAN in {e["id"] for e in data["entities"]}


def test_the_actor_page_exports_only_what_it_draws_when_asked(demo_page, demo_server):
    page = demo_page
    page.goto(f"/#/actor/{IRAN}?depth=2")
    expect(page.locator(".network-status")).to_contain_text("within 2 steps")
    drawn = set(page.evaluate("() => window.cy.edges().filter((e) => e.visible()).map((e) => e.data('claim'))"))
    around = httpx.get(f"{demo_server}/api/actors/{IRAN}/neighbors", params={"depth": 2}).json()
    assert drawn and len(drawn) < len(around["edges"])  # the page draws the strongest part of it
    page.locator(".export-menu[data-export=network] input[name=drawn]").check()
    name, body = download(page, "network", "json")
    assert name == "claimgraph.json" and {c["id"] for c in json.loads(body)["claims"]} == drawn


def test_the_claims_page_exports_what_its_filters_keep(demo_page):
    page = demo_page
    page.goto("/#/claims?predicate=arms")
    expect(page.locator(".claims-table")).to_be_visible()
    name, body = download(page, "claims", "json")
    claims = json.loads(body)["claims"]
    assert name == "claimgraph.json" and claims and {c["predicate"] for c in claims} == {"arms"}
    total = int(page.locator("p.muted", has_text="claim(s)").first.text_content().split()[0])
    assert len(claims) == total


def test_the_home_page_exports_the_whole_store_as_zipped_tables(demo_page):
    page = demo_page
    page.goto("/#/")
    name, body = download(page, "store", "csv")
    assert name == "claimgraph-csv.zip"
    with zipfile.ZipFile(io.BytesIO(body)) as z:
        assert sorted(z.namelist()) == [f"claimgraph-csv/{t}.csv" for t in ("actors", "events", "evidence",
                                                                             "relations")]
        events = z.read("claimgraph-csv/events.csv").decode("utf-8").splitlines()
    assert events[0].startswith("event_id,event_date,") and len(events) > 1


def test_the_events_page_exports_its_table_with_its_filters_and_order(demo_page, demo_server):
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    page = demo_page
    page.goto("/#/events?type=ASSAULT&order=desc")
    expect(page.locator(".events-summary")).to_contain_text("events (ASSAULT")
    listed = httpx.get(f"{demo_server}/api/events", params={"type": "ASSAULT", "sort": "date", "order": "desc",
                                                            "limit": 500}).json()
    ids = [e["claim"] for e in listed["items"]]
    assert len(ids) == listed["total"] > 1
    name, body = download(page, "events", "csv")
    assert name == "events.csv"
    table = pacsv.read_csv(io.BytesIO(body))
    assert table.column("event_id").to_pylist() == ids  # every event of the filters, in the page's order
    assert set(table.column("event_type").to_pylist()) == {"ASSAULT"}
    name, body = download(page, "events", "parquet")
    assert name == "events.parquet" and pq.read_table(io.BytesIO(body)).column("event_id").to_pylist() == ids
