"""neighbors, path and rank over the claim graph."""
from __future__ import annotations

import pytest
from query_corpus import IRAN, KH, QF, SOLEIMANI

from claimgraph.query import neighbors, path, rank, snapshot


def ids(result) -> set[str]:
    return {n["id"] for n in result["nodes"]}


def test_neighbors_depth_one_and_two(store):
    one = neighbors(store, IRAN)
    assert ids(one) == {KH}
    assert {e["modality"] for e in one["edges"]} == {"asserted", "negated"}
    two = neighbors(store, IRAN, depth=2)
    assert {QF, "ent-usa"} <= ids(two) and SOLEIMANI not in ids(two)
    assert {n["distance"] for n in two["nodes"] if n["id"] == QF} == {2}
    for e in two["edges"]:
        assert e["claim"].startswith("clm-") and {e["source"], e["target"]} <= ids(two) | {IRAN}


def test_neighbors_filters(store):
    assert ids(neighbors(store, KH, predicates=["trains"])) == {QF}
    assert ids(neighbors(store, KH, predicates=["ASSAULT", "arms"])) == {"ent-usa", IRAN}
    negated = neighbors(store, KH, modalities=["negated"])
    assert [e["modality"] for e in negated["edges"]] == ["negated"]
    assert ids(neighbors(store, SOLEIMANI, min_sources=2)) == {QF}
    # KH attacked the US in December 2019; the 2021 arrest of its commander is outside the range
    dated = neighbors(store, KH, date_from="2019-12", date_to="2019")
    assert "ent-usa" in ids(dated) and "ent-per-6fc9d187ee62" not in ids(dated)
    assert neighbors(store, KH, date_from="2030")["nodes"] == []


def test_neighbors_rejects_a_bad_date_or_depth(store):
    with pytest.raises(ValueError):
        neighbors(store, KH, date_from="last year")
    with pytest.raises(ValueError):
        neighbors(store, KH, depth=4)


def test_path_gives_each_hop_with_its_claims_and_evidence(store):
    hops = path(store, IRAN, SOLEIMANI)
    assert [(h["from"]["id"], h["to"]["id"]) for h in hops] == [(IRAN, KH), (KH, QF), (QF, SOLEIMANI)]
    assert {c["modality"] for c in hops[0]["claims"]} == {"asserted", "negated"}
    assert hops[2]["claims"][0]["predicate"] == "leads" and len(hops[2]["claims"][0]["evidence"]) == 2
    assert path(store, IRAN, SOLEIMANI, max_hops=2) == []
    assert path(store, IRAN, "ent-palestinian-islamic-jihad") == []  # only al-Quds Brigades and Israel


def test_rank_weights_ties_by_evidence(store):
    top = rank(store, "degree", limit=3)
    assert top[0]["id"] == KH and top[0]["score"] == 5  # four ties, five pieces of evidence
    assert top[1]["id"] == SOLEIMANI and top[1]["evidence"] == 4
    assert rank(store, "pagerank")[0]["id"] == KH
    between = rank(store, "betweenness")
    assert between[0]["id"] == QF and between[-1]["score"] == 0  # the Quds Force bridges KH and Hezbollah
    with pytest.raises(ValueError):
        rank(store, "eigenvector")


def test_a_snapshot_answers_like_the_store(store):
    snap = snapshot(store)
    assert neighbors(snap, IRAN, depth=2) == neighbors(store, IRAN, depth=2)
    assert path(snap, IRAN, SOLEIMANI) == path(store, IRAN, SOLEIMANI)


def test_three_steps_reach_no_fewer_actors_than_two(store):
    two, three = neighbors(store, IRAN, depth=2), neighbors(store, IRAN, depth=3)
    assert {n["id"] for n in two["nodes"]} <= {n["id"] for n in three["nodes"]}
    assert max(n["distance"] for n in three["nodes"]) == 3
