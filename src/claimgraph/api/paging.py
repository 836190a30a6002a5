"""Lists as pages: `limit` (default 50, at most 500) and `offset`; `{"total", "limit", "offset", "items"}`."""
from __future__ import annotations

from typing import Annotated

from fastapi import Query

MAX_LIMIT = 500

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (at most 500).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]


def page(rows: list, limit: int, offset: int) -> dict:
    return {"total": len(rows), "limit": limit, "offset": offset, "items": rows[offset:offset + limit]}
