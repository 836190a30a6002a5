"""The server under a bounded load on 127.0.0.1: concurrent readers and one writer posting documents
against a real `claimgraph serve` process (bench/server_load.py, small numbers). Every answer is
one (no 5xx, no broken connection), reads go on while documents are written, and every posted
document is in the store afterwards, once, as it was sent."""
from __future__ import annotations

import sys
from pathlib import Path

from db_copies import copy_url

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import server_load  # noqa: E402

READERS, DOCS = 4, 5


def test_readers_and_a_writer_lose_nothing_and_get_no_5xx(api_db, tmp_path):
    db = copy_url(api_db, tmp_path)
    server = server_load.Serve(str(db), "--token", "load-read", "--analyst-token", "load-write")
    try:
        tally = server_load.run_load(server.url, readers=READERS, docs=DOCS, token="load-write", timeout=120)
        again = server_load.run_load(server.url, readers=2, docs=0, token="load-write")  # reads alone still answer
    finally:
        err = server.stop()
    figures = server_load.report(tally)
    print(figures)
    assert figures["n_server_errors"] == 0, figures["server_errors"]
    assert figures["other_errors"] == [], figures["other_errors"]
    assert figures["lost"] == [] and figures["posted"] == DOCS, figures
    assert figures["writes"]["n"] == DOCS and figures["reads"]["n"] + figures["reads_while_writing"]["n"] >= READERS
    assert server_load.report(again)["n_server_errors"] == 0
    assert "Traceback" not in err, err[-3000:]


def test_the_tally_sees_a_lost_document_and_a_5xx():
    tally = server_load.Tally(writes=[0.1], reads=[0.01, 0.02, 0.5], posted=["doc-1"],
                              server_errors=["GET /api/summary: 500"], lost=["doc-2: 404"])
    figures = server_load.report(tally)
    assert figures["n_server_errors"] == 1 and figures["lost"] == ["doc-2: 404"]
    assert figures["reads"]["p95_ms"] == 500.0 and figures["reads"]["p50_ms"] == 20.0
