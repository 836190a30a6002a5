"""Live sources: `fetch` (URLs) and `watch` (RSS / Atom feeds), added to the app by `register`."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from claimgraph.cli.budget import DOC_MEMORY_MB, DOC_SECONDS, budget
from claimgraph.cli.output import out, report_error, table

DB = Annotated[str, typer.Option("--db", help="SQLite file (or a SQLAlchemy URL) of the store.")]
ALLOW = Annotated[Optional[list[str]], typer.Option(
    "--allow-host", help="A host fetched although it resolves to a loopback, private or other non-public "
                         "address (repeatable; by name or address, as in the URL).")]
MODEL = Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline (default: best installed).")]
KB = Annotated[Optional[list[str]], typer.Option("--kb", help="Extra knowledge-base files or folders.")]
MAX_BYTES = Annotated[int, typer.Option("--max-size", help="Largest response read, in bytes (decoded).")]
TIMEOUT = Annotated[float, typer.Option("--timeout", help="Seconds for one fetch in all (redirects, body).")]
DELAY = Annotated[float, typer.Option("--delay", help="Seconds between two requests to one host "
                                                      "(robots.txt's Crawl-delay when longer).")]
RETRIES = Annotated[int, typer.Option("--retries", min=0, help="Retries on 429, 5xx and network errors.")]
RESOLVE = Annotated[bool, typer.Option(help="Then merge the entities that name one actor (see `resolve`).")]


def _fetcher(allow_host, max_size, timeout, delay, retries):
    from claimgraph.sources.fetch import Fetcher
    from claimgraph.sources.guard import Policy
    return Fetcher(Policy.make(allow_host or (), max_bytes=max_size, timeout=timeout), delay=delay, retries=retries)


def _extractor_factory(model, kb, limits):
    from pathlib import Path

    from claimgraph.cli.main import _extractor
    return lambda: _extractor(model, [Path(k) for k in kb or ()], 1, limits)


def register(app: typer.Typer) -> None:
    """Add `fetch` and `watch` to the `claimgraph` app."""

    @app.command()
    def fetch(urls: Annotated[list[str], typer.Argument(help="Article URLs (http, https).")],
              db: DB = "claimgraph.db", allow_host: ALLOW = None, model: MODEL = None, kb: KB = None,
              max_size: MAX_BYTES = 10 * 1024 * 1024, timeout: TIMEOUT = 30.0, delay: DELAY = 1.0,
              retries: RETRIES = 3, resolve: RESOLVE = True, doc_seconds: DOC_SECONDS = None,
              doc_memory_mb: DOC_MEMORY_MB = None) -> None:
        """Fetch web pages, read their article (trafilatura) and add it to the store; a page already
        stored (same canonical URL or text) is not stored again. Polite: robots.txt, a delay per
        host, retries with backoff, conditional GET; loopback, private and metadata addresses refused."""
        from claimgraph.cli.main import _pipeline_errors
        from claimgraph.sources.pages import FAILED, Job, fetch_into_store
        from claimgraph.store import Store

        rows = []
        limits = budget(doc_seconds, doc_memory_mb)

        def done(job, result):
            rows.append([job.url, result.outcome, result.message or ""])
            if result.outcome == FAILED:
                report_error(f"{job.url}: {result.message}")

        with Store(db) as store, _fetcher(allow_host, max_size, timeout, delay, retries) as fetcher, \
                _pipeline_errors():
            tally = fetch_into_store(store, [Job(u) for u in urls], fetcher, _extractor_factory(model, kb, limits), done,
                                     resolve=resolve)
        out().print(table("Fetch", ["url", "outcome", "note"], rows))
        failed = sum(1 for r in rows if r[1] == FAILED)
        out().print(f"stored {tally['stored']}, unchanged {len(rows) - tally['stored'] - failed}, failed {failed}"
                    + (f", merged {tally['merged']}" if tally.get("merged") else ""))
        raise typer.Exit(1 if failed else 0)

    @app.command()
    def watch(feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs.")],
              db: DB = "claimgraph.db",
              every: Annotated[str, typer.Option("--every", help="Time between rounds: 15m, 1h, 90s.")] = "15m",
              once: Annotated[bool, typer.Option("--once", help="One round, then exit.")] = False,
              max_entries: Annotated[int, typer.Option("--max-entries", min=1,
                                                       help="New entries per feed per round.")] = 100,
              allow_host: ALLOW = None, model: MODEL = None, kb: KB = None,
              max_size: MAX_BYTES = 10 * 1024 * 1024, timeout: TIMEOUT = 30.0, delay: DELAY = 1.0,
              retries: RETRIES = 3, resolve: RESOLVE = True, doc_seconds: DOC_SECONDS = None,
              doc_memory_mb: DOC_MEMORY_MB = None) -> None:
        """Watch feeds: each round fetches every feed (conditional GET) and stores the articles of
        its new entries. The feeds' state is in the store: a run stopped or killed resumes where it was."""
        import time

        from claimgraph.cli.main import _pipeline_errors
        from claimgraph.sources.feeds import parse_every, watch_round
        from claimgraph.sources.pages import FAILED
        from claimgraph.store import Store

        try:
            interval = parse_every(every)
        except ValueError as e:
            report_error(f"--every: {e}")
            raise typer.Exit(2)
        limits = budget(doc_seconds, doc_memory_mb)

        def done(job, result):
            if result.outcome == FAILED:
                report_error(f"{job.url}: {result.message}" + (" (tried again next round)" if result.transient else ""))

        failed = False
        try:
            # one fetcher for every round: robots.txt kept (a day at most) and the delay per host held
            with Store(db) as store, _fetcher(allow_host, max_size, timeout, delay, retries) as fetcher:
                while True:
                    start = time.monotonic()
                    with _pipeline_errors():
                        reports = watch_round(store, list(feeds), fetcher, _extractor_factory(model, kb, limits),
                                              max_entries=max_entries, resolve=resolve, on_result=done)
                    rows = []
                    for r in reports:
                        if r.error:
                            report_error(f"{r.url}: {r.error}")
                        status = r.error or ("not modified" if r.not_modified else
                                             ", ".join(f"{k} {v}" for k, v in sorted(r.outcomes.items())) or "no new entries")
                        rows.append([r.url, r.title or "", r.entries, r.new, status])
                    out().print(table(f"Watch ({time.strftime('%Y-%m-%d %H:%M:%S')})",
                                      ["feed", "title", "entries", "new", "outcome"], rows))
                    failed = any(r.error or r.outcomes.get(FAILED) for r in reports)
                    if once:
                        break
                    time.sleep(max(0.0, start + interval - time.monotonic()))
        except KeyboardInterrupt:
            raise typer.Exit(130)
        raise typer.Exit(1 if failed else 0)
