"""The query commands, run in-process against a real store."""
from __future__ import annotations

import json

import pytest
from query_corpus import IRAN, KH, QF, SOLEIMANI
from typer.testing import CliRunner



@pytest.fixture()
def run(app, store):
    runner = CliRunner(env={"COLUMNS": "200"})
    db = store.engine.url.render_as_string(hide_password=False)

    def invoke(*args: str):
        return runner.invoke(app, [*args, "--db", db])
    return invoke


def as_json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_actor_dossier_table_has_every_section(run):
    r = run("actor", "Qasem Suleimani")
    assert r.exit_code == 0, r.output
    for text in ("Identity", "Relations", "Timeline of events", "Documents that mention it", "Quds Force",
                 "Abu Mahdi al-Muhandis", "CONSULT", "Baghdad", "Tehran denies arming militias", "levantpost"):
        assert text in r.stdout, text


def test_actor_json_is_the_dossier(run):
    d = as_json(run("actor", "qassem soleimani", "--format", "json"))
    assert d["id"] == SOLEIMANI and d["relations"]["leads"]["as_subject"][0]["sources"] == 2


def test_shown_cuts_the_evidence_of_each_claim_and_the_table_counts_the_rest(run):
    whole = {r["claim"]: r for r in as_json(run("claims", "--format", "json"))}
    cut = as_json(run("claims", "--shown", "1", "--format", "json"))
    assert any(len(r["evidence"]) > 1 for r in whole.values())
    for row in cut:
        evidence = whole[row["claim"]]["evidence"]
        assert row["evidence"] == evidence[:1] and row.get("evidence_more") == (len(evidence) - 1 or None)
    table = run("claims", "--shown", "1").stdout
    most = max(whole.values(), key=lambda r: len(r["evidence"]))
    assert f"(+{len(most['evidence']) - 1} more)" in table


def test_an_ambiguous_actor_lists_candidates_and_exits_2(run):
    r = run("actor", "Hassan")
    assert r.exit_code == 2
    assert "Hassan Nasrallah" in r.stdout and "Ali Hassan" in r.stdout and "ent-hassan-nasrallah" in r.stdout
    assert "fits 2 actors" in r.stderr


def test_an_unknown_actor_exits_1(run):
    r = run("actor", "Abu Bakr al-Baghdadi")
    assert r.exit_code == 1 and "no actor called" in r.stderr


def test_neighbors_with_filters(run):
    g = as_json(run("neighbors", "Kataib Hezbollah", "--depth", "2", "--predicate", "arms", "--predicate", "trains",
                    "--format", "json"))
    assert {n["id"] for n in g["nodes"]} == {IRAN, QF}
    g = as_json(run("neighbors", "Iran", "--modality", "negated", "--format", "json"))
    assert [e["modality"] for e in g["edges"]] == ["negated"]
    g = as_json(run("neighbors", "Soleimani", "--min-sources", "2", "--from", "2019", "--to", "2020", "--format", "json"))
    assert [n["id"] for n in g["nodes"]] == [QF]
    r = run("neighbors", "Iran", "--depth", "2")
    assert r.exit_code == 0 and "Quds Force" in r.stdout and "negated" in r.stdout
    r = run("neighbors", "Iran", "--from", "yesterday")
    assert r.exit_code == 1 and "not a date" in r.stderr


def test_path(run):
    hops = as_json(run("path", "Tehran", "Qasem Soleimani", "--format", "json"))
    assert [h["to"]["id"] for h in hops] == [KH, QF, SOLEIMANI]
    r = run("path", "Iran", "Soleimani")
    assert r.exit_code == 0 and "3 hop(s)" in r.stdout and "Tehran denied arming" in r.stdout
    r = run("path", "Iran", "Palestinian Islamic Jihad")
    assert r.exit_code == 1 and "no chain" in r.stderr


def test_events(run):
    rows = as_json(run("events", "--type", "ASSAULT", "--from", "2010", "--to", "2020", "--format", "json"))
    assert [r["subject"]["name"] for r in rows] == ["al-Quds Brigades", "Kata'ib Hizballah", "United States"]
    rows = as_json(run("events", "--place", "IRQ", "--actor", "Soleimani", "--format", "json"))
    assert [r["predicate"] for r in rows] == ["CONSULT"]
    r = run("events", "--type", "ASSAULT", "--actor", "Kata'ib Hezbollah")
    assert r.exit_code == 0 and "United States" in r.stdout and "Israel" not in r.stdout
    r = run("events", "--place", "Atlantis")
    assert r.exit_code == 1 and "no place" in r.stderr


def test_claims(run):
    rows = as_json(run("claims", "--contested", "--format", "json"))
    assert {r["modality"] for r in rows} == {"asserted", "negated"}
    r = run("claims", "--contested")
    assert r.exit_code == 0 and "Tehran denied arming Kata'ib Hezbollah." in r.stdout
    single = as_json(run("claims", "--single-source", "--format", "json"))
    assert single and all(r["sources"] == 1 for r in single)


def test_search(run):
    rows = as_json(run("search", "Kata'ib rockets", "--format", "json"))
    assert [r["source"] for r in rows] == ["tigriswire"]
    r = run("search", "drones")
    assert r.exit_code == 0 and "[drones]" in r.stdout  # the snippet's marks are shown, not read as markup
    r = run("search", "?!")
    assert r.exit_code == 1 and "nothing to search" in r.stderr


def test_rank(run):
    rows = as_json(run("rank", "--metric", "degree", "--limit", "2", "--format", "json"))
    assert [r["id"] for r in rows] == [KH, SOLEIMANI]
    r = run("rank")
    assert r.exit_code == 0 and "pagerank" in r.stdout and "Kata'ib Hizballah" in r.stdout
    r = run("rank", "--metric", "eigenvector")  # a usage error naming the choices
    assert r.exit_code == 2 and "'eigenvector' is not one of" in r.stderr and "betweenness" in r.stderr
