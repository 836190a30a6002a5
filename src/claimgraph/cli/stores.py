"""The store a command opens: commands that only read (or decide about what is stored) open an
existing store and say so when there is none; only the commands that add documents create one."""
from __future__ import annotations

import typer

from claimgraph.cli.output import report_error


def open_store(db: str, create: bool = False):
    """The `Store` at `db`; without `create`, a path that holds no store is an error line and exit 2
    (a mistyped `--db` creates nothing)."""
    from claimgraph.store import Store
    from claimgraph.store.db import NoStore
    try:
        return Store(db, create=create)
    except NoStore as e:
        report_error(str(e))
        raise typer.Exit(2) from None
