"""Exports as downloads, streamed as they are written (`export_stream`): the store, or the
claims a filter keeps, in each format of `claimgraph export` (`GET /api/export`); an actor's
neighbourhood, or the network the actor page shows (`GET /api/actors/{actor}/export`); and the
events table of the events page (`GET /api/export/events`).

The folder formats (csv, parquet, neo4j) are written to a temporary folder, then streamed as a
zip of it. The network and the events table take the filters of the routes that show them
(`GET /api/actors/{actor}/neighbors`, `GET /api/events`), read from those routes' signatures,
and call those routes for the claims to export: what a page shows is what it exports.
"""
from __future__ import annotations

import inspect
import tempfile
import typing
import zipfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from claimgraph.api import actors as actors_api
from claimgraph.api import claims as claims_api
from claimgraph.api.errors import ApiError, user_errors
from claimgraph.api.export_stream import streamed
from claimgraph.api.paging import MAX_LIMIT
from claimgraph.api.params import Actor, AsOf, DateFrom, DateTo, MaxCredibility, MinIndependent
from claimgraph.api.state import Cg

# included under /api by `api.reports`' router, so that the app's list of routers stays as it is
router = APIRouter(tags=["reports and exports"])

# format → media type, file name ending; the folder formats come as a zip of their folder
FILES = {"json": ("application/json", ".json"), "ftm": ("application/x-ndjson", ".ftm.json"),
         "stix": ("application/stix+json;version=2.1", ".stix.json"), "gexf": ("application/xml", ".gexf"),
         "graphml": ("application/xml", ".graphml"), "csv": ("application/zip", "-csv.zip"),
         "parquet": ("application/zip", "-parquet.zip"), "neo4j": ("application/zip", "-neo4j.zip")}
EVENT_FILES = {"csv": ("text/csv; charset=utf-8", ".csv"), "json": ("application/json", ".json"),
               "parquet": ("application/vnd.apache.parquet", ".parquet")}
MAX_CLAIMS = 400  # claims named in one URL: about 27 bytes each, and uvicorn takes a request head of 16 KiB
STREAMED = {200: {"description": "The file, streamed (chunked) as it is written.",
                  "content": {"application/octet-stream": {}}}}

Format = Annotated[str, Query(max_length=16, description="json, ftm, stix, gexf, graphml, csv, parquet or neo4j "
                                                         "(see GET /api/exports).")]
IncludeNegated = Annotated[bool | None, Query(description="Keep denied claims (default: yes, except for ftm, "
                                                          "unless modality=negated asks for them).")]
FtmVersion = Annotated[int, Query(ge=3, le=4, description="4, or 3 for OCCRP Aleph 4.1 (FollowTheMoney 3.5).")]


@router.get("/exports", summary="The formats the store and an actor's neighbourhood can be exported in")
def get_exports() -> list[dict]:
    """The formats of `GET /api/export` and `GET /api/actors/{actor}/export` this server can write,
    each with its media type and file name; `folder`: several files, sent as a zip. Formats whose
    writer is not installed are left out."""
    return [{"format": f, "media_type": FILES[f][0], "file": "actor" + FILES[f][1],
             "folder": FILES[f][0] == "application/zip"} for f in available()]


def available() -> list[str]:
    from claimgraph.export import FORMATS, exporter

    out = []
    for f in FORMATS:
        try:
            exporter(f)
        except ImportError:
            continue
        out.append(f)
    return out


@router.get("/export", summary="The store, or the claims a filter keeps, in an export format",
            response_class=StreamingResponse, responses=STREAMED)
def get_export(cg: Cg, format: Format = "json",
               predicate: Annotated[list[str] | None, Query(description="Only these predicates.")] = None,
               modality: Annotated[list[str] | None, Query(description="Only these modalities.")] = None,
               min_sources: Annotated[int | None, Query(ge=0, le=1000, description="At least this many sources.")] = None,
               min_independent: MinIndependent = None, max_credibility: MaxCredibility = None,
               date_from: DateFrom = None, date_to: DateTo = None, as_of: AsOf = None,
               contested: Annotated[bool, Query(description="Only contested claims.")] = False,
               single_source: Annotated[bool, Query(description="Only claims with one independent source.")] = False,
               actor: Actor = None,
               listed: Annotated[bool, Query(description="Only claims touching an actor on a sanctions or "
                                                         "watch list.")] = False,
               include_negated: IncludeNegated = None, ftm_version: FtmVersion = 4,
               claim: Annotated[list[str] | None, Query(description=(
                   f"Only these claims (their ids), as a page draws them; at most {MAX_CLAIMS}."))] = None
               ) -> StreamingResponse:
    """What `claimgraph export --format FORMAT` writes, with its filters: every actor and document
    of the store when no filter is given, else the kept claims and what they name; `actor` keeps
    the claims with it as subject, object or place (`--actor`); `claim` only the claims named
    (the network the actor page draws; an id the store does not have is left out)."""
    from claimgraph.export.read import Selection

    module = _module(format)
    if claim is not None and len(claim) > MAX_CLAIMS:
        raise ApiError(400, f"{len(claim)} claims named: at most {MAX_CLAIMS} (export by filters instead)")
    actor_id = cg.view.actor(actor).id if actor else None
    rule = _rule(predicate, modality, min_sources, min_independent, max_credibility, date_from, date_to, as_of)
    selection = Selection(rule, contested, single_source, actor_id, _negated(format, include_negated, modality),
                          listed, claim_ids=claim)
    return _download(cg, module, format, selection, _file_name(actor_id) if actor_id else "claimgraph", ftm_version)


def get_actor_export(cg: Cg, actor: str, format: Format = "json", include_negated: IncludeNegated = None,
                     ftm_version: FtmVersion = 4, **filters) -> StreamingResponse:
    """Without `depth`, the claims with the actor as subject, object or place and what they name,
    as `claimgraph export --actor ACTOR` writes them, kept by the claim filters given. With
    `depth`, the network of the actor page: the claims `GET /api/actors/{actor}/neighbors`
    answers with the same parameters (the bounded neighbourhood, strongest ties first)."""
    from claimgraph.export.read import Selection

    module = _module(format)
    e = cg.view.actor(actor)
    depth = filters.pop("depth", None)
    negated = _negated(format, include_negated, filters.get("modality"))
    if depth is None:
        rule = _rule(*(filters.get(k) for k in ("predicate", "modality", "min_sources", "min_independent",
                                                 "max_credibility", "date_from", "date_to", "as_of")))
        selection = Selection(rule, actor=e.id, include_negated=negated)
    else:
        network = actors_api.get_neighbors(cg, e.id, depth=depth, **filters)
        selection = Selection(claim_ids=[edge["claim"] for edge in network["edges"]], include_negated=negated)
    return _download(cg, module, format, selection, _file_name(e.id), ftm_version)


def get_events_export(cg: Cg, format: Annotated[str, Query(max_length=16, description="csv, json or parquet.")]
                      = "csv", **filters) -> StreamingResponse:
    """The events `GET /api/events` lists with the same filters, every one of them in its order,
    as one table: the `events` table of `claimgraph export --format csv|parquet` (ACLED's and
    POLECAT's column names, then modality, attribution, status and grade)."""
    from claimgraph.export import events_table
    from claimgraph.export.read import Selection, StoreRead

    if format not in EVENT_FILES:
        raise ApiError(400, f"unknown events table format {format!r}: one of {', '.join(EVENT_FILES)}")
    selection = Selection(claim_ids=_event_ids(cg, filters), ordered=True, include_negated=True)
    media, ending = EVENT_FILES[format]
    return streamed(lambda fh: events_table.export(StoreRead(cg.store, selection), fh, format), media,
                    "events" + ending)


def _event_ids(cg, filters: dict) -> list[str]:
    """The ids of every event `GET /api/events` lists with `filters`, in its order: its pages
    asked for one after another (each read in full, then only its ids kept)."""
    ids: list[str] = []
    while True:
        answer = claims_api.list_events(cg, limit=MAX_LIMIT, offset=len(ids), **filters)
        rows = answer["items"] if isinstance(answer, dict) else answer
        ids.extend(r["claim"] for r in rows)
        total = answer.get("total") if isinstance(answer, dict) else None
        if len(rows) < MAX_LIMIT or (total is not None and len(ids) >= total):
            return ids


def _parameters(route, leave_out: set[str] = frozenset()) -> list[inspect.Parameter]:
    """The parameters of `route` with their annotations resolved, keyword-only, but those named."""
    hints = typing.get_type_hints(route, include_extras=True)
    return [p.replace(annotation=hints[name], kind=inspect.Parameter.KEYWORD_ONLY)
            for name, p in inspect.signature(route).parameters.items()
            if name not in leave_out and p.kind is not inspect.Parameter.VAR_KEYWORD]


def _route(path: str, fn, summary: str, shown_by, leave_out: set[str], **overrides) -> None:
    """Register `fn` at `path` with its own parameters and the query parameters of the route
    `shown_by` (but `leave_out`; `overrides` by name), which `fn` takes as `**filters`."""
    mine = _parameters(fn)
    own = {p.name for p in mine}
    params = mine + [overrides.get(p.name, p) for p in _parameters(shown_by, leave_out | own)]
    fn.__signature__ = inspect.Signature(params, return_annotation=StreamingResponse)
    router.get(path, summary=summary, response_class=StreamingResponse, responses=STREAMED)(fn)


_route("/actors/{actor}/export", get_actor_export, "An actor's neighbourhood, or its network, in an export format",
       actors_api.get_neighbors, {"cg", "actor"},
       depth=inspect.Parameter("depth", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
           int | None, Query(ge=1, le=3, description="The network of the actor page, 1 to 3 claims away (left "
                                                     "out: the actor's own claims).")]))
_route("/export/events", get_events_export, "The events table, with the filters of the events page",
       claims_api.list_events, {"cg", "limit", "offset"})


def _module(format: str):
    from claimgraph.export import exporter

    formats = available()
    if format not in formats:
        raise ApiError(400, f"unknown export format {format!r}: one of {', '.join(formats)}")
    return exporter(format)


def _rule(predicate=None, modality=None, min_sources=None, min_independent=None, max_credibility=None,
          date_from=None, date_to=None, as_of=None):
    from claimgraph.query.filters import ClaimFilter

    with user_errors():
        return ClaimFilter(predicate or None, modality or None, min_sources or 0, min_independent or 0,
                           max_credibility, date_from, date_to, as_of)


def _negated(format: str, include_negated: bool | None, modality) -> bool:
    """Whether denied claims are kept: as asked, else by the format's default (as the CLI decides)."""
    from claimgraph.export import NEGATED_BY_DEFAULT

    if include_negated is not None:
        return include_negated
    return "negated" in (modality or ()) or NEGATED_BY_DEFAULT.get(format, True)


def _download(cg, module, format: str, selection, stem: str, ftm_version: int) -> StreamingResponse:
    from claimgraph.export import ExportOptions
    from claimgraph.export.read import StoreRead

    options = ExportOptions(ftm_version=ftm_version)
    media, ending = FILES[format]

    def write(fh) -> None:
        read = StoreRead(cg.store, selection)
        if not module.DIRECTORY:
            module.export(read, fh, options)
            return
        with tempfile.TemporaryDirectory(prefix="claimgraph-export-") as folder:
            module.export(read, Path(folder), options)
            with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zipped:
                for path in sorted(Path(folder).iterdir()):
                    zipped.write(path, f"{stem}-{format}/{path.name}")

    return streamed(write, media, stem + ending)


def _file_name(entity_id: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in entity_id) or "actor"
