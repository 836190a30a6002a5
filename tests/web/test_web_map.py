"""The map (#/map, and the events page's map panel) on the demo store, in Debian's Chromium:
markers for every placed event and operates_in tie of /api/map, a planned event marked apart
from those that happened, the events page's table, timeline and map showing the same events,
a click on a marker opening a popup whose links lead to the evidence, and the map's libraries
loaded only where a map is drawn. The fixture fails any request that leaves 127.0.0.1 and any
console error or CSP violation."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx
from playwright.sync_api import expect

SCREENSHOTS = os.environ.get("CLAIMGRAPH_SCREENSHOTS")
PLANNED = "clm-9e2ee49fbfbbfa22"  # the Quds Force's alleged plot in Washington: planned, not done


def api_map(base: str, **params) -> dict:
    r = httpx.get(f"{base}/api/map", params={**params, "limit": 5000}, timeout=60)
    assert r.status_code == 200, r.text
    return r.json()


def placed(answer: dict, what: str) -> list[str]:
    return sorted(x["claim"] for p in answer["places"] for x in p[what])


def drawn(page, selector: str) -> tuple[list[str], list[str]]:
    """The ids of the events and ties the map in `selector` placed, once it is drawn."""
    panel = page.locator(selector)
    # the first map of a server process loads the GeoNames tables (seconds on a loaded machine)
    expect(panel.locator(".map-canvas .leaflet-marker-icon").first).to_be_visible(timeout=30_000)
    split = lambda v: sorted((v or "").split())  # noqa: E731
    return split(panel.get_attribute("data-events")), split(panel.get_attribute("data-ties"))


def marker_total(page) -> int:
    """The sum of the counts on the markers and clusters in view (every point is in view at first)."""
    return sum(int(t) for t in page.locator(".leaflet-marker-pane .map-count").all_inner_texts())


def zoom_to(page, lat: float, lng: float, zoom: int = 7) -> None:
    """Zoom the map in (markers at one place separate from zoom 6); no tile is fetched, there are none."""
    page.evaluate("([lat, lng, zoom]) => { window.claimgraphMap.setView([lat, lng], zoom, {animate: false}); }",
                  [lat, lng, zoom])


def test_the_map_page_shows_a_marker_for_each_placed_event_and_tie(demo_page, demo_server, tmp_path):
    page = demo_page
    page.goto("/#/map")
    expect(page.locator("header nav a[href='#/map']")).to_have_class("current")
    answer = api_map(demo_server)
    events, ties = drawn(page, "#map-panel")
    assert events == placed(answer, "events") and len(events) >= 5
    assert ties == placed(answer, "ties") and len(ties) >= 10
    assert marker_total(page) == len(events) + len(ties)
    if SCREENSHOTS:  # the whole map, as it opens
        page.locator("main").screenshot(path=str(tmp_path / "map.png"))
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        shutil.copy(tmp_path / "map.png", Path(SCREENSHOTS) / "map.png")
    # the basemap is drawn (a canvas of Natural Earth's countries), with no tile layer
    assert page.locator(".map-canvas canvas").count() >= 1 and page.locator(".leaflet-tile").count() == 0
    expect(page.locator(".map-summary")).to_contain_text(f"{len(events)} of {answer['events']} events")
    # what is not on the map is said, with the reason
    unplaced = page.locator(".map-unplaced")
    expect(unplaced.locator("summary")).to_contain_text(f"{answer['events'] - len(events)} events")
    unplaced.locator("summary").click()
    for p in answer["unplaced"]:
        expect(unplaced.locator(f"li[data-place='{p['id']}']")).to_contain_text(p["reason"])
    no_place = unplaced.locator("li.map-no-place li.map-item")
    expect(no_place).to_have_count(len(answer["no_place"]))
    assert sorted(no_place.evaluate_all("ls => ls.map(l => l.dataset.claim)")) == sorted(
        e["claim"] for e in answer["no_place"])
    # the planned plot in Washington is a marker of its own kind, not one of an attack that happened
    washington = next(p for p in answer["places"] if any(e["claim"] == PLANNED for e in p["events"]))
    zoom_to(page, washington["latitude"], washington["longitude"])
    planned = page.locator(f".map-marker.map-unrealised [data-place='{washington['id']}']")
    expect(planned).to_have_attribute("data-claims", PLANNED)
    expect(page.locator(f".map-marker.map-event [data-place='{washington['id']}']")).to_have_count(
        sum(1 for e in washington["events"] if e["status"] == "occurred"))
    planned.click()
    popup = page.locator(".map-popup")
    expect(popup.locator(f"li[data-claim='{PLANNED}'] .badge.status")).to_have_text("planned")


def test_filter_events_by_type_and_place_table_timeline_and_map_agree(demo_page, demo_server):
    page = demo_page
    page.goto("/#/events")
    page.select_option("form.events-filters select[name=type]", "ASSAULT")
    page.fill("form.events-filters input[name=place]", "IRQ")
    page.click("form.events-filters button[type=submit]")
    expect(page).to_have_url(f"{demo_server}/#/events?type=ASSAULT&place=IRQ")
    expect(page.locator(".events-summary")).not_to_contain_text("Loading")
    table = sorted(page.locator("#events-table tr.event-row").evaluate_all("rs => rs.map(r => r.dataset.claim)"))
    marks = sorted(page.locator("#events-timeline a.tl-mark").evaluate_all("ms => ms.map(m => m.dataset.claim)"))
    on_map, ties = drawn(page, "#events-map")
    # the map draws those whose place has coordinates (a site such as an air base has none: /api/map
    # lists it as unplaced), the table and the timeline all of them
    drawable = placed(api_map(demo_server, type="ASSAULT", place="IRQ", ties="false"), "events")
    assert len(table) >= 3 and table == marks and on_map == drawable and set(on_map) <= set(table) and ties == []
    assert marker_total(page) == len(on_map)
    listed = httpx.get(f"{demo_server}/api/events", params={"type": "ASSAULT", "place": "IRQ", "limit": 500}).json()
    assert sorted(e["claim"] for e in listed["items"]) == table
    # and the map page with the same filters in its address places the same events
    page.goto("/#/map?type=ASSAULT&place=IRQ&ties=false")
    assert drawn(page, "#map-panel") == (on_map, [])
    expect(page.locator("form.map-filters input[name=place]")).to_have_value("IRQ")
    expect(page.locator("form.map-filters input[name=ties]")).not_to_be_checked()


def test_a_click_on_a_marker_lists_the_events_there_and_opens_the_evidence(demo_page, demo_server):
    page = demo_page
    page.goto("/#/map?place=Baghdad")
    answer = api_map(demo_server, place="Baghdad")
    [baghdad] = [p for p in answer["places"] if p["name"] == "Baghdad"]
    drawn(page, "#map-panel")
    zoom_to(page, baghdad["latitude"], baghdad["longitude"])
    page.locator(".map-marker.map-event [data-place='ent-baghdad']").click()
    popup = page.locator(".map-popup")
    expect(popup.locator("h3")).to_have_text("Baghdad")
    items = popup.locator("li.map-item")
    expect(items).to_have_count(len(baghdad["events"]))
    for e in baghdad["events"]:
        expect(popup.locator(f"li[data-claim='{e['claim']}']")).to_contain_text(e["subject"]["name"])
    # the ties there have a marker and a popup of their own
    page.keyboard.press("Escape")
    page.locator(".map-marker.map-tie [data-place='ent-baghdad']").click()
    expect(page.locator(".map-popup li.map-item")).to_have_count(len(baghdad["ties"]))
    expect(page.locator(".map-popup")).to_contain_text("operates in Baghdad")
    page.keyboard.press("Escape")
    first = baghdad["events"][0]
    page.locator(".map-marker.map-event [data-place='ent-baghdad']").click()
    page.locator(f".map-popup li[data-claim='{first['claim']}'] a.map-evidence").click()
    expect(page).to_have_url(f"{demo_server}/#/claim/{first['claim']}")
    expect(page.locator(".evidence blockquote").first).to_be_visible()


def test_the_maps_libraries_load_only_where_a_map_is_drawn(demo_page):
    page = demo_page
    page.goto("/#/claims")
    expect(page.locator("table.claims-table")).to_be_visible()
    loaded = lambda: page.evaluate(  # noqa: E731
        "() => performance.getEntriesByType('resource').map(r => new URL(r.name).pathname)")
    assert not [p for p in loaded() if "leaflet" in p or "world-atlas" in p or "topojson" in p]
    page.goto("/#/map")
    drawn(page, "#map-panel")
    assert {"/static/vendor/leaflet.js", "/static/vendor/leaflet.markercluster.js",
            "/static/vendor/world-atlas-countries-50m.json"} <= set(loaded())


def test_a_country_is_drawn_at_its_middle_not_on_its_capitals_marker(demo_page, demo_server):
    page = demo_page
    page.goto("/#/map?place=IRQ")
    answer = api_map(demo_server, place="IRQ")
    iraq = next(p for p in answer["places"] if p["id"] == "ent-irq")
    baghdad = next(p for p in answer["places"] if p["id"] == "ent-baghdad")
    assert (iraq["precision"], iraq["latitude"]) == ("capital", baghdad["latitude"])  # the API gives the capital
    drawn(page, "#map-panel")
    zoom_to(page, 33.2, 44.0, 8)
    country = page.locator(".map-marker.map-tie.map-country:has([data-place='ent-irq'])")
    city = page.locator(".map-marker.map-tie:not(.map-country):has([data-place='ent-baghdad'])")
    expect(country).to_have_count(1)
    expect(city).to_have_count(1)
    # ~75 km apart: ~180 px at zoom 8 (waited for: the clusters' markers glide to their places)
    page.wait_for_function("""([a, b]) => {
        const p = document.querySelector(a).getBoundingClientRect(), q = document.querySelector(b).getBoundingClientRect();
        return Math.abs(p.x - q.x) + Math.abs(p.y - q.y) > 100;
    }""", arg=[".map-marker.map-country [data-place='ent-irq']", ".map-marker:not(.map-country) [data-place='ent-baghdad']"])
    country.click()
    expect(page.locator(".map-popup")).to_contain_text("the country as a whole")


def test_a_countrys_middle_is_inside_it_across_the_antimeridian(demo_page):
    page = demo_page
    page.goto("/#/map")
    drawn(page, "#map-panel")
    middles = page.evaluate("""async () => {
        const m = await import("/static/js/map.js");
        const {countries} = await m.mapLibraries();
        const at = m.countryMiddles(countries);
        return Object.fromEntries(["643", "242", "840", "250", "368"].map((id) => [id, at.get(id)]));
    }""")
    (lat, lng) = middles["643"]  # Russia: its mainland ring is cut at 180°
    assert 50 < lat < 70 and 60 < lng < 120
    assert abs(middles["242"][1]) > 170  # Fiji, on both sides of 180°
    assert -105 < middles["840"][1] < -90  # the United States: the lower 48, not Alaska
    assert 44 < middles["250"][0] < 49 and 0 < middles["250"][1] < 5  # France, not French Guiana
    assert 32 < middles["368"][0] < 34 and 43 < middles["368"][1] < 44.5  # Iraq, ~75 km from Baghdad
