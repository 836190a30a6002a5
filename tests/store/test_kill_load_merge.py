"""SIGKILL a real `claimgraph load` (batch shards into a store) and a real `claimgraph merge` at
random moments, then run them again: every time the store passes SQLite's `integrity_check` and
`foreign_key_check`; a load finished after kills holds exactly the rows of an uninterrupted load;
a killed merge left the store either merged or not (every table equal to one of the two), never
half, and the rerun merges it.

Kill points are drawn from a seeded generator (`CLAIMGRAPH_KILL_SEED`, `CLAIMGRAPH_KILL_TRIALS`):
for `load`, a delay after a number of documents are seen committed; for `merge`, a delay in the
last part of a run as long as the runs measured so far (start-up is most of it; the merge's
transaction is in its last second), so that kills land before, inside and after the transaction."""
from __future__ import annotations

import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import time

import pytest
from db_rows import contents
from kill_checks import checks, stored_count

from claimgraph.batch.load import load as load_shards
from claimgraph.batch.run import run_batch
from claimgraph.extract.workers import Budget
from claimgraph.ingest.reader import read_paths
from claimgraph.store import Store
from claimgraph.store.ingest import ingest_documents

SEED = int(os.environ.get("CLAIMGRAPH_KILL_SEED", "13"))
TRIALS = int(os.environ.get("CLAIMGRAPH_KILL_TRIALS", "6"))
CLI = [sys.executable, "-m", "claimgraph.cli.main"]

COMMANDERS = ["Tomas Verin", "Aida Kolsen", "Rustam Belov", "Nadia Orlan"]
UNITS = ["the Ridge Battalion", "the Valley Militia", "the Harbour Watch", "the Eastern Column"]
TOWNS = ["Kesra", "Volm", "Tarnik", "Ulbreck"]


def texts(n: int = 36) -> list[str]:
    """Short reports of our own in which the same units and commanders recur, and in which two
    spellings of one unit ("the Ridge Battalion", "the Ridge Battalions") are merged by resolution."""
    rng = random.Random(11)
    out = []
    for i in range(n):
        who, unit, other, town = rng.choice(COMMANDERS), rng.choice(UNITS), rng.choice(UNITS), rng.choice(TOWNS)
        name = who if i % 3 else who.split()[-1]
        out.append(f"{name} said {unit} had shelled the market of {town} on day {i}, according to local officials. "
                   f"{other[0].upper() + other[1:]} denied attacking civilians near {rng.choice(TOWNS)}. "
                   f"The Red Cross said {rng.randint(3, 80)} families had left {town} since report {i}.")
    out += ["General Tomas Verin, the commander of the Ridge Battalion, said on Monday that his forces had taken "
            "Volm. The Ridge Battalion denied shelling civilians.",
            "Verin met the governor of Volm on Tuesday, according to local officials. The Red Cross said the Ridge "
            "Battalions had blocked aid convoys."]
    return out


def write_corpus(folder) -> int:
    folder.mkdir()
    corpus = texts()
    for i, body in enumerate(corpus):
        (folder / f"report{i:02d}.txt").write_text(body + "\n", encoding="utf-8")
    return len(corpus)


def kill_after(argv, ready, delay: float) -> int | None:
    """Start `argv`, wait until `ready()` (or it ends), then SIGKILL its process group after
    `delay` seconds; its exit code if it finished first, None when it was killed."""
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while proc.poll() is None and not ready() and time.monotonic() < deadline:
        time.sleep(0.002)
    try:
        return proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return None


@pytest.fixture(scope="module")
def shards(tmp_path_factory, extractor):
    """Batch shards of the corpus (extracted in this process, the pipeline shared)."""
    base = tmp_path_factory.mktemp("kill_load")
    n = write_corpus(base / "corpus")
    manifest = run_batch([base / "corpus"], base / "shards", "local", 1, shard_docs=8, budget=Budget())
    assert manifest["documents"] == n and not manifest["errors"] and len(manifest["shards"]) >= 4
    return base / "shards", n


def test_a_load_killed_anywhere_finishes_as_if_never_killed(tmp_path, shards):
    folder, n = shards
    reference_db = tmp_path / "reference.db"
    subprocess.run([*CLI, "load", str(folder), "--db", str(reference_db)], check=True, capture_output=True,
                   timeout=120)
    reference = contents(f"sqlite:///{reference_db}")
    assert len(reference["documents"]) == n and reference["judgements"], "resolution must merge something"

    rng = random.Random(SEED)
    seen, trial = [], 0
    while sum(code is None for *_, code, _ in seen) < TRIALS and trial < 4 * TRIALS:
        trial += 1
        db = tmp_path / f"trial{trial}.db"
        # killed while opening and migrating the new store, between batches, or while resolving
        after = rng.choice([-1, 0, 1, n // 2, n])
        delay = rng.uniform(0.0, {-1: 3.0, n: 0.05}.get(after, 0.3))
        code = kill_after([*CLI, "load", str(folder), "--db", str(db)], lambda: stored_count(db) >= after, delay)
        stored = stored_count(db) if db.exists() else -1
        seen.append((after, round(delay, 2), code, stored))
        if db.exists():
            assert checks(db) == ([("ok",)], []), f"trial {trial}: {seen[-1]}"
        with Store(db) as store:  # the next run, to completion
            tally, loaded, errors = load_shards(store, folder, on_error=lambda m: None)
            assert not errors and not tally.errors and tally["stored"] == n - max(stored, 0), seen[-1]
            assert not store.resolution_pending()
        assert checks(db) == ([("ok",)], [])
        assert contents(f"sqlite:///{db}") == reference, f"trial {trial}: {seen[-1]}"
    print(f"\nload kill trials (after documents, delay s, exit code or None when killed, stored): {seen}")
    assert sum(code is None for *_, code, _ in seen) >= min(TRIALS, 5), seen


@pytest.fixture(scope="module")
def unmerged(tmp_path_factory, extractor):
    """A store of the corpus, resolved, in which two units are still two actors."""
    base = tmp_path_factory.mktemp("kill_merge")
    write_corpus(base / "corpus")
    db = base / "base.db"
    with Store(db) as store:
        tally = ingest_documents(store, read_paths([base / "corpus"]), extractor)
        assert not tally.errors
        names = {e.name for e in store.entities()}
    assert {"Valley Militia", "Harbour Watch"} <= names, names
    return db, "Valley Militia", "Harbour Watch"


def merge_command(db, a, b) -> list[str]:
    return [*CLI, "merge", a, b, "--db", str(db), "--analyst", "tester", "--reason", "one unit", "--force"]


def test_a_merge_killed_anywhere_is_whole_or_not_at_all(tmp_path, unmerged):
    base, a, b = unmerged
    before = contents(f"sqlite:///{base}")
    judgements = len(before["judgements"])

    # an uninterrupted merge, timed: most of a run is starting up; the merge is in its last second
    merged_db = tmp_path / "merged.db"
    shutil.copy(base, merged_db)
    start = time.monotonic()
    done = subprocess.run(merge_command(merged_db, a, b), capture_output=True, text=True, timeout=120)
    durations = [time.monotonic() - start]
    assert done.returncode == 0, done.stdout + done.stderr
    merged = contents(f"sqlite:///{merged_db}")
    assert merged != before and len(merged["judgements"]) == judgements + 1

    rng = random.Random(SEED)
    seen, trial = [], 0
    while sum(code is None for _, code, _ in seen) < TRIALS and trial < 4 * TRIALS:
        trial += 1
        db = tmp_path / f"trial{trial}.db"
        shutil.copy(base, db)
        wal = db.with_name(db.name + "-wal")
        if trial % 2:
            # in the last part of a run as long as the runs so far (the machine's load changes it):
            # before the transaction, inside it, after it
            ready, delay = (lambda: True), rng.uniform(0.55, 1.0) * statistics.median(durations)
        else:
            # as soon as a transaction writes its first page to the WAL (past its 32-byte header), or a moment after
            ready, delay = (lambda: wal.exists() and wal.stat().st_size > 32), rng.choice([0.0, 0.0, 0.005, 0.02])
        start = time.monotonic()
        code = kill_after(merge_command(db, a, b), ready, delay)
        if code is not None:
            durations.append(time.monotonic() - start)
        assert checks(db) == ([("ok",)], []), f"trial {trial}"
        now = contents(f"sqlite:///{db}")
        assert now in (before, merged), f"trial {trial} (killed at {delay:.2f} s): a half merge"
        seen.append((round(delay, 3) if trial % 2 else f"wal+{delay}", code, "merged" if now == merged else "not merged"))
        rerun = subprocess.run(merge_command(db, a, b), capture_output=True, text=True, timeout=120)
        assert rerun.returncode == (0 if now == before else 1), rerun.stdout + rerun.stderr
        assert checks(db) == ([("ok",)], []) and contents(f"sqlite:///{db}") == merged, f"trial {trial}"
    print(f"\nmerge kill trials (runs of {statistics.median(durations):.2f} s; delay s, exit code or None when "
          f"killed, state left): {seen}")
    assert sum(code is None for _, code, _ in seen) >= min(TRIALS, 5), seen
