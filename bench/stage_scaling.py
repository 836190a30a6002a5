"""The stages that once cost the square of a text's length, timed at one length and at four
times it: the name guard, the KB ruler and the linking of short names (`extract_entities`).
Linear is a ratio of about 4, the square 16. CPU time of this process, best of three.

usage: python bench/stage_scaling.py [--short 50000]
"""
from __future__ import annotations

import argparse
import time

PARAGRAPH = ("Qasem Soleimani, the head of the Quds Force, met Kata'ib Hezbollah commanders in Baghdad. "
             "Soleimani and Abu Mahdi al-Muhandis spoke; al-Lami said Laleh M. had left. "
             "The United States imposed sanctions on Asa'ib Ahl al-Haq on Monday, the Treasury said. "
             "Turkey and Iran denied that they had armed the Houthis in Yemen.\n\n")
GOAL = 8  # a ratio under this is linear with room for noise


def _text(chars: int) -> str:
    return PARAGRAPH * (chars // len(PARAGRAPH))


def _cpu(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return max(best, 1e-3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--short", type=int, default=50_000)
    args = parser.parse_args()
    from claimgraph.extract.entities.actors import extract_entities
    from claimgraph.extract.pipeline import Extractor
    from claimgraph.model import Document

    ex = Extractor()
    nlp = ex.nlp
    lengths = (args.short, 4 * args.short)
    guard, ruler = nlp.get_pipe("claimgraph_name_guard"), nlp.get_pipe("claimgraph_kb_ruler")
    with nlp.select_pipes(disable=["claimgraph_kb_ruler"]):
        bare = {n: nlp(_text(n)) for n in lengths}
    parsed = {n: nlp(_text(n)) for n in lengths}

    def link(n):
        d = Document(text=_text(n))
        d.spacy_doc = parsed[n]
        extract_entities(d, ex.kb, ex.lexicon)

    stages = {
        "name guard": lambda n: _cpu(lambda: guard(nlp.make_doc(_text(n)))),
        "KB ruler": lambda n: _cpu(lambda: ruler(bare[n].copy())),
        "short-name linking": lambda n: _cpu(lambda: link(n)),
    }
    print(f"{'stage':<20} {lengths[0]:>9,} ch {lengths[1]:>9,} ch   ratio (linear 4, square 16)")
    for name, measure in stages.items():
        a, b = measure(lengths[0]), measure(lengths[1])
        print(f"{name:<20} {a:>10.3f} s {b:>10.3f} s   {b / a:5.1f} {'✓' if b / a < GOAL else '✗'}")


if __name__ == "__main__":
    main()
