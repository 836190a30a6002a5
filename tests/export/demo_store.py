"""The demo store of the export tests: the sample corpus ingested as `make demo` does."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from claimgraph.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "samples" / "corpus"


def run(*args: str):
    """`claimgraph ARGS`, in process; the result (exit code, stdout, stderr)."""
    return CliRunner().invoke(app, [str(a) for a in args])


def build(db: str) -> str:
    """Ingest the sample corpus into the store `db` (a path or a URL); returns `db`."""
    result = run("ingest", CORPUS, "--db", db, "--workers", "1")
    assert result.exit_code == 0, result.output
    return db
