"""The resolved graph: one entity per cluster, claims re-pointed and merged."""
from __future__ import annotations

from resolve_docs import actor, document, relation

from claimgraph.extract.entities.actors import entity_id
from claimgraph.resolve import Resolver, resolved_graph

A = "Qasem Suleimani commanded the Quds Force for two decades."
B = "Qassim Soleimani commanded the Quds Force, the agency said."
C = "The Quds Force armed Kataib Hezbollah."


def build(store):
    docs = []
    for text, name in ((A, "Qasem Suleimani"), (B, "Qassim Soleimani")):
        person, qf = actor(text, name), actor(text, "Quds Force", "organization", kb="quds-force", country="IRN")
        docs.append(document(text, person, qf, claims=[relation(text, person, "leads", qf, f"clm-{person.id}")]))
    qf, kh = actor(C, "Quds Force", "organization", kb="quds-force"), actor(C, "Kataib Hezbollah", "organization")
    docs.append(document(C, qf, kh, claims=[relation(C, qf, "arms", kh, "clm-arms")]))
    for d in docs:
        store.add_document(d)


def test_a_cluster_is_one_entity_with_every_name_and_mention(store):
    build(store)
    Resolver(store).auto()
    _, entities, _ = resolved_graph(store)
    people = [e for e in entities if e.type == "person"]
    assert len(people) == 1
    [p] = people
    assert p.id == min(entity_id("person", "Qasem Suleimani"), entity_id("person", "Qassim Soleimani"))
    assert {p.name, *p.aliases} == {"Qasem Suleimani", "Qassim Soleimani"}
    assert len({m.doc_id for m in p.mentions}) == 2


def test_claims_are_re_pointed_and_the_same_claim_keeps_all_its_evidence(store):
    build(store)
    _, _, before = resolved_graph(store)
    assert len([c for c in before if c.predicate == "leads"]) == 2
    Resolver(store).auto()
    _, entities, claims = resolved_graph(store)
    ids = {e.id for e in entities}
    assert all(c.subject in ids and (c.object is None or c.object in ids) for c in claims)
    [leads] = [c for c in claims if c.predicate == "leads"]
    assert {ev.text for ev in leads.evidence} == {A, B}
    assert leads.confidence > 0.8  # two readings: 1 - 0.2 * 0.2
    assert [c.id for c in claims if c.predicate == "arms"] == ["clm-arms"]


def test_without_judgements_the_graph_is_the_store_graph(store):
    build(store)
    assert resolved_graph(store) == store.load_graph()
