"""Deeds that are only threatened: "vowed to strike X", "warned that it would attack X", "threatened
attacks on X". The deed did not happen; what the text tells is a THREATEN against its target."""
from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.codebook import Codebook, Trigger

VERBAL = {"VERB", "AUX"}
FUTURE = {"will", "would", "shall", "'ll", "wo"}  # "wo" is spaCy's token of "won't"
_CHAIN = {"continue", "keep", "step", "escalate", "resume", "start", "begin", "intensify"}  # "vowed to keep attacking"


HOSTILE_DEEDS = {"ASSAULT", "COERCE", "SANCTION"}


def hostile(triggers) -> bool:
    """Whether one of a word's triggers is a deed that can be threatened."""
    return any(t.kind == "event" and t.predicate in HOSTILE_DEEDS for t in triggers)


def _threat_verb(tok: Token, cb: Codebook) -> bool:
    return tok.pos_ in VERBAL and any(t.kind == "event" and t.predicate == "THREATEN"
                                      for t in cb.verbs.get(tok.lemma_.lower(), ()))


def _future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE for c in verb.children) or any(
        c.dep_ == "aux" and c.lower_ == "going" for c in verb.children)


def threat_over(deed: Token, cb: Codebook) -> Token | None:
    """The threat verb whose threatened deed `deed` (a verb or an event noun) is, if any."""
    cur = deed
    if deed.pos_ not in VERBAL:  # "threatened attacks on X"; "warned that its attacks would grow"
        if deed.dep_ == "dobj" and _threat_verb(deed.head, cb):
            return deed.head
        if deed.dep_ != "nsubj" or deed.head.pos_ not in VERBAL:
            return None
        cur = deed.head
    for _ in range(3):
        head = cur.head
        if cur.dep_ == "xcomp" and _threat_verb(head, cb):
            return head
        if cur.dep_ == "ccomp" and _future(cur) and _threat_verb(head, cb):
            return head
        if cur.dep_ == "xcomp" and head.lemma_.lower() in _CHAIN or cur.dep_ == "conj":
            cur = head  # "vowed to keep attacking", "vowed to strike and destroy"
            continue
        return None
    return None


def as_threat(trig: Trigger) -> Trigger:
    """The threat a hostile deed's trigger stands for when the deed is only threatened."""
    return Trigger("event", "THREATEN", trig.lemma, trig.pos, obj=trig.obj)


RESPONSES = {"respond", "retaliate", "avenge", "react", "punish", "answer"}  # "vowed that X would respond"


def vowed_response(verb: Token, cb: Codebook) -> Token | None:
    """The deed a threat verb vows with no target named: "vowed that the United States would respond",
    "threatened to retaliate". The complement verb, if it is a response or a hostile deed."""
    for c in verb.children:
        if c.pos_ not in VERBAL or not (c.dep_ == "xcomp" or c.dep_ == "ccomp" and _future(c)):
            continue
        if c.lemma_.lower() in RESPONSES or hostile(cb.verbs.get(c.lemma_.lower(), ())):
            return c
    return None


def price_threats(args, sent) -> list[tuple]:
    """(speaker, target, speech verb) for "X will pay a (heavy) price", "we will make sure X pays a
    price for this", voiced by a speaker: the speaker's THREATEN against X."""
    from claimgraph.extract.readings.requests import voiced_by
    out = []
    for verb in sent:
        if verb.pos_ not in VERBAL or verb.lemma_.lower() != "pay" or not any(
                c.dep_ == "dobj" and c.lemma_.lower() == "price" for c in verb.children):
            continue
        clause, head = verb, verb.head
        if verb.dep_ == "ccomp" and head.lemma_.lower() == "sure" and head.dep_ == "acomp":
            head = head.head  # "we will make sure that X pays a price"
        if not _future(verb) and verb.dep_ == "ccomp" and head.lemma_.lower() in ("ensure", "make", "guarantee"):
            clause = head  # "we will ensure Hezbollah pays a price"
        elif not _future(verb):
            continue
        said = voiced_by(clause, args.cb) or (clause.head if clause.dep_ in ("ccomp", "xcomp")
                                              and _threat_verb(clause.head, args.cb) else None)
        if said is None:
            continue
        targets = args.explicit_subjects(verb)
        for s in args.explicit_subjects(said):
            out += [(s, t, said) for t in targets if t.id != s.id and s.type != "location"]
    return out
