"""Quality floors on our own evaluation set (tests/data/eval), scored by the shared scorer.

A regression guard: the documents and gold graphs are ours, written in the genres users feed
claimgraph; the floors sit a little under the figures the README reports.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from claimgraph.export.exchange import build_from_documents
from claimgraph.model import Document

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
EVAL = ROOT / "tests" / "data" / "eval"
FLOORS = {"entity_f1": 0.93, "relation_f1": 0.55, "event_f1": 0.45, "modality_acc": 0.9,
          "evidence_valid": 1.0, "mentions_valid": 1.0}


def _scorer():
    spec = importlib.util.spec_from_file_location("claimgraph_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not beside the project")
def test_own_evaluation_set_stays_above_its_floors(extractor):
    score = _scorer()
    totals = {k: [0, 0, 0] for k in ("entity", "relation", "event")}
    totals.update(modality=[0, 0], evidence=[0, 0], mentions=[0, 0])
    for gold_path in sorted((EVAL / "gold").glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        meta = json.loads((EVAL / "docs" / f"{name}.json").read_text(encoding="utf-8"))
        [doc] = list(extractor([Document(text=meta["text"])]))
        result = score.score(build_from_documents([doc]), json.loads(gold_path.read_text(encoding="utf-8")), meta["text"])
        for k, v in result["counts"].items():
            totals[k] = [a + b for a, b in zip(totals[k], v)]
    figures = {f"{k}_f1": score.prf(*totals[k])[2] for k in ("entity", "relation", "event")}
    figures["modality_acc"] = totals["modality"][0] / max(1, totals["modality"][1])
    figures["evidence_valid"] = totals["evidence"][0] / max(1, totals["evidence"][1])
    figures["mentions_valid"] = totals["mentions"][0] / max(1, totals["mentions"][1])
    short = {k: round(v, 3) for k, v in figures.items() if v < FLOORS[k]}
    assert not short, f"below the floors {FLOORS}: {short} (all: {figures})"
