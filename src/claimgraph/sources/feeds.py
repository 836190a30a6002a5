"""RSS and Atom feeds (`claimgraph watch`): each round fetches every feed (conditional GET), reads
it with feedparser (from the bytes fetched under the guard: feedparser never fetches anything
itself) and stores the articles its new entries link to.

Resumable: an entry is marked seen only once its article is stored, found stored or failed for
good, and a feed's ETag / Last-Modified are saved only once every entry of that version is
handled — a round killed midway fetches the feed again next time and carries on with the
entries not seen yet (an article stored just before the kill is found by its content hash).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

from claimgraph.sources.fetch import Fetcher, canonical_url
from claimgraph.sources.guard import SourceError, check_url
from claimgraph.sources.pages import FAILED, UNCHANGED, Job, Result, fetch_into_store
from claimgraph.sources.state import SourceState, Validators

DEFAULT_MAX_ENTRIES = 100  # new entries taken from one feed per round; the rest wait for the next


@dataclass
class FeedReport:
    url: str
    title: str | None = None
    entries: int = 0
    new: int = 0
    outcomes: Counter = field(default_factory=Counter)
    error: str | None = None
    not_modified: bool = False
    complete: bool = True  # every entry handled: validators saved


def parse_every(text: str) -> float:
    """'15m', '1h', '90s', '2h30m', '900' (seconds) → seconds."""
    text = text.strip().lower()
    if text.isdigit():
        seconds = float(text)
    else:
        parts = re.fullmatch(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", text)
        if not parts or not any(parts.groups()):
            raise ValueError(f"not a duration: {text!r} (say 15m, 1h, 90s)")
        d, h, m, s = (int(g or 0) for g in parts.groups())
        seconds = float(((d * 24 + h) * 60 + m) * 60 + s)
    if seconds <= 0:
        raise ValueError("the interval must be more than 0 seconds")
    return seconds


def watch_round(store, feeds: list[str], fetcher: Fetcher, extractor, *, max_entries: int = DEFAULT_MAX_ENTRIES,
                resolve: bool = True, on_result: Callable[[Job, Result], None] | None = None) -> list[FeedReport]:
    """One round over `feeds`; a report per feed."""
    import feedparser

    state = SourceState(store)
    reports = {url: FeedReport(url) for url in feeds}
    validators: dict[str, Validators] = {}
    jobs: list[Job] = []
    for url in feeds:
        report = reports[url]
        try:
            check_url(url)
        except SourceError as e:
            report.error, report.complete = e.message, False
            continue
        state.ensure_feed(url)
        row = state.feed(url)
        try:
            page = fetcher.fetch(url, row.etag, row.last_modified)
        except SourceError as e:
            report.error, report.complete = e.message, False
            state.record_feed(url, error=e.message)
            continue
        if page.not_modified:
            report.not_modified = True
            state.record_feed(url, validators=Validators(row.etag, row.last_modified))
            continue
        parsed = feedparser.parse(page.content, response_headers={"content-location": page.final_url,
                                                                  "content-type": page.content_type or "text/xml"})
        if not parsed.entries and (parsed.bozo or not parsed.get("version")):
            why = f"not an RSS or Atom feed ({parsed.get('bozo_exception') or 'no entries'})"
            report.error, report.complete = why, False
            state.record_feed(url, error=why)
            continue
        report.title = parsed.feed.get("title")
        links: list[str] = []
        for entry in parsed.entries:
            link = entry.get("link") or next((l.get("href") for l in entry.get("links", ()) if l.get("href")), None)
            if not link:
                report.outcomes["no link"] += 1
                continue
            try:
                link = canonical_url(urljoin(page.final_url, link.strip()))
            except ValueError:
                report.outcomes["bad link"] += 1
                continue
            if link not in links:
                links.append(link)
        report.entries = len(links)
        seen = state.seen_entries(url)
        new = [link for link in links if link not in seen]
        if len(new) > max_entries:
            new, report.complete = new[:max_entries], False
        report.new = len(new)
        for link in new:
            stored = state.stored_url(link)
            if stored is not None:  # the article came from another feed or a fetch: not fetched again
                state.record_entry(url, link, UNCHANGED, stored.doc_id)
                report.outcomes[UNCHANGED] += 1
            else:
                jobs.append(Job(link, feed=url))
        validators[url] = Validators(page.etag, page.last_modified)
        state.record_feed(url, title=report.title, error=None)

    def done(job: Job, result: Result) -> None:
        report = reports[job.feed]
        report.outcomes[result.outcome] += 1
        if result.outcome == FAILED and result.transient:
            report.complete = False  # tried again next round
        else:
            state.record_entry(job.feed, job.url, result.outcome, result.doc_id)
        if on_result is not None:
            on_result(job, result)

    if jobs:
        fetch_into_store(store, jobs, fetcher, extractor, done, resolve=resolve)
    for url, report in reports.items():
        if report.complete and url in validators:
            state.record_feed(url, validators=validators[url])
    return list(reports.values())
