"""`claimgraph report`: an actor's dossier as a document to hand on (HTML, Markdown or PDF)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimgraph.cli.output import err, report_error
from claimgraph.cli.query_cmds import AS_OF, CRED, DB, MIN_IND, _actor, _fail

SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".pdf": "pdf"}


def report(name: Annotated[str, typer.Argument(help="A name, alias, spelling or entity id.")],
           output: Annotated[Path, typer.Option("-o", "--output", help=(
               "The file to write: .html, .md or .pdf (its suffix picks the format; a .md gets its "
               "network picture as NAME.svg beside it)."))],
           db: DB = "claimgraph.db", as_of: AS_OF = None, min_independent: MIN_IND = 0, credibility: CRED = None,
           limit: Annotated[int, typer.Option("--limit", min=1, help="Lines per relation list and timeline.")] = 100,
           listed: Annotated[bool, typer.Option("--listed", help="Only the lines whose other actor is on a "
                                                                 "sanctions or watch list.")] = False) -> None:
    """An actor's dossier for a reader who never saw claimgraph: who it is, its ties and events by
    kind with how the sources put them, a timeline, a picture of its network, and numbered
    citations of the sentences, documents, outlets and dates. The facts of `claimgraph actor`."""
    format = SUFFIXES.get(output.suffix.lower())
    if format is None:
        report_error(f"{output}: name a .html, .md or .pdf file (the suffix picks the format)")
        raise typer.Exit(2)
    from claimgraph.report import build
    from claimgraph.cli.stores import open_store
    with open_store(db) as store:
        try:
            data = build(store, _actor(store, name).id, as_of, min_independent, credibility, limit, listed)
        except ValueError as e:
            _fail(e)
    written = [output]
    if format == "md":
        from claimgraph.report import markdown
        picture = output.with_suffix(".svg")
        body = markdown.render(data, image=picture.name).encode()
        _write(picture, data["network"].encode())
        written.append(picture)
    elif format == "html":
        from claimgraph.report import html
        body = html.render(data).encode()
    else:
        from claimgraph.report import html, pdf
        try:
            body = pdf.render(html.render(data))
        except pdf.NoBrowser as e:
            _fail(e)
    _write(output, body)
    ties = sum(len(g["ties"]) for g in data["relations"])
    err().print(f"wrote {', '.join(map(str, written))}: {data['actor']['name']}, {ties} ties, "
                f"{len(data['timeline'])} events, {len(data['citations'])} citations", highlight=False)


def _write(path: Path, body: bytes) -> None:
    """Write `body` whole or not at all (a half-written report is never left behind)."""
    part = path.with_name(path.name + ".part")
    try:
        part.write_bytes(body)
        part.replace(path)
    except OSError as e:  # a missing folder, no permission, a folder of that name
        report_error(f"cannot write {path}: {e.strerror or e}")
        raise typer.Exit(1)
    finally:
        part.unlink(missing_ok=True)


def register(app: typer.Typer) -> None:
    """Add `report` to the `claimgraph` app."""
    app.command("report")(report)
