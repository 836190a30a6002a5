"""`claimgraph serve`: the command starts the app on the address and with the tokens given."""
from __future__ import annotations

import os
import subprocess
import sys

import httpx

from db_copies import copy_url
from serve_process import first_answer, free_port

from claimgraph.cli.serve_cmds import is_loopback



def test_serve_runs_the_app_with_its_tokens(api_db, tmp_path):
    copy = copy_url(api_db, tmp_path)
    port = free_port()
    env = {**os.environ, "CLAIMGRAPH_ANALYST_TOKEN": "writer-2"}
    proc = subprocess.Popen([sys.executable, "-m", "claimgraph.cli.main", "serve", "--db", str(copy),
                             "--port", str(port), "--token", "reader-1"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        r = first_answer(proc, url)
        assert r.status_code == 401
        assert httpx.get(f"{url}/api/summary", params={"token": "reader-1"}).json()["documents"] == 4
        headers = {"Authorization": "Bearer reader-1"}
        assert httpx.post(f"{url}/api/undo", headers=headers).status_code == 403
        assert httpx.post(f"{url}/api/undo", headers={"Authorization": "Bearer writer-2"}).status_code == 409
        assert httpx.get(f"{url}/api/summary", headers={**headers, "Host": "attacker.example"}).status_code == 400
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in err


def test_loopback_addresses_are_told_apart():
    assert all(is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "192.168.1.20", "::", "example.org"))
