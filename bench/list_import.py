"""Speed of `kb import` (issue 12): a synthetic list of N targets (FtM lines in OpenSanctions' form,
half with a Sanction entity; names made of random syllables, no real list data) imported into a
small store, then imported again (nothing changes; the matching still runs over every target).

usage: python bench/list_import.py [N]   (default 20000)
"""
from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

SYLLABLES = ["ka", "ri", "mo", "sa", "lu", "de", "fa", "no", "ha", "zi", "ta", "bel", "rah", "man", "qa", "sim"]
DOC = ("Golden Crescent Trading Company shipped drones to Kataib Hezbollah in 2022, according to a United Nations "
       "report. Qasim al-Rahmany owns Golden Crescent Trading Company, the report said.")


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def write_list(path: Path, n: int) -> None:
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            person = i % 3 != 0
            name = f"{word(rng)} {word(rng)}" + ("" if person else " Trading LLC")
            fh.write(json.dumps({"id": f"tst-{i}", "schema": "Person" if person else "Company",
                                 "properties": {"name": [name], "alias": [f"{word(rng)} {word(rng)}"],
                                                "topics": ["sanction"], "country": ["iq"]},
                                 "datasets": ["bench"], "target": True}) + "\n")
            if i % 2 == 0:
                fh.write(json.dumps({"id": f"san-{i}", "schema": "Sanction", "datasets": ["bench"],
                                     "properties": {"entity": [f"tst-{i}"], "program": ["TEST"]}}) + "\n")


def main() -> None:
    from corpus_store import store_from

    from claimgraph.extract.pipeline import Extractor
    from claimgraph.kb.list_import import import_list

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "list.ftm.json"
        write_list(path, n)
        store = store_from(Extractor(), Path(tmp) / "store.db",
                           [{"text": DOC, "title": "a", "source": "wire", "published": "2023-01-01"}])
        for run in ("first import", "again"):
            t = time.perf_counter()
            counts = import_list(store, path)
            print(f"{run}: {n} targets in {time.perf_counter() - t:.1f} s "
                  f"(added {counts['added']}, unchanged {counts['unchanged']}, listed {counts['listed']})")
        store.close()


if __name__ == "__main__":
    main()
