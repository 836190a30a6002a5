"""A query that only loosely fits a name ("a" in "John A. Rawlins") is no actor, with candidates."""
from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from claimgraph.cli.query_cmds import register
from claimgraph.model import Document, Entity
from claimgraph.query import NoSuchActor, find_actor
from claimgraph.store import Store

TEXTS = ["Brigadier John A. Rawlins met Hezbollah commanders in Beirut on 3 May 2021.",
         "The Abu Omar Brigade attacked a checkpoint near Mosul, police said."]


@pytest.fixture(scope="module")
def db(extractor, tmp_path_factory):
    path = tmp_path_factory.mktemp("loose") / "store.db"
    with Store(path) as store:
        for d in extractor([Document(text=t, source=f"outlet{i}") for i, t in enumerate(TEXTS)]):
            store.add_document(d)
        assert {"John A. Rawlins", "Abu Omar Brigade", "Hezbollah"} <= {e.name for e in store.entities()}
    return path


@pytest.mark.parametrize("query, near", [("a", "John A. Rawlins"), ("A.", "John A. Rawlins"),
                                         ("Abu", "Abu Omar Brigade"), ("the", None), ("al", None)])
def test_a_short_or_common_word_is_no_actor_but_offers_candidates(db, query, near):
    with Store(db) as store:
        found = find_actor(store, query)
        assert isinstance(found, NoSuchActor) and found == [], found
        if near:
            assert near in [e.name for e in found.candidates]


@pytest.mark.parametrize("query, name", [("John A. Rawlins", "John A. Rawlins"), ("Rawlins", "John A. Rawlins"),
                                         ("Abu Omar", "Abu Omar Brigade")])
def test_a_name_or_a_meaningful_word_of_one_still_finds_the_actor(db, query, name):
    with Store(db) as store:
        found = find_actor(store, query)
        assert isinstance(found, Entity) and found.name == name


@pytest.mark.parametrize("query, name", [("Jhon A Rawlins", "John A. Rawlins"), ("Hezbolah", "Hezbollah")])
def test_a_spelling_slip_is_no_actor_but_names_the_one_it_looks_like(db, query, name):
    with Store(db) as store:
        found = find_actor(store, query)
        assert isinstance(found, NoSuchActor) and found == [] and found.near == "spelling"
        assert [e.name for e in found.candidates] == [name]


def test_the_cli_says_did_you_mean(db):
    app = typer.Typer()
    register(app)
    r = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["actor", "Hezbolah", "--db", str(db)])
    assert r.exit_code == 1, r.output
    assert "no actor called 'Hezbolah'" in r.stderr and "did you mean Hezbollah" in r.stderr
    assert not r.stdout.strip()  # no dossier of a guess


def test_the_cli_says_no_such_actor_and_names_the_candidates(db):
    app = typer.Typer()
    register(app)
    r = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["actor", "a", "--db", str(db)])
    assert r.exit_code == 1, r.output
    assert "no actor called 'a'" in r.stderr and "John A. Rawlins" in r.stderr
    assert "Rawlins" not in r.stdout  # no dossier printed
