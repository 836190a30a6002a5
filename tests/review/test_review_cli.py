"""`claimgraph undo / redo / audit / distinct / review queue` on a real store file: undo says what it
took back, refuses another analyst's action without --force, --preview undoes nothing; the audit
log names the actors."""
from __future__ import annotations

import json

import pytest
import typer
from review_docs import make_store
from typer.testing import CliRunner

from claimgraph.cli.resolve_cmds import register


@pytest.fixture
def cli():
    app = typer.Typer()
    register(app)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def db(extractor, tmp_path):
    path = tmp_path / "store.db"
    make_store(extractor, str(path)).close()
    return str(path)


def test_undo_redo_and_the_audit_log_in_words(cli, db):
    queue = cli("review", "queue", "candidates", "--db", db, "--format", "json")
    assert queue.exit_code == 0, queue.output
    [pair] = json.loads(queue.output)["items"]
    assert {pair["left"]["name"], pair["right"]["name"]} == {"Amal Relief Foundation", "Amal Relief Fund"}
    done = cli("distinct", pair["left_id"], pair["right_id"], "--db", db, "--analyst", "maria", "--reason", "two charities")
    assert done.exit_code == 0, done.output
    assert json.loads(cli("review", "queue", "--db", db, "--format", "json").output)["total"] == 0

    refused = cli("undo", "--db", db, "--analyst", "omar")
    assert refused.exit_code == 1
    assert "not omar's" in refused.output and "judged Amal Relief" in refused.output and "--force" in refused.output
    preview = cli("undo", "--preview", "--db", db, "--analyst", "maria")
    assert preview.exit_code == 0 and "distinct by maria" in preview.output and "not maria's" not in preview.output
    undone = cli("undo", "--db", db, "--analyst", "maria")
    assert undone.exit_code == 0 and undone.output.startswith("undid action #") and "two charities" in undone.output
    assert json.loads(cli("review", "queue", "--db", db, "--format", "json").output)["total"] == 1
    redone = cli("redo", "--db", db, "--analyst", "maria")
    assert redone.exit_code == 0 and redone.output.startswith("redid action #")
    assert cli("redo", "--db", db, "--analyst", "maria").exit_code == 1  # nothing left to redo

    log = json.loads(cli("audit", "--db", db, "--format", "json").output)
    assert [e["action"] for e in log][-3:] == ["distinct", "undo", "redo"]
    assert "Amal Relief Foundation (ent-" in log[-3]["description"]
    table = cli("audit", "--db", db)
    assert "judged Amal Relief" in table.output.replace("\n", " ")


def test_review_queue_kinds(cli, db):
    contested = json.loads(cli("review", "queue", "contested", "--db", db, "--format", "json").output)
    assert contested["total"] == 2 and all("contradicted" in r["why"] for r in contested["items"])
    table = cli("review", "queue", "contested", "--db", db)
    assert table.exit_code == 0 and "Iran arms" in table.output
    assert cli("review", "queue", "everything", "--db", db).exit_code == 2
    assert json.loads(cli("review", "queue", "rejected", "--db", db, "--format", "json").output)["total"] == 0


def test_decisions_on_a_claim(cli, db):
    claims = json.loads(cli("review", "queue", "contested", "--db", db, "--format", "json").output)["items"]
    claim = claims[0]["claim"]
    done = cli("review", "correct", claim, "--predicate", "funds", "--db", db, "--analyst", "maria", "--reason", "money")
    assert done.exit_code == 0, done.output
    assert "corrected the claim" in done.output and "Iran funds Zarqa Brigade" in " ".join(done.output.split())
    bad = cli("review", "correct", claim, "--predicate", "ASSAULT", "--db", db)
    assert bad.exit_code == 1 and "a relation predicate is one of" in bad.output
    assert cli("review", "reject", claim, "--db", db, "--analyst", "maria").exit_code == 0
    rejected = json.loads(cli("review", "queue", "rejected", "--db", db, "--format", "json").output)["items"]
    assert [(r["claim"], r["predicate"]) for r in rejected] == [(claim, "funds")]  # as the analyst read it
    restored = cli("review", "restore", claim, "--db", db, "--analyst", "maria")
    assert restored.exit_code == 0 and "restored the claim" in restored.output
    assert cli("review", "restore", claim, "--db", db).exit_code == 1  # not rejected now
    assert cli("review", "confirm", "clm-nothing", "--db", db).exit_code == 1
