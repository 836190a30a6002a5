"""`claimgraph review queue`: what needs an analyst, by kind (`claimgraph.review.queue`)."""
from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from claimgraph.cli.output import out, print_json, table

review_app = typer.Typer(help="The review queue: what needs an analyst.", no_args_is_help=True)


class Kind(str, Enum):
    candidates = "candidates"
    contested = "contested"
    single_source = "single_source"
    surface = "surface"
    rejected = "rejected"


class Format(str, Enum):
    table = "table"
    json = "json"


@review_app.command("queue")
def queue_cmd(kind: Annotated[Kind, typer.Argument(help="Which queue.")] = Kind.candidates,
              db: Annotated[str, typer.Option("--db", help="SQLite file (or a SQLAlchemy URL) of the store.")] = "claimgraph.db",
              limit: Annotated[int, typer.Option("--limit", min=1, max=500)] = 50,
              offset: Annotated[int, typer.Option("--offset", min=0)] = 0,
              format: Annotated[Format, typer.Option("--format", "-f")] = Format.table) -> None:
    """One page of a review queue: unsure merge candidates, contested claims, single-source claims
    of low credibility, claims of the surface fallback rule, or the rejected claims."""
    from claimgraph.cli.stores import open_store
    from claimgraph.query.view import StoreView
    from claimgraph.resolve import Resolver
    from claimgraph.review import queue

    store = open_store(db)
    with store:
        resolver = Resolver(store)
        if kind == Kind.candidates:
            total, items = queue.pair_items(store, resolver, limit, offset)
        elif kind == Kind.rejected:
            total, items = queue.rejected_items(store, limit, offset)
        else:
            with StoreView(store) as view:
                total, items = queue.claim_items(view, kind.value, limit, offset)
    if format == Format.json:
        print_json({"kind": kind.value, "total": total, "limit": limit, "offset": offset, "items": items})
        return
    title = f"Review queue {kind.value}: {total} item(s)" + (f", from {offset + 1}" if offset else "")
    if kind == Kind.candidates:
        rows = [[f"{p['left']['name']} ({p['left_id']})", f"{p['right']['name']} ({p['right_id']})",
                 f"{p['score']:.2f}" if p["score"] is not None else "", p["rule"], p["why"]] for p in items]
        out().print(table(title, ["entity", "entity", "score", "rule", "why"], rows))
        return
    name = lambda r: (r or {}).get("name") or ""  # noqa: E731
    rows = [[r["claim"], f"{name(r['subject'])} {r['predicate']} {name(r['object'])}".strip(), r["modality"],
             (r.get("why") if kind != Kind.rejected else f"{r['analyst']}: {r.get('reason') or ''}")] for r in items]
    out().print(table(title, ["claim", "reads", "modality", "why" if kind != Kind.rejected else "rejected by"], rows))
