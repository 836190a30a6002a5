"""Actors split by the NER's type or a spelling are joined; distinct actors never are (real store)."""
from __future__ import annotations

from resolve_docs import actor, document

from claimgraph.resolve import Resolver, resolved_graph

K1 = "Kourani met the handler in Beirut, the complaint says."
K2 = "Prosecutors said Kourani had scouted the airport."
P1 = "Ali Kourani was sentenced in New York. Kourani had trained with the group."
P2 = "Hussein Kourani, a shopkeeper, told reporters that Kourani was a common name."
S1 = "Kata'ib Sayyid al-Shuhada fighters crossed the border."
S2 = "Kait'ib Sayyid al-Shuhada claimed the attack."
I1 = "Iran denied the report on Monday."
I2 = "The Islamic Republic of Iran rejected the sanctions."
I3 = "Iraq rejected the sanctions as well."
T1 = "Ministers met in Tehran on Sunday."


def test_a_surname_the_ner_typed_an_organization_is_the_person_of_that_name(store):
    org = actor(K1, "Kourani", "organization")
    person = actor(K2, "Kourani", "person")
    store.add_document(document(K1, org))
    store.add_document(document(K2, person))
    resolver = Resolver(store)
    assert resolver.auto() == 1
    _, entities, _ = resolved_graph(store, resolver)
    [one] = [e for e in entities if e.name == "Kourani"]
    assert one.type == "person" and len(one.mentions) == 2


def test_two_people_called_by_one_surname_stay_two(store):
    ali = actor(P1, "Ali Kourani", aliases=["Kourani"])
    hussein = actor(P2, "Hussein Kourani", aliases=["Kourani"])
    store.add_document(document(P1, ali))
    store.add_document(document(P2, hussein))
    resolver = Resolver(store)
    resolver.auto(threshold=0.8)
    assert resolver.canonical(ali.id) != resolver.canonical(hussein.id)


def test_a_known_organization_absorbs_a_spelling_the_ner_called_a_person(store):
    kss = actor(S1, "Kata'ib Sayyid al-Shuhada", "organization", kb="kataib-sayyid-al-shuhada", country="IRQ")
    variant = actor(S2, "Kait'ib Sayyid al-Shuhada", "person")
    store.add_document(document(S1, kss))
    store.add_document(document(S2, variant))
    resolver = Resolver(store)
    resolver.auto()
    assert resolver.canonical(variant.id) == kss.id
    _, entities, _ = resolved_graph(store, resolver)
    assert next(e for e in entities if e.id == kss.id).type == "organization"


def test_a_state_absorbs_a_place_of_its_exact_name_and_nothing_else(store):
    iran = actor(I1, "Iran", "country", kb="irn", country="IRN", aliases=["Islamic Republic of Iran"])
    place = actor(I2, "Islamic Republic of Iran", "location")
    iraq = actor(I3, "Iraq", "location")
    tehran = actor(T1, "Tehran", "location", kb="tehran", country="IRN", aliases=["Iran's capital"])
    for text, e in ((I1, iran), (I2, place), (I3, iraq), (T1, tehran)):
        store.add_document(document(text, e))
    resolver = Resolver(store)
    resolver.auto(threshold=0.7)
    assert resolver.cluster(iran.id) == sorted([iran.id, place.id])
    assert resolver.canonical(iraq.id) == iraq.id and resolver.canonical(tehran.id) == tehran.id


def test_two_known_states_and_a_state_and_a_person_never_merge(store):
    georgia = actor(I1, "Georgia", "country", surface="Iran", kb="geo", country="GEO")
    person = actor(I2, "Georgia", "person", surface="Iran")
    org = actor(I3, "Georgia", "organization", surface="Iraq")
    for text, e in ((I1, georgia), (I2, person), (I3, org)):
        store.add_document(document(text, e))
    resolver = Resolver(store)
    resolver.auto(threshold=0.5)
    assert resolver.cluster(georgia.id) == [georgia.id]
    # the person and the organization the NER typed may be one actor, but neither is the state
    assert resolver.canonical(person.id) == resolver.canonical(org.id) != georgia.id
