"""`claimgraph codebook ...`: commands about the codebook (`register(app)` adds the group).

A new command is a function here, added to `COMMANDS`.
"""
from __future__ import annotations

from dataclasses import asdict
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from claimgraph.cli.output import out, print_json, report_error, table

codebook_app = typer.Typer(help="The codebook: the words that express each relation and event.", no_args_is_help=True)


class Format(str, Enum):
    table = "table"
    json = "json"


FMT = Annotated[Format, typer.Option("--format", "-f", help="table or json.")]
FOLDER = Annotated[Optional[Path], typer.Option("--path", help="A codebook folder (default: the bundled one).")]


def check(path: FOLDER = None, format: FMT = Format.table) -> None:
    """Find what the claim stage would not read as written: unknown options or lists, undefined
    themes, predicates outside the ontology, words given twice, predicates with no example."""
    from claimgraph.extract.codebook import DATA
    from claimgraph.extract.codebook_check import check_codebook, stats
    folder = path or DATA
    if not folder.is_dir():
        report_error(f"{folder}: not a codebook folder")
        raise typer.Exit(1)
    problems, figures = check_codebook(folder), stats(folder)
    if format == Format.json:
        print_json({"ok": not problems, "problems": [asdict(p) for p in problems], "stats": figures})
    else:
        out().print(table("Codebook", list(figures), [list(figures.values())]))
        for p in problems:
            report_error(str(p))
        out().print("[green]codebook ok[/green]" if not problems else f"[red]{len(problems)} problem(s)[/red]")
    raise typer.Exit(1 if problems else 0)


def synonyms(predicate: Annotated[Optional[str], typer.Argument(help="One predicate (default: all).")] = None,
             format: FMT = Format.table) -> None:
    """WordNet's synonyms, direct hyponyms and derived nouns of each trigger word that its predicate
    does not list yet: candidates for a reviewer, from Debian's wordnet-base."""
    from claimgraph.extract.codebook import default_codebook
    from claimgraph.extract.codebook_synonyms import WordNetMissing, review
    cb = default_codebook()
    known = {t.predicate for table in (cb.verbs, cb.nouns, cb.hyphen, cb.adjectives) for ts in table.values() for t in ts}
    if predicate and predicate not in known:
        report_error(f"no predicate '{predicate}' in the codebook ({', '.join(sorted(known))})")
        raise typer.Exit(1)
    try:
        gaps = [g for g in review(predicate, cb=cb) if not g.empty]
    except WordNetMissing as e:
        report_error(str(e))
        raise typer.Exit(1)
    if format == Format.json:
        print_json([g.as_dict() for g in gaps])
        return
    short = lambda words: ", ".join(words[:10]) + (f" (+{len(words) - 10})" if len(words) > 10 else "")  # noqa: E731
    rows = [[g.predicate, g.trigger, (g.sense or "").split(":")[0] + ("" if g.fit else " ?"), short(g.synonyms),
             short(g.hyponyms), short(g.nouns), ", ".join(f"{w}→{p}" for w, p in g.elsewhere.items())] for g in gaps]
    out().print(table("WordNet words the codebook lacks (? : no sense shares a word with the predicate)",
                      ["predicate", "trigger", "sense", "synonyms", "hyponyms", "nouns", "listed elsewhere"], rows))


COMMANDS = {"check": check, "synonyms": synonyms}


def register(app: typer.Typer) -> None:
    """Add `claimgraph codebook <command>` for each of `COMMANDS`."""
    for name, fn in COMMANDS.items():
        codebook_app.command(name)(fn)
    app.add_typer(codebook_app, name="codebook")
