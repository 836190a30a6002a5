"""`claimgraph export`: the store (or the claims a filter keeps) in one of the field's formats."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from claimgraph.cli.output import err, report_error
from claimgraph.cli.query_cmds import AS_OF, CRED, DB, FROM, MIN_IND, TO, _actor, _fail


class ExportFormat(str, Enum):
    json = "json"
    ftm = "ftm"
    stix = "stix"
    gexf = "gexf"
    graphml = "graphml"
    csv = "csv"
    parquet = "parquet"
    neo4j = "neo4j"


def register(app: typer.Typer) -> None:
    """Add `export` to the `claimgraph` app."""

    @app.command()
    def export(db: DB = "claimgraph.db",
               format: Annotated[ExportFormat, typer.Option("--format", "-f", help=(
                   "json (claimgraph/1), ftm (FollowTheMoney lines, Aleph), stix (STIX 2.1 bundle, OpenCTI), "
                   "gexf and graphml (Gephi), csv and parquet (tables, ACLED/POLECAT columns), "
                   "neo4j (CSV files for neo4j-admin import)."))] = ExportFormat.json,
               output: Annotated[Optional[Path], typer.Option("-o", "--output", help=(
                   "The file to write (stdout when left out), or the folder of csv, parquet and neo4j."))] = None,
               predicate: Annotated[Optional[list[str]], typer.Option("--predicate", help="Only these predicates.")] = None,
               modality: Annotated[Optional[list[str]], typer.Option("--modality", help="Only these modalities.")] = None,
               min_sources: Annotated[int, typer.Option("--min-sources", min=0)] = 0,
               min_independent: MIN_IND = 0, credibility: CRED = None, date_from: FROM = None, date_to: TO = None,
               as_of: AS_OF = None,
               contested: Annotated[bool, typer.Option("--contested", help="Only contested claims.")] = False,
               single_source: Annotated[bool, typer.Option("--single-source",
                                                           help="Only claims with one independent source.")] = False,
               actor: Annotated[Optional[str], typer.Option("--actor", help=(
                   "Only the claims of this actor (subject, object or place): its neighbourhood."))] = None,
               listed: Annotated[bool, typer.Option("--listed", help=(
                   "Only claims touching an actor on an imported sanctions or watch list."))] = False,
               include_negated: Annotated[Optional[bool], typer.Option("--include-negated/--exclude-negated", help=(
                   "Keep denied claims (default: yes, except for ftm, whose readers take a relation as fact, "
                   "unless --modality negated asks for them)."
               ))] = None,
               ftm_version: Annotated[int, typer.Option("--ftm-version", min=3, max=4, help=(
                   "4, or 3 for OCCRP Aleph 4.1 (FollowTheMoney 3.5: no schema or property it lacks)."))] = 4) -> None:
        """Write the store's graph in another tool's format, merged actors as one, each claim with its
        evidence sentence, modality, attribution and grade."""
        from claimgraph.export import NEGATED_BY_DEFAULT, ExportOptions, exporter
        from claimgraph.export.read import Selection
        from claimgraph.query.filters import ClaimFilter

        module = exporter(format.value)
        if module.DIRECTORY and output is None:
            report_error(f"--format {format.value} writes several files: name their folder with -o")
            raise typer.Exit(2)
        if output is not None and module.DIRECTORY and output.exists() and not output.is_dir():
            report_error(f"{output}: not a folder (--format {format.value} writes several files)")
            raise typer.Exit(2)
        negated = NEGATED_BY_DEFAULT.get(format.value, True) if include_negated is None else include_negated
        if include_negated is None and "negated" in (modality or ()):
            negated = True  # asked for by name: --modality negated keeps denials in ftm too
        try:
            rule = ClaimFilter(predicate, modality, min_sources, min_independent, credibility, date_from, date_to,
                               as_of)
        except ValueError as e:
            _fail(e)
        from claimgraph.cli.stores import open_store
        with open_store(db) as store:
            actor_id = _actor(store, actor).id if actor else None
            selection = Selection(rule, contested, single_source, actor_id, negated, listed)
            options = ExportOptions(ftm_version=ftm_version)
            counts = _run(module, store, selection, options, output)
        what = ", ".join(f"{n} {k}" for k, n in counts.items())
        err().print(f"wrote {output if output is not None else 'stdout'} ({format.value}): {what}", highlight=False)


def _run(module, store, selection, options, output: Path | None) -> dict:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from claimgraph.export.read import StoreRead
    with Progress(TextColumn("[bold]export"), BarColumn(), MofNCompleteColumn(), TextColumn("claims"),
                  TimeElapsedColumn(), console=err(), transient=True, disable=not err().is_terminal) as bar:
        task = bar.add_task("export", total=None)
        read = StoreRead(store, selection, on_claims=lambda n: bar.advance(task, n))
        bar.update(task, total=read.claim_count())
        if module.DIRECTORY:
            try:
                output.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                _cannot_write(output, e)
            return module.export(read, output, options)
        if output is None:
            return module.export(read, sys.stdout.buffer, options)
        if output.is_dir():
            _cannot_write(output, IsADirectoryError(21, "a folder (name the file to write)"))
        part = output.with_name(output.name + ".part")  # a failed export leaves no half-written file
        try:
            try:
                fh = part.open("wb")
            except OSError as e:
                _cannot_write(output, e)
            with fh:
                counts = module.export(read, fh, options)
            part.replace(output)
        finally:
            part.unlink(missing_ok=True)
        return counts


def _cannot_write(path: Path, e: OSError):
    """One error line for an output path that cannot be written (a missing folder, no permission)."""
    report_error(f"cannot write {path}: {e.strerror or e}")
    raise typer.Exit(1)
