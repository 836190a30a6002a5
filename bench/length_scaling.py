"""Extraction time against a text's length: one document of the sample corpus's sentences,
doubled in length four times (25,000 → 400,000 characters by default), timed at each length;
the ratio of each time to the one before says how the cost grows (2.0 per doubling is linear).
The ratio is of CPU time (this process's), which other work on the machine disturbs far less
than the wall clock (also printed).

Each length runs in a fresh process (the pipeline loaded first, not timed), so its peak memory
is its own. `--repeat` makes the text by repeating its first block (one document saying the same
things again and again: the case of evidence piling up on one claim) instead of drawing new
sentences. `--profile` runs cProfile on the longest text and prints the top functions.
`--chunk-chars N` parses texts longer than N characters in pieces of at most N (the default is the
pipeline's `CHUNK_CHARS`; 0 parses every text in one piece, as before pieces): the peak memory
column shows what a long text costs either way.

usage: python bench/length_scaling.py [--start 25000] [--doublings 4] [--repeat] [--profile]
                                      [--chunk-chars N]
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import sample_sentences  # noqa: E402  (the sentences every bench shares)


def text_of(chars: int, repeat: bool, start: int, seed: int = 7) -> str:
    """About `chars` characters of sample sentences, in paragraphs of five; the longer texts begin
    with the shorter ones (drawn from one seeded stream), or repeat the `start`-long block."""
    if repeat and chars > start:
        block = text_of(start, False, start, seed)
        return "\n\n".join([block] * (chars // start))
    rnd = random.Random(seed)
    sentences = sample_sentences()
    paragraphs, para, size = [], [], 0
    while size < chars:
        s = rnd.choice(sentences)
        para.append(s)
        size += len(s) + 1
        if len(para) == 5:
            paragraphs.append(" ".join(para))
            para = []
    if para:
        paragraphs.append(" ".join(para))
    return "\n\n".join(paragraphs)


def one(chars: int, repeat: bool, start: int, profile: bool, chunk_chars: int | None = None) -> dict:
    from claimgraph.extract.pipeline import CHUNK_CHARS, Extractor
    from claimgraph.model import Document

    chunk_chars = CHUNK_CHARS if chunk_chars is None else chunk_chars or 10**9
    ex = Extractor(chunk_chars=chunk_chars)
    list(ex([Document(text="Iran funds Hezbollah.")]))  # warm: the pipeline and the KB loaded
    text = text_of(chars, repeat, start)
    t, cpu = time.perf_counter(), time.process_time()
    if profile:
        import cProfile
        import pstats
        prof = cProfile.Profile()
        [doc] = prof.runcall(lambda: list(ex([Document(text=text)])))
        stats = pstats.Stats(prof, stream=sys.stderr)
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(40)
    else:
        [doc] = list(ex([Document(text=text)]))
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    return {"chars": len(text), "seconds": round(seconds, 2), "cpu": round(cpu, 2), "entities": len(doc.entities),
            "claims": len(doc.claims), "evidence": sum(len(c.evidence) for c in doc.claims),
            "error": doc.extra.get("error"), "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--start", type=int, default=25_000, help="characters of the shortest text")
    ap.add_argument("--doublings", type=int, default=4)
    ap.add_argument("--repeat", action="store_true", help="repeat the first block instead of drawing new sentences")
    ap.add_argument("--profile", action="store_true", help="cProfile the longest text (to stderr)")
    ap.add_argument("--chunk-chars", type=int, help="longest piece parsed at once (0: the whole text)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child: one length, a JSON line out
    a = ap.parse_args()
    if a.one:
        print(json.dumps(one(a.one, a.repeat, a.start, a.profile, a.chunk_chars)))
        return
    lengths = [a.start * 2 ** k for k in range(a.doublings + 1)]
    print(f"{'chars':>9} {'CPU s':>7} {'ratio':>6} {'wall s':>7} {'chars/CPU s':>11} {'peak MB':>8} {'claims':>7} "
          f"{'evidence':>8}")
    previous = None
    for i, n in enumerate(lengths):
        cmd = [sys.executable, __file__, "--one", str(n), "--start", str(a.start)]
        cmd += ["--repeat"] * a.repeat + ["--profile"] * (a.profile and i == len(lengths) - 1)
        cmd += ["--chunk-chars", str(a.chunk_chars)] if a.chunk_chars is not None else []
        r = json.loads(subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout.splitlines()[-1])
        ratio = f"{r['cpu'] / previous:.2f}" if previous else "—"
        print(f"{r['chars']:>9,} {r['cpu']:>7.2f} {ratio:>6} {r['seconds']:>7.2f} {r['chars'] / max(r['cpu'], 1e-9):>11,.0f} "
              f"{r['peak_mb']:>8,} {r['claims']:>7,} {r['evidence']:>8,}" + (f"  error: {r['error']}" if r["error"] else ""),
              flush=True)
        previous = r["cpu"]


if __name__ == "__main__":
    main()
