#!/usr/bin/env python3
"""Write eval/heldout4/docs/*.json and gold/*.gold.json from tools/d*.py, then check them.

Checks (no claimgraph involved): every hint fragment (' / '-separated) is an exact substring of
the text; every entity's name or an alias occurs in the text; ids resolve; no alias maps to two
entities; predicates, modalities and statuses are from the ontology; and a stand-in prediction
built from the gold (evidence at each claim's first hint fragment) scores 1.00 with score.py.
usage: python3 eval/heldout4/tools/build.py   (from the project root)
"""
import importlib, json, re, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SET = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(SET.parents[2] / "shared" / "eval"))
import score  # noqa: E402
from lib import order  # noqa: E402

RELS = {"part_of", "leads", "member_of", "subordinate_to", "controls", "funds", "arms", "trains",
        "supports", "created", "allied_with", "opposes", "operates_in"}
EVENTS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODS = {"asserted", "reported", "alleged", "speculative", "negated"}
STATUS = {"occurred", "attempted", "planned", "ongoing", "hypothetical"}


def check(m, gold):
    text, errs = m.TEXT, []
    ids = {e["id"] for e in gold["entities"]}
    owner = {}
    for e in gold["entities"]:
        names = [e["name"], *e["aliases"]]
        if not any(n in text for n in names):
            errs.append(f"entity {e['id']}: no name or alias in text")
        for n in names:
            k = score.norm(n)
            if owner.setdefault(k, e["id"]) != e["id"]:
                errs.append(f"alias {n!r} of {e['id']} also maps to {owner[k]}")
    seen = set()
    for c in gold["claims"]:
        if c["id"] in seen:
            errs.append(f"duplicate claim id {c['id']}")
        seen.add(c["id"])
        for f in c["hint"].split(" / "):
            if f not in text:
                errs.append(f"{c['id']}: hint fragment not in text: {f!r}")
        for k in ("subject", "object", "location"):
            if c.get(k) is not None and c[k] not in ids:
                errs.append(f"{c['id']}: unknown {k} {c[k]}")
        a = c.get("attributed_to")
        if a is not None and a not in ids and (" " not in a and a.islower()):
            errs.append(f"{c['id']}: attributed_to {a!r} looks like a missing id")
        p = c["predicate"]
        if p not in RELS | EVENTS or any(x not in RELS | EVENTS for x in c.get("alt_predicates", [])):
            errs.append(f"{c['id']}: bad predicate")
        if c["modality"] not in MODS:
            errs.append(f"{c['id']}: bad modality")
        if p in EVENTS and c.get("status") not in STATUS:
            errs.append(f"{c['id']}: bad status")
        if p in RELS and c["object"] is None:
            errs.append(f"{c['id']}: relation without object")
        if not c.get("optional"):
            for k in ("subject", "object"):
                v = c.get(k)
                if v and any(e["id"] == v and e.get("optional") for e in gold["entities"]):
                    errs.append(f"{c['id']}: required claim on optional entity {v}")
    return errs


def stand_in(m, gold):
    text = m.TEXT
    ents = []
    for e in gold["entities"]:
        ments = []
        for n in {e["name"], *e["aliases"]}:
            for mm in re.finditer(re.escape(n), text):
                ments.append({"doc": "d", "start": mm.start(), "end": mm.end(), "text": n})
        ents.append({"id": "p_" + e["id"], "name": e["name"], "type": e["type"], "aliases": e["aliases"], "mentions": ments})
    claims = []
    for c in gold["claims"]:
        f = c["hint"].split(" / ")[0]
        st = text.index(f)
        claims.append({"id": "p" + c["id"], "kind": "event" if c["predicate"].isupper() else "relation",
                       "subject": "p_" + c["subject"], "predicate": c["predicate"],
                       "object": None if c["object"] is None else "p_" + c["object"],
                       "modality": c["modality"], "attributed_to": c.get("attributed_to"),
                       "evidence": [{"doc": "d", "start": st, "end": st + len(f), "text": f}], "confidence": 1.0})
    return {"format": "claimgraph/1", "entities": ents, "claims": claims}


def words(t):
    return len(t.split())


def main():
    bad = 0
    for path in sorted(HERE.glob("d[0-9]*.py")):
        m = importlib.import_module(path.stem)
        doc = {"text": m.TEXT, **m.META}
        gold = {"document": m.NAME, "note": m.NOTE, "entities": m.ENTITIES, "claims": order(m.CLAIMS)}
        (SET / "docs" / f"{m.NAME}.json").write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        (SET / "gold" / f"{m.NAME}.gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        gold = json.loads((SET / "gold" / f"{m.NAME}.gold.json").read_text(encoding="utf-8"))
        errs = check(m, gold)
        r = score.score(stand_in(m, gold), gold, m.TEXT)
        figs = {k: r[k] for k in ("entity_f1", "relation_f1", "event_f1", "modality_acc", "evidence_valid", "mentions_valid")}
        if any(v < 1.0 for v in figs.values()):
            errs.append(f"stand-in does not score 1.00: {figs} {r['detail']}")
        req = lambda xs: sum(1 for x in xs if not x.get("optional"))  # noqa: E731
        rels = [c for c in gold["claims"] if not c["predicate"].isupper()]
        evs = [c for c in gold["claims"] if c["predicate"].isupper()]
        mods = {}
        for c in gold["claims"]:
            if not c.get("optional"):
                mods[c["modality"]] = mods.get(c["modality"], 0) + 1
        print(f"{m.NAME}: words={words(m.TEXT)} entities={req(gold['entities'])}+{len(gold['entities'])-req(gold['entities'])}opt "
              f"relations={req(rels)}+{len(rels)-req(rels)}opt events={req(evs)}+{len(evs)-req(evs)}opt mods={mods} "
              + ("OK" if not errs else "ERRORS"))
        for e in errs:
            print("   ", e)
        bad += bool(errs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
