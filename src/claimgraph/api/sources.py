"""Sources (outlets and issuing bodies): their reliability grades, and an analyst's grade of one."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from claimgraph.api.auth import token_analyst, write_access
from claimgraph.api.errors import ApiError, user_errors
from claimgraph.api.paging import Limit, Offset, page
from claimgraph.api.state import Cg
from claimgraph.corroborate.outlet_grades import GradeError, grade_outlet
from claimgraph.corroborate.sources import outlet_key
from claimgraph.query.outlets import sources

router = APIRouter(prefix="/api", tags=["sources"])

Name = Annotated[str, Field(min_length=1, max_length=255, pattern=r"^[^\x00-\x1f]+$")]
TokenAnalyst = Annotated[str | None, Depends(token_analyst)]


class Grade(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reliability: str = Field(max_length=8, description="A (completely reliable) to F (cannot be judged).")
    reason: str | None = Field(None, max_length=2000, description="Why, for the audit log.")
    analyst: Name = Field("analyst", description="Who decides, for the audit log (a token that names its "
                                                 "analyst wins).")


@router.get("/sources", summary="The outlets of the stored documents, with their reliability")
def get_sources(cg: Cg, limit: Limit = 500, offset: Offset = 0) -> dict:
    """Each outlet once whatever its spellings, most documents first: `source` (its name),
    `reliability` (A–F), `origin` (analyst, yaml or default), `reason`, `analyst`, `default` (the
    grade without the analyst's), `spellings`, `documents`, `reprints`, `claims`."""
    return page(sources(cg.view.snap), limit, offset)


@router.put("/sources/{outlet}/reliability", summary="Set an outlet's reliability (A–F) with a reason",
            dependencies=[Depends(write_access)])
def put_reliability(cg: Cg, outlet: str, body: Grade, named: TokenAnalyst) -> dict:
    """An analyst's grade of an outlet (any spelling of it), kept in the store over the sources
    files; written to the audit log ('reliability': outlet, old and new grade, reason, analyst),
    and the credibility of the claims it rates recomputed. 400 for a grade outside A–F;
    `POST /api/undo` takes it back. Who decides is the analyst the token names (`--analyst-token
    NAME=TOKEN`), else the body's `analyst`. Returns the audit entry and the outlet's row."""
    if len(outlet) > 255 or not outlet_key(outlet):
        raise ApiError(400, "an outlet needs a name (at most 255 characters)")
    with user_errors(), cg.write_lock:
        try:
            entry = grade_outlet(cg.store, outlet, body.reliability, body.reason, named or body.analyst)
        except GradeError as e:
            raise ApiError(400, str(e)) from e
        finally:
            cg.reload()
    key = entry.payload["key"]
    row = next((r for r in sources(cg.view.snap) if r["key"] == key), None)
    return {"audit": entry.as_dict(), "source": row}
