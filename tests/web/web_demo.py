"""The demo store of the browser tests: the sample corpus ingested as `make demo` does."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from claimgraph.cli.main import app

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"


def build_demo(db: Path) -> Path:
    """Ingest the sample corpus into a new store at `db`; returns `db`."""
    result = CliRunner().invoke(app, ["ingest", str(CORPUS), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return db
