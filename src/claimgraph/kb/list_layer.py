"""A list's targets as a knowledge-base file (docs/kb.md's format), for the entity ruler.

`claimgraph kb import FILE --layer DIR` writes `DIR/<list>.yaml`; extraction loads it with
`--kb DIR` or `CLAIMGRAPH_KB_PATH=DIR`, and then finds the listed names in new documents. So that
the file passes `claimgraph kb check`, names the bundled knowledge base already gives an actor are
left out (that actor keeps them; the store match links it to the list), and so are names of an
earlier target of the same list, common words and names of two letters or fewer; a target whose
name is one word is `ambiguous` (taken only where spaCy's NER also sees a name there).
"""
from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from claimgraph.kb.check import COMMON
from claimgraph.kb.fold import fold_name, is_acronym, slug
from claimgraph.kb.loader import default_kb
from claimgraph.store.schema import ListedEntityRow


def _usable(name: str) -> bool:
    key = fold_name(name)
    return bool(key) and key not in COMMON and (is_acronym(name) or len(key) > 2)


def layer_entries(rows) -> list[dict]:
    """KB actor entries for listed entities (`ListedEntityRow`s), in id order."""
    taken = {fold_name(n) for a in default_kb().actors.values() for n in a.names()}
    entries = []
    for r in sorted(rows, key=lambda r: r.entity_id):
        names = [n for n in dict.fromkeys(r.data.get("names", [])) if _usable(n) and fold_name(n) not in taken]
        if not names:
            continue
        taken.update(fold_name(n) for n in names)
        countries = r.data.get("countries") or []
        entry = {"id": f"{slug(r.list)}-{slug(r.entity_id)}", "name": names[0], "type": r.data["type"]}
        if len(countries) == 1:
            entry["country"] = countries[0]
        entry["aliases"] = names[1:]
        if len(fold_name(names[0]).split()) == 1:
            entry["ambiguous"] = True
        entry["reference"] = f"{r.list}:{r.entity_id}"
        entries.append(entry)
    return entries


def write_layer(store, list_name: str, folder: str | Path) -> Path:
    """Write the list's targets still on it to `folder/<list>.yaml`; returns the file's path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with Session(store.engine) as session:
        rows = list(session.scalars(select(ListedEntityRow).where(ListedEntityRow.list == list_name,
                                                                  ListedEntityRow.removed_at.is_(None))))
        entries = layer_entries(rows)
    path = folder / f"{slug(list_name) or 'list'}.yaml"
    head = f"# Written by `claimgraph kb import` from the list {list_name!r}; imported again, it is rewritten.\n"
    path.write_text(head + yaml.safe_dump({"actors": entries}, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path
