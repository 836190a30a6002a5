"""`claimgraph codebook check` on the bundled codebook and on a bad one written here."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimgraph.cli.main import app


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"COLUMNS": "200"})


@pytest.fixture
def bad(tmp_path):
    folder = tmp_path / "codebook"
    folder.mkdir()
    (folder / "relations.yaml").write_text(
        "relations:\n  funds:\n    examples: [\"X pays Y\"]\n    verbs:\n      pay: {theme: wages}\n"
        "  sponsors:\n    verbs:\n      sponsor: {}\n", encoding="utf-8")
    (folder / "events.yaml").write_text(
        "events:\n  ASSAULT:\n    examples: [\"X shelled Y\"]\n    verbs:\n      shell: {mode: other, loud: true}\n",
        encoding="utf-8")
    return folder


def test_the_bundled_codebook_is_ok(runner):
    r = runner.invoke(app, ["codebook", "check"])
    assert r.exit_code == 0, r.output
    assert "codebook ok" in r.stdout and "relations" in r.stdout


def test_every_problem_is_named_with_its_file_and_entry(runner, bad):
    r = runner.invoke(app, ["codebook", "check", "--path", str(bad)])
    assert r.exit_code == 1
    lines = [x for x in r.stderr.splitlines() if x.startswith("error:")]
    assert len(lines) == 4, r.stderr
    assert any("relations.yaml: relations.funds.verbs.pay: theme 'wages' is not defined" in x for x in lines)
    assert any("relations.yaml: relations.sponsors: 'sponsors' is not one of the 13 relations" in x for x in lines)
    assert any("relations.yaml: relations.sponsors.examples: no examples" in x for x in lines)
    assert any("events.yaml: events.ASSAULT.verbs.shell: unknown option 'loud'" in x for x in lines)
    assert "4 problem(s)" in r.stdout


def test_json(runner, bad):
    r = runner.invoke(app, ["codebook", "check", "--path", str(bad), "--format", "json"])
    assert r.exit_code == 1
    report = json.loads(r.stdout)
    assert report["ok"] is False and report["stats"]["relations"] == 2
    assert {(p["entry"], p["file"].endswith("events.yaml")) for p in report["problems"]} >= {
        ("events.ASSAULT.verbs.shell", True), ("relations.funds.verbs.pay", False)}
    ok = json.loads(runner.invoke(app, ["codebook", "check", "--format", "json"]).stdout)
    assert ok["ok"] is True and ok["problems"] == []


def test_a_missing_folder_is_an_error(runner, tmp_path):
    r = runner.invoke(app, ["codebook", "check", "--path", str(tmp_path / "nowhere")])
    assert r.exit_code == 1 and "not a codebook folder" in r.stderr
