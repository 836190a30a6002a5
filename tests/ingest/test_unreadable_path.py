"""One unreadable path named on the command line is that path's error line; the others are read."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = "The army attacked the town of Qusayr on Monday, officials said.\n"
CLAIMGRAPH = str(Path(sys.executable).with_name("claimgraph"))


def _unprivileged() -> list[str]:
    """A command prefix under which file permissions hold (root reads any file: drop that power)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("root reads any file and setpriv is missing")
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]


def test_unreadable_file_named_on_the_command_line(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    locked = tmp_path / "locked.txt"
    locked.write_text(TEXT.replace("Monday", "Tuesday"))
    locked.chmod(0)
    locked_feed = tmp_path / "locked.jsonl"
    locked_feed.write_text(json.dumps({"text": TEXT}) + "\n")
    locked_feed.chmod(0)
    try:
        run = subprocess.run(
            [*_unprivileged(), CLAIMGRAPH, "extract", str(locked), str(good), str(locked_feed), "--format", "json"],
            capture_output=True, text=True, timeout=300,
        )
    finally:
        locked.chmod(0o644)
        locked_feed.chmod(0o644)
    assert run.returncode == 1, run.stderr[-2000:]
    errors = [line for line in run.stderr.splitlines() if line.strip()]
    assert errors == [f"error: {locked}: permission denied", f"error: {locked_feed}: permission denied"], run.stderr
    graph = json.loads(run.stdout)
    assert [d["path"] for d in graph["documents"]] == [str(good)]


def test_fifo_named_jsonl_is_its_error_not_a_hang(tmp_path):
    """A FIFO named like a JSONL file (on the command line or in a folder) is not opened: it blocked
    the whole run in the count of documents before any was read."""
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    run = subprocess.run([CLAIMGRAPH, "extract", str(fifo), str(tmp_path), "--format", "json"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1, run.stderr[-2000:]
    assert [line for line in run.stderr.splitlines() if line.strip()] == [
        f"error: {fifo}: not a regular file or folder"
    ]
    assert [d["path"] for d in json.loads(run.stdout)["documents"]] == [str(good)]
