"""Live sources: URLs (`claimgraph fetch`) and RSS/Atom feeds (`claimgraph watch`), fetched under
the SSRF guard (guard.py), politely (fetch.py), with their state in the store (state.py)."""
