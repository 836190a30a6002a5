"""Queries over the store, one code path for the Python API and the command line.

Each takes a `Store` (read afresh) or a `Snapshot` (loaded once with `snapshot(store)`) and
returns plain data (dicts and lists, ready for JSON) in which every claim carries its evidence.
See docs/queries.md.
"""
from claimgraph.query.actors import dossier, find_actor
from claimgraph.query.graph import METRICS, claim_graph, neighbors, path, rank
from claimgraph.query.listing import claims, events
from claimgraph.query.outlets import sources
from claimgraph.query.search import SearchUnavailable, search
from claimgraph.query.snapshot import Snapshot, UnknownEntity, snapshot

__all__ = [
    "METRICS", "SearchUnavailable", "Snapshot", "UnknownEntity", "claim_graph", "claims", "dossier", "events",
    "find_actor", "neighbors", "path", "rank", "search", "snapshot", "sources",
]
