"""A store the server cannot write (a SQLite file and folder without write permission for the
serving user) is read as it is: no migration or reindex tried, no file created beside it, every
read answered, every write refused with one clear 403. A real `claimgraph serve` process, run as
an unprivileged user when the tests run as root (root writes whatever the permissions say)."""
from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx
import pytest
from serve_process import first_answer, free_port
from sqlalchemy.engine import make_url

NOBODY = 65534



@pytest.fixture()
def read_only_store(api_db):
    if not str(api_db).startswith("sqlite"):
        pytest.skip("a read-only file is a SQLite matter")
    source = make_url(str(api_db)).database
    folder = Path(tempfile.mkdtemp(prefix="claimgraph-ro-"))  # under /tmp: reachable by another user
    path = folder / "store.db"
    shutil.copyfile(source, path)
    path.chmod(0o444)
    folder.chmod(0o555)
    yield path
    folder.chmod(0o755)
    shutil.rmtree(folder)


def _serve(db: Path, port: int) -> subprocess.Popen:
    as_nobody = []
    if os.geteuid() == 0:  # root may write any file: serve as nobody, for whom the store is read-only
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv to serve as another user")
        as_nobody = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_")}
    return subprocess.Popen([*as_nobody, sys.executable, "-m", "claimgraph.cli.main", "serve", "--db", str(db),
                             "--port", str(port)], env={**env, "HOME": "/tmp"}, cwd="/tmp",
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_store_that_cannot_be_written_is_served_read_only(read_only_store):
    before = hashlib.sha256(read_only_store.read_bytes()).hexdigest()
    port = free_port()
    proc = _serve(read_only_store, port)
    url = f"http://127.0.0.1:{port}"
    try:
        r = first_answer(proc, url)
        assert r.status_code == 200, r.text
        assert r.json()["documents"] == 4
        docs = httpx.get(f"{url}/api/documents").json()["items"]
        assert len(docs) == 4
        assert httpx.get(f"{url}/api/documents/{docs[0]['id']}").json()["text"]
        assert httpx.get(f"{url}/api/claims").json()["total"] >= 1
        assert httpx.get(f"{url}/api/actors/Hezbollah").status_code == 200
        r = httpx.get(f"{url}/api/search", params={"q": "Hezbollah"})  # its index is built at the first search
        assert r.status_code == 503 and "read-only" in r.json()["detail"], r.text
        for path, body in (("/api/documents", {"text": "Hezbollah fired rockets at Israel in 2025."}),
                           ("/api/merge", {"a": "ent-irn", "b": "ent-usa"}), ("/api/undo", None)):
            r = httpx.post(f"{url}{path}", json=body)
            assert r.status_code == 403 and "read-only" in r.json()["detail"], (path, r.text)
        assert httpx.get(f"{url}/api/summary").json()["documents"] == 4
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert "Traceback" not in err, err[-3000:]
    assert sorted(p.name for p in read_only_store.parent.iterdir()) == ["store.db"]  # no -wal, no -shm
    assert hashlib.sha256(read_only_store.read_bytes()).hexdigest() == before
    assert stat.S_IMODE(read_only_store.stat().st_mode) == 0o444
