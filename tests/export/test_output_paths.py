"""An output path that cannot be written (a missing folder, a folder where a file is wanted, a
file where a folder is wanted) is one clear error line, not a traceback."""
from __future__ import annotations

import pytest
from demo_store import run


def _clear_error(result, path) -> None:
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit), result.exception  # no traceback
    assert "error" in result.output and str(path) in result.output


@pytest.mark.parametrize("fmt", ["json", "ftm", "stix", "gexf", "graphml"])
def test_export_file_in_a_missing_folder(demo_db, tmp_path, fmt):
    target = tmp_path / "no such folder" / f"out.{fmt}"
    _clear_error(run("export", "--db", demo_db, "--format", fmt, "-o", target), target.parent)
    assert not target.parent.exists()


def test_export_file_onto_a_folder(demo_db, tmp_path):
    _clear_error(run("export", "--db", demo_db, "--format", "ftm", "-o", tmp_path), tmp_path)
    assert tmp_path.is_dir() and not list(tmp_path.iterdir())


@pytest.mark.parametrize("fmt", ["csv", "neo4j"])
def test_export_folder_below_a_file(demo_db, tmp_path, fmt):
    (tmp_path / "plain").write_text("x")
    target = tmp_path / "plain" / "tables"
    _clear_error(run("export", "--db", demo_db, "--format", fmt, "-o", target), target)


def test_report_in_a_missing_folder(demo_db, tmp_path):
    target = tmp_path / "no such folder" / "dossier.html"
    _clear_error(run("report", "Hezbollah", "--db", demo_db, "-o", target), target.parent)


def test_ftm_keeps_denials_asked_for_by_modality(demo_db, tmp_path):
    # ftm leaves negated claims out by default; naming the modality brings them in
    out = tmp_path / "denied.ftm"
    result = run("export", "--db", demo_db, "--format", "ftm", "--modality", "negated", "-o", out)
    assert result.exit_code == 0, result.output
    import json
    entities = [json.loads(line) for line in out.open(encoding="utf-8")]
    claims = [e for e in entities if e["properties"].get("recordId")]
    assert claims and all(e["properties"]["summary"][0].startswith("negated;") for e in claims)
    result = run("export", "--db", demo_db, "--format", "ftm", "--modality", "negated", "--exclude-negated",
                 "-o", out)
    assert result.exit_code == 0 and not [line for line in out.open() if "recordId" in line]
