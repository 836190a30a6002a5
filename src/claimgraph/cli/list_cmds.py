"""`claimgraph kb import` and `claimgraph kb listings`: sanctions and watch lists in the store
(added to the `kb` group by `register`)."""
from __future__ import annotations

import getpass
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from claimgraph.cli.output import out, print_json, report_error, table

DB = Annotated[str, typer.Option("--db", help="SQLite file (or a SQLAlchemy URL) of the store.")]


class Format(str, Enum):
    table = "table"
    json = "json"


def _analyst(name: str | None) -> str:
    try:
        return name or getpass.getuser()
    except (KeyError, OSError, ImportError):
        return "analyst"


def kb_import(file: Annotated[Path, typer.Argument(help="FollowTheMoney JSON lines (entities.ftm.json, an Aleph "
                                                        "export) or a CSV: name, aliases, type, country, topics.")],
              db: DB = "claimgraph.db",
              name: Annotated[Optional[str], typer.Option("--list", help="The list's id (default: the dataset its "
                                                                         "lines name, else the file's name).")] = None,
              title: Annotated[Optional[str], typer.Option("--title", help='As shown: "OFAC SDN".')] = None,
              threshold: Annotated[float, typer.Option("--threshold", min=0.0, max=1.0,
                                                       help="Score of a listing.")] = 0.92,
              review: Annotated[float, typer.Option("--review", min=0.0, max=1.0,
                                                    help="Scores from here up to the threshold: unsure, "
                                                         "for an analyst.")] = 0.80,
              layer: Annotated[Optional[Path], typer.Option("--layer", help="Also write the targets as a knowledge-"
                                                                           "base file into this folder, for --kb / "
                                                                           "CLAIMGRAPH_KB_PATH.")] = None,
              analyst: Annotated[Optional[str], typer.Option("--analyst", help="Who imports (default: the login "
                                                                               "name).")] = None,
              format: Annotated[Format, typer.Option("--format", "-f")] = Format.table) -> None:
    """Import a sanctions or watch list and match the store's actors to it (undo with `claimgraph undo`)."""
    from claimgraph.kb.list_import import import_list
    from claimgraph.store import Store
    if not file.is_file():
        report_error(f"{file}: no such file")
        raise typer.Exit(2)
    with Store(db) as store:
        try:
            counts = import_list(store, file, name, title, _analyst(analyst), threshold, review,
                                 on_error=report_error)
        except UnicodeDecodeError as e:  # nothing was imported: the transaction rolled back
            report_error(f"{file}: not UTF-8 text at byte {e.start} (a compressed file? unpack it first)")
            raise typer.Exit(2)
    if layer is not None:
        from claimgraph.kb.list_layer import write_layer
        with Store(db) as store:
            counts["layer"] = str(write_layer(store, counts["list"], layer))
    if format == Format.json:
        print_json(counts)
    else:
        keys = ["list", "targets", "added", "updated", "unchanged", "removed", "listed", "unsure", "aliases"]
        out().print(table(f"Imported {file.name}", keys, [[counts[k] for k in keys]]))
        skipped = {"unknown schema": counts["unknown_schemata"], "bad line": counts["bad_lines"],
                   "not a person or legal entity": counts["other_schemata"], "not a target": counts["not_targets"]}
        for why, n in skipped.items():
            if n:
                out().print(f"skipped {n} line(s): {why}", highlight=False)
        if layer is not None:
            out().print(f"knowledge-base layer: {counts['layer']}", highlight=False)
    raise typer.Exit(1 if counts["bad_lines"] else 0)


def kb_listings(db: DB = "claimgraph.db",
                unsure: Annotated[bool, typer.Option("--unsure", help="The matches left for an analyst.")] = False,
                format: Annotated[Format, typer.Option("--format", "-f")] = Format.table) -> None:
    """The store's actors matched to a list (with --unsure: the review queue)."""
    from claimgraph.kb import listings
    from claimgraph.query import open_view
    from claimgraph.cli.stores import open_store
    with open_store(db) as store:
        view = open_view(store)
        rows = listings.matched(view, listings.UNSURE if unsure else listings.POSITIVE)
    if format == Format.json:
        print_json(rows)
        return
    out().print(table("Unsure list matches" if unsure else "Listed actors",
                      ["actor", "type", "listed", "as", "score", "rule", "names", "listing #"],
                      [[r["name"], r["type"], listings.label(r), r["caption"], r["score"], r["rule"], r["reason"],
                        r["listing"]] for r in rows]))


def _decide(listing: int, verdict: str, db: str, analyst: str | None, reason: str | None) -> None:
    from claimgraph.kb.list_import import ListingError, decide
    from claimgraph.cli.stores import open_store
    with open_store(db) as store:
        try:
            new = decide(store, listing, verdict, _analyst(analyst), reason)
        except ListingError as e:
            report_error(str(e))
            raise typer.Exit(1)
    out().print(f"listing #{listing} replaced by #{new} ({verdict}); `claimgraph undo` takes it back", highlight=False)


LISTING = Annotated[int, typer.Argument(help="The listing's number (claimgraph kb listings --unsure).")]
ANALYST = Annotated[Optional[str], typer.Option("--analyst", help="Who decides (default: the login name).")]
REASON = Annotated[Optional[str], typer.Option("--reason", help="Why, for the audit log.")]


def kb_confirm(listing: LISTING, db: DB = "claimgraph.db", analyst: ANALYST = None, reason: REASON = None) -> None:
    """An analyst's verdict: the actor is the listed entity (it gets the list's names as aliases)."""
    _decide(listing, "positive", db, analyst, reason)


def kb_reject(listing: LISTING, db: DB = "claimgraph.db", analyst: ANALYST = None, reason: REASON = None) -> None:
    """An analyst's verdict: the actor is not the listed entity (later imports leave the pair alone)."""
    _decide(listing, "negative", db, analyst, reason)


def register(kb_app: typer.Typer) -> None:
    kb_app.command("import")(kb_import)
    kb_app.command("listings")(kb_listings)
    kb_app.command("confirm")(kb_confirm)
    kb_app.command("reject")(kb_reject)
