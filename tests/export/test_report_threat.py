"""The dossier report says a conditional threat is a threat: the demo's "if Iran struck any
Americans ... the United States would hit 52 Iranian sites" is the United States' threatened deed,
the strike of its if-clause a condition; neither happened."""
from __future__ import annotations

import sqlite3

import lxml.html
from demo_store import run


def test_the_deed_of_a_condition_reads_as_threatened(demo_db, tmp_path):
    with sqlite3.connect(demo_db) as con:
        found = dict(con.execute(
            "SELECT json_extract(c.attrs, '$.conditional'), f.claim_id || ' ' || f.subject FROM claim_figures f"
            " JOIN claims c ON c.id = f.claim_id WHERE f.kind = 'event'"
            " AND json_extract(c.attrs, '$.status') = 'hypothetical'").fetchall())
    assert set(found) == {"consequence", "condition"}, found
    for half, words in (("consequence", "threatened"), ("condition", "the condition of a threat")):
        claim, subject = found[half].split(" ")
        assert run("report", subject, "--db", demo_db, "-o", tmp_path / f"{half}.html").exit_code == 0
        page = lxml.html.fromstring((tmp_path / f"{half}.html").read_text())
        rows = [tr for tr in page.iter("tr") if tr.get("data-claim") == claim]
        assert rows, half
        marked = [s.text_content() for s in rows[0].iter("span") if "not-happened" in (s.get("class") or "")]
        assert marked and words in marked[0] and "hypothetical" in marked[0], marked
