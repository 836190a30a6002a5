"""/api/events and /api/events.csv: status and grade filters, sorting and paging in the database,
400s that list the allowed values, and a CSV that is every event of the filters. On texts written
for these tests (posted to a server of their own), beside the API tests' store."""
from __future__ import annotations

import csv
import io

import pytest

from claimgraph.api.event_csv import COLUMNS, cell

EVENT_DOCS = [
    {"title": "A warning from the south", "source": "riverdesk", "published": "2021-05-10",
     "text": "If Israel attacks Lebanon, Hezbollah will strike Israel. Kataib Hezbollah plans to attack the "
             "US embassy in Baghdad. Kataib Hezbollah attacked a US base near Baghdad in March 2018."},
    {"title": "Old wars, new sanctions", "source": "hilltimes", "published": "2021-06-01",
     "text": "Hezbollah fired rockets at Israel on 12 July 2006. The United States sanctioned Kataib Hezbollah "
             "in 2009. Israeli forces raided Hezbollah positions in Lebanon in 2011."},
]


@pytest.fixture()
def events_api(writer):
    for doc in EVENT_DOCS:
        r = writer.post("/api/documents", json=doc)
        assert r.status_code == 201, r.text
    return writer


def every(api, **params) -> list[dict]:
    out: list[dict] = []
    while True:
        data = api.get("/api/events", params={**params, "limit": 2, "offset": len(out)}).json()
        out += data["items"]
        if len(out) >= data["total"] or not data["items"]:
            return out


def test_status_filter_and_the_two_halves_of_a_condition(events_api):
    api = events_api
    total = api.get("/api/events").json()["total"]
    by_status = {s: api.get("/api/events", params={"status": s, "limit": 500}).json()
                 for s in ("occurred", "attempted", "planned", "ongoing", "hypothetical")}
    assert sum(d["total"] for d in by_status.values()) == total
    for status, data in by_status.items():
        assert {e["status"] for e in data["items"]} <= {status}
    hypothetical = {(e["subject"]["name"], e["object"]["name"]): e["conditional"]
                    for e in by_status["hypothetical"]["items"]}
    assert hypothetical == {("Hezbollah", "Israel"): "consequence", ("Israel", "Lebanon"): "condition"}
    planned = [e for e in by_status["planned"]["items"] if e["subject"]["name"] == "Kata'ib Hizballah"]
    assert planned and planned[0]["object"]["name"] == "U.S. Embassy in Baghdad"
    for half, conditional in (("threatened", "consequence"), ("condition", "condition")):
        got = api.get("/api/events", params={"status": half}).json()["items"]
        assert [(e["status"], e["conditional"]) for e in got] == [("hypothetical", conditional)]
    threats_and_plans = api.get("/api/events", params=[("status", "threatened"), ("status", "planned")]).json()
    assert threats_and_plans["total"] == by_status["planned"]["total"] + 1
    both = api.get("/api/events", params=[("status", "planned"), ("status", "hypothetical")]).json()
    assert both["total"] == by_status["planned"]["total"] + by_status["hypothetical"]["total"]


def test_grade_filter(events_api):
    api = events_api
    rows = every(api)
    for grade in {e["credibility"] for e in rows}:
        got = every(api, grade=grade)
        assert [e["claim"] for e in got] == [e["claim"] for e in rows if e["credibility"] == grade]


@pytest.mark.parametrize("sort", ["date", "type", "status", "actor", "target", "place", "modality", "grade", "sources"])
@pytest.mark.parametrize("order", ["asc", "desc"])
def test_sorted_and_paged_in_the_database(events_api, sort, order):
    api = events_api
    whole = api.get("/api/events", params={"sort": sort, "order": order, "limit": 500}).json()["items"]
    assert [e["claim"] for e in every(api, sort=sort, order=order)] == [e["claim"] for e in whole]  # pages of 2
    assert len({e["claim"] for e in whole}) == len(whole) >= 8
    key = {
        "date": lambda e: (e["date"] or {}).get("start") or (e["date"] or {}).get("end"),
        "type": lambda e: e["predicate"], "status": lambda e: e["status"] or "occurred",
        "actor": lambda e: e["subject"]["name"].lower(),
        "target": lambda e: e["object"]["name"].lower() if e["object"] else None,
        "place": lambda e: e["location"]["name"].lower() if e["location"] else None,
        "modality": lambda e: e["modality"], "grade": lambda e: e["credibility"],
        "sources": lambda e: (e["independent"], e["sources"]),
    }[sort]
    values = [key(e) for e in whole]
    known = [v for v in values if v is not None]
    assert values[:len(known)] == known  # empty values last, whatever the order
    assert known == sorted(known, reverse=order == "desc")


def test_a_date_range_pages_the_same_as_its_whole_list(events_api):
    api = events_api
    whole = api.get("/api/events", params={"date_from": "2006", "date_to": "2012", "limit": 500}).json()
    paged = every(api, date_from="2006", date_to="2012")
    assert whole["total"] == len(paged) == len(whole["items"]) >= 3
    assert [e["claim"] for e in paged] == [e["claim"] for e in whole["items"]]
    for e in paged:
        start = e["date"]["start"]
        assert start is None or "2006" <= start[:4] <= "2012"


@pytest.mark.parametrize("param,value,allowed", [
    ("status", "happened", "occurred, attempted, planned, ongoing, hypothetical"),
    ("grade", "7", "1, 2, 3, 4, 5, 6"),
    ("grade", "B", "1, 2, 3, 4, 5, 6"),
    ("sort", "when", "date, type, status, actor, target, place, modality, grade, sources"),
    ("order", "up", "asc, desc"),
    ("modality", "rumoured", "asserted, reported, alleged, speculative, negated"),
    ("type", "BOMBING", "ASSAULT"),
])
def test_an_unknown_value_is_a_400_listing_the_allowed_ones(api, param, value, allowed):
    for path in ("/api/events", "/api/events.csv"):
        r = api.get(path, params={param: value})
        assert r.status_code == 400, (path, r.text)
        assert repr(value) in r.json()["detail"] and allowed in r.json()["detail"]


@pytest.mark.parametrize("params", [{}, {"type": "ASSAULT", "sort": "place", "order": "desc"},
                                    {"date_from": "2006", "date_to": "2019"}, {"status": "hypothetical"}])
def test_the_csv_is_every_event_of_the_filters(events_api, params):
    api = events_api
    expected = api.get("/api/events", params={**params, "limit": 500}).json()["items"]
    r = api.get("/api/events.csv", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in r.headers["content-disposition"]
    reader = csv.reader(io.StringIO(r.text))
    assert tuple(next(reader)) == COLUMNS
    rows = [dict(zip(COLUMNS, line)) for line in reader]
    assert [row["id"] for row in rows] == [e["claim"] for e in expected]
    for row, e in zip(rows, expected):
        assert row["type"] == e["predicate"] and row["status"] == e["status"]
        assert row["conditional"] == (e["conditional"] or "")
        assert row["actor_id"] == e["subject"]["id"] and row["target"] == ((e["object"] or {}).get("name") or "")
        assert row["place_id"] == ((e["location"] or {}).get("id") or "")
        assert (row["date_start"], row["date_end"], row["date_precision"]) == tuple(
            (e["date"] or {}).get(k) or "" for k in ("start", "end", "precision"))
        assert row["grade"] == e["admiralty"] and int(row["credibility"]) == e["credibility"]
        assert int(row["sources"]) == e["sources"] and int(row["evidence_count"]) == len(e["evidence"])
        assert row["evidence"] == cell(e["evidence"][0]["excerpt"]) and row["doc_id"] == e["evidence"][0]["doc"]


def test_a_cell_a_spreadsheet_would_run_is_quoted():
    assert cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert cell("-1+2") == "'-1+2" and cell("@SUM") == "'@SUM"
    assert cell("Hezbollah fired rockets") == "Hezbollah fired rockets" and cell(None) == "" and cell(3) == "3"
