"""The REST API of `claimgraph serve`: FastAPI over the store, one code path with the queries.

Every endpoint calls `claimgraph.query`, `Resolver` or `Reviews`; the app keeps a snapshot of
the store and loads a new one after each write. See docs/api.md.
"""
from claimgraph.api.app import DEFAULT_MAX_UPLOAD, create_app

__all__ = ["DEFAULT_MAX_UPLOAD", "create_app"]
