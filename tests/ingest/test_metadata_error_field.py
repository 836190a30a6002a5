"""A document whose own metadata has a field named `error` is a document like any other: the
failure of an extraction is kept apart from the metadata a source gives."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from claimgraph.cli.main import app


def test_a_metadata_field_named_error_is_extracted_and_stored(tmp_path):
    feed = tmp_path / "items.jsonl"
    feed.write_text(json.dumps({"id": "item-1", "text": "The Ministry of Finance sanctioned Hezbollah in May 2021.",
                                "error": "none reported"}) + "\n", encoding="utf-8")
    runner = CliRunner()
    extracted = runner.invoke(app, ["extract", str(feed), "--format", "json"])
    assert extracted.exit_code == 0, extracted.output
    data = json.loads(extracted.stdout)
    assert len(data["documents"]) == 1 and data["claims"], data
    stored = runner.invoke(app, ["ingest", str(feed), "--db", str(tmp_path / "s.db")])
    assert stored.exit_code == 0 and "none reported" not in stored.output, stored.output
    summary = runner.invoke(app, ["summary", "--db", str(tmp_path / "s.db"), "--format", "json"])
    assert json.loads(summary.stdout)["documents"] == 1, summary.stdout
