"""Groups refreshed in several batches: a claim that moves to a group of an earlier batch than
its old one is written once, and the figures equal a recomputation."""
from __future__ import annotations

from figures_pool import POOL, SPELLINGS
from figures_reference import differences, recomputed, stored

from claimgraph.corroborate import figures
from claimgraph.resolve import Resolver
from claimgraph.store import Store


def test_a_merge_refreshed_in_batches_of_one_group_keeps_the_figures_exact(db_url, monkeypatch):
    monkeypatch.setattr(figures, "BATCH", 1)  # every group in a batch of its own
    with Store(db_url) as store:
        for make in POOL.values():
            store.add_document(make())
        resolver = Resolver(store)
        for a, b in SPELLINGS:
            resolver.merge(a, b)
            assert not differences(stored(store), recomputed(store)), (a, b)
        resolver.undo()
        assert not differences(stored(store), recomputed(store))
