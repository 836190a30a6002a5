"""`claimgraph sources` (each outlet once, its grade and where it comes from) and `claimgraph sources
set OUTLET GRADE --reason` (an analyst's grade in the store and the audit log), on a real store."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from claimgraph.cli.main import app
from claimgraph.model import Document
from claimgraph.store import Store

STORIES = [
    ("harbour times", "Iran armed Kata'ib Hizballah with rockets last winter, according to port workers in Basra "
                      "who unloaded crates marked as farm machinery."),
    ("Harbour-Times", "Kata'ib Hizballah fighters attacked a US base near Kirkuk in December 2019. Iran armed "
                      "Kata'ib Hizballah, two Iraqi officials said after the attack."),
    ("levantpost", "Tehran denied arming Kata'ib Hezbollah in a statement read on state television on Sunday."),
]


def make_db(extractor, url) -> str:
    store = Store(url)
    docs = [Document(text=t, title=f"story {n}", source=s, published=f"2020-0{n + 1}-10", genre="news")
            for n, (s, t) in enumerate(STORIES)]
    for doc in extractor(docs):
        assert store.add_document(doc)
    store.close()
    return url


def run(*args: str):
    return CliRunner(env={"COLUMNS": "200"}).invoke(app, list(args))


def listed(db: str) -> dict[str, dict]:
    r = run("sources", "--db", db, "--format", "json")
    assert r.exit_code == 0, r.output
    return {row["key"]: row for row in json.loads(r.stdout)}


def test_sources_lists_each_outlet_once_with_its_grade_and_origin(db_url, extractor):
    db = make_db(extractor, db_url)
    rows = listed(db)
    assert set(rows) == {"harbourtimes", "levantpost"}
    assert rows["harbourtimes"]["documents"] == 2 and rows["harbourtimes"]["origin"] == "default"
    table = run("sources", "--db", db)
    assert table.exit_code == 0 and "Harbour-Times (also harbour times)" in table.stdout  # a tie: the first in order
    assert "not graded" in table.stdout


def test_sources_set_grades_an_outlet_with_a_reason(db_url, extractor):
    db = make_db(extractor, db_url)
    r = run("sources", "set", "HARBOUR TIMES", "c", "--reason", "port sources held up", "--analyst", "lee", "--db", db)
    assert r.exit_code == 0, r.output
    assert "Harbour-Times: F (default) → C, by lee" in r.stdout
    row = listed(db)["harbourtimes"]
    assert (row["reliability"], row["origin"], row["reason"], row["analyst"]) == ("C", "analyst",
                                                                                  "port sources held up", "lee")
    table = run("sources", "--db", db)
    assert "set by lee, without it F" in table.stdout and "port sources held up" in table.stdout
    audit = run("audit", "--db", db, "--format", "json")
    [entry] = [e for e in json.loads(audit.stdout) if e["action"] == "reliability"]
    assert entry["actor"] == "lee" and (entry["payload"]["old"], entry["payload"]["new"]) == ("F", "C")
    claims = json.loads(run("claims", "--db", db, "--format", "json", "--predicate", "arms").stdout)
    assert any(c["reliability"] == "C" for c in claims if c["modality"] != "negated")


def test_sources_set_refuses_a_grade_outside_a_to_f(db_url, extractor):
    db = make_db(extractor, db_url)
    r = run("sources", "set", "levantpost", "G", "--reason", "no", "--db", db)
    assert r.exit_code == 2 and "one of A, B, C, D, E, F, not 'G'" in r.stderr
    assert listed(db)["levantpost"]["origin"] == "default"
