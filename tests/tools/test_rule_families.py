"""tools/rule_families.py: claims matched to gold as the shared scorer matches them, counted per family."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
TOOL = ROOT / "tools" / "rule_families.py"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("rule_families", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _graph():
    gold = {"entities": [{"id": "iran", "name": "Iran", "type": "country"},
                         {"id": "hez", "name": "Hezbollah", "type": "organization"},
                         {"id": "hamas", "name": "Hamas", "type": "organization"},
                         {"id": "isr", "name": "Israel", "type": "country"}],
            "claims": [{"id": "r1", "subject": "iran", "predicate": "funds", "object": "hez", "modality": "asserted"},
                       {"id": "r2", "subject": "iran", "predicate": "arms", "object": "hamas", "modality": "asserted"},
                       {"id": "e1", "subject": "hez", "predicate": "ASSAULT", "object": "isr", "modality": "asserted"},
                       {"id": "e2", "subject": "isr", "predicate": "ASSAULT", "object": "hez", "modality": "asserted",
                        "optional": True}]}
    ents = [{"id": f"p-{e['id']}", "name": e["name"], "type": e["type"]} for e in gold["entities"]]
    claim = lambda s, p, o, rule, m="asserted": {"subject": f"p-{s}", "predicate": p, "object": f"p-{o}",  # noqa: E731
                                                 "modality": m, "rule": rule, "evidence": [{"text": "x"}]}
    pred = {"entities": ents, "claims": [
        claim("iran", "funds", "hez", "verb:fund"),
        claim("iran", "funds", "hez", "surface:fund", "reported"),  # fits r1, which the verb claim took
        claim("iran", "arms", "hamas", "surface:arm", "alleged"),  # fits r2 in the last pass only
        claim("iran", "arms", "isr", "surface:arm"),  # fits nothing
        claim("hez", "ASSAULT", "isr", "noun:attack"),
        claim("isr", "ASSAULT", "hez", "verb:strike"),  # an optional gold claim
    ]}
    return pred, gold


@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not beside the project")
def test_families_count_what_the_scorer_counts(tool):
    pred, gold = _graph()
    figures, claims = tool.tally([("doc", pred, gold, None)])
    rows = {(r["family"], r["kind"]): r for r in figures["families"]}
    assert (rows["verb", "relation"]["tp"], rows["verb", "relation"]["fp"]) == (1, 0)
    surface = rows["surface", "relation"]
    assert (surface["claims"], surface["tp"], surface["fp"], surface["dup"]) == (3, 1, 1, 1)
    assert surface["gold"] == 2 and surface["only"] == 1  # r1 and r2 fitted; r2 by surface alone
    assert surface["recall"] == 1.0 and surface["precision"] == 0.5
    assert (rows["verb", "event"]["dup"], rows["verb", "event"]["fp"]) == (1, 0)
    assert figures["kinds"]["relation"]["tp"] == 2 and figures["kinds"]["relation"]["fp"] == 1
    assert figures["kinds"]["event"]["missed"] == 0
    assert {c["verdict"] for c in claims} == {"tp", "dup", "fp", "optional"}


@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not beside the project")
def test_a_disagreement_with_the_scorer_stops_the_tool(tool, monkeypatch):
    pred, gold = _graph()
    monkeypatch.setattr(tool, "_PASSES", tool._PASSES[:2])  # no pass for other modalities: r2 goes unmatched
    with pytest.raises(SystemExit):
        tool.tally([("doc", pred, gold, None)])
