"""Automatic resolution asks the database which candidates one document names both of
(`shared_documents`), instead of holding every entity's documents: the same decisions."""
from __future__ import annotations

from resolve_docs import actor, document

from claimgraph.resolve import Resolver
from claimgraph.resolve.candidates import candidates, load_records, shared_documents

BOTH = "Commander Rahim Tavakoli spoke first; later Rahim Tavakkoli, his cousin, answered him."
ONE = "Rahim Tavakoli inspected the port on Sunday."
OTHER = "Officials said Rahim Tavakkolli had left the port by Tuesday."


def _ids(store):
    with Resolver(store)._reads() as session:
        return {r.name: r.id for r in load_records(session, with_documents=False)}


def test_two_names_of_one_document_are_not_merged(store):
    store.add_document(document(BOTH, actor(BOTH, "Rahim Tavakoli"), actor(BOTH, "Rahim Tavakkoli")))
    ids = _ids(store)
    resolver = Resolver(store)
    assert resolver.auto() == 0  # the linker kept them apart in their document
    assert resolver.canonical(ids["Rahim Tavakoli"]) != resolver.canonical(ids["Rahim Tavakkoli"])


def test_the_same_two_names_in_two_documents_are_merged(store):
    store.add_document(document(ONE, actor(ONE, "Rahim Tavakoli")))
    store.add_document(document(OTHER, actor(OTHER, "Rahim Tavakkoli", surface="Rahim Tavakkolli")))
    ids = _ids(store)
    resolver = Resolver(store)
    assert resolver.auto() == 1
    assert resolver.canonical(ids["Rahim Tavakoli"]) == resolver.canonical(ids["Rahim Tavakkoli"])


def test_the_database_answers_as_the_records_documents_do(store):
    store.add_document(document(BOTH, actor(BOTH, "Rahim Tavakoli"), actor(BOTH, "Rahim Tavakkoli")))
    store.add_document(document(ONE, actor(ONE, "Rahim Tavakoli")))
    store.add_document(document(OTHER, actor(OTHER, "Rahim Tavakkolli")))
    with Resolver(store)._reads() as session:
        with_docs = candidates(load_records(session), 0.5)
        asked = candidates(load_records(session, with_documents=False), 0.5,
                           shared=lambda pairs: shared_documents(session, pairs))
        ids = {r.name: r.id for r in load_records(session, with_documents=False)}
        pair = tuple(sorted((ids["Rahim Tavakoli"], ids["Rahim Tavakkoli"])))
        apart = tuple(sorted((ids["Rahim Tavakoli"], ids["Rahim Tavakkolli"])))
        assert shared_documents(session, [pair, apart]) == {pair}
    assert [(c.left_id, c.right_id, c.score, c.reason) for c in asked] == \
           [(c.left_id, c.right_id, c.score, c.reason) for c in with_docs]
    assert any("one document" in c.reason for c in asked)
