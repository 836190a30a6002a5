"""The resolution tables come with revision 0002, also on a store written before it."""
from __future__ import annotations

from db_rows import tables
from resolve_docs import actor, document

from claimgraph.resolve import Resolver
from claimgraph.store import Store
from claimgraph.store.migrate import current_revision, downgrade, head_revision

T = "Qasem Suleimani met Nouri al-Maliki in Baghdad."
U = "Qassim Soleimani and Nuri al-Maliki spoke by phone."


def test_a_0001_store_with_data_is_upgraded_and_resolved(db_url):
    path = db_url
    with Store(path) as store:
        store.add_document(document(T, actor(T, "Qasem Suleimani"), actor(T, "Nouri al-Maliki")))
        store.add_document(document(U, actor(U, "Qassim Soleimani"), actor(U, "Nuri al-Maliki")))
        with store.engine.begin() as conn:
            downgrade(conn, "0001")
    assert "judgements" not in tables(path) and "audit_log" not in tables(path)
    with Store(path) as store:
        with store.engine.connect() as conn:
            assert current_revision(conn) == head_revision()
        assert {"judgements", "audit_log"} <= tables(path)
        assert store.document_count() == 2
        resolver = Resolver(store)
        assert resolver.auto() == 2
        assert len(resolver.clusters()) == 2


def test_downgrade_to_0001_drops_only_the_resolution_tables(db_url):
    path = db_url
    with Store(path) as store:
        store.add_document(document(T, actor(T, "Qasem Suleimani")))
        Resolver(store).auto()
        with store.engine.begin() as conn:
            downgrade(conn, "0001")
        assert store.document_count() == 1
    assert {"documents", "entities", "claims"} <= tables(path)
    assert not {"judgements", "audit_log"} & tables(path)
