"""Names listed after a common noun: "its subsidiaries A, B and C", "the militias — A, B and C —",
"two Iran-backed groups, A and B", "three of the group's leaders, A, B and C".

The parser hangs such lists anywhere (a conjunct of the verb, a chain of appositions, a compound of
the first name), so they are read from the words: the noun, an optional comma, dash, colon or
bracket, then names of one kind of actor separated by commas and "and"/"or".
"""
from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.codebook import Codebook
from claimgraph.extract.index import EntityIndex
from claimgraph.extract.readings.reduced import misread_relative
from claimgraph.model import Entity
from claimgraph.nlp.tokens import sentences

OPENERS = {",", "—", "–", ":", "("}
SEPARATORS = {",", "and", "or"}
POSSESSIVE = {"'s", "’s", "'", "’"}
SUBJECTS = {"nsubj", "nsubjpass"}
RELATIVE = {"which", "whom", "who"}
# names of one list are actors of one kind
_KIND = {"person": "person", "organization": "body", "group": "body", "country": "country"}


def names_after(index: EntityIndex, noun: Token, cb: Codebook) -> list[Entity]:
    """The names a common noun (or a generic collective) introduces, in order; empty when none."""
    doc = index.tokens  # indexed like the Doc, without a new Token per access
    span = index.span_of(noun)
    i = span.end if span is not None else noun.i + 1
    end = sentences(index.doc)[1][noun.i]
    opened = i < end and doc[i].text in OPENERS
    if opened:
        i += 1
    out: list[Entity] = []
    kind = None
    while i < end:
        e, sp = index.entity_of(doc[i]), index.span_of(doc[i])
        if e is None or sp is None or _KIND.get(e.type) is None:
            break
        if kind is not None and _KIND[e.type] != kind or sp.end < end and doc[sp.end].text in POSSESSIVE:
            break  # "the militias, Hezbollah's allies": a possessor, not a member of the list
        if _subject_elsewhere(sp, noun) or not opened and _relative_after(sp, noun, index, cb):
            break  # "Iran funds the militias, Hezbollah said"; "the groups Iran funds"
        kind = _KIND[e.type]
        out.extend(x for x in index.entities_of(doc[i]) if x not in out)
        i = sp.end
        while i < end and doc[i].lower_ in SEPARATORS:
            i += 1
        if i == sp.end:
            break
        i = _past_kin_noun(doc, i, end, index)
    return out


KIN_DETERMINERS = {"his", "her", "its", "their"}


def _past_kin_noun(doc, i: int, end: int, index: EntityIndex) -> int:
    """"A and his brother B", "A and its subsidiary B": a possessive noun phrase right before the
    next name of the list describes that name; the list goes on at the name."""
    if doc[i].lower_ not in KIN_DETERMINERS:
        return i
    j = i + 1
    while j < end and j - i <= 3 and doc[j].pos_ in ("ADJ", "NOUN") and index.entity_of(doc[j]) is None:
        j += 1
    if j > i + 1 and doc[j - 1].pos_ == "NOUN" and j < end and index.entity_of(doc[j]) is not None:
        return j
    return i


def _subject_elsewhere(name, noun: Token) -> bool:
    """Is the name the subject of a clause the noun is not part of the subject of?"""
    root = name.root
    if root.dep_ not in SUBJECTS:
        return False
    verb = root.head
    subject_words = {t.i for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree}
    return noun.i not in subject_words


def _relative_after(name, noun: Token, index: EntityIndex, cb: Codebook) -> bool:
    """"the groups Hezbollah funds": a verb after the name whose subject the noun is not part of."""
    if name.end >= sentences(name.doc)[1][name.end - 1]:
        return False
    after = name.doc[name.end]
    if misread_relative(after, index, cb) is not None:
        return True
    if after.pos_ not in ("VERB", "AUX") or after.tag_ not in ("VBZ", "VBP", "VBD"):
        return False
    subject_words = {t.i for c in after.children if c.dep_ in SUBJECTS for t in c.subtree}
    return noun.i not in subject_words


def listed(args, tok: Token, depth: int) -> list[Entity]:
    """The names a phrase headed by `tok` lists (`args` is the `Arguments` that reads phrases):
    after a common noun or a generic collective; after the noun before a name the parser made the
    head ("militias A, B and C"); after the noun of a partitive ("three of the group's leaders, A,
    B and C"), and a partitive of a relative pronoun ("A and B, both of which ...")."""
    index = args.index
    e = index.entity_of(tok)
    if e is None:
        if tok.pos_ == "NOUN":
            return names_after(index, tok, args.cb)
        whole = _partitive(tok, args.cb.quantifiers)
        if whole is None:
            return []
        names = names_after(index, whole, args.cb) if whole.pos_ == "NOUN" else []
        if names or whole.lower_ not in RELATIVE:
            return names
        # the whole the relative stands for, with all its conjuncts (the parser hangs the clause on
        # the first of "A and B", and a resolved "which" may name that one only)
        clause = next((a for a in whole.ancestors if a.dep_ == "relcl"), None)
        members = args.actors(clause.head, depth + 1) if clause is not None else []
        members += [m for m in args.actors(whole, depth + 1) if m not in members]
        if tok.lower_ in args.cb.quantifiers.get("every", ()) or len(members) == 1 and members[0].type == "group":
            return members  # "both of which": each; "some of whom": only a collective as a whole
        return []
    if e.type == "group":
        return names_after(index, tok, args.cb)
    span = index.span_of(tok)
    before = tok.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.text in OPENERS and span.start > 1:
        before = tok.doc[span.start - 2]
    if before is None or before.pos_ != "NOUN":
        return []
    if index.entity_of(before) is not None and index.entity_of(before).type != "group":
        return []
    linked = span.root.head.i == before.i or span.start <= before.head.i < span.end
    return names_after(index, before, args.cb) if linked else []



def _partitive(tok: Token, quantifiers: dict) -> Token | None:
    """"three of the group's leaders" → leaders; "both of which" → which."""
    if tok.pos_ != "NUM" and not any(tok.lower_ in words for words in quantifiers.values()):
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def members(args, noun: Token) -> list[Entity]:
    """The named members of a common noun: a list after it, or an "including"/"such as" list
    ("Iran-backed groups including A and B"); never what the noun stands for ("an Iran-based
    member of X" says nothing of X)."""
    out = names_after(args.index, noun, args.cb)
    for c in noun.children:
        if c.dep_ == "prep" and (c.lower_ in ("including", "like") or
                                 c.lower_ == "as" and c.i > 0 and c.doc[c.i - 1].lower_ == "such"):
            out += [e for p in c.children if p.dep_ == "pobj" for e in args.actors(p) if e not in out]
    return out
