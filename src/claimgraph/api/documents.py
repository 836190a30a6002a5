"""Documents: the list, one document with its text, mentions and claims, upload, full-text search."""
from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from claimgraph.api.auth import write_access
from claimgraph.api.errors import ApiError, user_errors
from claimgraph.api.highlights import mentions_in
from claimgraph.api.paging import Limit, Offset, page
from claimgraph.api.state import AppState, Cg
from claimgraph.api.upload import from_file, from_json
from claimgraph.query import search
from claimgraph.store.ingest import FAILED, STORED, ingest_documents
from claimgraph.store.schema import DocumentRow

router = APIRouter(prefix="/api", tags=["documents"])

SEARCH_CAP = 1000  # hits ranked at most; `total` counts up to this


@router.get("/documents", summary="The documents in the store")
def list_documents(cg: Cg, limit: Limit = 50, offset: Offset = 0,
                   source: Annotated[str | None, Query(max_length=255, description="Only this outlet (any spelling).")]
                   = None) -> dict:
    """Newest first: `[{id, title, source, published, genre, claims}]` (claims: how many have
    evidence in the document); `source`: an outlet under any of its spellings ("Meridian Wire" is
    "meridianwire")."""
    view = cg.view
    key = view.snap.source_grades.key
    wanted = key(source) if source and source.strip() else None
    docs = [d for d in view.snap.documents.values()
            if source is None or (d.source or "") == source or (wanted and (d.source or "").strip() and key(d.source) == wanted)]
    docs.sort(key=lambda d: (d.published or "", d.title or "", d.id), reverse=True)
    counts = view.doc_claims.counts()
    items = [{"id": d.id, "title": d.title, "source": d.source, "published": d.published,
              "genre": getattr(d, "genre", None), "claims": counts.get(d.id, 0)} for d in docs]
    return page(items, limit, offset)


@router.get("/documents/{doc_id}", summary="One document: text, mentions, claims")
def get_document(cg: Cg, doc_id: str) -> dict:
    """The full text (untrusted: show it as text, never as HTML), the actors' mentions with their
    offsets, and the claims with evidence in it (their evidence limited to this document)."""
    view = cg.view
    with Session(cg.store.engine.execution_options(sqlite_begin="DEFERRED")) as session:
        d = session.scalar(select(DocumentRow).where(DocumentRow.id == doc_id))
        if d is None:
            raise ApiError(404, f"no document with id {doc_id!r} in the store")
        found = mentions_in(session, {doc_id}).get(doc_id, [])
    mentions = []
    for entity_id, start, end, text in found:
        head = view.canonical(entity_id)
        e = view.snap.entities.get(head)
        mentions.append({"start": start, "end": end, "text": text, "entity": head,
                         "name": e.name if e else None, "type": e.type if e else None})
    claims = []
    for claim_id in view.doc_claims.get(doc_id, ()):
        row = view.snap.claim_row(view.snap.claims[claim_id])
        row["evidence"] = [ev for ev in row["evidence"] if ev["doc"] == doc_id]
        claims.append(row)
    claims.sort(key=lambda r: (min((ev["start"] for ev in r["evidence"]), default=0), r["claim"]))
    return {"id": d.id, "title": d.title, "source": d.source, "url": d.url, "published": d.published,
            "genre": d.genre, "format": d.format, "language": d.language, "text": d.text,
            "mentions": mentions, "claims": claims}


UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/NewText"}},
            "multipart/form-data": {"schema": {
                "type": "object", "required": ["file"],
                "properties": {"file": {"type": "string", "format": "binary",
                                        "description": ".txt .md .html .pdf .jsonl"},
                               **{k: {"type": "string"} for k in ("title", "source", "published", "url", "genre")}},
            }},
        },
    },
    "responses": {"201": {"description": "Stored"}, "200": {"description": "Already in the store"},
                  "413": {"description": "Over the upload limit"}, "422": {"description": "Not a readable document"}},
}


def _ingest(cg: AppState, docs) -> list[dict]:
    results = []

    def done(doc, outcome: str, error: str | None) -> None:
        results.append({"id": doc.id, "path": doc.path, "created": outcome == STORED, "outcome": outcome,
                        "claims": len(doc.claims), "error": error})

    # extracted outside the write lock (searches and other writes wait on it): only the store's
    # transactions and the resolution hold it
    ingest_documents(cg.store, docs, cg.extractor, on_document=done, lock=cg.write_lock)
    view = cg.reload()
    for r in results:  # claims now in the store with evidence in the document
        if r["outcome"] != FAILED:
            r["claims"] = len(view.doc_claims.get(r["id"], ()))
    return results


@router.post("/documents", summary="Add a document", status_code=201, openapi_extra=UPLOAD_BODY,
             dependencies=[Depends(write_access)])
async def post_document(request: Request, cg: Cg) -> JSONResponse:
    """Ingest one document (JSON text, or a file as multipart field `file`), extract it and
    store it, as `claimgraph ingest` does. 201 `{id, created: true, status: "stored", claims}`
    when stored; 200 `{id, created: false, status: "already stored", claims}` with the stored
    document's id when its text was already stored (nothing is extracted or stored again); 413
    over the upload limit, 422 when it is not a readable document."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    errors: list[str] = []
    if ctype == "application/json" or ctype.endswith("+json"):
        try:
            data = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError) as e:
            raise ApiError(422, f"the body is not valid JSON: {e}") from None
        docs = from_json(data)
    elif ctype == "multipart/form-data":
        form = await request.form()
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError(422, "a multipart upload needs its file in the field 'file'")
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        docs, errors = await run_in_threadpool(from_file, upload, fields, request.app.state.max_upload)
    else:
        raise ApiError(415, "send the document as application/json {\"text\": ...} or as multipart/form-data "
                            "with a field 'file'")
    if not docs:
        raise ApiError(422, "; ".join(errors) or "no document in the upload", errors=errors)
    results = await run_in_threadpool(_ingest, cg, docs)
    ok = [r for r in results if r["outcome"] != FAILED]
    if not ok:
        raise ApiError(422, "; ".join(r["error"] for r in results), errors=[r["error"] for r in results])
    first = ok[0]
    created = any(r["created"] for r in ok)
    for r in results:
        r["status"] = "stored" if r["created"] else "already stored" if r["outcome"] != FAILED else "failed"
    body = {"id": first["id"], "created": first["created"], "status": "stored" if created else "already stored",
            "claims": first["claims"], "documents": results, "errors": errors}
    return JSONResponse(body, status_code=201 if created else 200)


@router.get("/search", summary="Full-text search")
def get_search(cg: Cg, q: Annotated[str, Query(min_length=1, max_length=500,
                                               description='Words (all must occur), "a phrase", a OR b, a NOT b '
                                                           '(or -b), prefix*, (groups): docs/queries.md.')],
               limit: Limit = 20, offset: Offset = 0) -> dict:
    """Documents holding every word, best first, each with a snippet and the claims whose evidence
    matches (`query.search`: SQLite FTS5, PostgreSQL tsvector)."""
    with user_errors(), cg.write_lock:  # the first search builds the index: a write
        try:
            hits = search(cg.view.snap, q, limit=SEARCH_CAP)
        except OperationalError as e:  # an FTS5 syntax the query builder let through
            if getattr(cg.store, "read_only", False) and "readonly" in str(e.orig):
                raise ApiError(503, "full-text search needs its index, which this read-only store does not "
                                    "have: run one search where the store can be written, to build it") from None
            raise ApiError(400, f"cannot search for {q!r}: {e.orig}") from None
    return page(hits, limit, offset)
