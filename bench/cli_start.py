"""Start-up time of the command line: `claimgraph --help`, `claimgraph summary` and one dossier
(`claimgraph actor`), each in a fresh process, beside a bare `python -c pass` timed in the same run.

The store is built from samples/corpus in a temporary folder (`claimgraph ingest`, 10–20 s
with spaCy), or given with --db. The dossier is of the store's most mentioned actor, by name, unless
--actor says which. Runs are interleaved (one of each command per round) so that a busy machine
slows every command alike; the table gives the best and the median wall time of --runs rounds, their
ratio to the bare interpreter's, and the least CPU time (user + system) of a run, which a busy
machine changes less than the wall time; the load average is printed beside them. Goals (issue 10):
--help under 0.5 s, a query under 1 s.

The children keep their compiled bytecode in a folder of this run (PYTHONPYCACHEPREFIX), filled by
one untimed round, as an installed package has its .pyc files; with --no-pyc every module is
compiled from source at every start (PYTHONDONTWRITEBYTECODE and an empty cache), the worst case.

usage: python bench/cli_start.py [--db PATH] [--actor NAME] [--runs 5] [--no-pyc] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "samples" / "corpus"
GOALS = {"--help": 0.5, "summary": 1.0, "dossier": 1.0}


def claimgraph() -> list[str]:
    """The console script of this interpreter's environment (what a user runs), else `-m`."""
    script = Path(sys.executable).with_name("claimgraph")
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimgraph.cli.main"]


def child_env(pycache: Path, write_pyc: bool) -> dict[str, str]:
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(pycache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not write_pyc:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


ENV: dict[str, str] | None = None  # the children's environment, set by main


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU time of one fresh process running `argv`, which must succeed."""
    cpu, start = cpu_of_children(), time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return elapsed, cpu_of_children() - cpu


def build_store(folder: Path) -> Path:
    db = folder / "demo.db"
    print(f"building {db} from {CORPUS} ...", file=sys.stderr)
    start = time.perf_counter()
    done = subprocess.run([*claimgraph(), "ingest", str(CORPUS), "--db", str(db)], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, env=ENV)
    if done.returncode != 0:
        raise SystemExit(f"claimgraph ingest failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    print(f"built in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return db


def top_actor(db: Path) -> str:
    out = subprocess.run([*claimgraph(), "entities", "--db", str(db), "--limit", "1", "--format", "json"],
                         check=True, capture_output=True, text=True, env=ENV).stdout
    return json.loads(out)[0]["name"]


def measure(db: Path, actor: str, runs: int) -> dict[str, list[tuple[float, float]]]:
    cg = claimgraph()
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "--help": [*cg, "--help"],
        "summary": [*cg, "summary", "--db", str(db)],
        "dossier": [*cg, "actor", actor, "--db", str(db)],
    }
    for argv in commands.values():  # untimed: bytecode compiled, the store migrated or reindexed if need be
        run(argv)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            times[name].append(run(argv))
    return times


def report(times: dict[str, list[tuple[float, float]]], actor: str, pyc: bool, load: tuple, as_json: bool) -> None:
    bare = [wall for wall, _ in times["python -c pass"]]
    rows = []
    for name, series in times.items():
        walls = [wall for wall, _ in series]
        best, median = min(walls), statistics.median(walls)
        rows.append({"command": name if name.startswith("python") else f"claimgraph {name}",
                     "best_s": round(best, 3), "median_s": round(median, 3),
                     "cpu_s": round(min(cpu for _, cpu in series), 3), "best_ratio": round(best / min(bare), 1),
                     "median_ratio": round(median / statistics.median(bare), 1),
                     "goal_s": GOALS.get(name), "met": None if name not in GOALS else best < GOALS[name]})
    if as_json:
        print(json.dumps({"actor": actor, "runs": len(bare), "pyc": pyc, "load": load, "rows": rows}, indent=2))
        return
    print(f"fresh processes, {len(bare)} interleaved runs, {'with' if pyc else 'without'} cached bytecode; "
          f"dossier of {actor!r}; load average {load[0]:.1f} before, {load[1]:.1f} after ({os.cpu_count()} cores)")
    print(f"{'command':<20} {'best s':>7} {'median s':>9} {'best ×':>7} {'median ×':>9} {'cpu s':>6}  goal")
    for r in rows:
        goal = "" if r["goal_s"] is None else f"< {r['goal_s']} s{'' if r['met'] else ' MISSED'}"
        print(f"{r['command']:<20} {r['best_s']:>7.3f} {r['median_s']:>9.3f} {r['best_ratio']:>7.1f} "
              f"{r['median_ratio']:>9.1f} {r['cpu_s']:>6.3f}  {goal}")
    print("(×: over `python -c pass` in the same run, best over best, median over median; cpu: the least of a run)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="A store to query (default: one built from samples/corpus).")
    parser.add_argument("--actor", help="Whose dossier (default: the most mentioned actor).")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-pyc", action="store_true", help="Compile every module at every start.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    global ENV
    with tempfile.TemporaryDirectory(prefix="cli-start-") as tmp:
        ENV = child_env(Path(tmp) / "pycache", write_pyc=not args.no_pyc)
        db = args.db or build_store(Path(tmp))
        actor = args.actor or top_actor(db)
        before = os.getloadavg()[0]
        times = measure(db, actor, args.runs)
        report(times, actor, not args.no_pyc, (before, os.getloadavg()[0]), args.json)


if __name__ == "__main__":
    main()
