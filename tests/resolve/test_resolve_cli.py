"""`claimgraph resolve / merge / split / undo / audit` on a real store file."""
from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from claimgraph.cli.resolve_cmds import register
from claimgraph.resolve import Resolver
from claimgraph.store import Store


@pytest.fixture
def cli():
    app = typer.Typer()
    register(app)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def db(people, db_url):
    people.close()
    return db_url


def clusters(db) -> list[list[str]]:
    with Store(db) as store:
        return Resolver(store).clusters()


def test_resolve_prints_what_it_merged(cli, db):
    result = cli("resolve", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["merged"] == len([j for j in report["judgements"] if j["judgement"] == "positive"]) >= 2
    table = cli("resolve", "--db", db, "--threshold", "0.5")
    assert table.exit_code == 0 and "Resolution" in table.output


def test_merge_split_undo_and_audit_by_name(cli, db):
    assert cli("merge", "Ali Hassan", "Aly Hassan", "--db", db, "--analyst", "maria").exit_code == 0
    assert len(clusters(db)) == 1
    assert cli("split", "Aly Hassan", "--db", db, "--analyst", "omar").exit_code == 0
    assert clusters(db) == []
    refused = cli("merge", "Aly Hassan", "Ali Hassan", "--db", db, "--analyst", "maria")
    assert refused.exit_code == 1 and "judged different" in refused.output
    assert cli("undo", "--db", db, "--analyst", "omar").exit_code == 0
    assert len(clusters(db)) == 1
    log = json.loads(cli("audit", "--db", db, "--format", "json").output)
    assert [(e["actor"], e["action"]) for e in log] == [("maria", "merge"), ("omar", "split"), ("omar", "undo")]
    assert "maria" in cli("audit", "--db", db).output


def test_unknown_names_and_nothing_to_undo_are_errors(cli, db):
    result = cli("merge", "Nobody", "Ali Hassan", "--db", db)
    assert result.exit_code == 1 and "no entity" in result.output
    assert cli("undo", "--db", db).exit_code == 1
