"""A knowledge-base file that cannot be read stops `extract` and `ingest` with one message naming
it, in this process and with a pool of workers alike, and stores nothing."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from claimgraph.cli.main import app


@pytest.fixture
def inputs(tmp_path):
    bad = tmp_path / "mine.yaml"
    bad.write_text("actors:\n  - id: [unclosed\n", encoding="utf-8")
    texts = []
    for i, line in enumerate(["Militiamen shelled the town of Qaryat al-Nur on Tuesday, residents said.",
                              "The ministry said its envoy met the rebel council in Doha."]):
        p = tmp_path / f"note-{i}.txt"
        p.write_text(line, encoding="utf-8")
        texts.append(str(p))
    return str(bad), texts


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_broken_kb_file_is_one_message(inputs, tmp_path, workers):
    bad, texts = inputs
    r = CliRunner().invoke(app, ["extract", *texts, "--kb", bad, "--workers", workers, "--format", "json"])
    assert r.exit_code == 2
    assert "mine.yaml" in r.output and "not valid YAML" in r.output
    assert "Traceback" not in r.output


def test_ingest_with_a_broken_kb_file_stores_nothing(inputs, tmp_path):
    bad, texts = inputs
    db = tmp_path / "s.db"
    r = CliRunner().invoke(app, ["ingest", *texts, "--kb", bad, "--workers", "2", "--db", str(db)])
    assert r.exit_code == 2 and "mine.yaml" in r.output
    from claimgraph.store import Store
    with Store(db) as store:
        assert store.document_count() == 0
