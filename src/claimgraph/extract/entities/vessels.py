"""Names of ships: a target, not an actor. Spans named as a ship ("the tanker Marlin Luanda",
"the MV Sea Star") make no entity, whatever the NER or the knowledge base took them for
(word lists in `extract/data/vessels.yaml`)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc

from claimgraph.nlp.tokens import tokens

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when built with it

DATA = Path(__file__).parent.parent / "data" / "vessels.yaml"


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    data = yaml.load(DATA.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    words = frozenset(tuple(w.lower().split()) for w in data.get("words", []))
    return words, frozenset(str(p) for p in data.get("prefixes", []))


def ship_name(doc: Doc, start: int, end: int) -> bool:
    """Is doc[start:end] (part of) a ship's name? The run of capitalized words it stands in must
    follow a ship word or begin with a ship prefix."""
    words, prefixes = _lists()
    toks = tokens(doc)
    i = start
    while i > 0 and toks[i - 1].text[:1].isupper() and toks[i - 1].text not in prefixes and not toks[i - 1].is_sent_start:
        i -= 1  # "the tanker Marlin Luanda": back to the start of the name
    if toks[i].text in prefixes or (i > 0 and toks[i - 1].text in prefixes):
        return True
    for n in (2, 1):
        if i - n >= 0 and all(t.is_lower for t in toks[i - n:i]) and tuple(t.lower_ for t in toks[i - n:i]) in words:
            return end - start < 6  # a name, not a whole clause
    return False
