"""Throughput of `extract` (spaCy + claimgraph's stages) against spaCy's own `nlp.pipe`.

Both run in this process, on one generated corpus, with the same spaCy pipeline; the figure
that matters is the ratio (claimgraph's words per second / bare spaCy's), not the absolute
speed of this machine.

usage: python bench/extract_speed.py [--docs 200] [--words 400] [--repeat 3]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy

from claimgraph.extract.pipeline import Extractor
from claimgraph.model import Document
from claimgraph.nlp.pipeline import choose_model

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import corpus  # noqa: E402  (the generated corpus every bench shares)


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--words", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=16)
    a = ap.parse_args()

    texts = corpus(a.docs, a.words)
    n_words = sum(len(t.split()) for t in texts)
    model = choose_model()
    bare = spacy.load(model)
    extractor = Extractor(model=model, batch_size=a.batch_size)

    def run_bare():
        for _ in bare.pipe(texts, batch_size=a.batch_size):
            pass

    def run_extract():
        for _ in extractor(Document(text=t) for t in texts):
            pass

    run_bare(), run_extract()  # warm up both
    bare_t, ext_t = [], []
    for _ in range(a.repeat):  # interleaved, so drift in machine load hits both alike
        bare_t.append(timed(run_bare))
        ext_t.append(timed(run_extract))
    b, e = min(bare_t), min(ext_t)
    print(f"model            {model}")
    print(f"corpus           {a.docs} documents, {n_words} words")
    print(f"spaCy nlp.pipe   {b:.2f} s  {n_words / b:,.0f} words/s")
    print(f"claimgraph       {e:.2f} s  {n_words / e:,.0f} words/s  (entities and claims)")
    print(f"ratio            {b / e:.2f}  (claimgraph speed / spaCy speed; 1.00 = no overhead)")


if __name__ == "__main__":
    main()
