"""tools/pg_test_server.sh: a server of its own on a Unix socket for one command, stopped and
removed afterwards, also when the command fails."""
from __future__ import annotations

import glob
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[2] / "tools" / "pg_test_server.sh"
# run under the server: connect to the URL given, print the folder, fail with 3
PROBE = ("import os, psycopg; url = os.environ['CLAIMGRAPH_TEST_PG']; "
         "conn = psycopg.connect(url); print(conn.execute('SELECT current_user').fetchone()[0]); "
         "print(conn.execute('SHOW listen_addresses').fetchone()[0] or '-'); "
         "print(os.environ['CLAIMGRAPH_TEST_PG_DIR']); raise SystemExit(3)")


@pytest.fixture
def without_server():
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        if os.environ.get("CLAIMGRAPH_REQUIRE_PG") == "1":
            pytest.fail("no PostgreSQL under /usr/lib/postgresql (make postgresql)")
        pytest.skip("no PostgreSQL under /usr/lib/postgresql (make postgresql)")
    return {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_TEST_PG")}


def test_run_starts_a_socket_only_server_and_removes_it_after_a_failing_command(without_server):
    result = subprocess.run(["bash", str(SCRIPT), "run", sys.executable, "-c", PROBE], env=without_server,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 3, result.stderr
    user, listening, folder = result.stdout.split()
    assert (user, listening) == ("postgres", "-")  # no TCP address, the socket in its folder only
    assert folder.startswith(os.environ.get("TMPDIR", "/tmp")) and not Path(folder).exists()


def test_a_server_given_is_used_as_it_is(without_server):
    env = {**without_server, "CLAIMGRAPH_TEST_PG": "postgresql://someone@elsewhere/db"}
    result = subprocess.run(["bash", str(SCRIPT), "run", "sh", "-c", 'echo "$CLAIMGRAPH_TEST_PG"'], env=env,
                            capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout.strip()) == (0, "postgresql://someone@elsewhere/db")
