"""Actors to offer while a name is being typed: `find_actor`'s answer (any name, alias or
spelling), then the actors one of whose names has words beginning with the words typed."""
from __future__ import annotations

from claimgraph.kb.fold import fold_name
from claimgraph.model import Entity
from claimgraph.query.actors import _name_index, _ranked, find_actor
from claimgraph.query.view import open_view, reads

MIN_PREFIX = 2  # letters typed before names are offered by their beginnings


@reads
def suggest(store, text: str, limit: int = 10, types: tuple[str, ...] | None = None) -> list[Entity]:
    """Up to `limit` actors for a partly typed name, most likely first: those `find_actor` gives
    for the whole text ("Quds"), or offers as its candidates (names spelt alike: "Qasem
    Soleimany"), then, most mentioned first, those one of whose
    folded names or aliases has, for each word typed, a word that begins with it ("sol" → "Qassem
    Soleimani", "kat hiz" → "Kata'ib Hizballah")."""
    snap = open_view(store)
    found = find_actor(snap, text, types)
    first = [found] if isinstance(found, Entity) else list(found)
    first += [e for e in getattr(found, "candidates", []) if e.id not in {f.id for f in first}]  # spelt alike
    words = fold_name(text).split()
    if words and len("".join(words)) >= MIN_PREFIX:
        hits: set[str] = set()
        for name, ids in _name_index(snap, types).items():
            parts = name.split()
            if all(any(p.startswith(w) for p in parts) for w in words):
                hits |= ids
        seen = {e.id for e in first}
        first += [e for e in _ranked(snap, hits - seen)]
    return first[:limit]
