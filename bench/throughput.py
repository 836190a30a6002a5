"""Throughput of extraction and ingest (issue 11): every figure a ratio of two runs made here, now.

Each run is a fresh process, timed as the whole run a user waits for (start-up included), on a
corpus generated from the sample corpus's sentences (bench/corpus.py):
- speed:   `claimgraph extract DIR --workers 1 --format json` against bare spaCy reading the same
           files and running `nlp.pipe` with the same pipeline (bench/bare_spacy.py): words per
           second over spaCy's. Goal ≥ 0.85.
- workers: `extract --workers 2` against `--workers 1`, and `ingest` likewise into new stores.
           Goal ≥ 1.7× on a 2-core machine.
- memory:  peak memory of `ingest --workers 1` into a new store at two corpus sizes (default
           2,000 and 20,000 documents of 60 words), as the sum over the run's processes (the
           command, its extraction worker, the pool's helpers: each one's proportional set size,
           sampled every 0.2 s), the command's and the worker's own peaks beside it. `ru_maxrss`
           would see the command alone: the worker is the forkserver's child, not its own.
           Goal: the larger within 1.2×. `--only memory` runs this part alone.
- ray:     `batch --engine ray --workers 2` then `load` against `ingest --workers 2`; and
           `batch --engine local --workers 2` for comparison.
Rounds are interleaved (one of each command per round) so that a busy machine slows both sides
alike; best of --rounds. The load average is printed: the ratios are meaningful on a quiet machine.

usage: python bench/throughput.py [--only speed,workers,memory,ray] [--docs 200] [--rounds 3]
                                  [--memory-docs 2000,20000] [--memory-words 60] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cli_start import claimgraph  # noqa: E402
from corpus import write_corpus  # noqa: E402

GOALS = {"speed": 0.85, "workers": 1.7, "memory": 1.2}


def run(argv: list[str], ok_codes: tuple[int, ...] = (0,)) -> dict:
    """Wall time, CPU time (user + system, the process and its children) and peak resident memory
    (MB, of the largest process of the run) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok_codes:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {stderr.decode(errors='replace')[-800:]}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def best(runs: list[dict]) -> dict:
    return min(runs, key=lambda r: r["wall_s"])


def rounds(commands: dict[str, list[str]], n: int, before=None) -> dict[str, dict]:
    """The best of `n` interleaved rounds of each command; `before(name)` runs untimed before each."""
    times: dict[str, list[dict]] = {name: [] for name in commands}
    for _ in range(n):
        for name, argv in commands.items():
            if before:
                before(name)
            times[name].append(run(argv))
    return {name: best(series) for name, series in times.items()}


def fresh(path: Path) -> Path:
    if path.is_dir():
        import shutil
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
    return path


def model_name() -> str:
    from claimgraph.nlp.pipeline import choose_model
    return choose_model()


def bench_speed_and_workers(tmp: Path, a, results: dict) -> None:
    folder = tmp / "corpus"
    words = write_corpus(folder, a.docs, a.words)
    cg = claimgraph()
    extract = [*cg, "extract", str(folder), "--format", "json"]
    commands = {"bare spaCy": [sys.executable, str(HERE / "bare_spacy.py"), str(folder), "--model", model_name()],
                "extract --workers 1": [*extract, "--workers", "1"]}
    if "workers" in a.only:
        commands["extract --workers 2"] = [*extract, "--workers", "2"]
    run(commands["extract --workers 1"])  # untimed: bytecode compiled, caches filled
    got = rounds(commands, a.rounds)
    bare, one = got["bare spaCy"], got["extract --workers 1"]
    if "speed" in a.only:
        results["speed"] = {"documents": a.docs, "words": words, "bare_s": bare["wall_s"], "claimgraph_s": one["wall_s"],
                            "bare_words_per_s": words / bare["wall_s"], "claimgraph_words_per_s": words / one["wall_s"],
                            "ratio": bare["wall_s"] / one["wall_s"], "goal": GOALS["speed"]}
    if "workers" in a.only:
        two = got["extract --workers 2"]
        db1, db2 = tmp / "w1.db", tmp / "w2.db"
        ingest = {"ingest --workers 1": [*cg, "ingest", str(folder), "--db", str(db1), "--workers", "1"],
                  "ingest --workers 2": [*cg, "ingest", str(folder), "--db", str(db2), "--workers", "2"]}
        got_ingest = rounds(ingest, 1, before=lambda name: fresh(db1 if "1" in name else db2))
        results["workers"] = {
            "documents": a.docs, "extract_1_s": one["wall_s"], "extract_2_s": two["wall_s"],
            "extract_speedup": one["wall_s"] / two["wall_s"],
            "ingest_1_s": got_ingest["ingest --workers 1"]["wall_s"], "ingest_2_s": got_ingest["ingest --workers 2"]["wall_s"],
            "ingest_speedup": got_ingest["ingest --workers 1"]["wall_s"] / got_ingest["ingest --workers 2"]["wall_s"],
            "goal": GOALS["workers"]}
    if "ray" in a.only:
        bench_ray(tmp, folder, a, results)


def bench_ray(tmp: Path, folder: Path, a, results: dict) -> None:
    cg = claimgraph()
    db_i, db_r, out_r, out_l, db_l = tmp / "ingest2.db", tmp / "ray.db", tmp / "ray-out", tmp / "local-out", tmp / "local.db"
    ingest = run([*cg, "ingest", str(folder), "--db", str(fresh(db_i)), "--workers", "2"])
    batch_ray = run([*cg, "batch", str(folder), "--engine", "ray", "--workers", "2", "-o", str(fresh(out_r))])
    load_ray = run([*cg, "load", str(out_r), "--db", str(fresh(db_r))])
    batch_local = run([*cg, "batch", str(folder), "--engine", "local", "--workers", "2", "-o", str(fresh(out_l))])
    load_local = run([*cg, "load", str(out_l), "--db", str(fresh(db_l))])
    results["ray"] = {"documents": a.docs, "ingest_2_s": ingest["wall_s"],
                      "batch_ray_s": batch_ray["wall_s"], "load_ray_s": load_ray["wall_s"],
                      "batch_local_s": batch_local["wall_s"], "load_local_s": load_local["wall_s"],
                      "ray_over_ingest": (batch_ray["wall_s"] + load_ray["wall_s"]) / ingest["wall_s"],
                      "local_over_ingest": (batch_local["wall_s"] + load_local["wall_s"]) / ingest["wall_s"]}


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as fh:
                    ppid = int(fh.read().rpartition(")")[2].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            kids.setdefault(ppid, []).append(int(name))
    return kids


def _tree(root: int) -> list[int]:
    kids, found, todo = _children(), [], [root]
    while todo:
        for k in kids.get(todo.pop(), []):
            found.append(k)
            todo.append(k)
    return [root, *found]


def _pss_mb(pid: int) -> float:
    """A process's proportional set size (pages it shares counted in part), else its RSS; 0 once gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def run_tree(argv: list[str], every: float = 0.2) -> dict:
    """`run`, with the memory of the whole process tree sampled every `every` seconds: `peak_mb`
    the largest sum over its processes, `main_mb` the command's own peak, `worker_mb` the
    largest peak of another process of the tree."""
    import threading

    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks: dict[int, float] = {}
    total = [0.0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(every):
            sizes = {pid: _pss_mb(pid) for pid in _tree(proc.pid)}
            total[0] = max(total[0], sum(sizes.values()))
            for pid, mb in sizes.items():
                peaks[pid] = max(peaks.get(pid, 0.0), mb)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    stop.set()
    sampler.join()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({code}): {stderr.decode(errors='replace')[-800:]}")
    others = [mb for pid, mb in peaks.items() if pid != proc.pid]
    return {"wall_s": time.perf_counter() - start, "peak_mb": total[0], "main_mb": peaks.get(proc.pid, 0.0),
            "worker_mb": max(others, default=0.0), "maxrss_mb": usage.ru_maxrss / 1024}


def bench_memory(tmp: Path, a, results: dict) -> None:
    cg = claimgraph()
    sizes = [int(n) for n in a.memory_docs.split(",")]
    rows = []
    for n in sizes:
        folder = tmp / f"memory-{n}"
        write_corpus(folder, n, a.memory_words, seed=11)
        db = fresh(tmp / f"memory-{n}.db")
        r = run_tree([*cg, "ingest", str(folder), "--db", str(db), "--workers", "1"])
        rows.append({"documents": n, **{k: r[k] for k in ("peak_mb", "main_mb", "worker_mb", "maxrss_mb", "wall_s")}})
        print(f"  ingest of {n} documents: {r['peak_mb']:.0f} MB peak in all (ingest {r['main_mb']:.0f} MB, "
              f"worker {r['worker_mb']:.0f} MB), {r['wall_s']:.0f} s, load {os.getloadavg()[0]:.1f}", file=sys.stderr)
        shutil.rmtree(folder)
    results["memory"] = {"runs": rows, "ratio": rows[-1]["peak_mb"] / rows[0]["peak_mb"],
                         "ingest_ratio": rows[-1]["main_mb"] / rows[0]["main_mb"],
                         "worker_ratio": rows[-1]["worker_mb"] / max(rows[0]["worker_mb"], 1e-9), "goal": GOALS["memory"]}


def report(results: dict, load: tuple[float, float]) -> None:
    print(f"load average {load[0]:.1f} before, {load[1]:.1f} after ({os.cpu_count()} cores)")
    if s := results.get("speed"):
        print(f"speed    {s['documents']} documents, {s['words']} words, whole runs in fresh processes")
        print(f"         bare spaCy  {s['bare_s']:6.2f} s  {s['bare_words_per_s']:8,.0f} words/s")
        print(f"         claimgraph  {s['claimgraph_s']:6.2f} s  {s['claimgraph_words_per_s']:8,.0f} words/s")
        print(f"         ratio       {s['ratio']:.2f}  (goal ≥ {s['goal']})")
    if w := results.get("workers"):
        print(f"workers  extract: 1 worker {w['extract_1_s']:.2f} s, 2 workers {w['extract_2_s']:.2f} s: "
              f"{w['extract_speedup']:.2f}×  (goal ≥ {w['goal']}×)")
        print(f"         ingest:  1 worker {w['ingest_1_s']:.2f} s, 2 workers {w['ingest_2_s']:.2f} s: "
              f"{w['ingest_speedup']:.2f}×")
    if m := results.get("memory"):
        sizes = ", ".join(f"{r['documents']:,} documents {r['peak_mb']:.0f} MB ({r['wall_s']:.0f} s)" for r in m["runs"])
        print(f"memory   peak of ingest --workers 1, all its processes: {sizes}: {m['ratio']:.2f}×  (goal ≤ {m['goal']}×)")
        parts = ", ".join(f"{r['main_mb']:.0f} / {r['worker_mb']:.0f} MB" for r in m["runs"])
        print(f"         the ingest process / its extraction worker: {parts}: "
              f"{m['ingest_ratio']:.2f}× / {m['worker_ratio']:.2f}×")
    if r := results.get("ray"):
        print(f"ray      ingest --workers 2 {r['ingest_2_s']:.1f} s; batch --engine ray {r['batch_ray_s']:.1f} s + "
              f"load {r['load_ray_s']:.1f} s: {r['ray_over_ingest']:.2f}× the time of ingest; "
              f"--engine local {r['batch_local_s']:.1f} s + {r['load_local_s']:.1f} s: {r['local_over_ingest']:.2f}×")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="speed,workers,memory,ray",
                    type=lambda s: set(s.split(",")), help="Comma-separated sections.")
    ap.add_argument("--docs", type=int, default=200, help="Documents of the speed, workers and ray runs.")
    ap.add_argument("--words", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--memory-docs", default="2000,20000")
    ap.add_argument("--memory-words", type=int, default=60)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    unknown = a.only - {"speed", "workers", "memory", "ray"}
    if unknown:
        ap.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    results: dict = {}
    before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="throughput-") as tmp:
        if a.only & {"speed", "workers", "ray"}:
            bench_speed_and_workers(Path(tmp), a, results)
        if "memory" in a.only:
            bench_memory(Path(tmp), a, results)
    load = (before, os.getloadavg()[0])
    if a.json:
        print(json.dumps({"load": load, **results}, indent=2))
    else:
        report(results, load)


if __name__ == "__main__":
    main()
