"""An actor's dossier as a document a reader outside the tool can follow: HTML, Markdown or PDF.

`build(store, actor_id, ...)` gathers what `claimgraph actor` shows (`query.dossier`, with the
same filters) into the report's data (`report.dossier`); `html.render`, `markdown.render` and
`pdf.render` write it; `network.svg` draws the actor's ties.
"""
from __future__ import annotations

from claimgraph.report.dossier import build

FORMATS = ("html", "md", "pdf")


def render(report: dict, format: str) -> bytes:
    """The report in `format` (html, md or pdf) as bytes."""
    if format == "html":
        from claimgraph.report import html
        return html.render(report).encode()
    if format == "md":
        from claimgraph.report import markdown
        return markdown.render(report).encode()
    if format == "pdf":
        from claimgraph.report import html, pdf
        return pdf.render(html.render(report))
    raise ValueError(f"unknown report format {format!r}: one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "build", "render"]
