"""Readable tables and JSON for the command line."""
from __future__ import annotations

import json
import os
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

PIPE_WIDTH = 10_000  # output into a pipe or a file: a table's lines as long as its cells, never cut at 80


def out() -> Console:
    """Standard output; made per call so that COLUMNS set by a caller is honoured. Into a pipe or a
    file (no terminal, no COLUMNS) rich would assume 80 columns and fold every table: there the
    width is unbounded, so that `claimgraph claims | grep` sees one line per row."""
    if os.environ.get("COLUMNS") or sys.stdout.isatty():
        return Console(soft_wrap=False)
    return Console(soft_wrap=False, width=PIPE_WIDTH)


def rule_width(console: Console) -> int:
    """A heading rule spans the terminal, but no more than 100 columns of a pipe."""
    return min(console.width, 100)


def err() -> Console:
    return Console(stderr=True)


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def report_error(message: str) -> None:
    """One line on stderr, plain, so it can be grepped."""
    err().print(f"[red]error[/red]: {message}", highlight=False, markup=True, soft_wrap=True)


def filters_used() -> str:
    """The arguments and options given to the running command (not --db or --format), as typed:
    `"Hezbollah" --type ASSAULT --from 2010`; "" when none."""
    try:  # typer 0.2x carries its own copy of click
        from typer._click.core import ParameterSource
        from typer._click.globals import get_current_context
    except ImportError:
        from click import get_current_context
        from click.core import ParameterSource
    ctx = get_current_context(silent=True)
    if ctx is None:
        return ""
    parts = []
    for p in ctx.command.params:
        if p.name in ("db", "format") or ctx.get_parameter_source(p.name) not in (ParameterSource.COMMANDLINE,
                                                                                 ParameterSource.ENVIRONMENT):
            continue
        value = ctx.params.get(p.name)
        values = list(value) if isinstance(value, (list, tuple)) else [value]
        for v in values:
            v = getattr(v, "value", v)  # an enum's choice
            if p.param_type_name == "argument":
                parts.append(json.dumps(str(v), ensure_ascii=False))
            elif getattr(p, "is_flag", False):
                parts.append(p.opts[0] if v else (p.secondary_opts or [f"no {p.opts[0]}"])[0])
            else:
                parts.append(f"{p.opts[0]} {v}")
    return " ".join(parts)


def nothing_found(what: str = "") -> None:
    """An empty answer in a table's place: "nothing found" and the filters that gave it."""
    used = filters_used()
    out().print(f"nothing found{' ' + what if what else ''}" + (f" for {used}" if used else " (no filters)"),
                highlight=False, markup=False)


def table(title: str, columns: list[str], rows: list[list[Any]]) -> Table:
    t = Table(title=title, title_justify="left")
    for c in columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*("" if v is None else str(v) for v in r))
    return t


def entities_table(entities: list[dict], title: str = "Entities") -> Table:
    rows = [[e["name"], e["type"], e.get("subtype"), e.get("country"), e.get("mentions"), e.get("documents"),
             e["id"]] for e in entities]
    columns = ["name", "type", "subtype", "country", "mentions", "docs", "id"]
    if any(e.get("listed") for e in entities):  # on a sanctions or watch list (claimgraph kb import)
        columns.insert(4, "listed")
        for row, e in zip(rows, entities):
            row.insert(4, "; ".join(e.get("listed") or ()))
    return table(title, columns, rows)


def _excerpt(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _more(n: int) -> str:
    return f" (+{n})" if n > 0 else ""


def claims_table(claims, names: dict[str, str], title: str = "Claims", explain: bool = False) -> Table:
    """Subject — predicate → object, with modality, source, confidence and the evidence."""
    columns = ["subject", "predicate", "object", "modality", "source", "conf.", "evidence"]
    if explain:
        columns += ["rule", "cues"]
    rows = []
    for c in claims:
        src = c.attributed_to
        row = [names.get(c.subject, c.subject), c.predicate, names.get(c.object, c.object) if c.object else "—",
               c.modality, names.get(src, src) if src else "author", f"{c.confidence:.2f}",
               _excerpt(c.evidence[0].text) + _more(len(c.evidence) - 1 + c.attrs.get("evidence_omitted", 0))]
        if explain:
            row += [c.rule, ", ".join(f"{q['text']}→{q['modality']}" for q in c.attrs.get("cues", []))]
        rows.append(row)
    return table(title, columns, rows)
