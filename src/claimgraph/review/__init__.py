"""Analysts' verdicts on claims (confirmed, rejected, restored) and their readings of claims
(a corrected predicate, direction or modality), logged, undone and redone with `Resolver`."""
from claimgraph.review.readings import Reading, ReadingError, Readings
from claimgraph.review.reviews import VERDICTS, ReviewError, Reviews

__all__ = ["VERDICTS", "Reading", "ReadingError", "Readings", "ReviewError", "Reviews"]
