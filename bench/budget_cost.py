"""What the per-document budget costs a single-process run: `claimgraph extract DIR --workers 1
--format json` with the budget off (`--doc-seconds 0 --doc-memory-mb 0`: spaCy in this process)
against the default (one killable worker process, one document per task), on a corpus written by
bench/corpus.py. Whole runs as a user waits for them (start-up included), interleaved rounds,
median and best; the outputs are compared (the same documents, actors and claims).

usage: python bench/budget_cost.py [--docs 20] [--words 300] [--rounds 5]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cli_start import claimgraph  # noqa: E402
from corpus import write_corpus  # noqa: E402

MODES = {"off": ["--doc-seconds", "0", "--doc-memory-mb", "0"], "on": []}


def run(folder: Path, mode: str) -> tuple[float, dict]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_DOC_")}
    start = time.perf_counter()
    done = subprocess.run([*claimgraph(), "extract", str(folder), "--workers", "1", "--format", "json", *MODES[mode]],
                          capture_output=True, text=True, env=env)
    if done.returncode:
        raise SystemExit(f"extract ({mode}) failed:\n{done.stderr}")
    return time.perf_counter() - start, json.loads(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20)
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_corpus(folder, a.docs, a.words)
        times: dict[str, list[float]] = {m: [] for m in MODES}
        outputs = {}
        for _ in range(a.rounds):
            for mode in MODES:
                seconds, outputs[mode] = run(folder, mode)
                times[mode].append(seconds)
    same = outputs["off"] == outputs["on"]
    print(f"{a.docs} documents of {a.words} words, {a.rounds} rounds, load {os.getloadavg()[0]:.2f}")
    for mode, ts in times.items():
        print(f"budget {mode:>3}: median {statistics.median(ts):.2f} s, best {min(ts):.2f} s  "
              f"({', '.join(f'{t:.2f}' for t in ts)})")
    print(f"cost of the worker: median {statistics.median(times['on']) - statistics.median(times['off']):+.2f} s, "
          f"best {min(times['on']) - min(times['off']):+.2f} s; same output: {same}")


if __name__ == "__main__":
    main()
