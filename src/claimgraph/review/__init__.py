"""Analysts' verdicts on claims: confirmed or rejected, logged, undone with `Resolver.undo`."""
from claimgraph.review.reviews import VERDICTS, ReviewError, Reviews

__all__ = ["VERDICTS", "ReviewError", "Reviews"]
