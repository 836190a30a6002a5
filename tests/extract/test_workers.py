"""Extraction in a process pool: the same output as one process, in input order, and a worker
killed mid-run loses no document, and a document that kills its worker each time fails alone."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.extract.workers import cgroup_cores, default_workers, extract_documents
from claimgraph.model import Document

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "from claimgraph.cli.main import app; app()"]

SENTENCES = [
    "The Quds Force armed the Houthis in Yemen, a United Nations panel said.",
    "Hezbollah denied that it had trained fighters in Syria.",
    "The United States imposed sanctions on Kata'ib Hezbollah on Monday.",
    "Saudi Arabia accused Iran of funding the Houthis.",
]


def test_default_workers_are_the_cores_this_process_may_use():
    assert default_workers() == min(len(os.sched_getaffinity(0)), cgroup_cores() or 10**6)


@pytest.mark.parametrize("line, cores", [("200000 100000\n", 2), ("150000 100000", 2), ("50000 100000", 1),
                                         ("max 100000\n", None), ("", None), ("garbage", None)])
def test_a_containers_cpu_quota_caps_the_workers(tmp_path, line, cores):
    f = tmp_path / "cpu.max"
    f.write_text(line, encoding="ascii")
    assert cgroup_cores(str(f)) == cores
    assert cgroup_cores(str(tmp_path / "missing")) is None


def test_extract_json_is_the_same_for_one_and_two_workers():
    def run(n: int) -> dict:
        done = subprocess.run([*CLI, "extract", str(ROOT / "samples" / "corpus"), "--format", "json",
                               "--workers", str(n)], capture_output=True, text=True, cwd=ROOT, timeout=600)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    one, two = run(1), run(2)
    assert len(one["documents"]) >= 20 and one["claims"]
    assert one == two


def _grandchildren() -> list[int]:
    """The pool's workers: children of our children (the forkserver's)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    children = {p for p, pp in parents.items() if pp == os.getpid()}
    return [p for p, pp in parents.items() if pp in children]


def test_workers_killed_once_lose_no_document():
    docs = [Document(text=f"{SENTENCES[i % len(SENTENCES)]} Report {i}.", path=f"doc{i:02d}.txt") for i in range(24)]
    signal.alarm(300)  # a hang fails the test instead of stalling the run
    try:
        out, killed = [], []
        for d in extract_documents(docs, workers=2, batch_size=2):
            out.append(d)
            if len(out) == 1:
                killed = _grandchildren()
                for pid in killed:
                    os.kill(pid, signal.SIGKILL)
    finally:
        signal.alarm(0)
    assert killed
    assert [d.path for d in out] == [d.path for d in docs]
    # the documents in flight ran again, each alone, and did not kill their worker again
    assert [d.failure for d in out] == [None] * len(docs)
    assert all(d.entities and d.spacy_doc is None for d in out)


@pytest.mark.parametrize("batch_size", [1, 4])
def test_a_document_that_kills_its_worker_each_time_fails_alone(batch_size):
    import poison_task

    from claimgraph.extract.workers import Budget, _pooled
    docs = [Document(text=f"{SENTENCES[i % len(SENTENCES)]} Report {i}.", path=f"doc{i:02d}.txt") for i in range(12)]
    docs[5] = Document(text="POISON: this text ends the process that extracts it.", path="poison.txt")
    signal.alarm(300)
    try:
        out = list(_pooled(iter(docs), 2, None, (), batch_size, Budget.make(), run=poison_task.run))
    finally:
        signal.alarm(0)
    assert [d.path for d in out] == [d.path for d in docs]
    failed = [d.path for d in out if d.failure]
    assert failed == ["poison.txt"], failed
    assert "extraction worker died" in out[5].failure
    assert all(d.entities for d in out if d.path != "poison.txt")


def test_a_document_over_its_time_budget_fails_alone_and_the_pool_goes_on():
    from claimgraph.extract.workers import Budget
    small = [Document(text=f"{SENTENCES[i % len(SENTENCES)]} Report {i}.", path=f"doc{i:02d}.txt") for i in range(6)]
    big = Document(text=" ".join(SENTENCES * 600), path="big.txt")  # ~100,000 characters: seconds of work
    docs = small[:3] + [big] + small[3:]
    signal.alarm(300)
    try:
        out = list(extract_documents(docs, workers=1, batch_size=2, budget=Budget(seconds=1.5)))
    finally:
        signal.alarm(0)
    assert [d.path for d in out] == [d.path for d in docs]
    failed = [d for d in out if d.failure]
    assert len(failed) == 1, [d.path for d in failed]
    [failed] = failed
    assert failed.path == "big.txt" and not failed.claims and not failed.entities
    assert "over its time budget of 1.5 s per document" in failed.failure, failed.failure
    assert all(d.entities for d in out if d.path != "big.txt")


def test_a_document_over_the_memory_budget_fails_with_its_own_message():
    from claimgraph.extract.workers import Budget
    docs = [Document(text=SENTENCES[0], path="a.txt")]
    out = list(extract_documents(docs, workers=1, budget=Budget(memory_mb=1)))  # below any worker's own size
    assert "over its memory budget of 1 MB per document" in out[0].failure


def test_the_budget_is_on_by_default_and_the_environment_or_a_flag_changes_it():
    from claimgraph.extract.workers import DOC_MEMORY_MB, DOC_SECONDS, Budget
    assert Budget.from_env({}) == Budget(DOC_SECONDS, DOC_MEMORY_MB) and Budget.from_env({})
    assert Budget.from_env({"CLAIMGRAPH_DOC_SECONDS": "2.5", "CLAIMGRAPH_DOC_MEMORY_MB": "900"}) == Budget(2.5, 900)
    assert Budget.from_env({"CLAIMGRAPH_DOC_SECONDS": "0", "CLAIMGRAPH_DOC_MEMORY_MB": "0"}) == Budget()
    assert not Budget()
    env = {"CLAIMGRAPH_DOC_SECONDS": "2.5", "CLAIMGRAPH_DOC_MEMORY_MB": "900"}
    assert Budget.make(10, None, env=env) == Budget(10.0, 900)  # a flag over the environment
    assert Budget.make(0, 0, env=env) == Budget()  # 0: no bound
    with pytest.raises(ValueError, match="CLAIMGRAPH_DOC_SECONDS must be a number of at least 0"):
        Budget.from_env({"CLAIMGRAPH_DOC_SECONDS": "-1"})
    with pytest.raises(ValueError, match="CLAIMGRAPH_DOC_MEMORY_MB must be a number"):
        Budget.from_env({"CLAIMGRAPH_DOC_MEMORY_MB": "lots"})


def test_the_cli_states_the_defaults_of_the_workers():
    from claimgraph.cli import budget
    from claimgraph.extract import workers
    assert (budget.DOC_SECONDS_DEFAULT, budget.DOC_MEMORY_MB_DEFAULT) == (workers.DOC_SECONDS, workers.DOC_MEMORY_MB)


def test_the_cli_fails_the_document_over_budget_and_extracts_the_others(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    (tmp_path / "big.txt").write_text(" ".join(SENTENCES * 600), encoding="utf-8")
    (tmp_path / "c.txt").write_text(SENTENCES[1], encoding="utf-8")
    env = {**os.environ, "CLAIMGRAPH_DOC_SECONDS": "1.5"}
    done = subprocess.run([*CLI, "extract", str(tmp_path), "--format", "json", "--workers", "1"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300, env=env)
    assert "big.txt" in done.stderr and "over its time budget of 1.5 s per document" in done.stderr, done.stderr
    data = json.loads(done.stdout)
    assert sorted(Path(d["path"]).name for d in data["documents"]) == ["a.txt", "c.txt"], data["documents"]


def test_ingest_with_a_time_budget_flag_fails_the_long_document_alone_and_stores_the_other(tmp_path):
    import sqlite3
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(f"{SENTENCES[0]} {SENTENCES[2]}", encoding="utf-8")
    (tmp_path / "in" / "big.txt").write_text(" ".join(SENTENCES * 600), encoding="utf-8")  # seconds of work
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_DOC_")}
    db = tmp_path / "s.db"
    done = subprocess.run([*CLI, "ingest", str(tmp_path / "in"), "--db", str(db), "--workers", "1",
                           "--doc-seconds", "1.5"], capture_output=True, text=True, cwd=ROOT, timeout=300, env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("error:")]  # not the progress bar
    assert len(lines) == 1 and "big.txt: not stored: extraction stopped" in lines[0], done.stderr
    assert "over its time budget of 1.5 s per document" in lines[0], done.stderr
    with sqlite3.connect(db) as con:
        paths = [Path(p).name for (p,) in con.execute("SELECT path FROM documents")]
        claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert paths == ["a.txt"] and claims, (paths, claims)


def test_a_bad_budget_in_the_environment_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    env = {**os.environ, "CLAIMGRAPH_DOC_MEMORY_MB": "lots"}
    done = subprocess.run([*CLI, "extract", str(tmp_path)], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env=env)
    assert done.returncode == 2 and "CLAIMGRAPH_DOC_MEMORY_MB must be a number" in done.stderr, done.stderr


def _descendants(pid: int) -> set[int]:
    out, todo = set(), [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/task/{p}/children", encoding="ascii") as fh:
                kids = [int(k) for k in fh.read().split()]
        except OSError:
            continue
        out.update(kids)
        todo.extend(kids)
    return out


def test_the_workers_of_a_killed_run_end_with_it(tmp_path):
    import time

    from claimgraph.extract.workers import _alive
    (tmp_path / "in").mkdir()
    for i in range(8):
        (tmp_path / "in" / f"d{i}.txt").write_text(" ".join(SENTENCES * 100) + f" Report {i}.", encoding="utf-8")
    run = subprocess.Popen([*CLI, "ingest", str(tmp_path / "in"), "--db", str(tmp_path / "s.db"), "--workers", "1"],
                           cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while len(kids := _descendants(run.pid)) < 3 and time.monotonic() < deadline:  # forkserver, tracker, worker
            time.sleep(0.2)
        assert len(kids) >= 3, kids
        time.sleep(1.0)
        kids = _descendants(run.pid)
    finally:
        run.kill()
        run.wait()
    deadline = time.monotonic() + 30
    while (left := {k for k in kids if _alive(k)}) and time.monotonic() < deadline:  # a zombie is gone
        time.sleep(0.2)
    for k in left:  # not to leave them behind when the test fails
        os.kill(k, signal.SIGKILL)
    assert not left, f"processes of the killed run still there: {sorted(left)}"


def test_short_documents_share_a_task_and_the_one_over_the_budget_still_fails_alone():
    from claimgraph.extract.workers import BUDGET_CHUNK_CHARS, Budget, _short_chunks
    small = [Document(text=f"{SENTENCES[i % len(SENTENCES)]} Report {i}.", path=f"s{i}.txt") for i in range(3)]
    # seconds of work on any machine (a 40,000-character text took 1-2 s: too near a 1.5 s budget
    # on a quiet one), one task's share; the short ones take milliseconds
    mid = Document(text=" ".join(SENTENCES * 220)[:40_000], path="mid.txt")
    docs = small[:2] + [mid] + small[2:]
    assert [len(c) for c in _short_chunks(docs, 16)] == [4]  # one task: a batch for spaCy
    assert sum(len(d.text) for d in docs) <= BUDGET_CHUNK_CHARS
    signal.alarm(300)
    try:
        out = list(extract_documents(docs, workers=1, budget=Budget(seconds=0.4)))
    finally:
        signal.alarm(0)
    assert [d.path for d in out] == [d.path for d in docs]
    failed = [d.path for d in out if d.failure]
    assert failed == ["mid.txt"], failed
    assert "over its time budget of 0.4 s per document" in out[2].failure
    assert all(d.entities for d in out if d.path != "mid.txt")
