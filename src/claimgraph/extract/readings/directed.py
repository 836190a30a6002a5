"""Deeds done at another actor's word or for its sake: "X attacked the base at the direction of Y"
(Y controls X), "on Y's orders" / "at Y's behest" (X takes orders from Y: subordinate_to), "X
acted for or on behalf of Y", "moved funds on Y's behalf" (X backs Y; with money moved, X funds Y).

The phrase hangs on the deed's verb; the doer is the verb's actor, the other the phrase's owner
("Y's direction") or its "of" object ("the direction of Y"). A state's own chain of command is no
tie between two actors ("at the direction of President X, U.S. forces struck": his own forces, and
allied troops beside them), and a speaker who talks on someone's behalf only speaks for him.
"""
from __future__ import annotations

from spacy.tokens import Token

from claimgraph.model import Entity

VERBAL = {"VERB", "AUX"}
# the word of the phrase → (predicate, whether the phrase's owner is the subject)
WORDS = {"direction": ("controls", True), "directions": ("controls", True), "guidance": ("controls", True),
         "order": ("subordinate_to", False), "orders": ("subordinate_to", False),
         "instruction": ("subordinate_to", False), "instructions": ("subordinate_to", False),
         "behest": ("subordinate_to", False), "command": ("subordinate_to", False),
         "behalf": ("supports", False)}
PREPOSITIONS = {"at", "on", "upon", "under"}


def read(args, noun: Token) -> list[tuple[str, Entity, Entity]]:
    """(predicate, subject, object) for a direction noun hung on a deed's verb, or nothing."""
    entry = WORDS.get(noun.lower_)
    prep = noun.head
    if entry is None or noun.dep_ != "pobj" or prep.lower_ not in PREPOSITIONS and not (
            prep.lower_ == "with" and entry[0] == "controls"):  # "acting with the direction and support of Y"
        return []
    if noun.lower_ == "behalf" and prep.lower_ != "on":
        return []
    while prep.dep_ == "conj" and prep.head.pos_ == "ADP":  # "for or on behalf of": the first preposition's
        prep = prep.head
    verb = prep.head
    if verb.dep_ == "dobj" and verb.pos_ == "NOUN":  # "carried out the attack at Y's direction"
        verb = verb.head
    if verb.pos_ not in VERBAL or verb.lemma_.lower() in args.cb.cue("reported", "verbs") \
            or _read_by_codebook(args, verb, noun):
        return []
    owners = [e for c in noun.children if c.dep_ == "poss" for e in args.actors(c)]
    owners += [e for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj" for e in args.actors(o)]
    doers = args.subjects(verb)
    predicate, owner_first = entry
    if predicate == "supports" and _moves_money(args, verb):
        predicate = "funds"
    out = []
    for d in doers:
        for o in owners:
            if d.id == o.id or d.country and d.country == o.country and d.type != o.type:
                continue  # one state's own chain of command
            if o.type == "person" and (d.type == "country" or d.subtype == "armed_forces"):
                continue  # a commander directing states' troops, his own and his allies'

            out.append((predicate, o, d) if owner_first else (predicate, d, o))
    return out


def _read_by_codebook(args, verb: Token, noun: Token) -> bool:
    """"acted under the direction of Y", "acted on behalf of Y": the verb's own trigger reads the
    phrase (relations.yaml), so it makes no second tie here."""
    word = noun.lower_
    prep = noun.head.lower_
    return any(word in t.obj_head and prep in t.obj or word == "behalf" and "on behalf of" in t.obj_phrase
               for t in args.cb.verbs.get(verb.lemma_.lower(), ()) if t.kind == "relation")


def _moves_money(args, verb: Token) -> bool:
    """"moved funds on X's behalf": a verb of the codebook's that gives money, with money as its object."""
    money = args.cb.themes.get("money", frozenset())
    gives = any(t.predicate == "funds" and t.theme == "money" for t in args.cb.verbs.get(verb.lemma_.lower(), ()))
    return gives and any(c.dep_ == "dobj" and (c.lower_ in money or c.lemma_.lower() in money) for c in verb.children)
