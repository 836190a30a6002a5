"""The server under load, on the loopback interface: concurrent readers and one writer posting documents.

Starts a real `claimgraph serve` process (its own Python, so the clients here do not share its
GIL) over a store, warms it (the spaCy pipeline loads at the first upload), then runs `--readers`
threads that loop over the read routes (summary, lists, a document, an actor's dossier and
neighbours, claims, search) while one writer posts `--docs` new documents one after another.
When the writer is done the readers stop. Then every posted document is read back: none may be
missing or changed, and no answer may be a 5xx or a broken connection.

Prints per kind (reads, reads while a document was being written, writes) the number of
requests and p50 / p95 / max latency in milliseconds, and the totals; `--json` for a JSON line.
Exit status 1 when a document was lost or an answer was a 5xx / transport error.

usage: python bench/server_load.py [--readers 8] [--docs 30] [--db STORE] [--json]
(without --db, a new store in a temporary folder, seeded with a few posted documents)
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field

import httpx

ACTORS = ["Hezbollah", "Kata'ib Hizballah", "Ansar Allah", "the Quds Force", "Asaib Ahl al-Haq", "Hamas"]
TARGETS = ["Israel", "a US base near Erbil", "Saudi Arabia", "a Turkish outpost near Mosul", "US forces in Syria"]
PLACES = ["Baghdad", "Beirut", "Sanaa", "Damascus", "Basra"]


def text(i: int, run: str) -> tuple[str, str]:
    """A new document's title and text, different for each `i` and each run."""
    a, t, p = ACTORS[i % len(ACTORS)], TARGETS[(i // 2) % len(TARGETS)], PLACES[(i // 3) % len(PLACES)]
    year = 2015 + i % 10
    return (f"Load report {run}-{i}",
            f"{a} attacked {t} in {year}, officials in {p} said (report {run}-{i}). "
            f"Iran armed {a} with rockets and drones, according to the report. "
            f"A spokesman for {a} denied the attack on {t}.")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serve:
    """A `claimgraph serve` process on a free loopback port; `stop()` ends it and returns its stderr."""

    def __init__(self, db: str, *args: str, timeout: float = 90):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_")}
        self.proc = subprocess.Popen([sys.executable, "-m", "claimgraph.cli.main", "serve", "--db", db,
                                      "--port", str(self.port), *args],
                                     env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + timeout
        while True:
            try:
                httpx.get(f"{self.url}/api/summary", timeout=5)
                return
            except httpx.TransportError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"serve did not start: {self.stop()[-2000:]}") from None
                time.sleep(0.2)

    def stop(self) -> str:
        if self.proc.poll() is None:
            self.proc.terminate()
        try:
            _, err = self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return err or ""


@dataclass
class Tally:
    reads: list[float] = field(default_factory=list)  # seconds
    reads_while_writing: list[float] = field(default_factory=list)
    writes: list[float] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)  # 5xx and broken connections
    other_errors: list[str] = field(default_factory=list)  # unexpected 4xx
    lost: list[str] = field(default_factory=list)
    posted: list[str] = field(default_factory=list)  # ids of the documents the writer stored
    wall: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _ms(values: list[float]) -> dict:
    if not values:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "max_ms": None}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, max(0, int(round(0.95 * len(ordered))) - 1))]
    return {"n": len(values), "p50_ms": round(statistics.median(ordered) * 1000, 1),
            "p95_ms": round(p95 * 1000, 1), "max_ms": round(ordered[-1] * 1000, 1)}


def read_routes(client: httpx.Client) -> list[str]:
    docs = client.get("/api/documents", params={"limit": 5}).json()["items"]
    actors = client.get("/api/actors", params={"limit": 3}).json()["items"]
    routes = ["/api/summary", "/api/documents?limit=20", "/api/claims?limit=20", "/api/search?q=attacked",
              "/api/actors?q=Hezbollah", "/api/events?limit=20"]
    routes += [f"/api/documents/{d['id']}" for d in docs[:2]]
    routes += [f"/api/actors/{a['id']}" for a in actors[:1]] + [f"/api/actors/{a['id']}/neighbors" for a in actors[:1]]
    return routes


def run_load(url: str, readers: int = 8, docs: int = 30, run: str | None = None, token: str | None = None,
             timeout: float = 120) -> Tally:
    """Readers and one writer against the server at `url`, until the writer has posted `docs`
    documents; then every posted document read back. Returns the tally (see `report`)."""
    run = run or f"{os.getpid()}-{int(time.time())}"
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    tally = Tally()
    writing = threading.Event()
    done = threading.Event()
    with httpx.Client(base_url=url, headers=headers, timeout=timeout) as c:
        before = c.get("/api/documents", params={"limit": 1}).json()["total"]
        routes = read_routes(c)

    def request(client: httpx.Client, method: str, path: str, **kw) -> httpx.Response | None:
        try:
            r = client.request(method, path, **kw)
        except httpx.HTTPError as e:
            with tally.lock:
                tally.server_errors.append(f"{method} {path}: {type(e).__name__}: {e}")
            return None
        if r.status_code >= 500:
            with tally.lock:
                tally.server_errors.append(f"{method} {path}: {r.status_code} {r.text[:200]}")
            return None
        return r

    def reader(n: int) -> None:
        with httpx.Client(base_url=url, headers=headers, timeout=timeout) as client:
            i = n
            while not done.is_set():
                path = routes[i % len(routes)]
                i += 1
                during = writing.is_set()
                t = time.perf_counter()
                r = request(client, "GET", path)
                took = time.perf_counter() - t
                if r is None:
                    continue
                with tally.lock:
                    if r.status_code != 200:
                        tally.other_errors.append(f"GET {path}: {r.status_code} {r.text[:200]}")
                    (tally.reads_while_writing if during and writing.is_set() else tally.reads).append(took)

    def writer() -> None:
        with httpx.Client(base_url=url, headers=headers, timeout=timeout) as client:
            for i in range(docs):
                title, body = text(i, run)
                writing.set()
                t = time.perf_counter()
                r = request(client, "POST", "/api/documents", json={"title": title, "text": body, "source": "loadwire"})
                took = time.perf_counter() - t
                writing.clear()
                if r is None:
                    continue
                with tally.lock:
                    tally.writes.append(took)
                    if r.status_code == 201 and r.json().get("created"):
                        tally.posted.append(r.json()["id"])
                    else:
                        tally.other_errors.append(f"POST /api/documents #{i}: {r.status_code} {r.text[:200]}")
        done.set()

    start = time.perf_counter()
    threads = [threading.Thread(target=reader, args=(n,), daemon=True) for n in range(readers)]
    threads.append(threading.Thread(target=writer, daemon=True))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    tally.wall = time.perf_counter() - start

    with httpx.Client(base_url=url, headers=headers, timeout=timeout) as c:  # nothing lost, nothing changed
        after = c.get("/api/documents", params={"limit": 1}).json()["total"]
        if after != before + docs:
            tally.lost.append(f"{after - before} documents more in the store, not {docs}")
        for i, doc_id in enumerate(tally.posted):
            r = c.get(f"/api/documents/{doc_id}")
            if r.status_code != 200:
                tally.lost.append(f"{doc_id}: {r.status_code}")
        texts = {c.get(f"/api/documents/{d}").json()["text"] for d in tally.posted}
        missing = [i for i in range(docs) if text(i, run)[1] not in texts]
        tally.lost += [f"posted text #{i} is not in the store as sent" for i in missing]
    return tally


def report(tally: Tally) -> dict:
    return {"reads": _ms(tally.reads), "reads_while_writing": _ms(tally.reads_while_writing),
            "writes": _ms(tally.writes), "wall_s": round(tally.wall, 2),
            "requests_per_s": round((len(tally.reads) + len(tally.reads_while_writing) + len(tally.writes))
                                    / tally.wall, 1) if tally.wall else None,
            "posted": len(tally.posted), "lost": tally.lost, "server_errors": tally.server_errors[:20],
            "n_server_errors": len(tally.server_errors), "other_errors": tally.other_errors[:20]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--readers", type=int, default=8)
    ap.add_argument("--docs", type=int, default=30)
    ap.add_argument("--db", help="store to serve (default: a new one, seeded)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="claimgraph-load-") as folder:
        db = args.db or os.path.join(folder, "load.db")
        server = Serve(db)
        try:
            with httpx.Client(base_url=server.url, timeout=300) as c:  # seed and warm: spaCy loads now
                for i in range(3):
                    title, body = text(1000 + i, f"seed{os.getpid()}")
                    c.post("/api/documents", json={"title": title, "text": body})
            tally = run_load(server.url, readers=args.readers, docs=args.docs)
        finally:
            err = server.stop()
    figures = report(tally)
    figures["config"] = {"readers": args.readers, "docs": args.docs, "cpus": os.cpu_count()}
    if args.json:
        print(json.dumps(figures))
    else:
        for kind in ("reads", "reads_while_writing", "writes"):
            f = figures[kind]
            print(f"{kind:20} n={f['n']:5}  p50={f['p50_ms']} ms  p95={f['p95_ms']} ms  max={f['max_ms']} ms")
        print(f"wall {figures['wall_s']} s, {figures['requests_per_s']} requests/s, {args.readers} readers, "
              f"{figures['posted']}/{args.docs} documents posted; lost: {figures['lost'] or 'none'}; "
              f"5xx/broken: {figures['n_server_errors']}; other errors: {figures['other_errors'] or 'none'}")
        if "Traceback" in err:
            print(err[-2000:], file=sys.stderr)
    return 1 if figures["lost"] or figures["n_server_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
