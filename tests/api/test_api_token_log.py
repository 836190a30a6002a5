"""Tokens never reach the log: `claimgraph serve` (a real process, its real access log) masks the
value of a `?token=` query parameter, however it is spelled, in every request line."""
from __future__ import annotations

import os
import subprocess
import sys

import httpx
from db_copies import copy_url
from serve_process import first_answer, free_port

from claimgraph.api.auth import redact_query

READ, ANALYST, GUESS = "reader-s3cr3t-41", "analyst-s3cr3t-77", "guessed-s3cr3t-09"



def test_the_access_log_masks_tokens_in_the_query_string(api_db, tmp_path):
    copy = copy_url(api_db, tmp_path)
    port = free_port()
    env = {**os.environ, "CLAIMGRAPH_ANALYST_TOKEN": ANALYST}
    proc = subprocess.Popen([sys.executable, "-m", "claimgraph.cli.main", "serve", "--db", str(copy),
                             "--port", str(port), "--token", READ],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        first_answer(proc, url)
        assert httpx.get(f"{url}/api/summary?token={READ}").status_code == 200
        assert httpx.get(f"{url}/api/documents?limit=2&token={ANALYST}&offset=0").status_code == 200
        assert httpx.get(f"{url}/api/summary?token={GUESS}").status_code == 401  # a guess is a secret too
        spelled = "".join(f"%{b:02X}" for b in READ.encode())  # the same token, percent-encoded
        assert httpx.get(f"{url}/api/summary?%74oken={spelled}").status_code == 200
        assert httpx.get(f"{url}/?token={READ}").status_code in (200, 404)
        assert httpx.post(f"{url}/api/undo?token={ANALYST}").status_code == 409
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=20)
    log = out + err
    assert "GET /api/summary?token=" in log and "/api/documents?limit=2&token=" in log, log  # the lines are there
    assert "POST /api/undo?token=" in log and "offset=0" in log
    for secret in (READ, ANALYST, GUESS, spelled, "s3cr3t"):
        assert secret not in log, f"{secret!r} is in the log:\n{log}"


def test_only_the_token_parameter_is_masked():
    assert redact_query("limit=2&token=abc&offset=0") == "limit=2&token=***&offset=0"
    assert redact_query("%74oken=abc&tokens=x") == "%74oken=***&tokens=x"
    assert redact_query("token&token=&q=token%3Dabc") == "token&token=***&q=token%3Dabc"
    assert redact_query("") == ""


def test_tokens_are_told_apart_whatever_their_characters():
    from claimgraph.api.auth import Tokens

    tokens = Tokens(read="lecture-é-1", analyst="analyste-ü-2")
    assert tokens.level("lecture-é-1") == "read" and tokens.level("analyste-ü-2") == "analyst"
    assert tokens.level("lecture-é-") is None and tokens.level("\udc80") is None and tokens.level("") is None
