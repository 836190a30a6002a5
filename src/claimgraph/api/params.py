"""Query parameters shared by several endpoints: the claim filters of `query.filters.ClaimFilter`."""
from __future__ import annotations

from typing import Annotated

from fastapi import Query

DATE = "YYYY, YYYY-MM or YYYY-MM-DD"

MinIndependent = Annotated[int | None, Query(ge=0, le=1000, description="At least this many independent sources "
                                                                        "(reprints and one outlet's stories count once).")]
MaxCredibility = Annotated[int | None, Query(ge=1, le=6, description="Graded this or better: 1 confirmed … 6 cannot "
                                                                     "be judged.")]
Shown = Annotated[int | None, Query(ge=1, le=100_000, description="Pieces of evidence and contradictions each claim "
                                    "carries (default 5); how many more it holds is in evidence_more and contradictions_more "
                                    "(present when some are left out); GET /api/claims/{claim_id} gives them all.")]
AsOf = Annotated[str | None, Query(max_length=10, description=f"The graph as of a day ({DATE}): relations that could "
                                                              "hold then, events that had happened.")]
DateFrom = Annotated[str | None, Query(max_length=10, description=f"From this date ({DATE}).")]
DateTo = Annotated[str | None, Query(max_length=10, description=f"Up to this date, inclusive ({DATE}).")]
Actor = Annotated[str | None, Query(max_length=300, description="An actor's id or name, as subject or object.")]
