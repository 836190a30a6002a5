"""Corroboration across documents: near-duplicate stories, source reliability, the support
behind each claim, contradictions, and the NATO Admiralty grading (see docs/grading.md).

`clusters` (near-duplicate stories, over datasketch and scipy) is imported on first use: the
read path grades claims without it.
"""
from claimgraph.corroborate.contradictions import contradictions
from claimgraph.corroborate.credibility import admiralty, grade
from claimgraph.corroborate.sources import Sources, load_sources, reliability
from claimgraph.corroborate.support import ClaimGroup, group, support

__all__ = [
    "ClaimGroup", "Sources", "admiralty", "clusters", "contradictions", "grade", "group", "load_sources",
    "reliability", "support",
]


def __getattr__(name: str):
    if name == "clusters":
        from claimgraph.corroborate.near_duplicates import clusters
        return clusters
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
