"""URLs into the store: fetch (politely, under the guard), read the article with the HTML reader
(trafilatura), store with `ingest_documents`; deduplicated by canonical URL and content hash.

A page already stored under its URL or canonical URL is not stored again (a later version of
it neither: its claims would be counted twice); a page whose text is stored already is
"unchanged"; a page answering 304 to the conditional GET is "not modified".
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from claimgraph.model import Document
from claimgraph.sources.fetch import Fetcher, Page, canonical_url
from claimgraph.sources.guard import SourceError
from claimgraph.sources.state import SourceState

HTML_TYPES = {"text/html", "application/xhtml+xml", ""}
STORED, UNCHANGED, NOT_MODIFIED, FAILED = "stored", "unchanged", "not modified", "failed"


@dataclass
class Job:
    url: str
    feed: str | None = None  # the feed whose entry this is


@dataclass
class Result:
    url: str
    outcome: str  # stored, unchanged, not modified, failed
    message: str | None = None
    doc_id: str | None = None
    transient: bool = False  # failed for now (network, 5xx): worth trying again later


OnResult = Callable[[Job, Result], None]


def page_document(page: Page) -> Document:
    """The Document of a fetched HTML page (IngestError when it has no main text); its URL the
    page's canonical link when that is on the same site, else the URL it was fetched from."""
    from claimgraph.ingest.html import read_html

    doc = read_html(page.content, page.final_url)
    final = canonical_url(page.final_url)
    given = doc.url
    doc.url = final
    if given:
        try:
            candidate = canonical_url(urljoin(page.final_url, given.strip()))
            if _site(candidate) == _site(final) and urlsplit(candidate).scheme in ("http", "https"):
                doc.url = candidate
        except ValueError:
            pass
    doc.extra["fetched"] = {"url": page.url, "final_url": page.final_url}
    return doc


def _site(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def fetch_into_store(store, jobs: Iterable[Job], fetcher: Fetcher, extractor, on_result: OnResult,
                     resolve: bool = True):
    """Fetch each job's URL and store its article; `on_result(job, result)` once per job. Returns
    the `ingest_documents` tally."""
    from claimgraph.store.ingest import ingest_documents

    state = SourceState(store)
    pending: dict[str, list[tuple[Job, Page]]] = {}  # by URL: jobs of one URL (two feeds) in turn

    def finish(job: Job, result: Result, page: Page | None = None, canonical: str | None = None,
               sha256: str | None = None) -> None:
        if result.outcome in (STORED, UNCHANGED) or not result.transient:
            state.record_page(job.url, canonical or canonical_url(job.url), outcome=_state_outcome(result),
                              etag=page.etag if page and result.outcome != FAILED else None,
                              last_modified=page.last_modified if page and result.outcome != FAILED else None,
                              sha256=sha256, doc_id=result.doc_id, error=result.message)
        on_result(job, result)

    def documents() -> Iterator[Document]:
        for job in jobs:
            known = state.page(job.url)
            try:
                page = fetcher.fetch(job.url, *((known.etag, known.last_modified) if known and known.doc_id
                                                else (None, None)))
            except SourceError as e:
                finish(job, Result(job.url, FAILED, e.message, transient=e.transient))
                continue
            if page.not_modified:
                on_result(job, Result(job.url, NOT_MODIFIED, doc_id=known.doc_id if known else None))
                continue
            if page.content_type not in HTML_TYPES:
                finish(job, Result(job.url, FAILED, f"not an HTML page (content type {page.content_type})"))
                continue
            try:
                doc = page_document(page)
            except Exception as e:  # noqa: BLE001 - IngestError, or a library failing on one odd page
                message = getattr(e, "message", None) or f"{type(e).__name__}: {e}"
                finish(job, Result(job.url, FAILED, f"cannot read the page: {message}"))
                continue
            stored = state.stored_url(job.url, canonical_url(job.url), canonical_url(page.final_url), doc.url)
            if stored is not None and stored.sha256 != doc.sha256:
                finish(job, Result(job.url, UNCHANGED, f"already stored under {stored.canonical} (a later version "
                                                       "of the page is not stored again)", doc_id=stored.doc_id),
                       page, doc.url, stored.sha256)
                continue
            doc.extra["source_url"] = job.url
            pending.setdefault(job.url, []).append((job, page))
            yield doc

    def on_document(doc: Document, outcome: str, error: str | None) -> None:
        waiting = pending.get(doc.extra.get("source_url"))
        if not waiting:
            return
        job, page = waiting.pop(0)
        if outcome == "failed":
            finish(job, Result(job.url, FAILED, error), page, doc.url)
        else:
            finish(job, Result(job.url, outcome, doc_id=doc.id), page, doc.url, doc.sha256)

    return ingest_documents(store, documents(), extractor, on_document=on_document, resolve=resolve)


def _state_outcome(result: Result) -> str:
    return {NOT_MODIFIED: UNCHANGED}.get(result.outcome, result.outcome)
