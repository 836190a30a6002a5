"""Commands that maintain the store itself: reindex (added to the app by `register`)."""
from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from claimgraph.cli.output import err, out, print_json, table

DB = Annotated[str, typer.Option("--db", help="SQLite file (or a SQLAlchemy URL) of the store.")]


class Format(str, Enum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add `reindex` to the `claimgraph` app."""

    @app.command()
    def reindex(db: DB = "claimgraph.db",
                format: Annotated[Format, typer.Option("--format", "-f")] = Format.table) -> None:
        """Rebuild the canonical ids and the figures of every claim group from the claims, verdicts
        and judgements (one transaction; the store keeps them up to date by itself otherwise)."""
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        from claimgraph.cli.stores import open_store

        columns = (TextColumn("[bold]reindexing groups"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with open_store(db) as store, Progress(*columns, console=err(), transient=True,
                                          disable=format == Format.json) as progress:
            task = progress.add_task("", total=None)
            counts = store.reindex(progress=lambda done, total: progress.update(task, completed=done, total=total))
        if format == Format.json:
            print_json(counts)
            return
        out().print(table("Reindex", ["claims", "groups", "figures"],
                          [[counts["claims"], counts["groups"], counts["figures"]]]))
