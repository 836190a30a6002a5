"""Queries over the store, one code path for the Python API and the command line.

Each takes a `Store` or a `StoreView` (`open_view(store)`: one session whose reads are kept for the
rest of the query) and answers in SQL over the stored canonical ids and figures, reading only the
rows the answer needs; it returns plain data (dicts and lists, ready for JSON) in which every claim
carries its evidence. `snapshot(store)` loads a whole store into Python: the reference the
tests compare the queries with, not a way to query.
See docs/queries.md.
"""
from importlib import import_module

# names that are also the names of their modules are bound now: once `claimgraph.query.search`
# is imported, the package's attribute `search` would otherwise be that module
from claimgraph.query.search import SearchUnavailable, search
from claimgraph.query.snapshot import Snapshot, snapshot

# name → the module that defines it: imported when the name is first asked for, so that a
# command importing one query (or `claimgraph.query.validity`) loads only what that one needs
_EXPORTS = {
    "dossier": "actors", "find_actor": "actors", "NoSuchActor": "actors",
    "METRICS": "graph", "claim_graph": "graph", "neighbors": "graph", "path": "graph", "rank": "graph",
    "claims": "listing", "events": "listing", "sources": "outlets",
    "UnknownEntity": "records",
    "StoreView": "view", "open_view": "view",
}
__all__ = sorted([*_EXPORTS, "SearchUnavailable", "Snapshot", "search", "snapshot"])


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'claimgraph.query' has no attribute {name!r}")
    value = getattr(import_module(f"claimgraph.query.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value
