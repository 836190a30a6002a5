"""The web app's actor page says "listed: TITLE (topics)" for an actor matched by `kb import` to a
list line written here (the served store is a copy of the web corpus's, with that list imported)."""
from __future__ import annotations

import json
import shutil

import pytest
from playwright.sync_api import expect
from typer.testing import CliRunner
from web_corpus import KH, SOLEIMANI
from web_server import serve

LINE = {"id": "tst-web-0001", "schema": "Person", "caption": "Qasem Soleimany",
        "properties": {"name": ["Qasem Soleimany"], "topics": ["sanction", "crime.terror"]},
        "datasets": ["test_web_list"], "target": True}


@pytest.fixture(scope="module")
def server(web_db, extractor, tmp_path_factory):
    from claimgraph.cli.main import app as cli

    folder = tmp_path_factory.mktemp("listed")
    db = folder / "store.db"
    shutil.copy(web_db, db)
    (folder / "list.ftm.json").write_text(json.dumps(LINE) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["kb", "import", str(folder / "list.ftm.json"), "--db", str(db),
                                      "--title", "Test list"])
    assert result.exit_code == 0, result.output
    with serve(str(db), extractor) as url:
        yield url


def test_actor_page_says_listed(page):
    page.goto(f"/#/actor/{SOLEIMANI}")
    expect(page.locator(".listings .chip.listed")).to_have_text("listed: Test list (crime.terror, sanction)")
    page.goto(f"/#/actor/{KH}")
    expect(page.locator(".alias-list")).to_be_visible()
    expect(page.locator(".listings")).to_have_count(0)
