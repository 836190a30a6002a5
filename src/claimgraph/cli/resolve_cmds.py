"""Commands of entity resolution and review: resolve, merge, split, distinct, undo, redo, audit, and
the `review` group (added to the app by `register`)."""
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
    """Add `resolve`, `merge`, `split`, `distinct`, `undo`, `redo`, `audit` and `review` to the app."""

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
    def distinct(a: Annotated[str, typer.Argument(help="Entity id or exact name.")],
                 b: Annotated[str, typer.Argument(help="Entity id or exact name.")],
                 db: DB = "claimgraph.db", analyst: ANALYST = None, reason: REASON = None) -> None:
        """Record that two entities are not the same actor (no merge joins them until undone)."""
        with _deciding(db) as resolver:
            j = resolver.distinct(a, b, analyst=_analyst(analyst), reason=reason)
        out().print(f"{j.left_id} and {j.right_id} are two actors (judgement #{j.id})", highlight=False)

    @app.command()
    def undo(db: DB = "claimgraph.db", analyst: ANALYST = None,
             force: Annotated[bool, typer.Option("--force", help="Undo it even when it is another analyst's "
                                                 "action or an automatic pass.")] = False,
             preview: Annotated[bool, typer.Option("--preview", help="Say what would be undone; undo nothing.")] = False
             ) -> None:
        """Undo the last action (its judgements, verdicts or readings are marked undone, never deleted)."""
        _undo_or_redo(db, "undo", _analyst(analyst), force, preview)

    @app.command()
    def redo(db: DB = "claimgraph.db", analyst: ANALYST = None,
             force: Annotated[bool, typer.Option("--force", help="Redo another analyst's undo.")] = False,
             preview: Annotated[bool, typer.Option("--preview", help="Say what would be redone; redo nothing.")] = False
             ) -> None:
        """Bring back what the last undo took back (while no other action came after it)."""
        _undo_or_redo(db, "redo", _analyst(analyst), force, preview)

    @app.command()
    def audit(db: DB = "claimgraph.db", format: Annotated[Format, typer.Option("--format", "-f")] = Format.table) -> None:
        """Who decided what (merges, splits, verdicts, corrections, undos), and when, in words."""
        store, resolver = _open(db)
        with store:
            _, entries = resolver.audit_page()
        entries.reverse()  # oldest first, as the log was written
        if format == Format.json:
            print_json(entries)
            return
        rows = [[e["id"], e["at"][:19].replace("T", " "), e["actor"], e["action"], e["description"]] for e in entries]
        out().print(table("Audit log", ["#", "at", "actor", "action", "what"], rows))

    from claimgraph.cli.review_cmds import review_app  # `claimgraph review queue`
    app.add_typer(review_app, name="review")


def _undo_or_redo(db: str, what: str, analyst: str, force: bool, preview: bool) -> None:
    """Undo or redo, saying what it took back; another analyst's action needs --force."""
    from claimgraph.resolve.resolver import NotYours
    with _deciding(db) as resolver:
        if preview:
            found = resolver.undo_preview(analyst) if what == "undo" else resolver.redo_preview(analyst)
            if found is None:
                out().print(f"nothing to {what}", highlight=False)
                return
            mine = ("" if found["own"] else f" — not {analyst}'s: {what} it with --force" if found["needs_force"]
                    else " — an automatic pass")
            out().print(f"{what} would take back #{found['id']} ({found['action']} by {found['actor']}, "
                        f"{found['at'][:16].replace('T', ' ')}): {found['description']}{mine}", highlight=False)
            return
        try:
            entry = (resolver.undo if what == "undo" else resolver.redo)(analyst, force=force)
        except NotYours as e:
            report_error(f"the last {'action' if what == 'undo' else 'undo'} is not {analyst}'s: #{e.entry.id} by "
                         f"{e.entry.actor}, {e.description}; {what} it anyway with --force")
            raise typer.Exit(1)
        words = resolver.describe([entry])[entry.id]
    listed = (f"; {len(entry.payload['listings'])} list match(es) taken back"
              if entry.payload.get("listings") is not None else "")
    words = words.replace("undid #", "undid action #", 1).replace("redid #", "redid action #", 1)
    out().print(f"{words} ({len(entry.payload.get('judgements') or [])} judgement(s), "
                f"{len(entry.payload.get('reviews') or [])} verdict(s), "
                f"{len(entry.payload.get('readings') or [])} reading(s){listed})", highlight=False)
