"""The per-document budget's options (`--doc-seconds`, `--doc-memory-mb`), shared by every command
that extracts (`extract`, `ingest`, `batch`, `fetch`, `watch`)."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

# claimgraph.extract.workers.DOC_SECONDS / DOC_MEMORY_MB, not imported here: `--help` loads no
# extraction code (a test checks that they agree)
DOC_SECONDS_DEFAULT = 600
DOC_MEMORY_MB_DEFAULT = 2500

DOC_SECONDS = Annotated[Optional[float], typer.Option(
    "--doc-seconds", min=0, show_default=False,
    help=f"Wall-clock seconds one document may take to parse and extract; over it, its worker is killed "
         f"and that document alone fails (0: no bound). Default: $CLAIMGRAPH_DOC_SECONDS, else "
         f"{DOC_SECONDS_DEFAULT}.")]
DOC_MEMORY_MB = Annotated[Optional[int], typer.Option(
    "--doc-memory-mb", min=0, show_default=False,
    help=f"Resident memory in MB an extraction worker may reach on one document (the pipeline alone is "
         f"about 300); over it, the worker is killed and that document alone fails (0: no bound). "
         f"Default: $CLAIMGRAPH_DOC_MEMORY_MB, else {DOC_MEMORY_MB_DEFAULT:,}.")]


def budget(seconds: float | None, memory_mb: int | None):
    """The `Budget` of the options (None: the environment's, else the default); a bad environment
    value is a usage error."""
    from claimgraph.cli.output import report_error
    from claimgraph.extract.workers import Budget
    try:
        return Budget.make(seconds, memory_mb)
    except ValueError as e:
        report_error(str(e))
        raise typer.Exit(2)
