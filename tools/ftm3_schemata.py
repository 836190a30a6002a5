#!/usr/bin/env python3
"""Write src/claimgraph/export/data/ftm3.yaml: what FollowTheMoney 3.5 (OCCRP Aleph 4.1) knows.

usage (from the project's root):
    .venv/bin/pip download followthemoney==3.5.9 --no-deps -d /tmp/ftm35
    cd /tmp/ftm35 && unzip -q followthemoney-3.5.9-py2.py3-none-any.whl -d x && cd -
    .venv/bin/python tools/ftm3_schemata.py /tmp/ftm35/x/followthemoney > src/claimgraph/export/data/ftm3.yaml

It reads the package's schema/*.yaml and *.yml files (3.5.9 loads every file of that folder, so
Documentation.yml counts) and types/topic.py, without importing that old version: per schema its
property names, inherited ones included (the reverse properties FtM generates are left out: they
cannot be set), and its required ones with its ancestors' (3.5.9 itself checks only a schema's own
list, so the union is the stricter reading); and the topic vocabulary.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import yaml


def schemata(folder: Path) -> dict[str, dict]:
    raw = {}
    for path in sorted((folder / "schema").iterdir()):
        if path.suffix in (".yaml", ".yml"):
            raw.update(yaml.safe_load(path.read_text(encoding="utf-8")))
    out: dict[str, dict] = {}

    def resolve(name: str) -> dict:
        if name not in out:
            spec = raw[name]
            parents = spec.get("extends") or []
            parents = [parents] if isinstance(parents, str) else parents
            props, required = set(spec.get("properties") or {}), set(spec.get("required") or [])
            for parent in parents:
                props |= set(resolve(parent)["properties"])
                required |= set(resolve(parent)["required"])
            out[name] = {"abstract": bool(spec.get("abstract")), "properties": sorted(props),
                         "required": sorted(required)}
        return out[name]

    for name in raw:
        resolve(name)
    return dict(sorted(out.items()))


def topics(folder: Path) -> list[str]:
    """The keys of `TopicType._TOPICS` in types/topic.py."""
    tree = ast.parse((folder / "types" / "topic.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "_TOPICS" for t in node.targets):
            return sorted(k.value for k in node.value.keys)
    raise SystemExit("no _TOPICS in types/topic.py")


def version(folder: Path) -> str:
    for meta in sorted(folder.parent.glob("followthemoney-*.dist-info/METADATA")):
        for line in meta.read_text(encoding="utf-8").splitlines():
            if line.startswith("Version:"):
                return line.split(":", 1)[1].strip()
    return "unknown"


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        raise SystemExit(__doc__)
    folder = Path(argv[0])
    data = {"version": version(folder), "topics": topics(folder), "schemata": schemata(folder)}
    sys.stdout.write(f"# FollowTheMoney {data['version']} (OCCRP Aleph 4.1): written by tools/ftm3_schemata.py, "
                     "do not edit by hand.\n")
    sys.stdout.write(yaml.safe_dump(data, sort_keys=False, default_flow_style=None, width=110))


if __name__ == "__main__":
    main(sys.argv[1:])
