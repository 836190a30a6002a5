"""Generic collectives ("the Shiite militias", "Belgian police") as `group` entities.

A noun phrase counts when its head is in `data/collectives.yaml`. Its country qualifier comes
from a demonym inside it ("Iraqi militia groups") or a place it is said to be in ("militias in
Iraq"); "Iran-backed" names a sponsor, not a qualifier. Within one document, mentions of one
class are one entity per qualifier; a mention without a qualifier joins the qualified group of
its sentence, else the nearest one before it, else the next one after it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.extract.entities.lexicon import Head, Lexicon
from claimgraph.extract.entities.mentions import Cand
from claimgraph.kb.fold import fold

_MODIFIER_DEPS = {"amod", "compound", "nmod", "nummod", "quantmod", "advmod", "npadvmod", "conj", "cc", "punct"}
_SPONSOR_WORDS = {"backed", "sponsored", "supported", "aligned", "funded", "armed", "led", "linked", "allied"}
_FEW = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "2", "3", "4", "5", "6", "7", "8", "9"}
_NAME_SKIP = {"many", "some", "several", "various", "other", "more", "than", "most", "all", "both", "these",
              "those", "such", "certain", "two", "three", "four", "five", "dozens", "hundreds"}


def _head_spec(tok: Token, lex: Lexicon) -> Head | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    head = lex.heads.get(tok.lemma_.lower()) or lex.heads.get(tok.lower_)
    if head is None:
        return None
    if head.needs_plural and tok.tag_ not in ("NNS", "NNPS"):
        return None
    return head


def _left_bound(tok: Token) -> int:
    """First token of the modifiers standing before the head (no article, no possessor)."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("det", "poss", "case", "predet"):
            start = max(start, child.right_edge.i + 1) if child.i < tok.i else start
            continue
        if child.dep_ in _MODIFIER_DEPS:
            start = min(start, child.left_edge.i)
    # never start on the article or possessor skipped above
    while start < tok.i and (tok.doc[start].dep_ in ("det", "case", "poss") or tok.doc[start].is_punct):
        start += 1
    return start


def _counted(head: Token) -> bool:
    """"two militias": a handful of particular actors, named elsewhere, not a collective."""
    for child in head.lefts:
        if child.dep_ == "nummod" and child.lower_ in _FEW:
            return True
    return False


def _country_cands(cands: list[Cand], start: int, end: int) -> list[Cand]:
    return [c for c in cands if c.type == "country" and start <= c.start and c.end <= end]


def _is_sponsor(doc: Doc, c: Cand) -> bool:
    nxt = doc[c.end:c.end + 2]
    return len(nxt) == 2 and nxt[0].text in "-–" and nxt[1].lower_ in _SPONSOR_WORDS


def _qualifiers(doc: Doc, head: Token, start: int, cands: list[Cand]) -> set[str]:
    countries = {c.actor.id for c in _country_cands(cands, start, head.i) if not _is_sponsor(doc, c) and c.actor}
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of"):
            objs = [t for t in prep.subtree if t.dep_ in ("pobj", "conj")]
            for o in objs:
                for c in cands:
                    if c.type == "country" and c.start <= o.i < c.end and c.actor:
                        countries.add(c.actor.id)
    return countries


def find(doc: Doc, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """Group mentions of the document, keyed so that one collective is one entity."""
    taken = set()
    for c in cands:
        taken.update(range(c.start, c.end))
    at = {i: c for c in cands for i in range(c.start, c.end)}
    found: list[tuple[Cand, Head, set[str], int]] = []
    described: list[Cand] = []
    for tok in doc:
        head = _head_spec(tok, lex)
        if head is None or tok.i in taken:
            continue
        start = _left_bound(tok)
        mods = {fold(t.text) for t in doc[start:tok.i]}
        if tok.dep_ == "compound" and tok.head.i > tok.i:
            continue  # "militia" in "militia groups": the phrase's head decides
        if head.needs and not (mods & head.needs):
            continue
        if _counted(tok):
            continue
        named = _describes(tok, at)
        if named is not None:
            if named is not False:
                desc = Cand(start, tok.i + 1, named.type, "description")
                desc.key, desc.actor, desc.subtype = named.key, named.actor, named.subtype
                desc.country, desc.name = named.country, named.name
                described.append(desc)
            continue
        countries = _qualifiers(doc, tok, start, cands)
        name_start = start
        while name_start < tok.i and (doc[name_start].lower_ in _NAME_SKIP or doc[name_start].like_num):
            name_start += 1
        name = doc[name_start:tok.i + 1].text
        cand = Cand(start, tok.i + 1, "group", "collective", subtype=head.subtype, name=name)
        found.append((cand, head, countries, tok.sent.start))
    _assign_keys(found, doc)
    return [f[0] for f in found] + described


def _describes(head: Token, at: dict[int, Cand]):
    """A group phrase that describes a named actor is that actor ("Hizballah, Iran's proxy group";
    "AAH is an Iran-backed militia"); when it describes several ("X and Y are militias") it is
    none of them (False). None when it describes nothing named."""
    if head.dep_ == "appos" and head.head.i in at:
        return at[head.head.i]
    if head.dep_ == "attr" and head.head.lemma_ == "be":
        subj = [t for t in head.head.lefts if t.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].i in at:
            if any(t.dep_ == "conj" for t in subj[0].rights):
                return False
            return at[subj[0].i]
    return None


def _assign_keys(found, doc: Doc) -> None:
    qualified = [(c, h, q, s) for c, h, q, s in found if q]  # one country or several
    for cand, head, countries, sent in found:
        if len(countries) == 1:
            (code,) = countries
            cand.key, cand.country = f"group:{head.cls}:{code}", code.upper()
            continue
        if len(countries) > 1:
            cand.key = f"group:{head.cls}:" + "+".join(sorted(countries))
            continue
        same = [q for q in qualified if q[1].cls == head.cls]
        pick = ([q for q in same if q[3] == sent] or [q for q in same if q[0].start < cand.start][-1:]
                or [q for q in same if q[0].start > cand.start][:1])
        if pick:
            codes = sorted(pick[0][2])
            cand.key = f"group:{head.cls}:" + "+".join(codes)
            cand.country = codes[0].upper() if len(codes) == 1 else None
            cand.rule = "collective:joined"
        else:
            cand.key = f"group:{head.cls}:"
