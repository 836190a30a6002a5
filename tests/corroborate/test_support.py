from collections import Counter

from corroborate_texts import IRAN, OWN_STORY, REPRINT, THIRD_STORY, WIRE, claim, doc, merged

from claimgraph.corroborate.near_duplicates import clusters
from claimgraph.corroborate.support import group, support


def corpus():
    wire = doc(WIRE, "Reuters", "2020-01-08")
    reprint = doc(REPRINT, "arabnews", "2020-01-09")
    own = doc(OWN_STORY, "The Washington Post", "2020-01-08")
    third = doc(THIRD_STORY, None, "2020-01-10")
    docs = [wire, reprint, own, third]
    return docs, {d.id: d for d in docs}, clusters(docs)


def test_reprint_adds_a_document_and_an_outlet_but_no_independent_source():
    (wire, reprint, own, _), by_id, near = corpus()
    c = merged(claim(wire), claim(reprint))
    s = support(c, by_id, near)
    assert s["documents"] == sorted([wire.id, reprint.id])
    assert s["sources"] == ["Arab News", "Reuters"]
    assert s["independent"] == 1
    c2 = merged(claim(wire), claim(reprint), claim(own))
    assert support(c2, by_id, near)["independent"] == 2


def test_two_stories_of_one_outlet_are_one_source_and_a_sourceless_document_its_own():
    (wire, _, own, third), by_id, near = corpus()
    own.source = "Thomson Reuters"  # an alias of the wire's outlet
    s = support(merged(claim(wire), claim(own), claim(third)), by_id, near)
    assert s["sources"] == sorted(["Reuters", third.id])
    assert s["independent"] == 2
    assert sorted(map(len, s["independent_sources"])) == [1, 2]


def test_without_clusters_a_reprint_counts_by_its_outlet():
    (wire, reprint, _, _), by_id, _ = corpus()
    assert support(merged(claim(wire), claim(reprint)), by_id, {})["independent"] == 2


def test_group_aggregates_modalities_by_independent_source():
    (wire, reprint, own, third), by_id, near = corpus()
    claims = [
        merged(claim(wire), claim(reprint)),          # asserted by one story, reprinted
        claim(own, modality="alleged"),
        claim(third, modality="alleged"),
        claim(doc("Tehran said nothing of the sort.", "Press TV"), modality="negated"),
        claim(wire, subject=IRAN, predicate="funds", object="ent-kataib-hezbollah", kind="relation"),
    ]
    groups = group(claims, by_id, near)
    assert len(groups) == 2
    attack = groups[0]
    assert attack.claim_ids == [c.id for c in claims[:4]]
    assert attack.modalities == Counter({"asserted": 1, "alleged": 2, "negated": 1})
    assert attack.support["independent"] == 4
    assert attack.support["documents"] == sorted({wire.id, reprint.id, own.id, third.id, claims[3].evidence[0].doc_id})
    assert groups[1].key == ("relation", IRAN, "funds", "ent-kataib-hezbollah")
    assert groups[1].modalities == Counter({"asserted": 1})
