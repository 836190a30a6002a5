"""Mention candidates: the spans of a parsed Doc that name an actor, before they are grouped
into entities. Knowledge-base spans carry their actor; the others are typed from spaCy's label."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from claimgraph.extract.entities.lexicon import Lexicon
from claimgraph.extract.entities.vessels import ship_name
from claimgraph.kb.fold import fold, fold_name
from claimgraph.kb.loader import Actor, KnowledgeBase

NER_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location", "FAC": "location"}
_LEADING_DROP = {"the", "a", "an", "then"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_STATE_ROLES = {"nsubj", "nsubjpass", "poss", "agent"}


@dataclass
class Cand:
    """One mention candidate."""

    start: int  # token offsets in the Doc
    end: int
    type: str
    rule: str
    actor: Actor | None = None
    key: str = ""  # which entity it belongs to; set by the linking steps
    subtype: str | None = None
    country: str | None = None
    name: str = ""  # the entity name this mention suggests (the cleaned text)

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


_MOTION = {"travel", "fly", "go", "come", "return", "move", "arrive", "head", "drive", "sail", "deport", "send",
           "visit", "flee", "escape", "transfer", "bring", "take", "extradite", "ship", "relocate", "live", "base"}


def _acts_as_state(span: Span) -> bool:
    """'Tehran denied ...', 'Washington's policy', 'answer to Tehran': a capital that acts or is
    dealt with is its state; 'flew to Tehran', 'in Tehran' are the city."""
    root = span.root
    while root.dep_ == "conj" and root.head is not root:  # "between the group and Tehran": the first conjunct's role
        root = root.head
    if root.dep_ in _STATE_ROLES:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "on" and root.head.head.pos_ == "ADJ":
        return True  # "dependent on Tehran", "reliant on Washington"
    if root.dep_ != "pobj" or root.head.lower_ not in ("by", "from", "to", "with", "against", "toward", "towards",
                                                       "between"):
        return False
    verb = root.head.head
    return root.head.lower_ == "by" or verb.lemma_.lower() not in _MOTION


def _dateline(span: Span) -> bool:
    """"WASHINGTON –" opening a press release or a line (after a headline) is the place it was
    issued from."""
    if not span.text.isupper():
        return False
    doc = span.doc
    return span.start == 0 or "\n" in doc[span.start - 1].text_with_ws or doc[span.start - 1].is_space


def from_kb(span: Span, kb: KnowledgeBase) -> Cand:
    actor = kb.actors[span.kb_id_]
    rule = "kb"
    if actor.capital_of and not _dateline(span) and _acts_as_state(span):
        state = kb.state(actor.capital_of)
        if state is not None:
            actor, rule = state, "kb:capital-as-state"
    return Cand(span.start, span.end, actor.type, rule, actor=actor, key="kb:" + actor.id,
                subtype=actor.subtype, country=actor.country, name=actor.name)


def strip_span(span: Span, lex: Lexicon) -> tuple[int, int]:
    """Token bounds of a name without leading articles and titles or a trailing possessive."""
    doc = span.doc
    start, end = span.start, span.end
    # "the Bild newspaper": a name does not end in a lower-case word
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct
                           or (doc[end - 1].is_lower and end - start > 1)):
        end -= 1
    while start < end and (doc[start].lower_ in _LEADING_DROP or doc[start].is_punct):
        start += 1
    changed = True
    while changed and start < end:
        changed = False
        for title in lex.titles_by_first.get(fold(doc[start].text).rstrip("."), ()):
            n = len(title)
            if end - start > n and tuple(fold(t.text).rstrip(".") for t in doc[start:start + n]) == title:
                start += n
                changed = True
                break
    return start, end


def _plausible_name(span: Span, lex: Lexicon) -> bool:
    words = [t for t in span if t.is_alpha]
    if not words or "\n" in span.text:
        return False
    if not any(t.text[:1].isupper() and not t.is_stop for t in words):
        return False
    if tuple(fold(t.text).rstrip(".") for t in span) in lex.titles:
        return False  # "First Lieutenant"
    if len(span) == 1 and (fold(span[0].text) in lex.generic_words or _collective_noun(span[0].lower_, lex)):
        return False  # "the Court"; a headline's "Militias": a collective's noun alone is no name
    return span[-1].text not in lex.event_words and fold_name(span.text) not in lex.not_actors


def _collective_noun(word: str, lex: Lexicon) -> bool:
    """Is `word` (lower case) a collective's head noun, singular or plural ("militias")?"""
    return any(w in lex.heads for w in (word, word[:-1] if word.endswith("s") else None,
                                        word[:-2] if word.endswith("es") else None) if w)


def from_ner(span: Span, lex: Lexicon) -> Cand | None:
    typ = NER_TYPES.get(span.label_)
    if typ is None:
        return None
    start, end = strip_span(span, lex)
    if start >= end:
        return None
    if span.label_ == "PERSON":
        start = _given_names_before(span.doc, start, lex)
    clean = span.doc[start:end]
    if not _plausible_name(clean, lex):
        return None
    subtype = "site" if span.label_ == "FAC" else None
    if typ == "person" and _placed(clean):
        typ = "location"  # "a convoy near Gao": one word after a preposition of place is a place
    if len(clean) > 1 and clean[-1].text.rstrip(".") in lex.type_words:
        typ = lex.type_words[clean[-1].text.rstrip(".")]  # "John F. Kennedy International Airport"
    # keyed by name alone: spaCy may call one name a PERSON here and an ORG there
    return Cand(start, end, typ, f"ner:{span.label_}", subtype=subtype, name=clean.text,
                key=f"name:{fold_name(clean.text)}")


_PLACE_PREPS = {"near", "outside", "in", "around", "inside"}


def _placed(span: Span) -> bool:
    """A one-word name spaCy calls a person, governed by a preposition of place and owning nothing
    ("near Gao", "in Kidal"; not "in Nasrallah's speech")."""
    if len(span) != 1:
        return False
    tok = span[0]
    return tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS and not any(
        c.dep_ == "case" for c in tok.children) and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].tag_ != "POS")


def name_start(doc: Doc, end: int, first: int, is_word, joiners: set[str]) -> int:
    """Where a name that ends before token `end` starts: back over the words `is_word` accepts, and
    over a joiner ("of", "&") with such a word before it, not before the sentence's `first` token."""
    start = end
    while start - 1 >= first:
        t = doc[start - 1]
        if is_word(t) or t.lower_ in joiners and start - 2 >= first and is_word(doc[start - 2]):
            start -= 1
        else:
            break
    return start


def candidates(doc: Doc, kb: KnowledgeBase, lex: Lexicon) -> list[Cand]:
    out = []
    for span in doc.ents:
        if ship_name(doc, span.start, span.end):
            continue  # a ship is a target, not an actor
        if span.kb_id_ and span.kb_id_ in kb.actors:
            kin = _kin(span, kb.actors[span.kb_id_], lex)
            cand = from_ner(kin, lex) if kin is not None else None
            out.append(cand or from_kb(span, kb))
        else:
            cand = from_ner(span, lex)
            if cand:
                out.append(cand)
    return out


_NAME_PARTICLES = {"al", "el", "ad", "as", "an", "bin", "ibn", "bint", "abu", "abd", "-"}


def _kin(span: Span, actor: Actor, lex: Lexicon) -> Span | None:
    """"his brother Laith al-Khazali": a known person's surname alone, after a given name that is
    none of that person's names, names another person of the family, not the known one."""
    if actor.type != "person" or sum(t.is_alpha for t in span) != 1:
        return None
    doc = span.doc
    i = span.start
    while i > 0 and fold(doc[i - 1].text) in _NAME_PARTICLES:
        i -= 1
    start = i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
            and doc[start - 1].ent_type_ in ("", "PERSON") and fold(doc[start - 1].text) not in lex.titles_by_first:
        start -= 1
    if start == i:
        return None
    known = {fold(w) for n in actor.names() for w in n.replace("-", " ").split()}
    if any(fold(t.text) in known for t in doc[start:i]):
        return None  # "Qays al-Khazali" for Qays: the known one
    return Span(doc, start, span.end, label="PERSON")


def harmonize_conjuncts(doc: Doc, cands: list[Cand], lex: Lexicon) -> None:
    """"Kaveh Bahrami and Laleh Moradi": a name coordinated with a person's name, with nothing in
    it that says organization or place, is a person too (spaCy often types the second one ORG)."""
    at = {i: c for c in cands for i in range(c.start, c.end)}
    for c in cands:
        if c.actor is not None or c.type == "person" or c.end - c.start < 2:
            continue
        root = doc[c.start:c.end].root
        other = at.get(root.head.i) if root.dep_ == "conj" else None
        if other is None:
            other = next((at[t.i] for t in root.conjuncts if t.i in at), None)
        if other is not None and other.type == "person" and doc[c.end - 1].text not in lex.type_words:
            c.type = "person"


def aged_persons(doc: Doc, cands: list[Cand]) -> None:
    """"Farhad Poursalehi, 45, of Tabriz": a name with an age in apposition is a person, whatever
    the NER called it."""
    for c in cands:
        if c.actor is not None or c.type == "person" or c.end + 2 >= len(doc):
            continue
        comma, age, after = doc[c.end], doc[c.end + 1], doc[c.end + 2]
        if comma.text == "," and age.text.isdecimal() and age.text.isascii() and 14 <= int(age.text) <= 110 and after.text in (",", ")"):
            c.type, c.subtype = "person", None


def datelines(doc: Doc, cands: list[Cand], kb: KnowledgeBase) -> None:
    """"WASHINGTON – The Treasury ...": a capital in the dateline of a document that names the
    capital's state is where that state's government speaks from, a mention of the state (no
    alias of it); without the state it stays the city."""
    named = {c.actor.id for c in cands if c.actor is not None}
    for c in cands:
        actor = c.actor
        if actor is None or not actor.capital_of or c.rule != "kb" or not _dateline(doc[c.start:c.end]):
            continue
        state = kb.state(actor.capital_of)
        if state is not None and state.id in named:
            c.actor, c.rule, c.key, c.type = state, "kb:dateline", "kb:" + state.id, state.type
            c.subtype, c.country, c.name = state.subtype, state.country, state.name


def states_taken_for_persons(doc: Doc, cands: list[Cand]) -> None:
    """"Jordan condemned the attack": a one-word name the NER calls a person that is the name of
    a state the document names as that state is the state."""
    states = {}
    for c in cands:
        if c.actor is not None and c.actor.type == "country":
            for n in c.actor.names():
                states.setdefault(fold_name(n), c)
    if not states:
        return
    for c in cands:
        if c.actor is None and c.type == "person" and c.end - c.start == 1:
            state = states.get(fold_name(doc[c.start].text))
            if state is not None:
                c.actor, c.key, c.type, c.rule = state.actor, state.key, state.type, "kb"
                c.subtype, c.country, c.name = state.subtype, state.country, state.name


def _given_names_before(doc: Doc, start: int, lex: Lexicon) -> int:
    """"Sergeant William Jerome Rivers" read as "Jerome Rivers": the given names the NER left out
    before a person's name, up to a title."""
    while (start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_alpha and doc[start - 1].is_title
           and doc[start - 1].ent_type_ == "" and fold(doc[start - 1].text) not in lex.titles_by_first
           and fold(doc[start - 1].text) not in lex.generic_words
           and start - 1 != doc[start - 1].sent.start):
        start -= 1
    return start
