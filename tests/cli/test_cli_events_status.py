"""`claimgraph events --status`: the statuses of the events page and /api/events, on a store read
by the real pipeline from sentences written for it (a planned attack, a conditional threat)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimgraph.cli.main import app
from corpus_store import store_from

TEXTS = [
    {"text": "The Radwan Brigade attacked Iraqi police near Basra on 2 February 2021. "
             "Prosecutors said the Radwan Brigade planned to attack the Jordanian army. "
             "If Kuwait arrests the brigade's commander, the Radwan Brigade will attack Kuwait.",
     "title": "A brigade's threats", "source": "harbourledger", "published": "2021-03-04"},
]


@pytest.fixture(scope="module")
def db(extractor, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("events-status") / "store.db"
    store_from(extractor, path, TEXTS).close()
    return str(path)


def events(db: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(app, ["events", "--db", db, "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_each_status_keeps_its_events_and_together_they_are_all(db):
    every = events(db)
    statuses = ("occurred", "attempted", "planned", "ongoing", "hypothetical")
    by_status = {s: events(db, "--status", s) for s in statuses}
    assert [r["claim"] for r in by_status["planned"]] and all(r["status"] == "planned" for r in by_status["planned"])
    assert all((r.get("status") or "occurred") == "occurred" for r in by_status["occurred"])
    assert sorted(r["claim"] for s in statuses for r in by_status[s]) == sorted(r["claim"] for r in every)
    both = events(db, "--status", "planned", "--status", "occurred")
    assert len(both) == len(by_status["planned"]) + len(by_status["occurred"])


def test_threatened_is_the_deed_of_a_condition_and_condition_its_if_clause(db):
    threatened, condition = events(db, "--status", "threatened"), events(db, "--status", "condition")
    assert [r["conditional"] for r in threatened] == ["consequence"]
    assert threatened[0]["object"]["name"] == "Kuwait"
    assert all(r["conditional"] == "condition" for r in condition)
    assert {r["claim"] for r in threatened + condition} <= {r["claim"] for r in events(db, "--status", "hypothetical")}


def test_an_unknown_status_is_an_error_listing_the_statuses(db):
    result = CliRunner().invoke(app, ["events", "--db", db, "--status", "happenedish"])
    assert result.exit_code != 0
    assert "unknown status 'happenedish'" in result.output and "threatened" in result.output
