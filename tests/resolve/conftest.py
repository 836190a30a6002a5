"""Stores of short documents written for these tests."""
from __future__ import annotations

import pytest
from resolve_docs import actor, document

from claimgraph.store import Store


@pytest.fixture
def store(db_url):
    """A new store, on SQLite and on PostgreSQL (`db_url`)."""
    with Store(db_url) as s:
        yield s


T1 = "Qasem Suleimani met Ali Hassan in Baghdad."
T2 = "Qassim Soleimani directed the Quds Force, according to Ali Hasan of Hezbollah."
T3 = "Georgia rejected the claims. Georgia Brown, a lawyer, said the court would rule in May."
T4 = "Police named the arrested diplomat as Amir S. on Friday."
T5 = "Amir Saadouni, an Iranian diplomat, was charged in Antwerp."
T6 = "Aly Hassan told reporters the convoy had left."


@pytest.fixture
def people(store):
    """Two spellings of one commander, two Ali Hassans of different countries (and one of no country),
    a state and a person named Georgia, a diplomat under his initial and under his full name."""
    store.add_document(document(T1, actor(T1, "Qasem Suleimani"), actor(T1, "Ali Hassan", country="IRQ"),
                                actor(T1, "Baghdad", "location", country="IRQ")))
    store.add_document(document(T2, actor(T2, "Qassim Soleimani"),
                                actor(T2, "Ali Hasan", country="LBN"),
                                actor(T2, "Quds Force", "organization", kb="quds-force", country="IRN")))
    store.add_document(document(T3, actor(T3, "Georgia", "country", kb="GEO", country="GEO"),
                                actor(T3, "Georgia Brown")))
    store.add_document(document(T4, actor(T4, "Amir S.")))
    store.add_document(document(T5, actor(T5, "Amir Saadouni", country="IRN")))
    store.add_document(document(T6, actor(T6, "Aly Hassan")))
    return store
