"""An actor's dossier as a document (HTML, Markdown, PDF) and its neighbourhood in the export
formats that write one file, for the links of the web app's actor page."""
from __future__ import annotations

import tempfile
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response, StreamingResponse

from claimgraph.api.errors import ApiError, user_errors
from claimgraph.api.params import AsOf, MaxCredibility, MinIndependent
from claimgraph.api.state import Cg

router = APIRouter(prefix="/api", tags=["reports and exports"])

REPORT_TYPES = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8", "pdf": "application/pdf"}
# single-file export formats: media type and file name ending
EXPORT_FILES = {"json": ("application/json", ".json"), "ftm": ("application/x-ndjson", ".ftm.json"),
                "stix": ("application/json", ".stix.json"), "gexf": ("application/xml", ".gexf"),
                "graphml": ("application/xml", ".graphml")}
SPOOL = 8 * 1024 * 1024  # an export held in memory up to this size, on disk beyond


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


@router.get("/exports", summary="The export formats an actor's neighbourhood can be had in")
def get_exports() -> list[dict]:
    """The single-file formats this server can write (`GET /api/actors/{actor}/export`), each
    with its media type; formats whose writer is not installed are left out."""
    return [{"format": f, "media_type": EXPORT_FILES[f][0], "file": "actor" + EXPORT_FILES[f][1]}
            for f in available_exports()]


def available_exports() -> list[str]:
    from claimgraph.export import FORMATS, exporter

    out = []
    for f in FORMATS:
        if f not in EXPORT_FILES:
            continue
        try:
            module = exporter(f)
        except ImportError:
            continue
        if not module.DIRECTORY:
            out.append(f)
    return out


@router.get("/actors/{actor}/export", summary="An actor's neighbourhood in an export format",
            response_class=StreamingResponse)
def get_export(cg: Cg, actor: str, format: Annotated[str, Query(description="json, ftm, stix, gexf or graphml "
                                                                           "(see GET /api/exports).")] = "json",
               include_negated: Annotated[bool | None, Query(description=(
                   "Keep denied claims (default: yes, except for ftm)."))] = None,
               as_of: AsOf = None, min_independent: MinIndependent = None, max_credibility: MaxCredibility = None
               ) -> StreamingResponse:
    """The claims with the actor as subject, object or place, and the actors and documents they
    name, as `claimgraph export --actor ACTOR --format FORMAT` writes them."""
    from claimgraph.export import NEGATED_BY_DEFAULT, ExportOptions
    from claimgraph.export.read import Selection, StoreRead
    from claimgraph.query.filters import ClaimFilter

    if format not in available_exports():
        raise ApiError(400, f"format {format!r} is not available here: one of {', '.join(available_exports())}")
    from claimgraph.export import exporter
    module = exporter(format)
    e = cg.view.actor(actor)
    negated = NEGATED_BY_DEFAULT.get(format, True) if include_negated is None else include_negated
    with user_errors():
        rule = ClaimFilter(min_independent=min_independent or 0, max_credibility=max_credibility, as_of=as_of)
    # written whole before the answer starts, so that a failure is an error answer, not a cut file
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL)
    try:
        module.export(StoreRead(cg.store, Selection(rule, actor=e.id, include_negated=negated)), spool,
                      ExportOptions())
    except BaseException:
        spool.close()
        raise
    spool.seek(0)

    def chunks():
        with spool:
            while block := spool.read(64 * 1024):
                yield block

    media, ending = EXPORT_FILES[format]
    return StreamingResponse(chunks(), media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="{_file_name(e.id)}{ending}"'})


def _file_name(entity_id: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in entity_id) or "actor"
