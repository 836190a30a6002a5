"""An actor's dossier as a document (HTML, Markdown, PDF), for the web app's actor page (its
exports are in `api.exports`)."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from claimgraph.api.errors import ApiError, user_errors
from claimgraph.api.params import AsOf, MaxCredibility, MinIndependent
from claimgraph.api.state import Cg

router = APIRouter(prefix="/api", tags=["reports and exports"])

REPORT_TYPES = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8", "pdf": "application/pdf"}


@router.get("/actors/{actor}/report", summary="An actor's dossier as a document",
            response_class=Response, responses={200: {"content": {t: {} for t in REPORT_TYPES.values()}}})
def get_report(cg: Cg, actor: str, format: Literal["html", "md", "pdf"] = "html", as_of: AsOf = None,
               min_independent: MinIndependent = None, max_credibility: MaxCredibility = None,
               limit: Annotated[int, Query(ge=1, le=1000, description="Lines per relation list and timeline.")] = 100,
               listed: Annotated[bool, Query(description="Only the lines whose other actor is on a sanctions or "
                                                         "watch list.")] = False) -> Response:
    """The dossier of `claimgraph report` (the facts of `GET /api/actors/{actor}`, with the same
    filters) as one HTML page, Markdown (the network inlined as an SVG data URL) or a PDF (503
    when the server has no Chromium to print it)."""
    from claimgraph.report import build, render
    from claimgraph.report.pdf import NoBrowser

    view = cg.view
    e = view.actor(actor)
    with user_errors():
        data = build(view.snap, e.id, as_of, min_independent or 0, max_credibility, limit, listed)
    try:
        body = render(data, format)
    except NoBrowser as err:
        raise ApiError(503, str(err)) from err
    disposition = "inline" if format == "html" else "attachment"
    return Response(body, media_type=REPORT_TYPES[format],
                    headers={"Content-Disposition": f'{disposition}; filename="{_file_name(e.id)}.{format}"'})


def _file_name(entity_id: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in entity_id) or "actor"


def _include_exports() -> None:
    from claimgraph.api import exports

    router.include_router(exports.router)


_include_exports()
