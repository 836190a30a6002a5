"""The dossier as one HTML file (Jinja2, autoescaped): styles inline, the network an inline SVG,
no script and nothing fetched, so that it opens anywhere and prints to PDF as it is."""
from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("claimgraph.report", "templates"),
                       autoescape=select_autoescape(["html"], default=True), undefined=StrictUndefined,
                       keep_trailing_newline=True)


def render(report: dict) -> str:
    """The report (`report.dossier.build`) as an HTML page."""
    return _environment().get_template("dossier.html").render(**report)
