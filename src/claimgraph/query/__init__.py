"""Queries over the store, one code path for the Python API and the command line.

Each takes a `Store` or a `StoreView` (`open_view(store)`: one session whose reads are kept for the
rest of the query) and answers in SQL over the stored canonical ids and figures, reading only the
rows the answer needs; it returns plain data (dicts and lists, ready for JSON) in which every claim
carries its evidence. `snapshot(store)` loads a whole store into Python: the reference the
tests compare the queries with, not a way to query.
See docs/queries.md.
"""
from claimgraph.query.actors import dossier, find_actor
from claimgraph.query.graph import METRICS, claim_graph, neighbors, path, rank
from claimgraph.query.listing import claims, events
from claimgraph.query.outlets import sources
from claimgraph.query.search import SearchUnavailable, search
from claimgraph.query.snapshot import Snapshot, UnknownEntity, snapshot
from claimgraph.query.view import StoreView, open_view

__all__ = [
    "METRICS", "SearchUnavailable", "Snapshot", "UnknownEntity", "claim_graph", "claims", "dossier", "events",
    "find_actor", "neighbors", "path", "rank", "search", "snapshot", "sources",
    "StoreView", "open_view",
]
