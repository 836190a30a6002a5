"""Ties read from what one actor gives another: "X supports Y with money, weapons and training"
(one tie per resource: funds, arms, trains), "Y depended on money and rockets from X", "the
militia, with support from X, attacked" (X supports the militia), "Y relied on Iranian money".

A resource is a noun of a codebook theme that names a tie (`resources.predicates` in
relations.yaml); a generic one ("support") takes the theme of a word before it ("financial
support" is money). Who gives and who gets it comes from the phrase around it:
- "with" a resource on a giving verb: the verb's subject gives, its object gets;
- a resource "from" X, or X's resource: X gives; the one who gets it is the subject of the
  receiving verb it is the object of ("depended on", "obtained"), or of the clause a "with"
  phrase hangs on.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from claimgraph.model import Entity

VERBAL = {"VERB", "AUX"}
GENERIC = "support"  # the theme a modifier may make precise
PARTITIVES = {"most", "much", "part", "all", "some", "half", "bulk", "portion", "share", "majority", "third",
              "quarter", "fraction", "lot", "many", "several", "few", "dozens", "hundreds", "thousands"}


@dataclass
class Given:
    predicate: str
    givers: list[Entity]
    getters: list[Entity]


def theme(tok: Token, cb) -> str | None:
    """The tie a resource noun names, or None when it is no resource."""
    names = cb.resources.get("predicates", {})
    head = next((t for t in (cb.theme_of(tok.lemma_), cb.theme_of(tok.lower_)) if t in names), None)
    if tok.pos_ not in ("NOUN", "PROPN") or head is None:
        return None
    if head == GENERIC:
        for c in tok.children:
            if c.dep_ in ("amod", "compound"):
                precise = cb.theme_of(c.lower_)
                if precise in names and precise != GENERIC:
                    return precise
    return head


def given(args, tok: Token) -> Given | None:
    """Who gives the resource `tok` to whom, when the phrase around it says so."""
    cb = args.cb
    pred = cb.resources.get("predicates", {}).get(theme(tok, cb) or "")
    if pred is None:
        return None
    first = tok
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head  # "money, weapons and training": the phrase is the first one's
    if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lower_ in PARTITIVES:
        first = first.head.head  # "receives most of its budget from X": the part stands in the phrase
    prep, verb = first.head, first.head.head
    # the resource's own "from" or owner first: "split from X with Iranian help" is not X's help
    givers = _from(args, tok, first, on_verb=False) or _owners(args, tok) or _from(args, tok, first)
    if first.dep_ == "pobj" and prep.lower_ == "with":
        if verb.pos_ in VERBAL and verb.lemma_.lower() in cb.resources.get("giving", ()) \
                and not _from(args, tok, first, on_verb=False):
            # "provides Hamas with much of its funding": the giver is the subject ("its" is Hamas's)
            return Given(pred, args.subjects(verb), _recipients(args, verb))
        of = not givers and not (verb.pos_ in VERBAL and verb.lemma_.lower() in cb.resources.get("giving", ()))
        if of:  # "acting with the support of X", "with the direction and backing of X"
            givers = _of(args, tok, first)
        if givers:  # "the militia, with support from Iran, attacked"; "with Iranian money, X bought"
            getters = args.subjects(verb) if verb.pos_ in VERBAL else args.actors(verb)
            if of:  # "planned by A with the help of X": help in one person's deed is no standing tie
                getters = [e for e in getters if e.type != "person"]
            return Given(pred, givers, getters)
        if verb.pos_ in VERBAL and verb.lemma_.lower() in cb.resources.get("giving", ()):
            return Given(pred, args.subjects(verb), _recipients(args, verb))  # "supports Y with money"
        return None
    receiving = cb.resources.get("receiving", ())
    if first.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in ("on", "upon", "from") and verb.pos_ in VERBAL:
        getter_verb = verb  # "depended on money from X", "benefited from Iranian support"
    elif first.dep_ == "dobj":
        getter_verb = prep  # "obtained rockets from X" (the dobj's head is the verb)
    else:
        return None
    if getter_verb.lemma_.lower() not in receiving or not givers:
        return None
    return Given(pred, givers, args.subjects(getter_verb))


def _from(args, tok: Token, first: Token, on_verb: bool = True) -> list[Entity]:
    """X in "from X" on the resource, on the first of its list, or on the verb it is the object of."""
    holders = [tok, first]
    if on_verb and (first.dep_ == "dobj" or first.dep_ == "pobj" and first.head.head.pos_ in VERBAL):
        holders.append(first.head if first.dep_ == "dobj" else first.head.head)
    holders += [c for c in first.conjuncts]  # "money and rockets from X": the last one holds it
    sources = [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "from"
               for o in p.children if o.dep_ == "pobj"]
    money = args.cb.themes.get("money", frozenset())
    # "from the Iraqi state budget", "from Iran's coffers": the owner of the money it comes out of
    return [e for o in sources for e in (args.actors(o) or (_owners(args, o) if o.lemma_.lower() in money else []))]


def _of(args, tok: Token, first: Token) -> list[Entity]:
    """X in "the support of X", on the resource or on the first of its list ("the direction and support of X")."""
    return [e for h in dict.fromkeys((tok, first)) for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj" for e in args.actors(o)]


def _owners(args, tok: Token) -> list[Entity]:
    """"Iran's money", "Iranian weapons": an actor the resource belongs to."""
    return [e for c in tok.children if c.dep_ in ("poss", "amod", "compound") and c.i < tok.i
            for e in args.actors(c)]


def _recipients(args, verb: Token) -> list[Entity]:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return [e for c in verb.children if c.dep_ == "nsubjpass" for e in args.actors(c)]
    return [e for c in verb.children if c.dep_ in ("dobj", "dative") for e in args.actors(c)]


def carries(noun: Token, words: frozenset[str]) -> bool:
    """Does a transfer noun carry a resource of these words: "cash transfers", "shipments of
    rockets", "arms deliveries", "transfers of money and weapons"?"""
    near = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
    near += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
             for o in p.children if o.dep_ == "pobj" for o in [o, *o.conjuncts]]
    near += [c for o in near for c in o.children if c.dep_ in ("compound", "amod")]
    return any(t.lower_ in words or t.lemma_.lower() in words or "money" in words and t.ent_type_ == "MONEY"
               for t in near)


def between(args, noun: Token) -> list[Entity]:
    """The actors of "ties between X and Y": every member of the "between" phrase."""
    return [e for p in noun.children if p.dep_ == "prep" and p.lower_ == "between"
            for o in p.children if o.dep_ == "pobj" for e in args.actors(o)]
