"""The actor page shows a page of each of the dossier's lists (the API's limit) and says how many
lines it leaves out, with a link to the claims table that has them all: on a store where one
actor funds 23 companies (written for this test)."""
from __future__ import annotations

import pytest
from corpus_store import store_from
from playwright.sync_api import expect
from web_server import serve

FIRMS = ["Alder", "Birch", "Cedar", "Elm", "Fir", "Hazel", "Juniper", "Larch", "Maple", "Oak", "Pine", "Rowan",
         "Spruce", "Teak", "Willow", "Yew", "Ash", "Beech", "Cypress", "Holly", "Laurel", "Poplar", "Sumac"]
DOCS = [{"title": "Front companies", "source": "harbor-daily", "published": "2023-05-02",
         "text": "Iran funds " + ", ".join(f"{f} Trading LLC" for f in FIRMS[:-1]) + f" and {FIRMS[-1]} Trading LLC."}]


@pytest.fixture(scope="module")
def server(extractor, tmp_path_factory):
    db = tmp_path_factory.mktemp("pages") / "store.db"
    store_from(extractor, db, DOCS).close()
    with serve(str(db), extractor) as url:
        yield url


def test_the_actor_page_says_how_many_lines_it_leaves_out(page):
    dossier = page.request.get("/api/actors/ent-irn").json()
    shown = dossier["relations"]["funds"]["as_subject"]
    left = dossier["relations"]["funds"]["more"]["as_subject"]
    assert (len(shown), len(shown) + left) == (20, len(FIRMS))  # the premise: a page of 20 of the 23

    page.goto("/#/actor/ent-irn")
    rows = page.locator(".claims-table tbody tr")
    expect(rows).to_have_count(20)
    note = page.locator("p.list-more")
    expect(note).to_contain_text(f"{left} more relation lines not shown")
    note.locator("a").click()
    expect(page.locator("#claims-table tr, .claims-table tbody tr")).to_have_count(len(FIRMS))
