"""Whether a store's schema is at the newest migration, told without importing Alembic.

Opening a store runs the migrations (`migrate.upgrade`, Alembic); importing Alembic costs about a
tenth of a second, more than a query on a small store. So a store opens by first reading its
`alembic_version` and the newest revision of the packaged migration scripts (their `revision` and
`down_revision` assignments, read with `ast`); Alembic is imported only when the two differ, or
when the scripts do not name one newest revision. tests/store/test_store_revision.py checks that
`head()` is Alembic's own head.
"""
from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from sqlalchemy import column, inspect, select, table
from sqlalchemy.engine import Connection

VERSIONS = Path(__file__).with_name("migrations") / "versions"
VERSION_TABLE = "alembic_version"  # Alembic's default; migrations/env.py keeps it


@cache
def head() -> str | None:
    """The revision of the packaged migrations that no other revises; None unless there is one."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for script in sorted(VERSIONS.glob("*.py")):
        names = _assignments(script, ("revision", "down_revision"))
        if not isinstance(names.get("revision"), str):
            continue
        revisions.add(names["revision"])
        down = names.get("down_revision")
        revised.update([down] if isinstance(down, str) else down or ())
    heads = revisions - revised
    return next(iter(heads)) if len(heads) == 1 else None


def _assignments(script: Path, wanted: tuple[str, ...]) -> dict:
    """The literal values assigned to the `wanted` names at the top level of a script."""
    found = {}
    for node in ast.parse(script.read_text(encoding="utf-8")).body:
        target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else \
            node.target if isinstance(node, ast.AnnAssign) and node.value is not None else None
        if isinstance(target, ast.Name) and target.id in wanted:
            try:
                found[target.id] = ast.literal_eval(node.value)
            except ValueError:
                found[target.id] = None
    return found


def stored(connection: Connection) -> str | None:
    """The revision the database is at (None: not a store yet, or more than one revision)."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    versions = connection.scalars(select(column("version_num")).select_from(table(VERSION_TABLE))).all()
    return versions[0] if len(versions) == 1 else None


def is_current(connection: Connection) -> bool:
    """Whether the database behind `connection` is at the newest migration already."""
    newest = head()
    return newest is not None and stored(connection) == newest
