"""FollowTheMoney 3.5 (OCCRP Aleph 4.1): the schemata, properties and topics it knows
(export/data/ftm3.yaml, written by tools/ftm3_schemata.py), and an entity cut down to them."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from followthemoney.proxy import EntityProxy


@lru_cache(maxsize=1)
def ftm3() -> dict:
    """{"version", "topics": [...], "schemata": {name: {"abstract", "properties", "required"}}}."""
    text = resources.files("claimgraph.export").joinpath("data/ftm3.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def restrict(proxy: EntityProxy) -> dict:
    """`proxy.to_dict()` with only what FtM 3.5 has: its properties of the schema, its topics.
    A schema that 3.5 lacks is a bug of the caller (one would fail a whole Aleph load)."""
    profile = ftm3()
    spec = profile["schemata"].get(proxy.schema.name)
    if spec is None or spec["abstract"]:
        raise ValueError(f"FollowTheMoney {profile['version']} has no schema {proxy.schema.name}")
    known, topics = set(spec["properties"]), set(profile["topics"])
    data = proxy.to_dict()
    props = {}
    for name, values in data["properties"].items():
        if name not in known:
            continue
        if name == "topics":
            values = [v for v in values if v in topics]
        if values:
            props[name] = values
    missing = [name for name in spec["required"] if name not in props]
    if missing:
        raise ValueError(f"{proxy.schema.name} {proxy.id}: FtM 3.5 requires {', '.join(missing)}")
    data["properties"] = props
    return data
