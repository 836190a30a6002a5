"""SIGKILL a real `claimgraph ingest` process at random moments (opening and migrating a new
store, extracting, writing, resolving), then finish the run: every time the store passes SQLite's
`integrity_check` and `foreign_key_check`, and once finished holds exactly the rows of an
uninterrupted ingest (every table, ids, judgements and figures included): no committed document
lost, no half-stored one, nothing stored twice, resolution finished.

Kill points are drawn from a seeded generator (`CLAIMGRAPH_KILL_SEED` for another draw,
`CLAIMGRAPH_KILL_TRIALS` for more trials): a delay after the start, or after a number of
documents are seen committed (polled by a read-only reader), so that kills land in every phase."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from db_copies import drop, new_url
from db_rows import VOLATILE, contents, rows
from kill_checks import checks, stored_count
from sqlalchemy import Integer, inspect, text

from claimgraph.store.db import make_engine

from claimgraph.ingest.reader import read_paths
from claimgraph.store import Store
from claimgraph.store.ingest import ingest_documents

SEED = int(os.environ.get("CLAIMGRAPH_KILL_SEED", "13"))
TRIALS = int(os.environ.get("CLAIMGRAPH_KILL_TRIALS", "10"))

PEOPLE = ["Ahmed Karimov", "Leyla Rustamova", "Omar Haddad", "Farid Nasser", "Samira Khalil"]
GROUPS = ["the Northern Brigade", "the Southern Front", "the Dalvar Council", "the Coastal Guard"]
PLACES = ["Dalvar", "Ostrana", "Mirek", "Belgora"]
VERBS = ["accused {g} of shelling a hospital in {p}", "met the leaders of {g} in {p}",
         "said {g} had blocked aid convoys near {p}", "denied that {g} had attacked {p}"]


def texts() -> list[str]:
    """Short reports of our own: the actors recur, one story is reprinted (a near-duplicate
    cluster), two spellings of one group are merged by resolution."""
    rng = random.Random(7)
    out = []
    for i in range(18):
        person, group, place = rng.choice(PEOPLE), rng.choice(GROUPS), rng.choice(PLACES)
        name = person if i % 3 else person.split()[-1]
        verb = rng.choice(VERBS).format(g=group, p=place)
        other = rng.choice(GROUPS)
        out.append(f"{name} {verb} on day {i}, according to local officials. "
                   f"{other[0].upper() + other[1:]} said it had not fired on civilians in {rng.choice(PLACES)}. "
                   f"The United Nations said {rng.randint(2, 90)} people had fled {place} since report {i}.")
    story = ("Omar Haddad said the Southern Front had shelled the market of Mirek on Sunday, killing four people. "
             "The Southern Front denied any role and said the Northern Brigade had fired the shells. "
             "The Dalvar Council called for an inquiry, and the United Nations said aid would reach Mirek.")
    out += [story, story + " (Wire)",
            # "the Northern Brigade" and "the Northern Brigades": one group, merged by resolution
            "General Ahmed Karimov, the commander of the Northern Brigade, said on Monday that his forces had "
            "taken the town of Dalvar. The Northern Brigade denied shelling civilians.",
            "Karimov met the governor of Dalvar on Tuesday, according to local officials. The United Nations "
            "said the Northern Brigades had blocked aid convoys."]
    return out


def ingest_command(folder, db) -> list[str]:
    return [sys.executable, "-m", "claimgraph.cli.main", "ingest", str(folder), "--db", str(db), "--workers", "1"]


def run_and_kill(folder, db, after: int, delay: float) -> int | None:
    """Start an ingest and SIGKILL it (its whole process group: the extraction worker too)
    `delay` seconds after `after` documents are committed; the exit code if it finished first."""
    proc = subprocess.Popen(ingest_command(folder, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while proc.poll() is None and stored_count(db) < after and time.monotonic() < deadline:
        time.sleep(0.002)
    try:
        return proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return None


def state(db) -> tuple[int, bool]:
    """Documents stored, and whether resolution is pending (what the kill left)."""
    conn = sqlite3.connect(db)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "documents" not in tables or "store_meta" not in tables:
            return -1, False  # killed before the migration committed
        n = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        pending = conn.execute("SELECT count(*) FROM store_meta WHERE key = 'resolution_pending'").fetchone()[0]
        return n, bool(pending)
    finally:
        conn.close()


def test_an_ingest_killed_anywhere_finishes_as_if_never_killed(tmp_path, extractor):
    folder = tmp_path / "corpus"
    folder.mkdir()
    corpus = texts()
    for i, body in enumerate(corpus):
        (folder / f"report{i:02d}.txt").write_text(body + "\n", encoding="utf-8")

    reference_db = tmp_path / "reference.db"
    subprocess.run(ingest_command(folder, reference_db), check=True, capture_output=True, timeout=120)
    reference = contents(f"sqlite:///{reference_db}")
    assert len(reference["documents"]) == len(corpus)
    assert reference["judgements"], "the corpus must give resolution something to merge"

    rng = random.Random(SEED)
    seen = []
    trial = 0
    while sum(code is None for _, _, code, _, _ in seen) < TRIALS and trial < 3 * TRIALS:  # TRIALS real kills
        trial += 1
        db = tmp_path / f"trial{trial}.db"
        # a new store each time, killed while it opens (imports, migration, the pipeline's loading),
        # extracts and writes (after none, one or every batch of documents committed) or resolves
        after = rng.choice([-1, 0, 1, len(corpus) // 2, len(corpus)])
        delay = rng.uniform(0.0, {-1: 4.0, len(corpus): 0.03}.get(after, 0.5))  # resolving takes ~20 ms
        code = run_and_kill(folder, db, after, delay)
        stored, pending = state(db) if db.exists() else (-1, False)
        seen.append((after, round(delay, 2), code, stored, pending))
        if db.exists():
            assert checks(db) == ([("ok",)], []), f"trial {trial} (killed at {delay:.2f} s)"
        with Store(db) as store:  # the next run, to completion
            tally = ingest_documents(store, read_paths([folder]), extractor)
            assert not tally.errors
            assert tally["stored"] == len(corpus) - max(stored, 0)
            assert not store.resolution_pending()
        assert checks(db) == ([("ok",)], [])
        assert contents(f"sqlite:///{db}") == reference, f"trial {trial}: killed at {delay:.2f} s, state {seen[-1]}"
    print("\nkill trials (after documents, then delay s; exit code or None when killed; documents stored,"
          f" resolution pending): {seen}")
    assert sum(code is None for _, _, code, _, _ in seen) >= min(TRIALS, 10), seen  # at least 10 real kills


def natural_contents(url: str) -> dict[str, list[tuple]]:
    """Every table's rows as `db_rows.contents` has them, less the integer ids that a sequence
    gives (PostgreSQL's sequences are not rolled back with a killed transaction: a rerun's ids
    differ, its rows do not) and the audit payload that lists them."""
    engine = make_engine(url)
    try:
        found = {}
        with engine.connect() as conn:
            schema = inspect(conn)
            for table in sorted(set(schema.get_table_names()) - {"alembic_version"}):
                columns = [c["name"] for c in schema.get_columns(table) if c["name"] not in VOLATILE
                           and not (c["name"] == "id" and isinstance(c["type"], Integer))
                           and not (table == "audit_log" and c["name"] == "payload")]
                quoted = ", ".join(f'"{c}"' for c in columns)
                found[table] = sorted((tuple(r) for r in conn.execute(text(f'SELECT {quoted} FROM "{table}"'))), key=repr)
        return found
    finally:
        engine.dispose()


def pg_stored_count(url: str) -> int:
    try:
        return rows(url, "SELECT count(*) FROM documents")[0][0]
    except Exception:  # noqa: BLE001 - no table yet (the migration has not committed)
        return -1


def test_an_ingest_killed_anywhere_finishes_as_if_never_killed_on_postgresql(tmp_path, extractor, pg_server):
    """The same on PostgreSQL, rows compared without the ids sequences give (`natural_contents`)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    corpus = texts()
    for i, body in enumerate(corpus):
        (folder / f"report{i:02d}.txt").write_text(body + "\n", encoding="utf-8")
    reference_url = new_url("postgresql", tmp_path)
    urls = [reference_url]
    try:
        subprocess.run(ingest_command(folder, reference_url), check=True, capture_output=True, timeout=120)
        reference = natural_contents(reference_url)
        assert len(reference["documents"]) == len(corpus) and reference["judgements"]
        rng = random.Random(SEED)
        seen = []
        trial = 0
        while sum(code is None for _, _, code, _ in seen) < 10 and trial < 30:  # 10 real kills
            trial += 1
            url = new_url("postgresql", tmp_path)
            urls.append(url)
            after = rng.choice([-1, 0, 1, len(corpus)])
            delay = rng.uniform(0.0, {-1: 4.0, len(corpus): 0.03}.get(after, 0.5))
            proc = subprocess.Popen(ingest_command(folder, url), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    start_new_session=True)
            deadline = time.monotonic() + 120
            while proc.poll() is None and pg_stored_count(url) < after and time.monotonic() < deadline:
                time.sleep(0.005)
            try:
                code = proc.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                code = None
            seen.append((after, round(delay, 2), code, pg_stored_count(url)))
            with Store(url) as store:
                tally = ingest_documents(store, read_paths([folder]), extractor)
                assert not tally.errors and not store.resolution_pending()
            assert natural_contents(url) == reference, f"trial {trial}: {seen[-1]}"
        print(f"\npostgresql kill trials (after, delay, exit code, documents stored): {seen}")
        assert sum(code is None for _, _, code, _ in seen) >= 10, seen
    finally:
        for url in urls:
            drop(url)
