"""A claim read from more sentences than a list carries (the API sends each row's first few and
counts the rest in `evidence_more`) is shown with its every sentence counted: on the actor page,
the claims page, the events page and the claim's own page."""
from __future__ import annotations

import pytest
from corpus_store import store_from
from playwright.sync_api import expect
from web_server import serve

OUTLETS = ["harbor-daily", "atlas-news", "ridge-post", "delta-courier", "summit-times", "plains-herald", "coast-wire"]
DOCS = [{"title": f"Report {i}", "source": outlet, "published": f"2021-03-{10 + i:02d}",
         "text": f"Correspondents filed story number {i} from Baghdad. The Quds Force funds Kata'ib Hezbollah. "
                 f"Kata'ib Hezbollah attacked a US base in Iraq on 3 March 2021."}
        for i, outlet in enumerate(OUTLETS)]


@pytest.fixture(scope="module")
def server(extractor, tmp_path_factory):
    db = tmp_path_factory.mktemp("counts") / "store.db"
    store_from(extractor, db, DOCS).close()
    with serve(str(db), extractor) as url:
        yield url


def _claim(page, path: str, predicate: str) -> dict:
    rows = page.request.get(path).json()
    assert "detail" not in rows, rows
    rows = rows["items"] if isinstance(rows, dict) else rows
    (row,) = [r for r in rows if r["predicate"] == predicate]
    return row


def test_rows_count_every_sentence(page):
    funds = _claim(page, "/api/claims?predicate=funds", "funds")
    attack = _claim(page, "/api/events?type=ASSAULT", "ASSAULT")
    # the premise: the claims list carries five sentences and counts the other two
    assert len(funds["evidence"]) == 5 and funds["evidence_more"] == 2, funds
    assert len(attack["evidence"]) + attack.get("evidence_more", 0) == 7, attack

    page.goto("/#/claims?predicate=funds")
    expect(page.locator(f"a[href='#/claim/{funds['claim']}']").first).to_have_text("7 sentences")

    page.goto(f"/#/actor/{funds['subject']['id']}")
    expect(page.locator(f".claims-table a[href='#/claim/{funds['claim']}']")).to_have_text("7 sentences")

    page.goto("/#/events")
    expect(page.locator(f"tr.event-row[data-claim='{attack['claim']}'] a[href='#/claim/{attack['claim']}']")) \
        .to_have_text("7 sentences")

    page.goto(f"/#/claim/{funds['claim']}")
    expect(page.locator("h2", has_text="Evidence")).to_have_text("Evidence: 7 sentences")
