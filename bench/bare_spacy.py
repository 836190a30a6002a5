"""The baseline of bench/throughput.py: read the .txt files under a folder and run spaCy's own
`nlp.pipe` over them, in one process, with nothing of claimgraph's — what a user would wait for
with bare spaCy.

usage: python bench/bare_spacy.py FOLDER --model NAME [--batch-size 16]
"""
from __future__ import annotations

import argparse
from pathlib import Path

import spacy


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--model", required=True)
    ap.add_argument("--batch-size", type=int, default=16)
    a = ap.parse_args()
    nlp = spacy.load(a.model)
    nlp.max_length = 2_000_000
    texts = (p.read_text(encoding="utf-8") for p in sorted(a.folder.rglob("*.txt")))
    for _ in nlp.pipe(texts, batch_size=a.batch_size):
        pass


if __name__ == "__main__":
    main()
