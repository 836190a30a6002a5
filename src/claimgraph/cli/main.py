"""The `claimgraph` command line."""
from __future__ import annotations

import itertools
from collections.abc import Iterator
import contextlib
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from claimgraph.cli.budget import DOC_MEMORY_MB, DOC_SECONDS, budget
from claimgraph.cli.output import (claims_table, entities_table, err, nothing_found, out, print_json, report_error,
                                   table)
from claimgraph.model import Document

if TYPE_CHECKING:
    from claimgraph.ingest import IngestError

# Each command imports what it needs when it runs (the readers, spaCy, the store, the queries), so
# that `--help` and a query start fast; tests/cli/test_cli_imports.py checks what a command loads.

app = typer.Typer(help="Turn documents into a sourced graph of who did what to whom, where and when.",
                  no_args_is_help=True, add_completion=False)


def _version(value: bool) -> None:
    if value:
        from claimgraph import __version__
        print(f"claimgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """Turn documents into a sourced graph of who did what to whom, where and when."""
kb_app = typer.Typer(help="The actor knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


class Format(str, Enum):
    table = "table"
    json = "json"


DB = Annotated[str, typer.Option("--db", help="SQLite file (or a SQLAlchemy URL) of the store.")]
FMT = Annotated[Format, typer.Option("--format", "-f", help="table or json.")]
# readable=False: a path that cannot be read is that path's error line (the readers report it), not a
# usage error that stops the run before it reads the others.
PATHS = Annotated[list[Path], typer.Argument(help="Files or folders (recursive); .txt .html .md .pdf .jsonl.",
                                             readable=False)]
MODEL = Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline (default: best installed).")]
KB = Annotated[Optional[list[Path]], typer.Option("--kb", help="Extra knowledge-base files or folders.")]
MAXSIZE = Annotated[int, typer.Option("--max-size", help="Largest input file in bytes.")]
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # claimgraph.ingest.DEFAULT_MAX_BYTES, not imported here (a test checks)


REPLACE = Annotated[bool, typer.Option("--replace-undecodable",
                                       help="Read text that does not decode cleanly as UTF-8 with a replacement "
                                            "character for each bad byte (counted in the document's extra) "
                                            "instead of refusing the file.")]


def _read(paths: list[Path], max_size: int, errors: list, replace_undecodable: bool = False) -> Iterator[Document]:
    """The documents of `paths`, read lazily; each reader error gets one line on stderr and is
    appended to `errors`, and the reading goes on."""
    import logging

    from claimgraph.ingest import IngestError, read_paths
    from claimgraph.ingest.errors import over_length

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on broken PDFs; ingest reports the file
    for item in read_paths(paths, max_bytes=max_size, replace_undecodable=replace_undecodable):
        if isinstance(item, Document) and (why := over_length(item.text)):
            item = IngestError(item.path or item.id, None, why)
        if isinstance(item, IngestError):
            report_error(str(item))
            errors.append(item)
        else:
            yield item


def _files(path: str) -> Iterator[str]:
    import os
    if not os.path.isdir(path):
        yield path
        return
    for root, dirs, names in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # as the readers do
        yield from (os.path.join(root, n) for n in names if not n.startswith("."))


def _count(paths: list[Path]) -> int:
    """A cheap first walk: about how many documents `paths` hold (a file is one, a JSONL file one
    a non-empty line), for the progress bar's total and its estimate of the time left."""
    import os
    n = 0
    for f in itertools.chain.from_iterable(_files(str(p)) for p in paths):
        # a JSON array file counts as one: its length is not cheap; a FIFO or device is not opened
        # (it would block the run before it starts: the readers report it as not a regular file)
        if f.lower().endswith((".jsonl", ".ndjson")) and os.path.isfile(f):
            try:
                with open(f, "rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            except OSError:
                n += 1
        else:
            n += 1
    return n


WORKERS = Annotated[Optional[int], typer.Option("--workers", "-w", min=1,
                                                help="Extraction processes (default: the cores this process "
                                                     "may use, one per 8 documents at most).")]


DOCS_PER_WORKER = 8  # a worker's own pipeline load costs about what extracting 8 documents does


def _workers(workers: int | None, expected: int) -> int:
    """The workers asked for; by default the cores, but no more than the input keeps busy (one
    document is extracted fastest in this process, with no pool to start)."""
    from claimgraph.extract.workers import default_workers
    return workers or max(1, min(default_workers(), expected // DOCS_PER_WORKER))


def _extractor(model: str | None, kb: list[Path] | None, workers: int = 1, budget=None):
    """The extraction function: a process pool under a per-document `budget` (`cli.budget.budget`;
    None: the environment's or the default), in this process for one worker without one."""
    import functools

    from claimgraph.extract.workers import extract_documents
    return functools.partial(extract_documents, workers=workers, model=model, kb_paths=tuple(str(p) for p in kb or ()),
                             budget=budget)


def _extracted(documents):
    for d in documents:
        d.spacy_doc = None  # the parse is not printed: memory follows the output, not the parses
        yield d


@contextlib.contextmanager
def _pipeline_errors():
    """A pipeline that cannot be made (a bad --kb file, a missing model) is one line, not a traceback."""
    from claimgraph.kb.loader import KBError
    try:
        yield
    except (KBError, RuntimeError) as e:
        report_error(f"cannot extract: {e}")
        raise typer.Exit(2)


@app.command()
def extract(paths: PATHS, format: FMT = Format.table, model: MODEL = None, kb: KB = None,
            max_size: MAXSIZE = DEFAULT_MAX_BYTES, workers: WORKERS = None, replace_undecodable: REPLACE = False,
            explain: Annotated[bool, typer.Option("--explain", help="Show the rule and cue words of each claim.")] = False,
            doc_seconds: DOC_SECONDS = None, doc_memory_mb: DOC_MEMORY_MB = None) -> None:
    """Read documents and print what they say: actors and claims (the exchange format with --format json)."""
    from claimgraph.export.exchange import build_from_documents
    errors: list = []
    done = []
    limits = budget(doc_seconds, doc_memory_mb)
    with _pipeline_errors():
        extractor = _extractor(model, kb, _workers(workers, _count(paths)), limits)
        extracted = list(_extracted(extractor(_read(paths, max_size, errors, replace_undecodable))))
    for d in extracted:
        if d.failure:
            report_error(f"{d.path or d.id}: {d.failure}")
            errors.append(d)
        else:
            done.append(d)
    if format == Format.json:
        graph = build_from_documents(done)
        if explain:
            why = {c.id: {"trigger": c.attrs.get("trigger"), "cues": c.attrs.get("cues", [])} for d in done for c in d.claims}
            for c in graph["claims"]:
                c["explain"] = {"rule": c.get("rule"), **why.get(c["id"], {})}
        print_json(graph)
    else:
        for d in done:
            head = f"{d.path or d.id} — {d.title or ''} ({d.genre}, {d.source or 'no source'})"
            rows = [{"id": e.id, "name": e.name, "type": e.type, "subtype": e.subtype, "country": e.country,
                     "mentions": len(e.mentions), "documents": 1} for e in d.entities]
            out().print(entities_table(rows, title=f"Actors: {head}"))
            names = {e.id: e.name for e in d.entities}
            out().print(claims_table(d.claims, names, title=f"Claims: {head}", explain=explain))
    raise typer.Exit(1 if errors else 0)


@app.command()
def ingest(paths: PATHS, db: DB = "claimgraph.db", model: MODEL = None, kb: KB = None,
           max_size: MAXSIZE = DEFAULT_MAX_BYTES, workers: WORKERS = None, replace_undecodable: REPLACE = False,
           resolve: Annotated[bool, typer.Option(help="Then merge the entities that name one actor "
                                                      "(recorded automatic judgements; see `resolve`).")] = True,
           doc_seconds: DOC_SECONDS = None, doc_memory_mb: DOC_MEMORY_MB = None) -> None:
    """Read documents, extract them and add them to the store; already stored texts are skipped."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    from claimgraph.store import Store
    from claimgraph.store.ingest import FAILED, ingest_documents
    errors: list = []
    limits = budget(doc_seconds, doc_memory_mb)
    expected = _count(paths)  # a first walk, so that the bar has a total and the time left an estimate
    columns = (TextColumn("[bold]ingesting"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
               TextColumn("{task.description}"))
    with Store(db) as store, Progress(*columns, console=err(), transient=False, disable=not expected) as progress:
        task = progress.add_task("", total=expected, rate="")
        read = finished = 0

        def docs() -> Iterator[Document]:
            nonlocal read
            for d in _read(paths, max_size, errors, replace_undecodable):
                read += 1
                yield d

        def done(d: Document, outcome: str, error: str | None) -> None:
            nonlocal finished
            finished += 1
            if outcome == FAILED:
                report_error(f"{d.path or d.id}: {error}")
            completed = finished + len(errors)
            progress.update(task, completed=completed, total=max(progress.tasks[0].total or 0, completed),
                            description=Path(d.path or d.id).name)
            elapsed = progress.tasks[0].elapsed  # over the whole run: writes come in batches, not evenly
            progress.update(task, rate=f"{completed / elapsed:.1f} docs/s" if elapsed else "")

        with _pipeline_errors():
            tally = ingest_documents(store, docs(), lambda: _extractor(model, kb, _workers(workers, expected), limits),
                                     on_document=done, resolve=resolve)
        progress.update(task, completed=finished + len(errors))
        summary = store.summary()
    failed = len(errors) + tally["failed"]
    out().print(table("Ingest", ["read", "stored", "unchanged", "failed", "merged", "documents in store",
                                 "entities in store"],
                    [[read, tally["stored"], tally["unchanged"], failed, tally["merged"],
                      summary["documents"], summary["entities"]]]))
    raise typer.Exit(1 if failed else 0)


@app.command()
def entities(db: DB = "claimgraph.db", type: Annotated[Optional[str], typer.Option("--type")] = None,
             limit: Annotated[Optional[int], typer.Option("--limit")] = None, format: FMT = Format.table) -> None:
    """List the actors in the store, most mentioned first (entities merged into one actor once)."""
    from claimgraph.cli.stores import open_store
    from claimgraph.query.filters import allowed
    try:
        type = allowed("entity type", type)
    except ValueError as e:
        report_error(str(e))
        raise typer.Exit(2)
    with open_store(db) as store:
        rows = [_summary_dict(e) for e in store.entities(type=type, limit=limit, merged=True)]
        _add_listings(store, rows)
    if format == Format.json:
        print_json(rows)
    elif not rows:
        nothing_found()
    else:
        out().print(entities_table(rows))


def _add_listings(store, rows: list[dict]) -> None:
    """Each row's sanctions and watch lists ("OFAC SDN (sanction, crime.terror)"), from `kb import`."""
    from claimgraph.kb import listings
    from claimgraph.query.view import StoreView
    with StoreView(store) as view:
        found = listings.of_actors(view, [r["id"] for r in rows])
    for r in rows:
        r["listed"] = list(dict.fromkeys(listings.label(x) for x in found.get(r["id"], [])))


def _summary_dict(e) -> dict:
    return {"id": e.id, "name": e.name, "type": e.type, "subtype": e.subtype, "country": e.country,
            "kb_id": e.kb_id, "aliases": list(e.aliases), "mentions": e.mention_count, "documents": e.document_count}


@app.command()
def summary(db: DB = "claimgraph.db", format: FMT = Format.table) -> None:
    """What the store holds: documents, actors by type (entities merged into one actor count once),
    the most mentioned actors."""
    from claimgraph.cli.stores import open_store
    with open_store(db) as store:
        s = store.summary(merged=True)
    if format == Format.json:
        print_json(s)
        return
    out().print(table("Store", ["documents", "mentions", "claims"], [[s["documents"], s["mentions"], s["claims"]]]))
    out().print(table("Documents by genre", ["genre", "documents"], sorted(s["documents_by_genre"].items())))
    out().print(table("Entities by type", ["type", "entities"], sorted(s["entities_by_type"].items())))
    out().print(table("Most mentioned actors", ["name", "type", "mentions", "documents"],
                    [[a["name"], a["type"], a["mentions"], a["documents"]] for a in s["top_actors"]]))


@kb_app.command("check")
def kb_check(kb: KB = None, format: FMT = Format.table) -> None:
    """Validate the knowledge base: ids, codes, types, and aliases that name two actors."""
    from claimgraph.kb.check import check, stats
    from claimgraph.kb.loader import KBError, load
    try:
        base = load([str(p) for p in kb or ()])
    except KBError as e:
        report_error(str(e))
        raise typer.Exit(1)
    problems, figures = check(base), stats(base)
    if format == Format.json:
        print_json({"ok": not problems, "problems": problems, "stats": figures})
    else:
        out().print(table("Knowledge base", list(figures), [list(figures.values())]))
        for p in problems:
            report_error(p)
        out().print("[green]kb ok[/green]" if not problems else f"[red]{len(problems)} problem(s)[/red]")
    raise typer.Exit(1 if problems else 0)


def _register_commands() -> None:
    from claimgraph.cli import (batch_cmds, codebook_cmds, export_cmds, list_cmds, query_cmds, resolve_cmds,
                                serve_cmds, store_cmds)
    list_cmds.register(kb_app)
    batch_cmds.register(app)
    export_cmds.register(app)
    codebook_cmds.register(app)
    query_cmds.register(app)
    from claimgraph.cli import outlet_cmds; outlet_cmds.register(app)  # noqa: E702 - sources, sources set
    resolve_cmds.register(app)
    store_cmds.register(app)
    serve_cmds.register(app)
    from claimgraph.cli import report_cmds
    report_cmds.register(app)
    from claimgraph.cli import source_cmds; source_cmds.register(app)  # noqa: E702 - fetch, watch


_register_commands()

if __name__ == "__main__":
    app()
