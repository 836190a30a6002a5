"""Exports in bounded memory: peak memory and time of `claimgraph export` at two store sizes.

Takes (or builds) the synthetic stores of `million_store.py` at two claim counts (bench/.cache/),
then runs `claimgraph export --format F -o …` for each format in a fresh process and records its
wall time and resident high-water mark (VmHWM). Figures in the same run:

- `growth`: peak memory at the large store over peak at the small one (a streamed export stays
  near 1.0 as the store grows ten times; the goal is at most 1.25);
- `vs bare`: peak over a bare process that imports the command line and opens the store;
- the whole-store export of before (`resolve.resolved_graph`: every entity, claim and piece of
  evidence in Python, then `exchange.build`), run the same way as the baseline a stream is for.

usage: python bench/export_memory.py [--claims 20000 200000] [--formats json ftm …] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

GOAL_GROWTH = 1.25

CHILD = r"""
import json, sys, time
from pathlib import Path
t = time.perf_counter()
mode, db, out, fmt = sys.argv[1:5]
if mode == "bare":
    from claimgraph.cli.main import app  # noqa: F401
    from claimgraph.store import Store
    Store(db).close()
elif mode == "whole":
    from claimgraph.export.exchange import build, write_json
    from claimgraph.resolve import resolved_graph
    from claimgraph.store import Store
    with Store(db) as store:
        graph = build(*resolved_graph(store))
    with open(out, "w", encoding="utf-8") as fh:
        write_json(graph, fh)
else:
    from claimgraph.cli.main import app
    app(["export", "--db", db, "--format", fmt, "-o", out], standalone_mode=False)
wall = time.perf_counter() - t
hwm = int(Path("/proc/self/status").read_text().split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps({"wall_s": round(wall, 2), "peak_mb": round(hwm, 1)}))
"""


def run_child(mode: str, db: Path, fmt: str, folder: Path) -> dict:
    out = folder / (f"{mode}-{fmt}" + ("" if fmt in ("csv", "parquet", "neo4j") else ".out"))
    done = subprocess.run([sys.executable, "-c", CHILD, mode, str(db), str(out), fmt], capture_output=True,
                          text=True, env=os.environ | {"COLUMNS": "120"})
    if done.returncode != 0:
        return {"error": (done.stderr or done.stdout).strip().splitlines()[-1:]}
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) if out.is_dir() else \
        out.stat().st_size if out.exists() else 0
    return figures | {"out_mb": round(size / 2**20, 1)}


def available_formats() -> list[str]:
    from claimgraph.export import FORMATS, exporter
    found = []
    for name in FORMATS:
        try:
            exporter(name)
        except ImportError:
            continue
        found.append(name)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, nargs=2, default=[20_000, 200_000])
    parser.add_argument("--formats", nargs="*")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from rich.console import Console
    from rich.table import Table

    import million
    console = Console(stderr=True)
    formats = args.formats or available_formats()
    stores = {n: million.sqlite_store(n, args.seed, False, console)[0] for n in args.claims}
    results: dict = {"claims": args.claims, "load": os.getloadavg()[0], "runs": {}}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n, db in stores.items():
            runs = results["runs"][n] = {"bare": run_child("bare", db, "-", folder),
                                         "whole json": run_child("whole", db, "json", folder)}
            for fmt in formats:
                console.print(f"{n} claims: export --format {fmt}")
                runs[fmt] = run_child("export", db, fmt, folder)
                for p in folder.iterdir():  # keep the disk small between runs
                    subprocess.run(["rm", "-rf", str(p)])
    small, large = args.claims
    table = Table(title=f"export at {small:,} and {large:,} claims (load {results['load']:.1f})")
    for col in ("format", f"s at {small:,}", f"s at {large:,}", "claims/s", f"MB at {small:,}", f"MB at {large:,}",
                "growth", "vs bare", "output MB"):
        table.add_column(col, justify="right")
    bare = results["runs"][large]["bare"].get("peak_mb")
    for fmt in ["whole json", *formats]:
        a, b = results["runs"][small][fmt], results["runs"][large][fmt]
        if "error" in a or "error" in b:
            table.add_row(fmt, *(["error"] * 8))
            continue
        growth = b["peak_mb"] / a["peak_mb"]
        results["runs"].setdefault("ratios", {})[fmt] = {"growth": round(growth, 2),
                                                          "vs_bare": round(b["peak_mb"] / bare, 2) if bare else None}
        mark = "" if fmt == "whole json" else (" ✓" if growth <= GOAL_GROWTH else " ✗")
        table.add_row(fmt, f"{a['wall_s']:.1f}", f"{b['wall_s']:.1f}", f"{large / b['wall_s']:,.0f}",
                      f"{a['peak_mb']:.0f}", f"{b['peak_mb']:.0f}", f"{growth:.2f}{mark}",
                      f"{b['peak_mb'] / bare:.2f}" if bare else "—", f"{b['out_mb']:.0f}")
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        Console().print(table)
        console.print(f"bare process (imports + open store) at {large:,}: {bare} MB; goal: growth ≤ {GOAL_GROWTH}")


if __name__ == "__main__":
    main()
