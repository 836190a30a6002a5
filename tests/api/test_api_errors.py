"""The errors a new user of the API hits (issue 14, part 7), over a real server on the API tests'
store: unknown filter values, impossible dates, searches that cannot be read, a document uploaded
twice, a name that only looks like an actor's, a merge the knowledge base forbids."""
from __future__ import annotations

import pytest
from api_corpus import DOCS, KH

from claimgraph.query.filters import vocabulary


@pytest.mark.parametrize("url, params, what", [
    ("/api/claims", {"predicate": "finances"}, "predicate"),
    ("/api/claims", {"modality": "rumoured"}, "modality"),
    ("/api/claims", {"kind": "opinion"}, "kind"),
    (f"/api/actors/{KH}/neighbors", {"predicate": "sells"}, "predicate"),
    (f"/api/actors/{KH}/neighbors", {"modality": "likely"}, "modality"),
])
def test_an_unknown_filter_value_is_a_400_listing_the_allowed_ones(api, url, params, what):
    r = api.get(url, params=params)
    assert r.status_code == 400, r.text
    detail = r.json()["detail"]
    assert f"unknown {what} {next(iter(params.values()))!r}" in detail
    assert all(v in detail for v in vocabulary()[what])


def test_an_unknown_entity_type_is_a_400(api):
    r = api.get("/api/actors", params={"type": "militia"})
    assert r.status_code == 400 and all(t in r.json()["detail"] for t in vocabulary()["entity type"])
    assert api.get("/api/actors", params={"type": "person"}).json()["total"] > 0


def test_filter_values_in_another_case_are_the_same_filter(api):
    lower = api.get("/api/claims", params={"predicate": "arms"}).json()
    assert lower["total"] > 0 and api.get("/api/claims", params={"predicate": "ARMS"}).json() == lower


@pytest.mark.parametrize("params, message", [
    ({"date_from": "2020-02-31"}, "February 2020 has 29 days"),
    ({"date_to": "2019-11-31"}, "November 2019 has 30 days"),
    ({"as_of": "2021-02-29"}, "not a date"),
    ({"date_from": "2020", "date_to": "2019"}, "the date range is reversed"),
    ({"date_from": "2020-01-06", "date_to": "2020-01-05"}, "the date range is reversed"),
])
def test_impossible_dates_and_reversed_ranges_are_400(api, params, message):
    for url in ("/api/claims", f"/api/actors/{KH}/neighbors"):
        r = api.get(url, params=params)
        assert r.status_code == 400 and message in r.json()["detail"], (url, r.text)


def test_search_takes_or_not_phrases_and_prefixes(api):
    def sources(q):
        r = api.get("/api/search", params={"q": q})
        assert r.status_code == 200, r.text
        return {h["source"] for h in r.json()["items"]}
    assert sources("Nasrallah OR Kirkuk") == {"gulfledger", "harbourtimes"}
    assert sources("Nasrallah Kirkuk") == set()
    assert sources("Soleimani -Kirkuk") == {"levantpost"}
    assert sources("Soleimani NOT Kirkuk") == {"levantpost"}
    assert sources('"drone strike"') == {"levantpost"}
    assert sources("Nasral*") == {"gulfledger"}


@pytest.mark.parametrize("q, message", [('"drone strike', "unbalanced quote"), ("Kirkuk OR", "OR needs a word"),
                                        ("NOT Kirkuk", "only says what to leave out"), ("(Kirkuk", "parenthesis")])
def test_a_search_that_cannot_be_read_is_a_400_saying_why(api, q, message):
    r = api.get("/api/search", params={"q": q})
    assert r.status_code == 400 and message in r.json()["detail"], r.text


def test_a_document_uploaded_twice_is_already_stored_with_its_id(writer):
    stored = {d["title"]: d["id"] for d in writer.get("/api/documents").json()["items"]}
    first = DOCS[0]
    r = writer.post("/api/documents", json={"text": first["text"], "title": "another title"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "already stored" and body["created"] is False
    assert body["id"] == stored[first["title"]]
    assert writer.get("/api/documents").json()["total"] == len(stored)
    r = writer.post("/api/documents", files={"file": ("again.txt", first["text"].encode())})
    assert r.status_code == 200 and r.json()["status"] == "already stored"
    new = writer.post("/api/documents", json={"text": "Hezbollah trained Houthi fighters near Saada in 2016."})
    assert new.status_code == 201 and new.json()["status"] == "stored"


def test_a_name_only_spelt_like_an_actors_is_a_404_with_candidates(api):
    r = api.get("/api/actors/Hezbolah")
    assert r.status_code == 404 and "did you mean Hezbollah" in r.json()["detail"]
    assert [c["id"] for c in r.json()["candidates"]] == ["ent-hizballah"]
    assert api.get(f"/api/actors/{KH}/neighbors", params={}).status_code == 200
    assert api.get("/api/actors/Hezbolah/neighbors").status_code == 404
    listed = api.get("/api/actors", params={"q": "Hezbolah"}).json()  # the search still offers it
    assert [a["id"] for a in listed["items"]] == ["ent-hizballah"] and listed["near"] == "spelling"
    assert "near" not in api.get("/api/actors", params={"q": "Hezbollah"}).json()


def test_merge_of_two_states_is_a_409_with_the_reason_unless_forced(writer):
    r = writer.post("/api/merge", json={"a": "ent-irn", "b": "ent-isr"})
    assert r.status_code == 409, r.text
    assert "countries differ (IRN, ISR)" in r.json()["detail"] and "force" in r.json()["detail"]
    assert writer.get("/api/audit").json()["total"] == 0
    r = writer.post("/api/merge", json={"a": "ent-irn", "b": "ent-isr", "force": True, "reason": "a test"})
    assert r.status_code == 200 and r.json()["actor"] in ("ent-irn", "ent-isr")
