"""A generated corpus for the benches: documents made of the bundled sample corpus's sentences.

The samples (news, government releases, court summaries, reports of this domain) give the
density of names and claims of real texts; sentences are drawn at random with a fixed seed, so
a corpus of any size is the same on every run.

usage: python bench/corpus.py OUT_DIR [--docs 2000] [--words 400] [--seed 7]
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "corpus"


def sample_sentences() -> list[str]:
    from claimgraph.ingest import read_paths
    from claimgraph.model import Document

    sentences = []
    for item in read_paths([SAMPLES]):
        if isinstance(item, Document):
            sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", item.text) if len(s.split()) > 4]
    return sorted(sentences)


def corpus(n_docs: int, n_words: int, seed: int = 7) -> list[str]:
    """`n_docs` texts of about `n_words` words each, drawn from the sample sentences."""
    rnd = random.Random(seed)
    sentences = sample_sentences()
    docs = []
    for _ in range(n_docs):
        picked: list[str] = []
        words = 0
        while words < n_words:
            s = rnd.choice(sentences)
            picked.append(s)
            words += len(s.split())
        docs.append(" ".join(picked))
    return docs


def write_corpus(folder: Path, n_docs: int, n_words: int, seed: int = 7) -> int:
    """Write the corpus as numbered .txt files (100 to a subfolder); returns the number of words."""
    words = 0
    for i, text in enumerate(corpus(n_docs, n_words, seed)):
        path = folder / f"{i // 100:04d}" / f"doc-{i:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
        words += len(text.split())
    return words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--words", type=int, default=400)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    words = write_corpus(a.out, a.docs, a.words, a.seed)
    print(f"wrote {a.docs} documents, {words} words, to {a.out}")


if __name__ == "__main__":
    main()
