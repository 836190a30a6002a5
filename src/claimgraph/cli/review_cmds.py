"""`claimgraph review queue`: what needs an analyst, by kind (`claimgraph.review.queue`); and
`review confirm / reject / restore / correct CLAIM`, the decisions on a claim."""
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


DB = Annotated[str, typer.Option("--db", help="SQLite file (or a SQLAlchemy URL) of the store.")]
CLAIM = Annotated[str, typer.Argument(help="Claim id (clm-…).")]
ANALYST = Annotated[str | None, typer.Option("--analyst", help="Who decides (default: the login name).")]
REASON = Annotated[str | None, typer.Option("--reason", help="Why, for the audit log.")]


def _act(db: str, act) -> None:
    """Run one analyst action on the store and print it in words; a refused one is an error, exit 1."""
    from claimgraph.cli.output import report_error
    from claimgraph.cli.stores import open_store
    from claimgraph.resolve import Resolver
    from claimgraph.review import ReviewError

    store = open_store(db)
    with store:
        try:
            entry = act(store)
        except ReviewError as e:
            report_error(str(e))
            raise typer.Exit(1)
        words = Resolver(store).describe([entry])[entry.id]
    out().print(f"{words} (action #{entry.id}; `claimgraph undo` takes it back)", highlight=False)


def _who(analyst: str | None) -> str:
    from claimgraph.cli.resolve_cmds import _analyst
    return _analyst(analyst)


@review_app.command("confirm")
def confirm_cmd(claim: CLAIM, db: DB = "claimgraph.db", analyst: ANALYST = None, reason: REASON = None) -> None:
    """The claim is read right: record it as confirmed."""
    from claimgraph.review import Reviews
    _act(db, lambda store: Reviews(store).confirm(claim, _who(analyst), reason))


@review_app.command("reject")
def reject_cmd(claim: CLAIM, db: DB = "claimgraph.db", analyst: ANALYST = None, reason: REASON = None) -> None:
    """The claim is misread: leave it out of every answer (listed by `review queue rejected`)."""
    from claimgraph.review import Reviews
    _act(db, lambda store: Reviews(store).reject(claim, _who(analyst), reason))


@review_app.command("restore")
def restore_cmd(claim: CLAIM, db: DB = "claimgraph.db", analyst: ANALYST = None, reason: REASON = None) -> None:
    """Bring a rejected claim back (an action of its own in the audit log)."""
    from claimgraph.review import Reviews
    _act(db, lambda store: Reviews(store).restore(claim, _who(analyst), reason))


@review_app.command("correct")
def correct_cmd(claim: CLAIM, db: DB = "claimgraph.db",
                predicate: Annotated[str | None, typer.Option("--predicate", help="The predicate it should have.")] = None,
                modality: Annotated[str | None, typer.Option("--modality", help="asserted, reported, alleged, "
                                                             "speculative or negated.")] = None,
                reverse: Annotated[bool, typer.Option("--reverse", help="Swap subject and object.")] = False,
                analyst: ANALYST = None, reason: REASON = None) -> None:
    """Correct how the claim was read, kept as the analyst's reading beside the machine's."""
    from claimgraph.review import Readings
    _act(db, lambda store: Readings(store).correct(claim, _who(analyst), reason, predicate=predicate,
                                                   modality=modality, reverse=reverse))
