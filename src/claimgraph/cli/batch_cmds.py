"""Batch extraction: `batch` (inputs → Parquet shards, on Ray or local processes) and `load`
(shards → store), added to the app by `register`."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from claimgraph.cli.budget import DOC_MEMORY_MB, DOC_SECONDS, budget
from claimgraph.cli.output import err, out, print_json, report_error, table

DB = Annotated[str, typer.Option("--db", help="SQLite file (or a SQLAlchemy URL) of the store.")]


class Format(str, Enum):
    table = "table"
    json = "json"


class Engine(str, Enum):
    ray = "ray"
    local = "local"


FMT = Annotated[Format, typer.Option("--format", "-f", help="table or json.")]


def _progress(label: str, disable: bool):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    columns = (TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
               TimeElapsedColumn())
    return Progress(*columns, console=err(), transient=True, disable=disable)


def register(app: typer.Typer) -> None:
    """Add `batch` and `load` to the `claimgraph` app."""

    @app.command()
    def batch(inputs: Annotated[list[Path], typer.Argument(help="Folders, files (.txt .html .md .pdf .jsonl) and "
                                                                  "Parquet files with a text column.", readable=False)],
              output: Annotated[Path, typer.Option("-o", "--output", help="Folder of the shards and manifest.")],
              engine: Annotated[Engine, typer.Option("--engine", help="ray or local (process pool).")] = Engine.local,
              address: Annotated[Optional[str], typer.Option("--address", help="Ray cluster (HEAD:6379); "
                                                              "default: a local Ray instance.")] = None,
              workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1,
                                                             help="Extraction processes / Ray actors.")] = None,
              text_column: Annotated[str, typer.Option("--text-column", help="Text column of Parquet input.")] = "text",
              model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline.")] = None,
              kb: Annotated[Optional[list[Path]], typer.Option("--kb", help="Extra knowledge-base files.")] = None,
              format: FMT = Format.table, doc_seconds: DOC_SECONDS = None,
              doc_memory_mb: DOC_MEMORY_MB = None) -> None:
        """Extract documents in bulk into Parquet shards of the exchange tables (see `load`). With the
        local engine each document is bounded (--doc-seconds, --doc-memory-mb); Ray's actors are not."""
        from claimgraph.batch.run import run_batch
        from claimgraph.extract.workers import default_workers

        limits = budget(doc_seconds, doc_memory_mb)

        with _progress("extracting", format == Format.json) as progress:
            task = progress.add_task("", total=None, rate="")

            def done(d) -> None:
                progress.advance(task)
                speed = progress.tasks[0].speed
                progress.update(task, rate=f"{speed:.1f} docs/s" if speed else "")

            manifest = run_batch(inputs, output, engine.value, workers or default_workers(), model=model,
                                 kb_paths=tuple(str(p) for p in kb or ()), address=address, text_column=text_column,
                                 on_error=report_error, on_document=done, budget=limits)
        rows = {name: sum(s["rows"][name] for s in manifest["shards"])
                for name in ("documents", "entities", "mentions", "claims", "evidence")}
        if format == Format.json:
            print_json({"output": str(output), "shards": len(manifest["shards"]), **rows,
                        "errors": manifest["errors"], "seconds": manifest["seconds"]})
        else:
            out().print(table("Batch", ["shards", *rows, "errors", "seconds"],
                              [[len(manifest["shards"]), *rows.values(), len(manifest["errors"]),
                                manifest["seconds"]]]))
        raise typer.Exit(1 if manifest["errors"] else 0)

    @app.command()
    def load(folder: Annotated[Path, typer.Argument(help="Output folder of `batch`.")], db: DB = "claimgraph.db",
             resolve: Annotated[bool, typer.Option(help="Then merge the entities that name one actor.")] = True,
             format: FMT = Format.table) -> None:
        """Add the documents of batch shards to the store (already stored texts are unchanged), then resolve."""
        from claimgraph.batch.load import load as load_shards
        from claimgraph.store import Store

        try:
            from claimgraph.batch.shards import read_manifest
            total = read_manifest(folder).get("documents")
        except FileNotFoundError:
            why = ("the batch run that wrote it did not finish: run it again"
                   if any(folder.glob("*/part-*.parquet")) else "not the output folder of `claimgraph batch`")
            report_error(f"{folder}: no manifest.json: {why}")
            raise typer.Exit(2)
        except (OSError, ValueError) as e:
            report_error(f"{folder}: no readable manifest.json: {e}")
            raise typer.Exit(2)
        with Store(db) as store, _progress("loading", format == Format.json) as progress:
            task = progress.add_task("", total=total, rate="")
            tally, shards, errors = load_shards(store, folder, on_error=report_error,
                                                on_document=lambda d, o, e: progress.advance(task), resolve=resolve)
            summary = store.summary()
        for message in tally.errors:
            report_error(message)
        counts = {"shards": shards, "shard errors": len(errors), "stored": tally["stored"],
                  "unchanged": tally["unchanged"], "failed": tally["failed"], "merged": tally["merged"],
                  "documents in store": summary["documents"]}
        if format == Format.json:
            print_json({**counts, "errors": errors + tally.errors})
        else:
            out().print(table("Load", list(counts), [list(counts.values())]))
        raise typer.Exit(1 if errors or tally["failed"] else 0)
