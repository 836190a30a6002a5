"""GET /api/map and /api/places: events and operates_in ties with the coordinates of their places,
over a store of its own (SQLite and PostgreSQL) built by the real pipeline from texts written here."""
from __future__ import annotations

import pytest
from api_corpus import Server

from claimgraph.api import create_app
from claimgraph.model import Document
from claimgraph.store import Store
from claimgraph.store.ingest import ingest_documents

TEXTS = [
    ("Police post hit in Mosul", "northdesk", "2021-03-05",
     "Islamic State fighters attacked a police post in Mosul on 4 March 2021. The Badr Organization operates in Syria."),
    ("A plot in Amman", "harbourtimes", "2021-05-02",
     "Kata'ib Hizballah planned to attack the US embassy in Amman in May 2021. Hezbollah operates in South Lebanon."),
    ("A strike with no place", "gulfledger", "2021-06-10",
     "Ansar Allah attacked Saudi Arabia on 9 June 2021. Asa'ib Ahl al-Haq operates in Baghdad."),
]


@pytest.fixture(scope="module")
def client(module_db_url, extractor):
    docs = [Document(text=t, title=title, source=s, published=p, genre="news") for title, s, p, t in TEXTS]
    with Store(module_db_url) as store:
        assert ingest_documents(store, docs, extractor)["stored"] == len(TEXTS)
    server = Server(create_app(module_db_url, extractor=extractor))
    with server.client() as c:
        yield c
    server.stop()


def get_map(client, **params) -> dict:
    r = client.get("/api/map", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def by_name(answer: dict) -> dict[str, dict]:
    return {p["name"]: p for p in answer["places"]}


def test_events_and_ties_are_placed_with_the_gazetteers_coordinates(client):
    answer = get_map(client)
    assert (answer["events"], answer["ties"], answer["truncated"]) == (3, 3, False)
    places = by_name(answer)
    assert sorted(places) == ["Amman", "Baghdad", "Mosul", "Syria"]
    mosul = places["Mosul"]
    assert mosul["precision"] == "city" and mosul["geonames_id"] == 99072
    assert mosul["latitude"] == pytest.approx(36.34, abs=0.05) and mosul["longitude"] == pytest.approx(43.13, abs=0.05)
    [attack] = mosul["events"]
    assert (attack["predicate"], attack["status"], attack["subject"]["name"]) == ("ASSAULT", "occurred", "Islamic State")
    [plot] = places["Amman"]["events"]
    assert plot["status"] == "planned"  # the map tells it from an attack that happened
    syria = places["Syria"]  # a country: at its capital, with the basemap's id of its shape
    assert (syria["type"], syria["precision"], syria["iso_numeric"]) == ("country", "capital", "760")
    assert syria["latitude"] == pytest.approx(33.51, abs=0.05)
    assert [t["subject"]["name"] for t in syria["ties"]] == ["Badr Organization"] and not syria["events"]
    assert [t["subject"]["name"] for t in places["Baghdad"]["ties"]] == ["Asa'ib Ahl al-Haq"]


def test_what_cannot_be_placed_is_listed_not_dropped(client):
    answer = get_map(client)
    [region] = answer["unplaced"]
    assert region["name"] == "South Lebanon" and "region" in region["reason"]
    [tie] = region["ties"]
    assert region["events"] == [] and tie["subject"]["name"] == "Hezbollah"
    assert client.get(f"/api/claims/{tie['claim']}").json()["predicate"] == "operates_in"
    [strike] = answer["no_place"]  # an event naming no place is listed
    assert (strike["subject"]["name"], strike["object"]["name"]) == ("Houthis", "Saudi Arabia")  # Ansar Allah, by its KB name
    assert client.get(f"/api/claims/{strike['claim']}").json()["location"] is None
    placed = sum(len(p["events"]) for p in answer["places"]) + sum(len(p["events"]) for p in answer["unplaced"])
    assert placed + len(answer["no_place"]) == answer["events"]


@pytest.mark.parametrize("params", [{}, {"type": "ASSAULT", "place": "IRQ"}, {"status": "planned"},
                                    {"place": "Amman"}, {"date_from": "2021-05", "date_to": "2021-12"},
                                    {"actor": "Islamic State"}, {"grade": ["1", "2"]}])
def test_the_events_are_those_of_the_events_route_with_the_same_filters(client, params):
    listed = client.get("/api/events", params={**params, "limit": 500}).json()["items"]
    answer = get_map(client, **params)
    on_map = [e["claim"] for p in answer["places"] + answer["unplaced"] for e in p["events"]] + [
        e["claim"] for e in answer["no_place"]]
    assert sorted(on_map) == sorted(e["claim"] for e in listed)
    assert answer["events"] == len(listed)


def test_the_ties_take_the_filters_that_apply_to_a_relation(client):
    in_iraq = get_map(client, type="ASSAULT", place="IRQ")
    assert sorted(by_name(in_iraq)) == ["Baghdad", "Mosul"]  # a tie in Baghdad, an attack in Mosul
    assert [t["subject"]["name"] for t in by_name(in_iraq)["Baghdad"]["ties"]] == ["Asa'ib Ahl al-Haq"]
    badr = get_map(client, actor="Badr Organization")
    assert badr["events"] == 0 and [p["name"] for p in badr["places"]] == ["Syria"]
    assert get_map(client, ties="false")["ties"] == 0
    assert get_map(client, modality="reported")["ties"] == 0


def test_bad_filters_are_errors(client):
    assert client.get("/api/map", params={"status": "rumoured"}).status_code == 400
    assert "no place called" in client.get("/api/map", params={"place": "Atlantis"}).json()["detail"]
    assert client.get("/api/map", params={"limit": 0}).status_code == 422
    cut = get_map(client, limit=1)
    assert cut["truncated"] is True and cut["events"] == 1


def test_places_gives_the_coordinates_of_entities_or_why_not(client):
    ids = ["ent-mosul", "ent-syr", "ent-south-lebanon", "ent-islamic-state", "ent-nowhere"]
    items = {p["id"]: p for p in client.get("/api/places", params={"id": ids}).json()["items"]}
    assert items["ent-mosul"]["name"] == "Mosul" and items["ent-mosul"]["precision"] == "city"
    assert items["ent-syr"]["precision"] == "capital"
    assert "region" in items["ent-south-lebanon"]["reason"]
    assert items["ent-islamic-state"]["reason"].startswith("not a place")
    assert items["ent-nowhere"]["reason"] == "not in the store"
    assert client.get("/api/places", params={"id": ["x"] * 501}).status_code == 422
