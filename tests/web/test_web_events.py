"""The events page (#/events) on the demo store, in Debian's Chromium: the table and the timeline
show the events /api/events answers for the filters in the address; headers sort; a planned,
attempted or hypothetical event is labelled so (in the table, the timeline and on the actor page);
the CSV download holds every event of the filters, as the API gives them."""
from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import httpx
from playwright.sync_api import expect

SCREENSHOTS = os.environ.get("CLAIMGRAPH_SCREENSHOTS")
NOT_HAPPENED = {"attempted", "planned", "hypothetical"}


def every_event(base: str, **params) -> list[dict]:
    """All the events of /api/events for `params`, page after page."""
    out: list[dict] = []
    while True:
        data = httpx.get(f"{base}/api/events", params={**params, "limit": 500, "offset": len(out)}).json()
        out += data["items"]
        if len(out) >= data["total"] or not data["items"]:
            return out


def shown(page, rows: int | None = None) -> tuple[list[str], list[str]]:
    """The claim ids of the table's rows, in order, and those of the timeline's marks; with `rows`,
    once the table has that many (the previous view's table stays until the new one is drawn)."""
    expect(page.locator(".events-summary")).not_to_contain_text("Loading")
    if rows is not None:
        expect(page.locator("#events-table tr.event-row")).to_have_count(rows)
    table = page.locator("#events-table tr.event-row").evaluate_all("rows => rows.map(r => r.dataset.claim)")
    marks = page.locator("#events-timeline svg.timeline-svg a.tl-mark").evaluate_all("ms => ms.map(m => m.dataset.claim)")
    return table, marks


def test_filter_by_type_and_place_table_and_timeline_show_the_apis_events(demo_page, demo_server, tmp_path):
    page = demo_page
    page.goto("/#/events")
    expect(page.locator("header nav a[href='#/events']")).to_have_class("current")
    # set the filters in the form; they go into the address
    page.select_option("form.events-filters select[name=type]", "ASSAULT")
    page.fill("form.events-filters input[name=place]", "Baghdad")
    page.click("form.events-filters button[type=submit]")
    expect(page).to_have_url(f"{demo_server}/#/events?type=ASSAULT&place=Baghdad")
    expected = every_event(demo_server, type="ASSAULT", place="Baghdad")
    assert 2 <= len(expected) <= 50
    table, marks = shown(page, len(expected))
    assert table == [e["claim"] for e in expected]  # the API's order: oldest first
    assert sorted(marks) == sorted(table)
    expect(page.locator(".events-summary")).to_contain_text(f"{len(expected)} events")
    for row in page.locator("#events-table tr.event-row").all():
        expect(row.locator("td").nth(1)).to_contain_text("ASSAULT")
        expect(row.locator("td").nth(5)).to_have_text("Baghdad")
    # the view can be reloaded from its address: the same rows
    page.reload()
    assert shown(page) == (table, marks)
    # another filter in the address alone: the type only (more than a page: the timeline has them all)
    page.goto("/#/events?type=ASSAULT")
    every = every_event(demo_server, type="ASSAULT")
    table, marks = shown(page, min(50, len(every)))
    assert table == [e["claim"] for e in every][:50]
    assert sorted(marks) == sorted(e["claim"] for e in every)
    assert page.locator("#events-timeline svg.timeline-svg").get_attribute("data-count") == str(len(every))
    assert page.locator("section#events-map").count() == 1  # the map panel's place
    if SCREENSHOTS:
        expect(page.locator("#events-map .loading")).to_have_count(0)  # the map panel, once drawn
        page.locator("main").screenshot(path=str(tmp_path / "events.png"))
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        shutil.copy(tmp_path / "events.png", Path(SCREENSHOTS) / "events.png")


def test_date_precision_is_shown_and_a_month_is_a_span(demo_page, demo_server):
    page = demo_page
    page.goto("/#/events?type=ASSAULT&place=Baghdad")
    shown(page)
    events = every_event(demo_server, type="ASSAULT", place="Baghdad")
    month = next(e for e in events if (e["date"] or {}).get("precision") == "month")
    row = page.locator(f"#events-table tr[data-claim='{month['claim']}']")
    expect(row.locator("td.when")).to_have_text(f"{month['date']['start'][:7]} (month)")
    mark = page.locator(f"#events-timeline svg.timeline-svg a.tl-mark[data-claim='{month['claim']}']")
    expect(mark).to_have_class("tl-mark status-occurred precision-month")
    assert mark.locator("rect").count() == 1 and mark.locator("circle").count() == 0
    assert float(mark.locator("rect").get_attribute("width")) > 4  # drawn over the month, not as a point


def test_sorting_by_a_header_is_the_apis_order(demo_page, demo_server):
    page = demo_page
    page.goto("/#/events?type=ASSAULT")
    shown(page)
    page.click("#events-table th[data-sort=date] a")  # already by date, ascending: now descending
    expect(page).to_have_url(f"{demo_server}/#/events?type=ASSAULT&order=desc")
    # the new table is drawn (its header says so) before its rows are read
    expect(page.locator("#events-table th[data-sort=date]")).to_have_attribute("aria-sort", "descending")
    table, _ = shown(page)
    desc = every_event(demo_server, type="ASSAULT", order="desc")
    assert table == [e["claim"] for e in desc][:50]
    starts = [e["date"]["start"] for e in desc if e["date"] and e["date"].get("start")]
    assert starts == sorted(starts, reverse=True) and len(starts) > 5
    expect(page.locator("#events-table th[data-sort=date]")).to_have_attribute("aria-sort", "descending")
    page.click("#events-table th[data-sort=place] a")
    expect(page).to_have_url(f"{demo_server}/#/events?type=ASSAULT&sort=place")
    expect(page.locator("#events-table th[data-sort=place]")).to_have_attribute("aria-sort", "ascending")
    table, _ = shown(page)
    by_place = every_event(demo_server, type="ASSAULT", sort="place")
    assert table == [e["claim"] for e in by_place][:50]
    places = [e["location"]["name"].lower() for e in by_place if e["location"]]
    assert places == sorted(places) and len(places) >= 3


def test_an_event_that_did_not_happen_is_labelled_so_in_the_table_the_timeline_and_on_the_actor_page(demo_page, demo_server):
    page = demo_page
    page.goto("/#/events?status=planned&status=attempted&status=hypothetical")
    events = every_event(demo_server, status=["planned", "attempted", "hypothetical"])
    assert {e["status"] for e in events} == NOT_HAPPENED
    table, marks = shown(page)
    assert table == [e["claim"] for e in events] and sorted(marks) == sorted(table)
    labels = {"planned": "planned", "attempted": "attempted"}
    for e in events:
        row = page.locator(f"#events-table tr[data-claim='{e['claim']}']")
        expect(row).to_have_class("event-row not-happened")
        want = labels.get(e["status"]) or {"consequence": "threatened", "condition": "if \u2026 (condition)"}.get(
            e.get("conditional"), "hypothetical")
        expect(row.locator(".badge.status")).to_have_text(want)
        mark = page.locator(f"#events-timeline svg.timeline-svg a.tl-mark[data-claim='{e['claim']}']")
        assert "status-occurred" not in mark.get_attribute("class")
    # the conditional threat of the demo ("if Iran struck ..., the United States would hit 52 Iranian sites")
    threat = next(e for e in events if e.get("conditional") == "consequence")
    assert (threat["subject"]["name"], threat["predicate"]) == ("United States", "ASSAULT")
    # the filter offers the threats alone
    page.goto("/#/events")
    page.check("form.events-filters input[name=status][value=threatened]")
    page.click("form.events-filters button[type=submit]")
    expect(page).to_have_url(f"{demo_server}/#/events?status=threatened")
    threatened = [e["claim"] for e in every_event(demo_server, status="threatened")]
    table, _ = shown(page, len(threatened))
    assert table == threatened == [threat["claim"]]
    # an event that happened says so too, plainly
    page.goto("/#/events?type=ASSAULT&place=Baghdad")
    shown(page)
    expect(page.locator("#events-table tr.event-row .badge.status").first).to_have_text("happened")
    assert page.locator("#events-table tr.not-happened").count() == 0
    # the actor page's timeline labels it as well, and the evidence view
    page.goto(f"/#/actor/{threat['subject']['id']}")
    item = page.locator(f".timeline-list li[data-claim='{threat['claim']}']")
    expect(item).to_have_class("not-happened")
    expect(item.locator(".badge.status")).to_have_text("threatened")
    page.goto(f"/#/claim/{threat['claim']}")
    expect(page.locator(".badges .badge.status")).to_have_text("threatened")
    expect(page.locator(".facts-list")).to_contain_text("it has not taken place")


def test_the_csv_download_is_every_event_of_the_filters(demo_page, demo_server, tmp_path):
    page = demo_page
    page.goto("/#/events?modality=asserted&modality=reported&sort=actor")
    table, _ = shown(page)
    expected = every_event(demo_server, modality=["asserted", "reported"], sort="actor")
    assert len(expected) > 50 and len(table) == 50  # more than the page shows
    with page.expect_download() as info:
        page.click("a.csv-link")
    path = tmp_path / "events.csv"
    info.value.save_as(path)
    assert info.value.suggested_filename == "events.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [e["claim"] for e in expected]
    for r, e in zip(rows, expected):
        assert (r["type"], r["status"], r["modality"]) == (e["predicate"], e["status"], e["modality"])
        assert r["actor"] == e["subject"]["name"] and r["target"] == ((e["object"] or {}).get("name") or "")
        assert r["place"] == ((e["location"] or {}).get("name") or "")
        assert r["date_start"] == ((e["date"] or {}).get("start") or "")
        assert r["date_precision"] == ((e["date"] or {}).get("precision") or "")
        assert r["grade"] == (e["admiralty"] or "") and int(r["sources"]) == e["sources"]
        assert r["evidence"].lstrip("'") == e["evidence"][0]["excerpt"]


def test_a_year_of_the_timeline_opens_those_years(demo_page, demo_server):
    page = demo_page
    page.goto("/#/events?type=ASSAULT")
    shown(page)
    tick = page.locator("svg.timeline-svg a.tl-zoom[data-from='2020']")  # 2004-2023: a tick each 5 years
    start, end = tick.get_attribute("data-from"), tick.get_attribute("data-to")
    assert (start, end) == ("2020", "2024")
    tick.click()
    expect(page).to_have_url(f"{demo_server}/#/events?type=ASSAULT&date_from=2020&date_to=2024")
    expected = every_event(demo_server, type="ASSAULT", date_from="2020", date_to="2024")
    table, marks = shown(page, min(50, len(expected)))
    assert table == [e["claim"] for e in expected] and sorted(marks) == sorted(table) and table
    expect(page.locator("form.events-filters input[name=date_from]")).to_have_value("2020")
