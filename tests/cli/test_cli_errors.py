"""The errors a new user of the command line hits (issue 14, part 7), each on a real store built by
the real pipeline: a mistyped --db, unknown filter values, impossible dates, empty answers, piped
output, --version, rank's metrics, merges the knowledge base forbids, merged actors listed once."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli.main import app
from corpus_store import store_from

TEXTS = [
    {"text": "Iran supplied armed drones to the Radwan Brigade, two Iraqi officials said on Thursday. Colonel "
             "Farid Haddadi commands the Radwan Brigade, according to the officials. The Radwan Brigade attacked "
             "a police convoy near Basra on 2 February 2021.",
     "title": "Drones for a brigade in the south", "source": "harbourledger", "published": "2021-03-04"},
    {"text": "Iraqi and Saudi ministers met in Baghdad on Friday. Farid Hadadi, a militia commander, said that his "
             "fighters had received no drones. Tehran denied arming the Radwan Brigade.",
     "title": "Talks in Baghdad", "source": "cedarmonitor", "published": "2021-04-09"},
]

READ_ONLY = [["actor", "Iran"], ["claims"], ["events"], ["summary"], ["entities"], ["search", "drones"],
             ["path", "Iran", "Iraq"], ["neighbors", "Iran"], ["rank"], ["sources"], ["audit"], ["reindex"],
             ["export", "--format", "json"], ["report", "Iran", "-o", "/tmp/never-written.html"], ["kb", "listings"],
             ["merge", "Iran", "Iraq"], ["split", "Iran"], ["undo"], ["resolve"]]


@pytest.fixture(scope="module")
def built(extractor, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("errors") / "store.db"
    store_from(extractor, path, TEXTS).close()
    return path


@pytest.fixture()
def db(built, tmp_path) -> str:
    """A copy of the store for one test."""
    copy = tmp_path / "store.db"
    shutil.copyfile(built, copy)
    return str(copy)


@pytest.fixture()
def run():
    runner = CliRunner(env={"COLUMNS": "200"})
    return lambda *args: runner.invoke(app, [str(a) for a in args])


@pytest.mark.parametrize("args", READ_ONLY, ids=lambda a: a[0] if a[0] != "kb" else "kb-listings")
def test_a_command_that_reads_on_a_missing_store_says_so_and_creates_nothing(run, tmp_path, args):
    typo = tmp_path / "no-such-folder" / "claimgrpah.db"
    r = run(*args, "--db", typo)
    assert r.exit_code == 2, r.output
    assert f"no store at {typo}" in r.stderr and "claimgraph ingest" in r.stderr
    assert "no actor called" not in r.output
    assert not typo.parent.exists()  # neither the file nor its folder
    here = tmp_path / "claimgrpah.db"
    r = run(*args, "--db", here)
    assert r.exit_code == 2 and "no store at" in r.stderr
    assert not list(tmp_path.glob("claimgrpah.db*"))  # no -wal, no -shm either


def test_a_file_that_is_not_a_store_is_said_to_be_none_and_left_as_it_was(run, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("meeting notes, not a database\n", encoding="utf-8")
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("create table things (x)")
    con.commit()
    con.close()
    for path in (notes, other, tmp_path):
        before = sorted(p.name for p in tmp_path.iterdir())
        r = run("entities", "--db", path)
        assert r.exit_code == 2, r.output
        assert f"{path} is not a claimgraph store" in r.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert notes.read_text(encoding="utf-8") == "meeting notes, not a database\n"
    con = sqlite3.connect(other)
    assert [r[0] for r in con.execute("select name from sqlite_master")] == ["things"]
    con.close()


def test_version(run):
    from claimgraph import __version__
    r = run("--version")
    assert r.exit_code == 0 and r.stdout.strip() == f"claimgraph {__version__}"


def test_empty_answers_say_nothing_found_with_the_filters_json_stays_a_list(run, db):
    r = run("events", "--type", "SANCTION", "--from", "1990", "--to", "1991-06", "--db", db)
    assert r.exit_code == 0, r.output
    assert r.stdout.strip() == "nothing found for --type SANCTION --from 1990 --to 1991-06"
    r = run("claims", "--contested", "--predicate", "funds", "--db", db)
    assert r.stdout.strip() == "nothing found for --contested --predicate funds"
    r = run("search", "zeppelin", "--db", db)
    assert r.stdout.strip() == 'nothing found for "zeppelin"'
    r = run("entities", "--type", "group", "--db", db)
    assert r.stdout.strip() == "nothing found for --type group"
    for args in (["events", "--type", "SANCTION"], ["claims", "--predicate", "funds"], ["search", "zeppelin"]):
        r = run(*args, "--format", "json", "--db", db)
        assert r.exit_code == 0 and json.loads(r.stdout) == [], args


def _long_row(stdout: str) -> str:
    """The claims table's line of the claim read from the first text's first sentence."""
    [line] = [x for x in stdout.splitlines() if "Iran supplied armed drones" in x]
    return line


def test_piped_output_is_not_folded_at_80_columns(db):
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    exe = Path(sys.executable).with_name("claimgraph")
    done = subprocess.run([str(exe), "claims", "--db", db], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    line = _long_row(done.stdout)  # one line holds the row: subject, object, the evidence and its document
    assert len(line) > 120 and "Radwan Brigade" in line and "Drones for a brigade in the south" in line
    r = CliRunner(env={"COLUMNS": None}).invoke(app, ["claims", "--db", db])  # stdout is not a terminal here either
    assert "Drones for a brigade in the south" in _long_row(r.stdout)


def test_rank_offers_its_metrics(run, db):
    from claimgraph.query import METRICS
    r = run("rank", "--metric", "closeness", "--db", db)
    assert r.exit_code == 2
    assert all(m in r.stderr for m in METRICS), r.stderr
    help_text = run("rank", "--help").stdout
    assert "pagerank|degree|betweenness" in "".join(help_text.split())
    for metric in METRICS:
        r = run("rank", "--metric", metric, "--format", "json", "--db", db)
        assert r.exit_code == 0 and json.loads(r.stdout), metric


def _allowed(what: str) -> tuple[str, ...]:
    from claimgraph.query.filters import vocabulary
    return vocabulary()[what]


@pytest.mark.parametrize("args, what", [
    (["claims", "--predicate", "finances"], "predicate"),
    (["neighbors", "Iran", "--predicate", "sells"], "predicate"),
    (["export", "--format", "json", "--predicate", "bribes"], "predicate"),
    (["events", "--type", "BOMBING"], "event type"),
    (["claims", "--modality", "rumoured"], "modality"),
    (["events", "--modality", "likely"], "modality"),
    (["neighbors", "Iran", "--modality", "certain"], "modality"),
    (["entities", "--type", "militia"], "entity type"),
])
def test_an_unknown_filter_value_is_an_error_listing_the_allowed_ones(run, db, args, what):
    r = run(*args, "--db", db)
    assert r.exit_code != 0, r.output
    assert f"unknown {what} {args[-1]!r}" in r.stderr
    choices = _allowed(what)
    assert all(c in r.stderr for c in choices), r.stderr
    assert len(choices) >= (5 if what != "predicate" else 29)  # read from the codebook, not a short list
    assert "Iran" not in r.stdout


def test_filter_values_in_another_case_still_work(run, db):
    assert run("claims", "--predicate", "LEADS", "--format", "json", "--db", db).exit_code == 0
    r = run("events", "--type", "assault", "--format", "json", "--db", db)
    assert r.exit_code == 0 and {e["predicate"] for e in json.loads(r.stdout)} == {"ASSAULT"}


@pytest.mark.parametrize("q, message", [('"armed drones', "unbalanced quote"), ("drones OR", "OR needs a word"),
                                        ("NOT drones", "only says what to leave out")])
def test_a_search_that_cannot_be_read_says_why(run, db, q, message):
    r = run("search", q, "--db", db)
    assert r.exit_code == 1 and message in r.stderr and "Traceback" not in r.output, r.output
    r = run("search", "Basra OR Baghdad", "--format", "json", "--db", db)
    assert {h["title"] for h in json.loads(r.stdout)} == {"Drones for a brigade in the south", "Talks in Baghdad"}


@pytest.mark.parametrize("args, message", [
    (["events", "--from", "2020-02-31"], "not a date: '2020-02-31' (February 2020 has 29 days)"),
    (["claims", "--to", "2021-04-31"], "not a date: '2021-04-31' (April 2021 has 30 days)"),
    (["claims", "--from", "2021-13"], "not a date: '2021-13'"),
    (["claims", "--as-of", "2019-02-29"], "not a date: '2019-02-29'"),
    (["events", "--from", "2021", "--to", "2020"], "the date range is reversed: from 2021 is after to 2020"),
    (["neighbors", "Iran", "--from", "2021-05", "--to", "2021-04-30"], "the date range is reversed"),
])
def test_impossible_dates_and_reversed_ranges_are_errors(run, db, args, message):
    r = run(*args, "--db", db)
    assert r.exit_code != 0, r.output
    assert message in r.stderr


def test_merge_of_two_states_or_a_state_and_a_person_is_refused_without_force(run, db):
    r = run("merge", "Iran", "Iraq", "--db", db)
    assert r.exit_code == 1, r.output
    assert "refused to merge Iran" in r.stderr and "their countries differ (IRN, IRQ)" in r.stderr
    assert "--force" in r.stderr
    r = run("merge", "Iran", "Farid Haddadi", "--db", db)
    assert r.exit_code == 1 and "types differ (country, person)" in r.stderr
    assert run("audit", "--format", "json", "--db", db).stdout.strip() == "[]"  # nothing was recorded
    r = run("merge", "Iran", "Iraq", "--force", "--reason", "one regime in this test", "--db", db)
    assert r.exit_code == 0 and "merged ent-irn and ent-irq" in r.stdout


def test_entities_and_summary_count_merged_actors_once(run, db):
    def listed():
        return {e["name"]: e for e in json.loads(run("entities", "--format", "json", "--db", db).stdout)}

    def summary():
        return json.loads(run("summary", "--format", "json", "--db", db).stdout)
    before, counts = listed(), summary()
    assert {"Farid Haddadi", "Farid Hadadi"} <= set(before)
    r = run("merge", "Farid Haddadi", "Farid Hadadi", "--db", db)  # one commander, spelt two ways
    assert r.exit_code == 0, r.output
    after, merged = listed(), summary()
    assert len(after) == len(before) - 1 and merged["entities"] == counts["entities"] - 1
    [head] = [after[n] for n in ("Farid Haddadi", "Farid Hadadi") if n in after]
    other = "Farid Hadadi" if head["name"] == "Farid Haddadi" else "Farid Haddadi"
    assert other in head["aliases"]
    assert head["mentions"] == before["Farid Haddadi"]["mentions"] + before["Farid Hadadi"]["mentions"]
    assert head["documents"] == 2
    assert sum(merged["entities_by_type"].values()) == merged["entities"]
    assert [a["name"] for a in merged["top_actors"]].count(head["name"]) == 1
    assert other not in [a["name"] for a in merged["top_actors"]]
    table = run("entities", "--db", db).stdout
    assert other not in table.replace(head["name"], "")


def test_ingest_still_creates_a_store_and_says_unchanged_for_texts_already_stored(run, tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "one.txt").write_text(TEXTS[1]["text"] + "\n", encoding="utf-8")
    db = tmp_path / "new" / "store.db"
    r = run("ingest", folder, "--db", db, "--workers", "1")
    assert r.exit_code == 0, r.output
    assert db.exists()
    r = run("ingest", folder, "--db", db, "--workers", "1")  # the same text again
    header, values = [line for line in r.stdout.splitlines() if "│" in line or "┃" in line][-2:]
    cells = dict(zip([c.strip() for c in header.split("┃")[1:-1]], [c.strip() for c in values.split("│")[1:-1]]))
    assert cells["stored"] == "0" and cells["unchanged"] == "1", r.stdout
