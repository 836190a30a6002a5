"""`claimgraph path --paths K` and the claim filters: the k shortest chains under the filters."""
from __future__ import annotations

import json

import pytest
from query_corpus import IRAN, KH, QF, SOLEIMANI
from typer.testing import CliRunner



@pytest.fixture()
def run(app, store):
    runner = CliRunner(env={"COLUMNS": "200"})
    db = store.engine.url.render_as_string(hide_password=False)
    return lambda *args: runner.invoke(app, [*args, "--db", db])


def test_path_with_filters_and_several_chains(run):
    r = run("path", "Tehran", "Qasem Soleimani", "--paths", "3", "--format", "json")
    assert r.exit_code == 0, r.output
    answer = json.loads(r.stdout)
    assert [n["id"] for n in answer["paths"][0]["nodes"]] == [IRAN, KH, QF, SOLEIMANI]
    r = run("path", "Iran", "Kataib Hezbollah", "--modality", "negated")
    assert r.exit_code == 0 and "negated" in r.stdout and "Tehran denied arming" in r.stdout
    assert "asserted" not in r.stdout
    r = run("path", "Iran", "Soleimani", "--predicate", "leads")
    assert r.exit_code == 1 and "no chain" in r.stderr and "--predicate leads" in r.stderr
    r = run("path", "Iran", "Soleimani", "--predicate", "hugs")
    assert r.exit_code == 1 and "unknown predicate" in r.stderr
    # without --paths or a filter, the one best chain as before
    hops = json.loads(run("path", "Tehran", "Qasem Soleimani", "--format", "json").stdout)
    assert [h["to"]["id"] for h in hops] == [KH, QF, SOLEIMANI]
