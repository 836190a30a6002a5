"""Deeds their doer stops: "the militia said it was suspending its attacks on U.S. forces", "Hamas
would halt its rocket attacks on Israel" are a RETREAT by the doer, towards the deed's target.

Only the doer's own deeds ("its attacks", possessed by the verb's subject): "U.S. forces stopped the
attack" may be a foiled attack by someone else.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.model import Entity

VERBAL = {"VERB", "AUX"}
HALTING = {"suspend", "halt", "cease", "stop", "end", "pause", "freeze", "discontinue"}
SUSPENDED = {"ASSAULT", "COERCE", "THREATEN"}  # hostile deeds a doer can put on hold


def _deed_triggers(cb, noun: Token):
    return [t for t in cb.nouns.get(noun.lemma_.lower(), ()) or cb.nouns.get(noun.lower_, ())
            if t.kind == "event" and t.predicate in SUSPENDED]


def halts(args, sent: Span) -> list[tuple[Entity, Entity | None, Token]]:
    """(doer, target or None, halting verb) for each of the doer's own deeds it stops."""
    out = []
    for verb in sent:
        if verb.pos_ not in VERBAL or verb.lemma_.lower() not in HALTING:
            continue
        doers = args.explicit_subjects(verb)
        if not doers:
            continue
        for deed in (c for c in verb.children if c.dep_ == "dobj"):
            trigs = _deed_triggers(args.cb, deed)
            owners = {e.id for c in deed.children if c.dep_ == "poss" for e in args.actors(c)}
            if not trigs or not owners:
                continue
            targets = [e for p in deed.children if p.dep_ == "prep" and any(p.lower_ in t.obj for t in trigs)
                       for o in p.children if o.dep_ == "pobj" for e in args.actors(o)]
            for d in doers:
                if d.id in owners:
                    out += [(d, t, verb) for t in targets if t.id != d.id] or [(d, None, verb)]
    return out
