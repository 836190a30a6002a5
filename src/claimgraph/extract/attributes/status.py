"""An event's status (ontology.md: occurred, attempted, planned, ongoing, hypothetical) from the
words around its trigger (`status` in events.yaml).

A condition ("if", "unless") makes both of its halves hypothetical: the event in the if-clause
and the one it conditions ("if X strikes, we will hit ..."). A deed threatened ("threatened to
attack", "vowed that it would strike") has not happened: hypothetical when the threat is
conditional, planned otherwise. `conditional` tells the two halves apart: the condition ("if X
strikes") and the consequence, the deed made to hang on it ("we will hit ...": a threat).
"""
from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.codebook import Codebook

_CLAUSES = ("xcomp", "ccomp", "advcl", "conj")


def status_of(trig: Token, cb: Codebook) -> str:
    words = cb.status_words
    near = list(trig.children) + [a for a in trig.ancestors][:4]
    near += [c for a in list(trig.ancestors)[:3] for c in a.children if c.dep_ in ("amod", "advmod", "aux")]
    lower = {t.lower_ for t in near} | {t.lemma_.lower() for t in near}
    if lower & words.get("attempted", frozenset()):
        return "attempted"
    conditions = words.get("hypothetical", frozenset())
    threat = _threat_over(trig, cb)
    if _marked(trig, conditions) or (not _threatens(trig, cb) and _conditioned(trig, conditions)) or (
            threat is not None and _conditioned(threat, conditions)):
        return "hypothetical"  # but a conditional threat was made: "threatened X with sanctions if ..."
    if threat is not None or lower & words.get("planned", frozenset()):
        return "planned"
    if lower & words.get("ongoing", frozenset()):
        return "ongoing"
    return "occurred"


def conditional(trig: Token, cb: Codebook) -> str | None:
    """For a hypothetical event: "condition" when its trigger is in the if-clause, "consequence"
    when it is the deed that hangs on one (it heads the if-clause, or a threat does: "threatened
    to attack X if ..."); None otherwise."""
    conditions = cb.status_words.get("hypothetical", frozenset())
    if _marked(trig, conditions) or (trig.head.i != trig.i and trig.dep_ not in ("ROOT", "ccomp", "xcomp")
                                     and _marked(trig.head, conditions)):
        return "condition"
    threat = _threat_over(trig, cb)
    if any(c.dep_ == "advcl" and _marked(c, conditions) for c in trig.children) or (
            threat is not None and _conditioned(threat, conditions)):
        return "consequence"
    return None


def _marked(clause: Token, conditions: frozenset[str]) -> bool:
    return any(t.dep_ == "mark" and t.lower_ in conditions for t in clause.children)


def _conditioned(tok: Token, conditions: frozenset[str]) -> bool:
    """In an if-clause, or the head of one ("we will hit X if they strike")."""
    if _marked(tok, conditions) or (tok.head.i != tok.i and tok.dep_ != "ROOT" and _marked(tok.head, conditions)
                                    and tok.dep_ not in ("ccomp", "xcomp")):
        return True
    return any(c.dep_ == "advcl" and _marked(c, conditions) for c in tok.children)


def _threatens(tok: Token, cb: Codebook) -> bool:
    return any(t.predicate == "THREATEN" for t in cb.verbs.get(tok.lemma_.lower(), ()))


def _threat_over(trig: Token, cb: Codebook) -> Token | None:
    """The threatening verb whose complement holds the trigger ("threatened to attack")."""
    child, cur = trig, trig.head
    for _ in range(3):
        if cur.i == child.i or child.dep_ not in _CLAUSES:
            return None
        if _threatens(cur, cb) and child.dep_ != "conj":
            return cur
        child, cur = cur, cur.head
    return None
