"""REQUESTs no request verb names: a demand voiced in a statement ("'Release them now,' the minister
told Y"; "Iran must stop its attacks, X said"), a deed done at someone's word ("At the direction of
President X, U.S. forces struck ..."; "at the request of Y") and a reward offered for information
("Rewards for Justice is offering a reward of up to $10 million for information on X": an appeal to
whoever knows, so no object).

A voiced demand is read at the speech verb, so that the demand is a fact of the text (the speaker
made it) whatever the demanded deed is; the deed itself did not happen (`commanded`).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.model import Entity

VERBAL = {"VERB", "AUX"}
OBLIGING = {"must", "should"}  # "Iran must stop ...", not "should have stopped"
NEEDING = {"need", "have"}  # "Iran needs to stop ...", "Iran has to stop ..."
VOICING = {"warn", "urge", "demand", "insist", "vow", "reiterate"}  # speech verbs beyond the reporting cues
# "at the direction of X", "on X's orders", "at the request of X": the owner asked the doer
COMMAND_NOUNS = {"direction", "directions", "order", "orders", "instruction", "instructions", "behest", "request"}
COMMAND_PREPS = {"at", "on", "upon"}
# what a demand asks: to stop, leave, yield or comply ("Release them", "Iran must withdraw"), or a
# verb of the codebook's CONCEDE or RETREAT; not a turn of speech ("Let me be clear", "Look at ...")
DEMANDED = {"stop", "cease", "halt", "end", "suspend", "leave", "return", "allow", "open", "respect",
            "comply", "abide", "honor", "honour", "cooperate", "refrain", "lay", "hand", "surrender", "disarm",
            "pull", "withdraw", "release", "free"}
YIELDING = {"CONCEDE", "RETREAT"}
OFFERING = {"offer", "announce", "post", "authorize", "approve", "double", "increase", "raise"}
REWARDS = {"reward", "rewards", "bounty"}


def _speech_verb(verb: Token, cb) -> bool:
    lemma = verb.lemma_.lower()
    return verb.pos_ in VERBAL and (lemma in cb.cue("reported", "verbs") or lemma in VOICING)


def voiced_by(clause: Token, cb) -> Token | None:
    """The speech verb whose content `clause` is: "..., X said" / "X said (that) ..." / "X told Y: ..."."""
    cur = clause
    for _ in range(3):
        if cur.dep_ not in ("ccomp", "parataxis", "conj") or cur.head.i == cur.i:
            return None
        head = cur.head
        if cur.dep_ != "conj" and _speech_verb(head, cb):
            return head
        if cur.dep_ == "conj" and head.pos_ not in VERBAL:
            return None
        cur = head
    return None


def imperative(verb: Token) -> bool:
    """A verb in the imperative: its own clause's first word, base form, no subject, modal or "to"
    ("Release them now", "Stop the attacks"; "Do not attack" with its "do")."""
    if verb.pos_ not in VERBAL or verb.tag_ != "VB":
        return False
    kids = list(verb.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark", "csubj") for c in kids):
        return False
    auxes = [c for c in kids if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ not in ("do", "don't") for a in auxes):
        return False
    if auxes and not any(c.dep_ == "neg" for c in kids) and auxes[0].lower_ != "don't":
        return False
    if verb.dep_ not in ("ccomp", "parataxis", "ROOT", "conj"):
        return False
    first = next((t for t in verb.subtree if not t.is_punct), verb)
    return first.i == verb.i or first in auxes or first.dep_ in ("advmod", "intj", "neg")


def obliged(verb: Token) -> bool:
    """A clause that says its subject must do something: "Iran must stop", "they should withdraw",
    "Iran needs to stop" (the governed verb); not "should have stopped", nor a passive."""
    kids = list(verb.children)
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids):
        return False
    aux = {c.lower_ for c in kids if c.dep_ == "aux"}
    if aux & OBLIGING and "have" not in aux:
        return True
    head = verb.head
    return (verb.dep_ == "xcomp" and head.lemma_.lower() in NEEDING and head.pos_ in VERBAL
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
            and not any(c.lower_ in ("will", "would", "could") for c in head.children if c.dep_ == "aux"))


def commanded(trigger: Token) -> bool:
    """The deed is only demanded: an imperative or an obligation ("Release them", "Iran must withdraw")."""
    return trigger.pos_ in VERBAL and (imperative(trigger) or obliged(trigger))


def _demandable(verb: Token, cb) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in DEMANDED or any(t.kind == "event" and t.predicate in YIELDING for t in cb.verbs.get(lemma, ()))


def _same_side(a: Entity, b: Entity) -> bool:
    return a.id == b.id or a.country is not None and a.country == b.country


def _named_units(args, clause: Token) -> list[Entity]:
    """Organizations named as a modifier of a subject that names no actor itself: "Iran and its KH
    proxy forces must cease" (KH's forces are KH)."""
    out = []
    for subj in (c for c in clause.children if c.dep_ == "nsubj"):
        for t in subj.subtree:
            if t.dep_ == "compound" and t.pos_ == "PROPN" and args.index.entity_of(t.head) is None:
                out += [e for e in args.index.entities_of(t) if e.type == "organization"]
    return out


def demands(args, sent: Span) -> list[tuple[Entity, Entity | None, Token, str]]:
    """(speaker, addressee or None, speech verb, rule) for each demand voiced in the sentence."""
    cb = args.cb
    out = []
    for verb in sent:
        if verb.pos_ not in VERBAL:
            continue
        mandate = obliged(verb)
        if not (mandate or imperative(verb)) or not _demandable(verb, cb):
            continue
        clause = verb.head if mandate and verb.dep_ == "xcomp" else verb
        said = voiced_by(clause, cb)
        if said is None:
            continue
        speakers = args.explicit_subjects(said)
        if mandate:  # the clause's subject is told to act
            targets = [e for e in args.explicit_subjects(clause) + _named_units(args, clause) if e.type != "location"]
            rule = f"demand:{verb.lemma_.lower()}+must"
        else:  # the one told: "told Hamas", "X's message to Y"
            targets = [e for c in said.children if c.dep_ in ("dobj", "dative") for e in args.actors(c)]
            targets += [e for p in said.children if p.dep_ == "prep" and p.lower_ == "to"
                        for o in p.children if o.dep_ == "pobj" for e in args.actors(o)]
            rule = f"demand:{verb.lemma_.lower()}+imperative"
        for s in speakers:
            if s.type == "location":
                continue
            aimed = [t for t in targets if not _same_side(s, t)]
            if mandate and not aimed:
                continue  # "we must act": the speaker's own side resolves, it asks nobody
            for t in aimed or [None]:
                out.append((s, t, said, rule))
    return out


def commands(args, sent: Span) -> list[tuple[Entity, Entity, Token, str]]:
    """(who asked, who did it, the command noun, rule): "at the direction of X", "on X's orders",
    "at Y's request", hung on a deed of the codebook's."""
    out = []
    for noun in sent:
        if noun.lower_ not in COMMAND_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ not in COMMAND_PREPS:
            continue
        verb = noun.head.head
        if verb.dep_ == "dobj" and verb.pos_ == "NOUN":  # "carried out the strikes at X's direction"
            verb = verb.head
        if verb.pos_ not in VERBAL or _speech_verb(verb, args.cb) or not args.cb.verbs.get(verb.lemma_.lower()):
            continue
        owners = [e for c in noun.children if c.dep_ == "poss" for e in args.actors(c)]
        owners += [e for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj" for e in args.actors(o)]
        partners = {e.id for e in args._co_agents(verb)}  # "U.S. forces, together with the UK's, struck": not the UK
        for doer in (d for d in args.subjects(verb) if d.id not in partners):
            for owner in owners:
                if owner.id != doer.id and owner.type != "location" and doer.type != "location":
                    out.append((owner, doer, noun, f"command:{noun.lower_}"))
    return out


def rewards(args, sent: Span) -> list[tuple[Entity, Token, str]]:
    """(offerer, verb, rule) for a reward offered: "is offering a reward of up to $10 million for
    information on X", "a reward was announced by X"."""
    out = []
    for verb in sent:
        if verb.pos_ not in VERBAL or verb.lemma_.lower() not in OFFERING:
            continue
        dep = "nsubjpass" if any(c.dep_ == "nsubjpass" for c in verb.children) else "dobj"
        if not any(c.dep_ == dep and c.lower_ in REWARDS for c in verb.children):
            continue
        out += [(e, verb, f"reward:{verb.lemma_.lower()}") for e in args.subjects(verb) if e.type != "location"]
    return out
