"""Cross-document entity resolution: candidates, recorded judgements, clusters, the resolved graph."""
from claimgraph.resolve.candidates import Candidate, Record, candidates
from claimgraph.resolve.graph import resolved_graph
from claimgraph.resolve.judgements import AuditEntry, Judgement
from claimgraph.resolve.resolver import ResolutionError, Resolver

__all__ = ["AuditEntry", "Candidate", "Judgement", "Record", "ResolutionError", "Resolver", "candidates",
           "resolved_graph"]
