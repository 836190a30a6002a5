"""A state named by its leader: "the Assad regime", "the Trump administration" are the state.

A person's name (known to the knowledge base, or only to the NER) standing before one of the
lexicon's regime words becomes a mention of the state that person rules: the knowledge-base
person's own country when they are a leader, else the one state whose leaders of the knowledge
base have that surname. A surname shared by leaders of two states names neither.
"""
from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.extract.entities.lexicon import Lexicon
from claimgraph.extract.entities.mentions import Cand
from claimgraph.kb.fold import fold, fold_name
from claimgraph.kb.loader import Actor, KnowledgeBase


_TABLES: dict[tuple[int, frozenset[str]], tuple[KnowledgeBase, dict[str, frozenset[str]]]] = {}


def _leaders(kb: KnowledgeBase, subtypes: frozenset[str]) -> dict[str, frozenset[str]]:
    """Folded surname → the alpha-3 codes of the states whose leaders bear it (one table per KB)."""
    hit = _TABLES.get((id(kb), subtypes))
    if hit is not None and hit[0] is kb:
        return hit[1]
    out: dict[str, set[str]] = {}
    for a in kb.actors.values():
        if a.type == "person" and a.subtype in subtypes and a.country:
            for name in a.names():
                words = fold_name(name).split()
                if words:  # the surname, or a name used alone ("Saddam")
                    out.setdefault(words[-1], set()).add(a.country)
    table = {k: frozenset(v) for k, v in out.items()}
    if len(_TABLES) > 8:
        _TABLES.clear()
    _TABLES[id(kb), subtypes] = (kb, table)
    return table


def _state_of(c: Cand, name_end: int, doc: Doc, kb: KnowledgeBase, lex: Lexicon) -> Actor | None:
    if c.actor is not None:
        if c.actor.type != "person" or c.actor.subtype not in lex.leader_subtypes or not c.actor.country:
            return None
        return kb.state(c.actor.country)
    if c.type not in ("person", "organization") or name_end <= c.start:
        return None
    codes = _leaders(kb, lex.leader_subtypes).get(fold_name(doc[name_end - 1].text), frozenset())
    return kb.state(next(iter(codes))) if len(codes) == 1 else None


def link_regimes(doc: Doc, cands: list[Cand], kb: KnowledgeBase, lex: Lexicon) -> None:
    """Turn "<leader> regime" mentions into mentions of the leader's state, in place."""
    for c in cands:
        if c.end - c.start < 1:
            continue
        if fold(doc[c.end - 1].text) in lex.regime_words and c.end - c.start > 1:
            name_end, end = c.end - 1, c.end  # the NER took "Assad regime" as one name
        elif c.end < len(doc) and fold(doc[c.end].text) in lex.regime_words and doc[c.end].pos_ == "NOUN":
            name_end, end = c.end, c.end + 1
        else:
            continue
        if c.start > 0 and doc[c.start - 1].lower_ not in ("the", "a"):
            continue  # "the Assad regime", not "Assad's regime fell" nor "Trump government contracts"
        state = _state_of(c, name_end, doc, kb, lex)
        if state is None:
            continue
        c.end, c.type, c.actor, c.rule = end, state.type, state, "kb:leader-regime"
        c.key, c.subtype, c.country, c.name = "kb:" + state.id, state.subtype, state.country, state.name
