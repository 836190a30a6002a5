"""Reading the store over HTTP: every answer is the query layer's, with pages and clear errors."""
from __future__ import annotations

from itertools import pairwise

from api_corpus import IRAN, KH, PAYLOAD_TEXT, PAYLOAD_TITLE, QF, SOLEIMANI

from claimgraph.query import claims as query_claims
from claimgraph.query import dossier, snapshot
from claimgraph.store import Store


def test_summary_counts_what_the_store_holds(api, api_db):
    s = api.get("/api/summary").json()
    with Store(api_db) as store:
        expected = store.summary()
    assert s["documents"] == expected["documents"] == 4
    assert s["claims"] == expected["claims"] and s["entities"] == expected["entities"]
    assert s["evidence"] >= s["claims"] > 0


def test_actors_are_found_under_any_spelling(api):
    for q in ("Qasem Soleimany", "qassem soleimani", "Soleimani", SOLEIMANI):
        items = api.get("/api/actors", params={"q": q}).json()["items"]
        assert [a["id"] for a in items] == [SOLEIMANI], q
    soleimani = api.get("/api/actors", params={"q": "Qasem Soleimani"}).json()["items"][0]
    assert soleimani["mentions"] == 2 and "Qasem Soleimani" in soleimani["aliases"]


def test_an_ambiguous_name_lists_its_candidates_and_names_nothing_when_asked_for_one(api):
    items = api.get("/api/actors", params={"q": "Islamic"}).json()["items"]
    assert {a["id"] for a in items} >= {IRAN, "ent-hizballah"}
    r = api.get("/api/actors/Islamic")
    assert r.status_code == 409
    assert "fits" in r.json()["detail"] and {c["id"] for c in r.json()["candidates"]} == {a["id"] for a in items}
    assert api.get("/api/actors", params={"q": "Narnia Liberation Front"}).json() == \
        {"total": 0, "limit": 50, "offset": 0, "items": []}


def test_dossier_is_the_query_layers(api, api_db):
    got = api.get(f"/api/actors/{SOLEIMANI}").json()
    with Store(api_db) as store:
        expected = dossier(snapshot(store), SOLEIMANI)
    assert got == expected
    assert got["relations"]["leads"]["as_subject"][0]["other"]["id"] == QF
    assert api.get("/api/actors/Qasem Soleimani").json()["id"] == SOLEIMANI  # a name works too
    r = api.get("/api/actors/Qasem Soleimany")  # a name only spelt like one: offered, not picked
    assert r.status_code == 404 and [c["id"] for c in r.json()["candidates"]] == [SOLEIMANI]
    assert "did you mean Qassem Soleimani" in r.json()["detail"]


def test_a_dossier_is_paged_with_limit_and_offset(api, api_db):
    with Store(api_db) as store:
        actor = IRAN
        whole = dossier(store, actor, limit=None, shown=None)
        for limit, offset in ((1, 0), (1, 1), (2, 3)):
            got = api.get(f"/api/actors/{actor}", params={"limit": limit, "offset": offset}).json()
            assert got == dossier(store, actor, limit=limit, offset=offset, shown=None)
            assert got["documents"] == whole["documents"][offset:offset + limit]
            assert got["documents_more"] == max(len(whole["documents"]) - offset - limit, 0)
            if offset == 0:
                assert any(g["more"] for g in got["relations"].values())  # a list longer than the page
    assert len(whole["documents"]) > 1
    for bad in ({"limit": 0}, {"offset": -1}, {"limit": 501}):
        assert api.get(f"/api/actors/{actor}", params=bad).status_code == 422, bad


def test_shown_cuts_each_lines_evidence_and_counts_the_rest(api, api_db):
    with Store(api_db) as store:
        whole = {r["claim"]: r for r in query_claims(store, shown=None)}
    assert max(len(r["evidence"]) for r in whole.values()) > 1  # some claim is cut at one
    for url in (f"/api/actors/{SOLEIMANI}", "/api/claims"):
        got = api.get(url, params={"shown": 1}).json()
        rows = got["items"] if "items" in got else [r for g in got["relations"].values()
                                                    for side in ("as_subject", "as_object") for r in g[side]]
        assert rows
        for row in rows:
            evidence = whole[row["claim"]]["evidence"]
            assert row["evidence"] == evidence[:1]
            assert row.get("evidence_more") == (len(evidence) - 1 or None)
    assert api.get("/api/claims", params={"shown": 0}).status_code == 422


def test_unknown_ids_are_404_with_a_message(api):
    for url in ("/api/actors/ent-nobody", "/api/actors/ent-nobody/neighbors", "/api/claims/clm-0000",
                "/api/documents/doc-0000", "/api/nothing-here"):
        r = api.get(url)
        assert r.status_code == 404, url
        assert r.headers["content-type"].startswith("application/json")
        assert isinstance(r.json()["detail"], str) and r.json()["detail"], url


def test_neighbors_filters_by_modality_and_depth(api):
    g = api.get(f"/api/actors/{IRAN}/neighbors").json()
    assert g["center"]["id"] == IRAN and [n["id"] for n in g["nodes"]] == [KH]
    assert {e["modality"] for e in g["edges"]} == {"reported", "negated"}
    negated = api.get(f"/api/actors/{IRAN}/neighbors", params={"modality": "negated"}).json()
    assert [e["modality"] for e in negated["edges"]] == ["negated"]
    two = api.get(f"/api/actors/{IRAN}/neighbors", params={"depth": 2}).json()
    assert {n["id"] for n in two["nodes"] if n["distance"] == 2} == {"ent-usa"}


def test_bad_filters_are_4xx_with_a_clear_message(api):
    cases = [
        (f"/api/actors/{IRAN}/neighbors?depth=4", 422, "depth"),
        (f"/api/actors/{IRAN}/neighbors?date_from=last+week", 400, "not a date"),
        ("/api/claims?max_credibility=9", 422, "max_credibility"),
        ("/api/claims?limit=501", 422, "limit"),
        ("/api/events?place=Atlantis", 400, "Atlantis"),
        ("/api/rank?metric=charisma", 400, "charisma"),
        ('/api/search?q=%22%22', 400, "nothing to search for"),
        ("/api/path?a=ent-irn", 422, "'b'"),
    ]
    for url, status, needle in cases:
        r = api.get(url)
        assert r.status_code == status, (url, r.text)
        assert needle in r.json()["detail"], (url, r.json())


def test_path_links_two_actors_through_evidence(api):
    hops = api.get("/api/path", params={"a": "Iran", "b": "United States"}).json()
    assert [(h["from"]["id"], h["to"]["id"]) for h in hops] == [(IRAN, KH), (KH, "ent-usa")]
    assert all(c["evidence"] for h in hops for c in h["claims"])


def test_claims_filter_and_page(api):
    everything = api.get("/api/claims", params={"limit": 500}).json()
    assert everything["total"] == len(everything["items"]) >= 8
    events = api.get("/api/claims", params={"kind": "event"}).json()
    assert events["total"] > 0 and {c["kind"] for c in events["items"]} == {"event"}
    about_iran = api.get("/api/claims", params={"actor": "Tehran"}).json()["items"]
    assert about_iran and all(IRAN in (c["subject"]["id"], (c["object"] or {}).get("id")) for c in about_iran)
    second = api.get("/api/claims", params={"limit": 2, "offset": 2}).json()
    assert [c["claim"] for c in second["items"]] == [c["claim"] for c in everything["items"][2:4]]
    assert all(c["modality"] == "negated" for c in api.get("/api/claims", params={"modality": "negated"}).json()["items"])


def _claim(api, **where) -> dict:
    rows = api.get("/api/claims", params={"limit": 500}).json()["items"]
    row = next(r for r in rows if all(r[k] == v if k != "object" else (r[k] or {}).get("id") == v
                                      for k, v in where.items()))
    return api.get(f"/api/claims/{row['claim']}").json()


def test_claim_evidence_highlights_actors_and_cue_words(api):
    denied = _claim(api, predicate="arms", modality="negated")
    [ev] = denied["evidence"]
    marked = {(ev["excerpt"][h["start"]:h["end"]], h["kind"], h.get("role")) for h in ev["highlights"]}
    assert marked == {("Tehran", "actor", None), ("Kata'ib Hezbollah", "actor", None),
                      ("denied", "cue", "modality"), ("arming", "cue", "trigger")}
    actors = {h["entity"] for h in ev["highlights"] if h["kind"] == "actor"}
    assert actors == {IRAN, KH}
    spans = [(h["start"], h["end"]) for h in ev["highlights"]]
    assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in pairwise(spans))  # no overlaps


def test_a_claim_read_in_two_documents_is_highlighted_in_each(api):
    leads = _claim(api, predicate="leads", object=QF)
    words = {ev["doc"]: {ev["excerpt"][h["start"]:h["end"]] for h in ev["highlights"] if h["kind"] == "cue"}
             for ev in leads["evidence"]}
    assert sorted(words.values(), key=sorted) == [{"commander"}, {"head"}]
    for ev in leads["evidence"]:
        assert any(h["kind"] == "actor" and h["entity"] == SOLEIMANI for h in ev["highlights"])


def test_documents_list_and_one_document_with_its_text_mentions_and_claims(api):
    docs = api.get("/api/documents").json()
    assert docs["total"] == 4
    assert [d["published"] for d in docs["items"]] == sorted((d["published"] for d in docs["items"]), reverse=True)
    payload = next(d for d in docs["items"] if d["source"] == "northdesk")
    assert payload["title"] == PAYLOAD_TITLE and payload["claims"] == 2
    doc = api.get(f"/api/documents/{payload['id']}").json()
    assert doc["text"] == PAYLOAD_TEXT  # untrusted text goes back exactly as stored, as JSON data
    for m in doc["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"]
    assert {m["entity"] for m in doc["mentions"]} >= {"ent-hizballah", "ent-isr"}
    assert len(doc["claims"]) == 2 and all(ev["doc"] == doc["id"] for c in doc["claims"] for ev in c["evidence"])


def test_search_finds_documents_and_their_claims(api):
    hits = api.get("/api/search", params={"q": "denied arming"}).json()
    assert [h["title"] for h in hits["items"]] == ["Tehran denies arming militias"]
    assert hits["items"][0]["claims"]
    either = api.get("/api/search", params={"q": "Kirkuk OR Galilee"}).json()["items"]  # OR is an operator
    assert {h["source"] for h in either} == {"harbourtimes", "northdesk"}
    assert api.get("/api/search", params={"q": "Kirkuk Galilee"}).json()["total"] == 0


def test_events_by_place_and_actor(api):
    in_iraq = api.get("/api/events", params={"place": "IRQ"}).json()["items"]
    # the meeting in Baghdad, and the attack on a base near Kirkuk (a place on the target)
    assert sorted(e["predicate"] for e in in_iraq) == ["ASSAULT", "CONSULT"]
    by_israel = api.get("/api/events", params={"actor": "Israel"}).json()["items"]
    assert {e["predicate"] for e in by_israel} == {"ASSAULT"} and len(by_israel) == 2


def test_rank_pages_the_most_central_actors(api):
    first = api.get("/api/rank", params={"limit": 3}).json()
    assert first["total"] >= 8 and len(first["items"]) == 3
    scores = [a["score"] for a in first["items"]]
    assert scores == sorted(scores, reverse=True)
