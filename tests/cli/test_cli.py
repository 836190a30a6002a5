"""The command line, run in-process on real files and a real SQLite store."""
from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from claimgraph.cli.main import app

ONE = ("BAGHDAD (Tigris Wire) — Kata'ib Hizballah fired rockets at a base near Baghdad on Monday, "
       "officials said. The Popular Mobilization Forces (PMF) denied any role.\n\nSource » tigriswire\n")
TWO = ("The U.S. Department of the Treasury designated Asa'ib Ahl al-Haq leader Qais al-Khazali. "
       "Khazali, officials said, had directed attacks on protesters in Baghdad.\n")


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner(env={"COLUMNS": "200"})


@pytest.fixture()
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "one.txt").write_text(ONE, encoding="utf-8")
    (d / "two.md").write_text("---\ntitle: Treasury acts\nsource: ledger\n---\n" + TWO, encoding="utf-8")
    return d


def counts(db) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("documents", "entities", "mentions", "entity_aliases")}
    finally:
        con.close()


def test_extract_prints_the_exchange_format(runner, corpus):
    r = runner.invoke(app, ["extract", str(corpus / "one.txt"), "--format", "json"])
    assert r.exit_code == 0, r.output
    graph = json.loads(r.stdout)
    assert graph["format"] == "claimgraph/1"
    [doc] = graph["documents"]
    assert doc["source"] == "tigriswire"
    names = {e["name"] for e in graph["entities"]}
    assert {"Kata'ib Hizballah", "Popular Mobilization Forces", "Baghdad"} <= names
    for e in graph["entities"]:
        for m in e["mentions"]:
            assert ONE[m["start"]:m["end"]] == m["text"]


def test_extract_table_is_readable(runner, corpus):
    r = runner.invoke(app, ["extract", str(corpus / "two.md")])
    assert r.exit_code == 0, r.output
    assert "Qais al-Khazali" in r.stdout and "Treasury acts" in r.stdout


def test_ingest_stores_and_reingest_changes_nothing(runner, corpus, tmp_path):
    db = tmp_path / "cg.db"
    r = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert r.exit_code == 0, r.output
    first = counts(db)
    assert first["documents"] == 2 and first["mentions"] > 5
    r = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert r.exit_code == 0
    assert counts(db) == first


def test_bad_input_is_named_the_rest_goes_on_nothing_is_lost(runner, corpus, tmp_path):
    db = tmp_path / "cg.db"
    assert runner.invoke(app, ["ingest", str(corpus / "one.txt"), "--db", str(db)]).exit_code == 0
    before = counts(db)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (bad / "feed.jsonl").write_text('{"text": "Hezbollah fighters crossed into Syria."}\n{broken\n', encoding="utf-8")
    (bad / "sheet.xlsx").write_bytes(b"PK")
    r = runner.invoke(app, ["ingest", str(corpus), str(bad), str(tmp_path / "missing.txt"), "--db", str(db)])
    assert r.exit_code == 1
    err = r.stderr
    for needle in ("empty.txt", "blob.txt", "feed.jsonl:2", "sheet.xlsx", "missing.txt"):
        assert needle in err, err
    assert len([line for line in err.splitlines() if line.startswith("error:")]) == 5
    after = counts(db)
    assert after["documents"] == before["documents"] + 2  # two.md and the good JSONL line
    assert after["mentions"] > before["mentions"]


def test_entities_lists_and_filters(runner, corpus, tmp_path):
    db = tmp_path / "cg.db"
    runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    r = runner.invoke(app, ["entities", "--db", str(db), "--type", "person", "--format", "json"])
    assert r.exit_code == 0
    people = json.loads(r.stdout)
    assert [p["name"] for p in people] == ["Qais al-Khazali"]
    assert people[0]["mentions"] == 2 and people[0]["documents"] == 1
    r = runner.invoke(app, ["entities", "--db", str(db)])
    assert "Baghdad" in r.stdout and "mentions" in r.stdout


def test_export_writes_the_whole_store(runner, corpus, tmp_path):
    db, out = tmp_path / "cg.db", tmp_path / "graph.json"
    runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    r = runner.invoke(app, ["export", "--format", "json", "--db", str(db), "-o", str(out)])
    assert r.exit_code == 0, r.output
    graph = json.loads(out.read_text(encoding="utf-8"))
    assert graph["format"] == "claimgraph/1" and len(graph["documents"]) == 2
    texts = {d["id"]: d for d in graph["documents"]}
    assert all(len(d["sha256"]) == 64 for d in texts.values())
    baghdad = next(e for e in graph["entities"] if e["name"] == "Baghdad")
    assert {m["doc"] for m in baghdad["mentions"]} == set(texts)


def test_summary_counts_what_is_stored(runner, corpus, tmp_path):
    db = tmp_path / "cg.db"
    runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    r = runner.invoke(app, ["summary", "--db", str(db), "--format", "json"])
    s = json.loads(r.stdout)
    assert s["documents"] == 2 and s["entities"] == counts(db)["entities"]
    assert s["top_actors"][0]["mentions"] >= s["top_actors"][-1]["mentions"]


def test_kb_check_passes_on_the_bundled_kb_and_fails_on_a_clash(runner, tmp_path):
    r = runner.invoke(app, ["kb", "check"])
    assert r.exit_code == 0, r.output
    assert "kb ok" in r.stdout
    clash = tmp_path / "clash.yaml"
    clash.write_text("actors:\n  - {id: quds-copy, name: Qods Force Two, type: organization, "
                     "aliases: [IRGC-QF]}\n", encoding="utf-8")
    r = runner.invoke(app, ["kb", "check", "--kb", str(clash)])
    assert r.exit_code == 1
    assert "quds-copy" in r.stderr and "quds-force" in r.stderr


def test_a_text_too_long_to_parse_is_named_and_the_rest_goes_on(runner, corpus, tmp_path):
    big = tmp_path / "huge.txt"
    big.write_text("Hezbollah fired rockets at Israel. " * 60_000, encoding="utf-8")
    r = runner.invoke(app, ["ingest", str(big), str(corpus / "one.txt"), "--db", str(tmp_path / "cg.db")])
    assert r.exit_code == 1
    assert "huge.txt" in r.stderr and "split the document" in r.stderr
    assert counts(tmp_path / "cg.db")["documents"] == 1


def test_export_writes_merged_actors_as_one_entity(runner, tmp_path):
    d = tmp_path / "two"
    d.mkdir()
    (d / "a.txt").write_text("Colonel Farhad Golestani met Hezbollah commanders in Beirut.\n", encoding="utf-8")
    (d / "b.txt").write_text("Colonel Farhad Golestany trained Kata'ib Hizballah fighters.\n", encoding="utf-8")
    db, out = tmp_path / "cg.db", tmp_path / "graph.json"
    assert runner.invoke(app, ["ingest", str(d), "--db", str(db), "--no-resolve"]).exit_code == 0
    r = runner.invoke(app, ["merge", "Farhad Golestani", "Farhad Golestany", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert runner.invoke(app, ["export", "--db", str(db), "-o", str(out)]).exit_code == 0
    graph = json.loads(out.read_text(encoding="utf-8"))
    people = [e for e in graph["entities"] if e["type"] == "person"]
    assert len(people) == 1 and {"Farhad Golestani", "Farhad Golestany"} <= {people[0]["name"], *people[0]["aliases"]}
    assert {m["doc"] for m in people[0]["mentions"]} == {doc["id"] for doc in graph["documents"]}


def test_ingest_merges_one_actor_spelt_two_ways_and_the_merge_can_be_undone(runner, tmp_path):
    d = tmp_path / "two"
    d.mkdir()
    (d / "a.txt").write_text("Colonel Farhad Golestani met Hezbollah commanders in Beirut.\n", encoding="utf-8")
    (d / "b.txt").write_text("Colonel Farhad Golestany trained Kata'ib Hizballah fighters.\n", encoding="utf-8")
    db = tmp_path / "cg.db"
    r = runner.invoke(app, ["ingest", str(d), "--db", str(db)])
    assert r.exit_code == 0 and "merged" in r.stdout
    people = lambda: [e for e in json.loads(runner.invoke(app, ["export", "--db", str(db)]).stdout)["entities"]  # noqa: E731
                      if e["type"] == "person"]
    assert len(people()) == 1
    assert runner.invoke(app, ["undo", "--db", str(db)]).exit_code == 0
    assert len(people()) == 2
