"""find_actor and dossier on a store built by the real pipeline."""
from __future__ import annotations

import pytest
from query_corpus import IRAN, KH, QF, SOLEIMANI

from claimgraph.model import Entity
from claimgraph.query import UnknownEntity, dossier, find_actor


@pytest.mark.parametrize("name", ["Qassem Soleimani", "Qasem Soleimani", "qasem suleimani", "SOLEIMANI", SOLEIMANI])
def test_find_actor_takes_any_name_alias_or_word_of_one(store, name):
    found = find_actor(store, name)
    assert isinstance(found, Entity) and found.id == SOLEIMANI


@pytest.mark.parametrize("name", ["Qasem Soleimany", "Qassem Soleimanni"])
def test_a_name_only_spelt_like_one_picks_nothing_but_offers_it(store, name):
    from claimgraph.query import NoSuchActor
    found = find_actor(store, name)
    assert isinstance(found, NoSuchActor) and found == [] and found.near == "spelling"
    assert [e.id for e in found.candidates] == [SOLEIMANI]


def test_the_same_actor_under_two_spellings_is_one_entity(store):
    assert find_actor(store, "Kata’ib Hezbollah").id == find_actor(store, "Kataib Hizballah").id == KH


def test_an_exact_name_beats_a_fuzzy_one(store):
    # "Hezbollah" is also a word of "Kata'ib Hizballah"'s aliases; the exact name wins
    assert find_actor(store, "Hezbollah").id == "ent-hizballah"
    assert find_actor(store, "Tehran").id == IRAN


def test_an_ambiguous_name_gives_the_candidates(store):
    found = find_actor(store, "Hassan")
    assert isinstance(found, list)
    assert {e.name for e in found} == {"Hassan Nasrallah", "Ali Hassan"}
    quds = find_actor(store, "Quds")
    assert {e.id for e in quds} == {QF, "ent-al-quds-brigades"}


def test_an_unknown_name_gives_no_candidate(store):
    assert find_actor(store, "Abu Bakr al-Baghdadi") == []
    assert find_actor(store, "  ") == []


def test_dossier_identity_relations_timeline_documents(store):
    d = dossier(store, SOLEIMANI)
    assert (d["name"], d["type"], d["country"], d["kb_id"]) == ("Qassem Soleimani", "person", "IRN", "qassem-soleimani")
    assert "Qasem Soleimani" in d["aliases"]
    [leads] = d["relations"]["leads"]["as_subject"]
    assert leads["other"] == {"id": QF, "name": "Quds Force"}
    assert (leads["documents"], leads["sources"], leads["modality"]) == (2, 2, "asserted")
    assert {ev["title"] for ev in leads["evidence"]} == {"Rockets and drones for Iraqi militias",
                                                        "Tehran denies arming militias"}
    assert any(ev["excerpt"].startswith("Qasem Soleimani, the head of the Quds Force") for ev in leads["evidence"])
    assert [(t["type"], t["role"], t["counterpart"]["name"]) for t in d["timeline"]] == [
        ("CONSULT", "actor", "Abu Mahdi al-Muhandis"), ("ASSAULT", "target", "United States")]
    assert d["timeline"][0]["location"]["name"] == "Baghdad" and d["timeline"][1]["mode"] == "aerial"
    assert [x["source"] for x in d["documents"]] == ["tigriswire", "levantpost"]
    assert all(x["mentions"] >= 1 for x in d["documents"])


def test_dossier_relations_as_object_and_contradiction_visible(store):
    d = dossier(store, KH)
    arms = d["relations"]["arms"]["as_object"]
    assert {(r["other"]["id"], r["modality"]) for r in arms} == {(IRAN, "asserted"), (IRAN, "negated")}
    negated = next(r for r in arms if r["modality"] == "negated")
    assert negated["attributed_to"] == {"id": IRAN, "name": "Iran"}
    assert negated["evidence"][0]["excerpt"] == "Tehran denied arming Kata'ib Hezbollah."
    assert d["relations"]["trains"]["as_object"][0]["other"]["id"] == QF


def test_every_dossier_line_has_evidence_that_is_the_document_text(store):
    texts = {doc.id: doc.text for doc in store.documents()}
    d = dossier(store, KH)
    lines = [r for g in d["relations"].values() for side in g.values() for r in side] + d["timeline"]
    assert lines
    for line in lines:
        assert line["evidence"]
        for ev in line["evidence"]:
            assert texts[ev["doc"]][ev["start"]:ev["end"]] == ev["excerpt"]


def test_dossier_of_an_unknown_id_raises(store):
    with pytest.raises(UnknownEntity):
        dossier(store, "ent-nobody")


def test_a_longer_name_is_not_taken_for_a_shorter_one(store):
    assert find_actor(store, "Ali Hassan al-Tikriti") == []
    near = find_actor(store, "Ali Hasan")  # spelt like "Ali Hassan": offered, not picked
    assert near == [] and [e.name for e in near.candidates] == ["Ali Hassan"]


def test_queries_see_merged_actors_as_one(tmp_path, extractor):
    from claimgraph.model import Document
    from claimgraph.query import dossier, find_actor
    from claimgraph.resolve import Resolver
    from claimgraph.store import Store

    texts = ["Brigadier Farhad Golestani met Hezbollah commanders in Beirut.",
             "Brigadier Farhad Golestany trained Kata'ib Hizballah fighters near Baghdad."]
    with Store(tmp_path / "merge.db") as store:
        for d in extractor([Document(text=t, source=f"outlet{i}") for i, t in enumerate(texts)]):
            store.add_document(d)
        people = [e for e in store.entities(type="person")]
        assert len(people) == 2
        Resolver(store).merge(people[0].id, people[1].id, analyst="test")
        found = find_actor(store, "Farhad Golestany")
        assert not isinstance(found, list)
        d = dossier(store, found.id)
        assert {"Farhad Golestani", "Farhad Golestany"} <= {d["name"], *d["aliases"]}
        predicates = set(d["relations"]) | {e["type"] for e in d["timeline"]}
        assert {"CONSULT", "trains"} <= predicates, d
