"""Commands of entity resolution: resolve, merge, split, undo, audit (added to the app by `register`)."""
from __future__ import annotations

import getpass
from contextlib import contextmanager
from enum import Enum
from typing import Annotated

import typer

from claimgraph.cli.output import out, print_json, report_error, table

DB = Annotated[str, typer.Option("--db", help="SQLite file (or a SQLAlchemy URL) of the store.")]
ANALYST = Annotated[str | None, typer.Option("--analyst", help="Who decides (default: the login name).")]
REASON = Annotated[str | None, typer.Option("--reason", help="Why, for the audit log.")]


class Format(str, Enum):
    table = "table"
    json = "json"


def _analyst(name: str | None) -> str:
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):  # no login name in some containers
        return "analyst"


def _open(db: str):
    from claimgraph.cli.stores import open_store
    from claimgraph.resolve import Resolver
    store = open_store(db)
    return store, Resolver(store)


@contextmanager
def _deciding(db: str):
    """The store's resolver, for one analyst action; a refused action is one error line, exit 1."""
    from claimgraph.resolve import ResolutionError
    store, resolver = _open(db)
    with store:
        try:
            yield resolver
        except ResolutionError as e:
            report_error(str(e))
            raise typer.Exit(1)


def _names(store) -> dict[str, str]:
    return {e.id: e.name for e in store.entities()}


def register(app: typer.Typer) -> None:
    """Add `resolve`, `merge`, `split`, `undo` and `audit` to the `claimgraph` app."""

    @app.command()
    def resolve(db: DB = "claimgraph.db",
                threshold: Annotated[float, typer.Option("--threshold", help="Lowest score merged automatically.")] = 0.92,
                review: Annotated[float | None, typer.Option("--review", help="Record pairs from this score up to "
                                                                "the threshold as unsure, for an analyst.")] = None,
                format: Annotated[Format, typer.Option("--format", "-f")] = Format.table) -> None:
        """Merge entities that name one actor (recorded as automatic judgements with their scores)."""
        store, resolver = _open(db)
        with store:
            before = {j.id for j in resolver.judgements()}
            merged = resolver.auto(threshold=threshold, review=review)
            new = [j for j in resolver.judgements() if j.id not in before]
            names = _names(store)
        if format == Format.json:
            print_json({"merged": merged, "judgements": [j.as_dict() for j in new]})
            return
        rows = [[names.get(j.left_id, j.left_id), names.get(j.right_id, j.right_id), j.judgement,
                 f"{j.score:.2f}" if j.score is not None else "", j.decided_by, j.reason] for j in new]
        out().print(table(f"Resolution: {merged} merge(s)", ["entity", "entity", "judgement", "score", "rule", "why"], rows))

    @app.command()
    def merge(a: Annotated[str, typer.Argument(help="Entity id or exact name.")],
              b: Annotated[str, typer.Argument(help="Entity id or exact name.")],
              db: DB = "claimgraph.db", analyst: ANALYST = None, reason: REASON = None,
              force: Annotated[bool, typer.Option("--force", help="Merge even entities of different countries or "
                                                                  "of types that never mix (two states).")] = False
              ) -> None:
        """Record that two entities are one actor (refused for different countries or types unless --force)."""
        from claimgraph.resolve.merge_check import MergeConflict, check_merge
        with _deciding(db) as resolver:
            if not force:
                try:
                    check_merge(resolver, a, b)
                except MergeConflict as e:
                    report_error(f"{e}; `merge --force` merges them anyway")
                    raise typer.Exit(1)
            j = resolver.merge(a, b, analyst=_analyst(analyst), reason=reason)
            out().print(f"merged {j.left_id} and {j.right_id} (judgement #{j.id}); "
                        f"the actor is now {resolver.canonical(j.left_id)}", highlight=False)

    @app.command()
    def split(entity: Annotated[str, typer.Argument(help="Entity id or exact name.")],
              db: DB = "claimgraph.db", analyst: ANALYST = None, reason: REASON = None) -> None:
        """Take an entity out of the actor it was merged into, and keep it out."""
        with _deciding(db) as resolver:
            made = resolver.split(entity, analyst=_analyst(analyst), reason=reason)
        apart = [j for j in made if j.judgement == "negative"]
        out().print(f"split {entity}: judged different from {len(apart)} entit{'y' if len(apart) == 1 else 'ies'}",
                    highlight=False)

    @app.command()
    def undo(db: DB = "claimgraph.db", analyst: ANALYST = None) -> None:
        """Undo the last resolution action (its judgements are marked undone, never deleted)."""
        with _deciding(db) as resolver:
            entry = resolver.undo(analyst=_analyst(analyst))
        listed = (f", {len(entry.payload['listings'])} list match(es) taken back"
                  if entry.payload.get("listings") is not None else "")
        out().print(f"undid action #{entry.payload['undoes']} ({entry.payload['action']}): "
                    f"{len(entry.payload['judgements'])} judgement(s) marked undone{listed}", highlight=False)

    @app.command()
    def audit(db: DB = "claimgraph.db", format: Annotated[Format, typer.Option("--format", "-f")] = Format.table) -> None:
        """Who decided what about entity resolution, and when."""
        store, resolver = _open(db)
        with store:
            entries = resolver.audit()
        if format == Format.json:
            print_json([e.as_dict() for e in entries])
            return
        rows = [[e.id, f"{e.at:%Y-%m-%d %H:%M:%S}", e.actor, e.action, _describe(e.payload)] for e in entries]
        out().print(table("Audit log", ["#", "at", "actor", "action", "details"], rows))


def _describe(payload: dict) -> str:
    parts = []
    for key, value in payload.items():
        if key == "judgements":
            parts.append(f"{len(value)} judgement(s)")
        elif key in ("listings", "replaced", "restored", "removed_ids") and isinstance(value, list):
            parts.append(f"{key}: {len(value)}")  # an import's listings may be thousands
        elif value is not None:
            parts.append(f"{key}={value if not isinstance(value, list) else ', '.join(map(str, value))}")
    return "; ".join(parts)
