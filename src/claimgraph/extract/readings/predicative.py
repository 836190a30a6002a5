"""Predicative triggers: "X is loyal to Y", "militias affiliated with Y", "X is allied with Y", "X is
armed and funded by Y" (a participle the tagger read as an adjective shares its neighbour's agent).

An adjective, or a participle used as one (a passive with no "by" agent), says the tie of its
holder (the subject of its copula, the noun it follows, its own passive subject) to the object of
one of its prepositions. The codebook lists them under `adjectives`.
"""
from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.codebook import Codebook, Trigger
from claimgraph.extract.readings.arguments import VERBAL, Arguments, is_passive
from claimgraph.model import Entity

_COMPLEMENT = {"acomp", "oprd", "xcomp", "attr", "ccomp", "advcl"}


def is_predicative(tok: Token, trig: Trigger, cb: Codebook) -> bool:
    """Is the word said of an actor here, and not read already as a verb trigger?"""
    if tok.pos_ == "ADJ":
        return not (tok.dep_ == "amod" and tok.i < tok.head.i)  # "loyal fighters": no object to read
    if tok.pos_ not in VERBAL or tok.tag_ != "VBN" or any(c.dep_ == "agent" for c in tok.children):
        return False
    if is_passive(tok):
        return True  # "X is allied with Y": the verb reading finds no subject there
    same = any(t.predicate == trig.predicate for t in cb.verbs.get(tok.lemma_.lower(), ()))
    return not same and tok.dep_ in ("acl", "amod") and tok.i > tok.head.i


def holder(args: Arguments, tok: Token) -> list[Entity]:
    """Who the word is said of."""
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:  # "loyal to Iran and hostile to ..."
        cur = cur.head
    own = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
    if own:
        found = [e for c in own for e in args.actors(c)]
        if cur.dep_ in ("oprd", "ccomp", "xcomp") and cur.head.pos_ in VERBAL and all(e.type == "group" for e in found):
            # "X is considered the militia closest to Y": the small clause describes the subject
            return _described(args, cur.head) or found
        return found
    head = cur.head
    if cur.dep_ in _COMPLEMENT and head.pos_ in VERBAL:
        if cur.dep_ == "oprd":  # "considers X loyal to Y"
            return [e for c in head.children if c.dep_ == "dobj" for e in args.actors(c)]
        return args.subjects(head)
    if cur.dep_ in ("amod", "acl", "appos") and head.pos_ in ("NOUN", "PROPN") and cur.i > head.i:
        # "militias loyal to Iran": the noun's own actor, not its conjuncts ("A, an airline linked to
        # X, and B") nor an owner it stands for ("an Iranian airline linked to X" is not Iran)
        own = args.index.entities_of(head)
        verb = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "as" else head.head
        if (head.dep_ in ("attr", "oprd") or verb is not head.head) and verb.pos_ in VERBAL \
                and all(e.type == "group" for e in own):
            # "X is a militia loyal to Y", "X is seen as the faction loyal to Y": said of X
            return _described(args, verb) or own
        return own
    return []


def _described(args: Arguments, verb: Token) -> list[Entity]:
    """The actor a copula, "consider" or "see as" describes: its object ("considers X the ...", "X is
    considered the ..."), else its subject ("X is a ...")."""
    objs = [e for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for e in args.actors(c)]
    return objs or args.subjects(verb)


def arguments(args: Arguments, tok: Token, trig: Trigger) -> tuple[list[Entity], list[Entity]]:
    preps = list(tok.children)
    if tok.dep_ in ("acomp", "attr") and tok.head.pos_ in VERBAL:  # "is active in Syria": on the copula
        preps += [c for c in tok.head.children if c.i > tok.i]
    objs = [e for c in preps if c.dep_ == "prep" and c.lower_ in trig.obj
            for o in c.children if o.dep_ == "pobj" for e in args.actors(o)]
    if not objs and "by" in trig.obj:  # "armed and funded by X": the agent its coordinated participle holds
        objs = [e for v in tok.conjuncts if v.i > tok.i for a in v.children if a.dep_ == "agent"
                for o in a.children if o.dep_ == "pobj" for e in args.actors(o)][:8]
    return (holder(args, tok) if objs else []), objs
