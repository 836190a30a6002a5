#!/usr/bin/env python3
"""Precision and recall per kind and per rule family on evaluation sets.

usage (from the project's root): .venv/bin/python tools/rule_families.py [SET_DIR ...] [--format table|json|markdown]
                                  [--show FAMILY] [--model NAME] [--surface-scope S] [--fallback-alone]

Each SET_DIR holds docs/NAME.json and gold/NAME.gold.json (default: ../shared/eval/dev and
tests/data/eval). Every text is read as a plain-text file, as `claimgraph extract` reads it, and
the claims are matched to the gold claims the way ../shared/eval/score.py matches them (its
entity mapping and its passes: exact fits first, then same modality, then any fit). A claim's
family is the prefix of its `rule` ("verb:fund" → verb). Per family and kind:

  claims   claims of the family           tp / fp   matched to a gold claim / fitting none
  dup      fits a gold claim another claim took, or an optional one (neither right nor wrong)
  P        tp / (tp + fp)                 gold     required gold claims a claim of the family fits
  R        gold / required gold claims    only     gold claims fitted by this family and no other

The tp, fp and missed totals per kind are checked against score.py's own counts. Two switches
measure the surface fallback (extract/fallback/surface.py): --surface-scope picks which triggers
it reads (sentence, trigger, pair), and --fallback-alone switches the parse-based readers off, so
the fallback reads every sentence and its own precision shows where it would fire.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

SHARED = Path("../shared/eval")  # beside the project's root, where this is run from
sys.path.insert(0, str(SHARED if (SHARED / "score.py").exists()
                       else Path(__file__).resolve().parent.parent.parent / "shared" / "eval"))
import score  # noqa: E402  (the shared scorer)

KINDS = ("relation", "event")
DEFAULT_SETS = (SHARED / "dev", Path("tests/data/eval"))


def family(rule: str | None) -> str:
    return (rule or "?").split(":", 1)[0]


def _fits(mapping: dict, c: dict, g: dict) -> bool:
    """score.py's test of a predicted claim against a gold claim."""
    s = mapping.get(c.get("subject"))
    o = mapping.get(c.get("object")) if c.get("object") is not None else None
    if c.get("predicate") not in {g["predicate"], *g.get("alt_predicates", [])}:
        return False
    if c.get("predicate") in score.SYMMETRIC and (o, s) == (g["subject"], g.get("object")):
        return True
    return s == g["subject"] and (g.get("object") is None or o == g["object"])


_PASSES = (lambda c, g: c.get("predicate") == g["predicate"] and g.get("object") is not None
           and c.get("modality") == g.get("modality"),
           lambda c, g: c.get("modality") == g.get("modality"),
           lambda c, g: True)


def verdicts(pred: dict, gold: dict) -> dict[str, list[dict]]:
    """Per kind: each predicted claim with its verdict (tp, fp, dup, optional) and the gold ids it fits."""
    mapping = score.map_entities(pred, gold)
    out: dict[str, list[dict]] = {}
    for kind in KINDS:
        golds = [g for g in gold["claims"] if g["predicate"].isupper() == (kind == "event")]
        preds = [c for c in pred.get("claims", []) if str(c.get("predicate", "")).isupper() == (kind == "event")]
        assigned: dict[int, dict] = {}
        used: set[str] = set()
        for strict in _PASSES:
            for i, c in enumerate(preds):
                if i in assigned:
                    continue
                for g in golds:
                    if not g.get("optional") and g["id"] not in used and _fits(mapping, c, g) and strict(c, g):
                        assigned[i] = g
                        used.add(g["id"])
                        break
        rows = []
        for i, c in enumerate(preds):
            fitting = [g["id"] for g in golds if not g.get("optional") and _fits(mapping, c, g)]
            if i in assigned:
                verdict = "tp"
            elif any(g.get("optional") and _fits(mapping, c, g) for g in golds):
                verdict = "optional"
            elif fitting:
                verdict = "dup"
            else:
                verdict = "fp"
            rows.append({"claim": c, "verdict": verdict, "gold": assigned[i]["id"] if i in assigned else None,
                         "fits": fitting})
        out[kind] = rows
        out[kind + "_required"] = [g["id"] for g in golds if not g.get("optional")]
    return out


def _check(name: str, v: dict, official: dict) -> None:
    for kind in KINDS:
        tp = sum(r["verdict"] == "tp" for r in v[kind])
        fp = sum(r["verdict"] == "fp" for r in v[kind])
        missed = len(v[kind + "_required"]) - tp
        if [tp, fp, missed] != official["counts"][kind]:
            raise SystemExit(f"{name}: {kind} counts {[tp, fp, missed]} differ from score.py's "
                             f"{official['counts'][kind]}: the scorer's matching changed, update this tool")


def extract_set(set_dir: Path, extractor, failed: list[str]) -> list[tuple[str, dict, dict, str]]:
    """(name, predicted graph, gold, text) for each document of a set, read as `extract` reads a .txt
    file; the documents that fail are named in `failed` (and, as evalset.py does, left out)."""
    from claimgraph.export.exchange import build_from_documents
    from claimgraph.ingest import read_paths
    out = []
    for gold_path in sorted((set_dir / "gold").glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        text = json.loads((set_dir / "docs" / f"{name}.json").read_text(encoding="utf-8"))["text"]
        with tempfile.TemporaryDirectory() as td:
            path = Path(td) / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            docs = [d for d in read_paths([path]) if not isinstance(d, Exception)]
        done = list(extractor(docs))
        errors = [d.extra["error"] for d in done if "error" in d.extra]
        if errors or not done:
            failed.append(f"{name}: {errors[0] if errors else 'not read'}")
            print(f"FAILED {failed[-1]}", file=sys.stderr)
            continue
        out.append((name, build_from_documents(done), json.loads(gold_path.read_text(encoding="utf-8")), text))
    return out


def tally(results: list[tuple[str, dict, dict, str]]) -> tuple[dict, list[dict]]:
    """Per-kind totals, per-(family, kind) rows, and every claim with its verdict."""
    kinds = {k: {"tp": 0, "fp": 0, "missed": 0, "required": 0} for k in KINDS}
    fam: dict[tuple[str, str], dict] = defaultdict(lambda: {"claims": 0, "tp": 0, "fp": 0, "dup": 0,
                                                            "gold": set()})
    claims = []
    for name, pred, gold, text in results:
        v = verdicts(pred, gold)
        _check(name, v, score.score(pred, gold, text))
        for kind in KINDS:
            rows = v[kind]
            tp = sum(r["verdict"] == "tp" for r in rows)
            kinds[kind]["tp"] += tp
            kinds[kind]["fp"] += sum(r["verdict"] == "fp" for r in rows)
            kinds[kind]["required"] += len(v[kind + "_required"])
            kinds[kind]["missed"] += len(v[kind + "_required"]) - tp
            fitted_by: dict[str, set[str]] = defaultdict(set)
            for r in rows:
                f = family(r["claim"].get("rule"))
                row = fam[(f, kind)]
                row["claims"] += 1
                row[r["verdict"] if r["verdict"] in ("tp", "fp") else "dup"] += 1
                for gid in r["fits"]:
                    row["gold"].add((name, gid))
                    fitted_by[gid].add(f)
                claims.append({"document": name, "kind": kind, "family": f, "verdict": r["verdict"],
                               "gold": r["gold"], "claim": r["claim"]})
            for gid, fams in fitted_by.items():
                if len(fams) == 1:
                    fam[(next(iter(fams)), kind)].setdefault("only", set()).add((name, gid))
    table = []
    for (f, kind), row in sorted(fam.items()):
        req = kinds[kind]["required"]
        p = round(row["tp"] / (row["tp"] + row["fp"]), 3) if row["tp"] + row["fp"] else None
        table.append({"family": f, "kind": kind, "claims": row["claims"], "tp": row["tp"], "fp": row["fp"],
                      "dup": row["dup"], "precision": p, "gold": len(row["gold"]),
                      "recall": round(len(row["gold"]) / req, 3) if req else 0.0,
                      "only": len(row.get("only", ()))})
    for kind, k in kinds.items():
        p, r, f1 = score.prf(k["tp"], k["fp"], k["missed"])
        k.update(precision=round(p, 3), recall=round(r, 3), f1=round(f1, 3))
    return {"kinds": kinds, "families": table}, claims


def _print_table(set_name: str, ndocs: int, failed: list[str], figures: dict) -> None:
    print(f"{set_name} ({ndocs} documents" + (f", {len(failed)} failed: left out)" if failed else ")"))
    print(f"  {'kind':<9} {'P':>5} {'R':>5} {'F1':>5} {'tp':>4} {'fp':>4} {'missed':>6}")
    for kind, k in figures["kinds"].items():
        print(f"  {kind:<9} {k['precision']:>5.2f} {k['recall']:>5.2f} {k['f1']:>5.2f} {k['tp']:>4} {k['fp']:>4} "
              f"{k['missed']:>6}")
    print(f"  {'family':<12} {'kind':<9} {'claims':>6} {'tp':>4} {'fp':>4} {'dup':>4} {'P':>5} {'gold':>5} "
          f"{'R':>5} {'only':>4}")
    for r in figures["families"]:
        p = "-" if r["precision"] is None else f"{r['precision']:.2f}"
        print(f"  {r['family']:<12} {r['kind']:<9} {r['claims']:>6} {r['tp']:>4} {r['fp']:>4} {r['dup']:>4} "
              f"{p:>5} {r['gold']:>5} {r['recall']:>5.2f} {r['only']:>4}")
    print()


def _print_markdown(set_name: str, ndocs: int, figures: dict) -> None:
    print(f"{set_name}, {ndocs} documents\n")
    print("| kind | P | R | F1 | tp | fp | missed |\n|---|---|---|---|---|---|---|")
    for kind, k in figures["kinds"].items():
        print(f"| {kind} | {k['precision']:.2f} | {k['recall']:.2f} | {k['f1']:.2f} | {k['tp']} | {k['fp']} | {k['missed']} |")
    print("\n| family | kind | claims | tp | fp | dup | P | gold | R | only |\n|---|---|---|---|---|---|---|---|---|---|")
    for r in figures["families"]:
        p = "–" if r["precision"] is None else f"{r['precision']:.2f}"
        print(f"| `{r['family']}:` | {r['kind']} | {r['claims']} | {r['tp']} | {r['fp']} | {r['dup']} | {p} | "
              f"{r['gold']} | {r['recall']:.2f} | {r['only']} |")
    print()


def _print_claims(claims: list[dict], wanted: str, names: dict) -> None:
    for c in claims:
        if c["family"] != wanted:
            continue
        cl = c["claim"]
        ev = (cl.get("evidence") or [{}])[0].get("text", "").replace("\n", " ")
        obj = names.get(cl.get("object"), cl.get("object"))
        print(f"  [{c['verdict']}] {c['document']}: {names.get(cl['subject'], cl['subject'])} {cl['predicate']} "
              f"{obj} ({cl.get('modality')}, {cl.get('rule')})\n      {ev[:300]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", type=Path, help="evaluation set folders")
    ap.add_argument("--format", choices=("table", "json", "markdown"), default="table")
    ap.add_argument("--show", metavar="FAMILY", help="also list that family's claims with their verdicts")
    ap.add_argument("--model", help="spaCy pipeline (default: the best installed, as extract)")
    ap.add_argument("--surface-scope", choices=("sentence", "trigger", "pair"),
                    help="which triggers the surface fallback reads (default: its SCOPE)")
    ap.add_argument("--fallback-alone", action="store_true",
                    help="diagnostic: no parse-based readers, the surface fallback reads every sentence")
    a = ap.parse_args(argv)
    from claimgraph.extract.fallback import surface
    from claimgraph.extract.pipeline import Extractor
    if a.surface_scope:
        surface.SCOPE = a.surface_scope
    if a.fallback_alone:
        from claimgraph.extract.readings.reader import Reader
        from claimgraph.extract.roles.reader import RoleReader
        Reader.sentence = RoleReader.sentence = lambda self, sent: []
    extractor = Extractor(model=a.model)
    report = {"model": extractor.model_name, "surface_scope": surface.SCOPE, "fallback_alone": a.fallback_alone,
              "sets": []}
    for set_dir in a.sets or DEFAULT_SETS:
        failed: list[str] = []
        results = extract_set(set_dir, extractor, failed)
        figures, claims = tally(results)
        entry = {"set": str(set_dir), "documents": len(results), "failed": failed, **figures}
        report["sets"].append(entry)
        if a.format == "table":
            _print_table(str(set_dir), len(results), failed, figures)
        elif a.format == "markdown":
            _print_markdown(str(set_dir), len(results), figures)
        if a.show:
            names = {e["id"]: e["name"] for _, pred, _, _ in results for e in pred["entities"]}
            _print_claims(claims, a.show, names)
            print()
    if a.format == "json":
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
