"""`claimgraph sources` (the outlets with their reliability and where it comes from) and
`claimgraph sources set OUTLET GRADE --reason ...` (an analyst's grade, kept in the store)."""
from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from claimgraph.cli.output import nothing_found, out, print_json, report_error, table

DB = Annotated[str, typer.Option("--db", help="SQLite file (or a SQLAlchemy URL) of the store.")]


class Format(str, Enum):
    table = "table"
    json = "json"


FMT = Annotated[Format, typer.Option("--format", "-f", help="table or json.")]
ORIGIN = {"analyst": "set by {analyst}", "yaml": "sources data", "default": "not graded"}

sources_app = typer.Typer(help="The outlets behind the documents and their reliability (A–F); "
                               "`sources set` grades one.")


def _store(db: str):
    from claimgraph.cli.stores import open_store
    return open_store(db)


@sources_app.callback(invoke_without_command=True)
def sources(ctx: typer.Context, db: DB = "claimgraph.db", format: FMT = Format.table) -> None:
    """The outlets and issuing bodies behind the documents, each once whatever its spellings, with
    their reliability grade (A–F) and where it comes from (an analyst's grade in the store, the
    sources data, or F when nobody graded it; see docs/grading.md), their documents and reprints."""
    if ctx.invoked_subcommand is not None:
        return
    from claimgraph.query import sources as query
    with _store(db) as store:
        rows = query(store)
    if format == Format.json:
        print_json(rows)
    elif not rows:
        nothing_found()
    else:
        out().print(table("Sources", ["source", "reliability", "origin", "reason", "documents", "reprints", "claims"],
                          [[r["source"] + (f" (also {', '.join(s for s in r['spellings'] if s != r['source'])})"
                                           if len(r["spellings"]) > 1 else ""),
                            f"{r['reliability']} ({r['meaning']})",
                            ORIGIN[r["origin"]].format(analyst=r["analyst"] or "?")
                            + (f", without it {r['default']}" if r["origin"] == "analyst" else ""),
                            r["reason"] or "", r["documents"], r["reprints"], r["claims"]] for r in rows]))


@sources_app.command("set")
def set_grade(outlet: Annotated[str, typer.Argument(help="The outlet, in any spelling (\"Meridian Wire\").")],
              grade: Annotated[str, typer.Argument(help="A (completely reliable) … F (cannot be judged).")],
              reason: Annotated[str, typer.Option("--reason", help="Why, for the audit log.")],
              analyst: Annotated[str | None, typer.Option("--analyst", help="Who decides (default: the login name).")]
              = None,
              db: DB = "claimgraph.db") -> None:
    """Grade an outlet: kept in the store over the sources data, written to the audit log, and the
    claims it stands behind regraded at once; `claimgraph undo` takes it back."""
    from claimgraph.cli.resolve_cmds import _analyst
    from claimgraph.corroborate.outlet_grades import GradeError, grade_outlet
    with _store(db) as store:
        try:
            entry = grade_outlet(store, outlet, grade, reason, _analyst(analyst))
        except GradeError as e:
            report_error(str(e))
            raise typer.Exit(2) from None
    p = entry.payload
    out().print(f"{p['outlet']}: {p['old']} ({p['old_origin']}) → {p['new']}, by {entry.actor} "
                f"(audit #{entry.id}); the claims it stands behind are regraded.", markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    """Add `sources` and `sources set` to `app`."""
    app.add_typer(sources_app, name="sources")
