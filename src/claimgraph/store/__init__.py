"""The embedded store: documents, actors, mentions and claims in SQLite (or PostgreSQL)."""
from claimgraph.store.read import EntitySummary
from claimgraph.store.repository import Store

__all__ = ["EntitySummary", "Store"]
