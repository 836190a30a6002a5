#!/usr/bin/env python3
"""Stand-in for `claimgraph extract NAME.txt --format json`: prints the prediction built from
gold/NAME.gold.json, so that ../shared/eval/evalset.py can check the set end to end (expect 1.00).
usage: python3 ../shared/eval/evalset.py eval/heldout4 --exe eval/heldout4/tools/standin_exe.py
"""
import json, sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import SET, stand_in  # noqa: E402

path = Path(sys.argv[2])
text = path.read_text(encoding="utf-8")
gold = json.loads((SET / "gold" / f"{path.stem}.gold.json").read_text(encoding="utf-8"))
print(json.dumps(stand_in(SimpleNamespace(TEXT=text), gold), ensure_ascii=False))
