"""Multi-word verb triggers hold only with all their words: "take action against", "plead guilty",
"impose sanctions on", "supply weapons to". Without its head noun, adjective or theme the verb
says nothing of the predicate ("took the city", "pleaded not guilty", "imposed a curfew"), so it
makes no reading, not even one with an unnamed target; and a bare verb trigger does not read the
phrasal verb another trigger names ("stand with" is not "stand up")."""
from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.codebook import Codebook, Trigger


RELATIVE = {"that", "which", "whom", "what"}


def complete(tok: Token, trig: Trigger, cb: Codebook, of_theme) -> bool:
    """`of_theme(token, theme)` says whether a phrase is of the trigger's theme class."""
    kids = list(tok.children)
    if not trig.particle:  # "stood up a militia" is not "stood with": a phrasal verb the codebook knows
        phrasal = {t.particle for t in cb.verbs.get(trig.lemma, ()) if t.particle}
        if any(c.dep_ == "prt" and c.lower_ in phrasal for c in kids):
            return False
    direct = [c for c in kids if c.dep_ in ("dobj", "dative")]
    if trig.obj_head:
        heads = direct + [o for p in kids if p.dep_ == "prep" and p.lower_ in trig.obj
                          for o in p.children if o.dep_ == "pobj"]
        if not any(h.lemma_.lower() in trig.obj_head or h.lower_ in trig.obj_head for h in heads):
            return False
    if trig.obj_head_adj:  # "pleaded guilty", but not "pleaded not guilty"
        if not any(c.lower_ in trig.obj_head_adj and not any(n.dep_ == "neg" for n in c.children) for c in kids):
            return False
    if trig.theme:
        themed = [c for c in direct if c.lower_ not in RELATIVE] or [c for c in kids if c.dep_ == "nsubjpass"]
        if not themed and tok.dep_ == "relcl":  # "the money (that) it receives from Iran": the noun the clause is on
            themed = [tok.head]
        if not any(of_theme(t, trig.theme) for t in themed):
            return False
    return True
