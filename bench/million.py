"""The bench at a million claims: query latency and memory on SQLite and PostgreSQL.

Builds (or takes from bench/.cache/) a synthetic store of N claims by the bulk path of
`million_store.py` (the same rows as `Store.add_document`; `--check` shows it on a small store),
copies it into PostgreSQL (`--pg URL`, or a throwaway server started by tools/pg_test_server.sh),
then on each database times, on actors drawn uniformly and by degree (the biggest hubs first):

- cold: one new process per query (`python -c`: import the query, open the store, run it), wall
  time from start to exit, the start (imports and opening the store) and the query alone; the
  page cache stays warm;
- warm: every query again in one long-running process, with a bare indexed SQL read of the same
  actor's claims with their evidence (`BASELINE_SQL`) timed beside it;
- the peak resident memory (ru_maxrss) of the querying processes, the store's size on disk, and
  how long `claimgraph serve` takes from start to answering its first request (a hub's dossier).

usage: python bench/million.py [--claims 1000000] [--pg URL | --no-pg | --no-sqlite] [--json] [--check]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
import million_store  # noqa: E402

GOAL_WARM_MS, GOAL_COLD_MS, GOAL_RSS_MB, GOAL_SERVE_S = 100, 500, 300, 2.0
HUBS = 3  # the biggest hubs open the by-degree sample

# name: (import, call); `a` and `b` are entity ids
QUERIES = {
    "dossier": ("dossier", "dossier(store, a)"),
    "neighbors depth=2": ("neighbors", "neighbors(store, a, depth=2)"),
    "path": ("path", "path(store, a, b)"),
    "events actor= limit=200": ("events", "events(store, actor=a, limit=200)"),
    "claims actor= min_independent=2 limit=200": ("claims", "claims(store, actor=a, min_independent=2, limit=200)"),
}
BASELINE = "bare SQL: 200 of the actor's claims + evidence"

COLD = """\
import time; t0 = time.perf_counter()
import json, resource, sys
from claimgraph.store import Store
from claimgraph.query import {name}
a, b = sys.argv[2], sys.argv[3]
store = Store(sys.argv[1]); t1 = time.perf_counter()
{call}; t2 = time.perf_counter()
print(json.dumps({{"open_ms": (t1 - t0) * 1000, "query_ms": (t2 - t1) * 1000,
                  "rss_mb": int(open("/proc/self/status").read().split("VmHWM:")[1].split()[0]) / 1024}}))
"""


def baseline_statement(actor: str, limit: int = 200):
    """A bare indexed read: up to `limit` claims of `actor` (subject or object) from claim_figures,
    joined to their claims and evidence rows."""
    from sqlalchemy import or_, select

    from claimgraph.store.schema import ClaimFiguresRow as F
    from claimgraph.store.schema import ClaimRow as C
    from claimgraph.store.schema import EvidenceRow as E

    ids = select(F.claim_id).where(or_(F.subject == actor, F.object == actor)).limit(limit).scalar_subquery()
    return (select(F, C.attrs, C.confidence, E.doc_id, E.start, E.end, E.text, E.attrs)
            .join(C, C.id == F.claim_id).join(E, E.claim_id == C.id).where(F.claim_id.in_(ids)))


# --- the store and its databases ------------------------------------------------------------

def sqlite_store(n: int, seed: int, rebuild: bool, console) -> tuple[Path, dict]:
    """The cached SQLite store of `n` claims (built when missing) and its build figures."""
    million_store.CACHE.mkdir(parents=True, exist_ok=True)
    db = million_store.CACHE / f"million-{n}-{seed}.db"
    info = db.with_suffix(".json")
    if info.exists() and db.exists() and not rebuild:
        from claimgraph.store import Store

        t = time.perf_counter()  # a store cached by older code is migrated (and reindexed) here, not while timed
        Store(db).close()
        return db, json.loads(info.read_text()) | {"cached": True, "open_s": round(time.perf_counter() - t, 1)}
    for p in million_store.CACHE.glob(db.name + "*"):
        p.unlink()
    info.unlink(missing_ok=True)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    with Progress(TextColumn("build {task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), TimeRemainingColumn(), console=console) as bar:
        task = bar.add_task("documents", total=None)

        def progress(done, total, phase):
            bar.update(task, description=phase, completed=done, total=total)

        built = million_store.build_bulk(str(db), n, seed, progress)
    built |= {"claims_asked": n, "seed": seed}
    info.write_text(json.dumps(built, indent=2))
    return db, built


def pg_server(console):
    """A throwaway PostgreSQL server from tools/pg_test_server.sh: (url, folder), or None."""
    script = ROOT / "tools" / "pg_test_server.sh"
    if not script.exists():
        return None
    out = subprocess.run(["bash", str(script), "start"], capture_output=True, text=True)
    if out.returncode:
        console.print(f"[yellow]PostgreSQL skipped: tools/pg_test_server.sh could not start a server[/] {out.stderr.strip()}")
        return None
    env = dict(line.removeprefix("export ").split("=", 1) for line in out.stdout.splitlines() if "=" in line)
    return env["CLAIMGRAPH_TEST_PG"].strip("'"), env["CLAIMGRAPH_TEST_PG_DIR"].strip("'")


def pg_store(server_url: str, sqlite_db: Path, tag: dict, console) -> str:
    """The URL of a database on the server holding a copy of `sqlite_db` (copied unless a database
    of that name already holds the same build)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from claimgraph.store.db import database_url

    name = f"claimgraph_bench_{tag['claims_asked']}_{tag['seed']}"
    server = create_engine(database_url(server_url), isolation_level="AUTOCOMMIT")
    url = make_url(database_url(server_url)).set(database=name).render_as_string(hide_password=False)
    marker = json.dumps({k: tag[k] for k in ("claims_asked", "seed", "documents", "claims", "evidence")}, sort_keys=True)
    with server.connect() as conn:
        exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
    if exists:
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                held = conn.scalar(text("SELECT value FROM store_meta WHERE key = 'bench'"))
        except Exception:
            held = None
        engine.dispose()
        if held == marker:
            server.dispose()
            return url
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}"'))
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    server.dispose()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("copy to PostgreSQL: {task.description}"), BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=console) as bar:
        task = bar.add_task("", total=None)
        million_store.copy_to(str(sqlite_db), url, lambda t, done, total: bar.update(
            task, description=t, completed=done, total=total))
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO store_meta (key, value) VALUES ('bench', :v)"), {"v": marker})
    engine.dispose()
    return url


def disk_mb(url: str) -> float:
    if "://" not in url:
        return round(sum(p.stat().st_size for p in Path(url).parent.glob(Path(url).name + "*")) / 2**20, 1)
    from sqlalchemy import create_engine, text
    engine = create_engine(url)
    with engine.connect() as conn:
        size = conn.scalar(text("SELECT pg_database_size(current_database())"))
    engine.dispose()
    return round(size / 2**20, 1)


# --- samples --------------------------------------------------------------------------------

def draw(db: Path, n: int, seed: int) -> dict:
    """Actor pairs per sample: uniform over the actors with claims, and by their number of claims
    (the HUBS biggest first)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    degree = dict(conn.execute(
        "SELECT e, count(*) FROM (SELECT subject AS e FROM claim_figures UNION ALL "
        "SELECT object FROM claim_figures WHERE object IS NOT NULL AND object != subject) GROUP BY e").fetchall())
    conn.close()
    actors = sorted(degree)
    ranked = sorted(actors, key=lambda e: -degree[e])
    rng = random.Random(seed)
    weights = [degree[e] for e in actors]
    uniform = [(rng.choice(actors), rng.choice(actors)) for _ in range(n)]
    heavy = list(zip(ranked[:HUBS] + rng.choices(actors, weights, k=n - HUBS), rng.choices(actors, weights, k=n)))
    return {"samples": {"uniform": uniform, "by degree": heavy[:n]},
            "degree": {e: degree[e] for e in {a for p in uniform + heavy for a in p}},
            "actors": len(actors), "degree_max": degree[ranked[0]],
            "degree_p99": degree[ranked[len(ranked) // 100]], "degree_median": degree[ranked[len(ranked) // 2]],
            "hubs": [(e, degree[e]) for e in ranked[:HUBS]]}


# --- timing ---------------------------------------------------------------------------------

def stats(values: list[float]) -> dict:
    if not values:
        return {"n": 0, "p50": None, "p95": None, "max": None}
    v = sorted(values)
    q = lambda f: v[min(len(v) - 1, round(f * (len(v) - 1)))]  # noqa: E731
    return {"n": len(v), "p50": round(q(0.5), 2), "p95": round(q(0.95), 2), "max": round(v[-1], 2)}


def cold(url: str, samples: dict, per_sample: int, budget: float, tick) -> dict:
    """Each query in a new process per actor pair: {(query, sample): {wall, query, rss}}."""
    python = sys.executable
    out = {}
    for qname, (fn, call) in QUERIES.items():
        code = COLD.format(name=fn, call=call)
        for sample, pairs in samples.items():
            wall, inner, opening, rss, started = [], [], [], [], time.perf_counter()
            for a, b in pairs[:per_sample]:
                if time.perf_counter() - started > budget and len(wall) >= 3:
                    break
                t = time.perf_counter()
                done = subprocess.run([python, "-c", code, url, a, b], capture_output=True, text=True, cwd=ROOT)
                wall.append((time.perf_counter() - t) * 1000)
                if done.returncode:
                    raise SystemExit(f"cold {qname} failed:\n{done.stderr[-2000:]}")
                r = json.loads(done.stdout.strip().splitlines()[-1])
                inner.append(r["query_ms"])
                opening.append(r["open_ms"])
                rss.append(r["rss_mb"])
                tick()
            out[f"{qname}|{sample}"] = {"wall": stats(wall), "query": stats(inner), "open": stats(opening),
                                        "rss_mb": round(max(rss), 1)}
    return out


def warm_worker(url: str, plan: dict) -> dict:
    """Run in its own process: every query and the baseline on every pair, in one process that
    keeps its store (and connection pool) open. Progress lines go to stderr."""
    from claimgraph import query as Q
    from claimgraph.store import Store

    store = Store(url)
    funcs = {q: getattr(Q, fn) for q, (fn, _) in QUERIES.items()}
    calls = {q: compile(call, q, "eval") for q, (_, call) in QUERIES.items()}
    out = {}
    hub = plan["samples"]["by degree"][0]
    for q in QUERIES:  # one call each first (imports, pools, prepared statements), not timed
        eval(calls[q], {funcs[q].__name__: funcs[q], "store": store, "a": hub[0], "b": hub[1]})
    for sample, pairs in plan["samples"].items():
        times, rows, started = [], [], time.perf_counter()
        with store.engine.connect() as conn:
            for a, _ in pairs:
                t = time.perf_counter()
                rows.append(len(conn.execute(baseline_statement(a)).all()))
                times.append((time.perf_counter() - t) * 1000)
        out[f"{BASELINE}|{sample}"] = {"warm": stats(times), "rows_p95": stats(rows)["p95"]}
        for q in QUERIES:
            times, started = [], time.perf_counter()
            for a, b in pairs:
                if time.perf_counter() - started > plan["budget"] and len(times) >= 3:
                    break
                t = time.perf_counter()
                eval(calls[q], {funcs[q].__name__: funcs[q], "store": store, "a": a, "b": b})
                times.append((time.perf_counter() - t) * 1000)
                print("tick", file=sys.stderr, flush=True)
            out[f"{q}|{sample}"] = {"warm": stats(times)}
    store.close()
    return {"rows": out, "rss_mb": round(peak_rss_mb(), 1)}


def peak_rss_mb() -> float:
    """This process's resident high-water mark. Not ru_maxrss: Linux carries that across exec
    from the parent, so a child started by a big parent would report the parent's peak."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(status.split("VmHWM:")[1].split()[0]) / 1024
    except (OSError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warm(url: str, plan: dict, tick) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(plan, f)
    try:
        proc = subprocess.Popen([sys.executable, __file__, "--worker", f.name, "--db", url], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT)
        for line in proc.stderr:
            if line.startswith("tick"):
                tick()
            else:
                sys.stderr.write(line)
        result = proc.stdout.read()
        if proc.wait():
            raise SystemExit("the warm worker failed")
        return json.loads(result)
    finally:
        os.unlink(f.name)


def serve_first(url: str, actor: str, timeout: float = 120.0) -> dict:
    """Seconds from starting `claimgraph serve` to its port accepting connections, and to its first
    answer (a hub's dossier)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cg = shutil.which("claimgraph", path=str(Path(sys.executable).parent)) or "claimgraph"
    t = time.perf_counter()
    proc = subprocess.Popen([cg, "serve", "--db", url, "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, cwd=ROOT)
    out = {"listening_s": None, "first_answer_s": None, "status": "timeout"}
    try:
        while time.perf_counter() - t < timeout:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None:
                    return out | {"status": f"exited {proc.returncode}"}
                time.sleep(0.02)
        else:
            return out
        out["listening_s"] = round(time.perf_counter() - t, 2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/actors/{actor}", timeout=timeout) as r:
            r.read()
            return out | {"first_answer_s": round(time.perf_counter() - t, 2), "status": r.status}
    except OSError as e:  # urllib's errors are OSErrors
        return out | {"status": str(e)}
    finally:
        proc.terminate()
        proc.wait(10)


def bench_database(label: str, url: str, plan: dict, args, console) -> dict:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    n_cold = len(QUERIES) * sum(min(args.cold, len(p)) for p in plan["samples"].values())
    n_warm = len(QUERIES) * sum(len(p) for p in plan["samples"].values())
    with Progress(TextColumn(f"{label} {{task.description}}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console) as bar:
        task = bar.add_task("cold", total=n_cold)
        c = cold(url, plan["samples"], args.cold, args.budget, lambda: bar.advance(task))
        bar.update(task, description="warm", completed=0, total=n_warm)
        w = warm(url, plan, lambda: bar.advance(task))
    serve = serve_first(url, plan["hubs"][0][0])
    rows = []
    for key, value in w["rows"].items():
        q, sample = key.split("|")
        row = {"query": q, "sample": sample, "warm": value["warm"]}
        if q == BASELINE:
            row["rows_p95"] = value["rows_p95"]
        else:
            row["cold"] = c[key]
            base = w["rows"][f"{BASELINE}|{sample}"]["warm"]["p95"]
            row["ratio_warm_p95"] = round(value["warm"]["p95"] / base, 1) if base and value["warm"]["p95"] else None
        rows.append(row)
    cold_rss = max(v["rss_mb"] for v in c.values())
    return {"database": label, "disk_mb": disk_mb(url), "rows": rows, "warm_rss_mb": w["rss_mb"],
            "cold_rss_mb": cold_rss, "serve": serve}


# --- report ---------------------------------------------------------------------------------

def _ms(v) -> str:
    return "" if v is None else f"{v:,.1f}" if v < 1000 else f"{v:,.0f}"


def _mark(value, goal) -> str:
    return "" if value is None else f"[green]{_ms(value)}[/]" if value < goal else f"[red]{_ms(value)}[/]"


def report(r: dict, console) -> None:
    from rich.table import Table

    b = r["build"]
    console.print(f"store: {b['claims']:,} claims, {b['evidence']:,} pieces of evidence, {b['entities']:,} actors, "
                  f"{b['documents']:,} documents ({b['reprints']:,} reprints); "
                  + ("cached" if b.get("cached") else "built") + f" in {b['total_s']:,.0f} s "
                  f"(bulk write {b['write_s']:,.0f} s, reindex {b['reindex_s']:,.0f} s)"
                  + (f"; opened in {b['open_s']} s (migrated or reindexed if built by older code)" if "open_s" in b else ""))
    s = r["sample"]
    console.print(f"claims per actor: max {s['degree_max']:,}, 99th percentile {s['degree_p99']:,}, median "
                  f"{s['degree_median']:,} over {s['actors']:,} actors; hubs first in the by-degree sample: "
                  + ", ".join(f"{n:,}" for _, n in s["hubs"]))
    for d in r["databases"]:
        t = Table(title=f"{d['database']}: ms, {r['per_sample']} actors per sample warm, {r['cold_per_sample']} cold "
                        f"(goal p95 < {GOAL_WARM_MS} warm, < {GOAL_COLD_MS} cold)")
        for col in ("query", "sample", "cold p50", "cold p95", "cold query p95", "cold start p50", "warm p50",
                    "warm p95", "warm max", "warm p95 / bare SQL"):
            t.add_column(col, justify="left" if col in ("query", "sample") else "right")
        for row in d["rows"]:
            w = row["warm"]
            if row["query"] == BASELINE:
                continue
            c = row["cold"]
            t.add_row(row["query"], row["sample"], _ms(c["wall"]["p50"]), _mark(c["wall"]["p95"], GOAL_COLD_MS),
                      _ms(c["query"]["p95"]), _ms(c.get("open", {}).get("p50")), _ms(w["p50"]), _mark(w["p95"], GOAL_WARM_MS), _ms(w["max"]),
                      f"{row['ratio_warm_p95']}x" if row["ratio_warm_p95"] is not None else "")
        for row in d["rows"]:
            if row["query"] == BASELINE:
                w = row["warm"]
                t.add_row(f"[dim]{BASELINE}[/]", row["sample"], "", "", "", "", _ms(w["p50"]), _ms(w["p95"]),
                          _ms(w["max"]), f"[dim]{row['rows_p95']:,.0f} rows p95[/]")
        console.print(t)
        sv = d["serve"]
        console.print(f"{d['database']}: on disk {d['disk_mb']:,} MB; peak RSS warm process "
                      f"{_mark(d['warm_rss_mb'], GOAL_RSS_MB)} MB, cold processes {_mark(d['cold_rss_mb'], GOAL_RSS_MB)} MB "
                      f"(goal < {GOAL_RSS_MB}); serve: first answer after "
                      + (f"{_mark(sv['first_answer_s'], GOAL_SERVE_S)} s" if sv["first_answer_s"] is not None
                         else f"[red]none ({sv['status']})[/]") + f" (goal < {GOAL_SERVE_S:g} s; listening after "
                      f"{sv.get('listening_s')} s)")
    for note in r["notes"]:
        console.print(f"[yellow]{note}[/]")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--pg", metavar="URL", help="PostgreSQL server (a role that may create databases); "
                                                "default: a throwaway one from tools/pg_test_server.sh")
    ap.add_argument("--no-pg", action="store_true", help="SQLite only")
    ap.add_argument("--no-sqlite", action="store_true", help="time PostgreSQL only (the SQLite store is its source)")
    ap.add_argument("--samples", type=int, default=40, help="actor pairs per sample, timed warm")
    ap.add_argument("--cold", type=int, default=10, help="of which timed cold, each in a new process")
    ap.add_argument("--budget", type=float, default=45.0, help="seconds after which a slow query stops being timed")
    ap.add_argument("--rebuild", action="store_true", help="build the store again even if cached")
    ap.add_argument("--check", action="store_true",
                    help="build --claims both ways (bulk, Store.add_document) and compare every table")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(warm_worker(args.db, json.loads(Path(args.worker).read_text()))))
        return
    from rich.console import Console

    console = Console(stderr=args.json, width=max(160, Console().width))
    if args.check:
        with tempfile.TemporaryDirectory(prefix="claimgraph-million-") as folder:
            diff = million_store.check(args.claims, args.seed, Path(folder))
        console.print_json(data=diff) if diff else console.print(
            f"the bulk path and Store.add_document give the same rows in every table ({args.claims:,} claims)")
        raise SystemExit(1 if diff else 0)

    db, built = sqlite_store(args.claims, args.seed, args.rebuild, console)
    plan = draw(db, args.samples, args.seed) | {"budget": args.budget}
    result = {"claims_asked": args.claims, "seed": args.seed, "per_sample": args.samples, "cold_per_sample": args.cold,
              "commit": _commit(), "build": built, "notes": [],
              "sample": {k: plan[k] for k in ("actors", "degree_max", "degree_p99", "degree_median", "hubs")}}
    databases = [] if args.no_sqlite else [("SQLite", str(db))]
    server = None
    if not args.no_pg:
        pg = args.pg
        if pg is None:
            server = pg_server(console)
            pg = server[0] if server else None
        if pg is None:
            result["notes"].append("PostgreSQL skipped: no --pg URL and no server could be started")
        else:
            t = time.perf_counter()
            databases.append(("PostgreSQL", pg_store(pg, db, built, console)))
            result["pg_copy_s"] = round(time.perf_counter() - t, 1)
    try:
        result["databases"] = [bench_database(label, url, plan, args, console) for label, url in databases]
    finally:
        if server:
            subprocess.run(["bash", str(ROOT / "tools" / "pg_test_server.sh"), "stop", server[1]], check=False)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        report(result, console)


def _commit() -> str | None:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    return done.stdout.strip() or None


if __name__ == "__main__":
    main()
