"""GET /api/paths: the k shortest chains between two actors named any way, under the claim filters."""
from __future__ import annotations

from api_corpus import IRAN, KH

from claimgraph.query.paths import paths
from claimgraph.store import Store


def test_paths_answer_as_the_query_and_take_names_and_filters(api, api_db):
    got = api.get("/api/paths", params={"a": "Tehran", "b": "United States", "k": 2}).json()
    with Store(api_db) as store:
        assert got == paths(store, IRAN, "ent-usa", k=2)
    first = got["paths"][0]
    assert [n["id"] for n in first["nodes"]] == [IRAN, KH, "ent-usa"]
    assert all(c["evidence"] for h in first["hops"] for c in h["claims"])
    negated = api.get("/api/paths", params=[("a", IRAN), ("b", KH), ("modality", "negated")]).json()
    assert negated["paths"] and {c["modality"] for p in negated["paths"] for h in p["hops"] for c in h["claims"]} == {"negated"}
    none = api.get("/api/paths", params={"a": IRAN, "b": "ent-usa", "min_sources": 50}).json()
    assert none["paths"] == [] and none["from"]["id"] == IRAN


def test_paths_refuse_bad_input(api):
    for params, status in (({"a": IRAN}, 422), ({"a": IRAN, "b": KH, "k": 11}, 422),
                           ({"a": IRAN, "b": KH, "max_hops": 9}, 422), ({"a": IRAN, "b": KH, "date_from": "soon"}, 400),
                           ({"a": IRAN, "b": "nobody at all here"}, 404)):
        r = api.get("/api/paths", params=params)
        assert r.status_code == status, (params, r.text)
        assert r.json()["detail"]


def test_actors_as_one_types_a_name(api):
    """`typed=true`: the beginnings of names' words too, after the actors the whole text names."""
    from api_corpus import SOLEIMANI
    assert api.get("/api/actors", params={"q": "Solei"}).json()["items"] == []
    typed = api.get("/api/actors", params={"q": "Solei", "typed": "true"}).json()["items"]
    assert SOLEIMANI in [a["id"] for a in typed]
    spelt = api.get("/api/actors", params={"q": "Qasem Soleimany", "typed": "true"}).json()["items"]
    assert spelt[0]["id"] == SOLEIMANI  # a spelling find_actor knows comes first
    assert api.get("/api/actors", params={"q": "zzzz", "typed": "true"}).json()["items"] == []
