"""Reference resolution within one document: personal and relative pronouns, possessives,
definite descriptions ("the group", "the general") and "the former"/"the latter", each to the
entity it stands for.

Rules over the spaCy parse, no statistical model, one pass in document order (resolved
references are antecedents for later ones). A reference stays unresolved when no compatible
actor precedes it closely enough, or when two are equally good: the claim stages must read an
unresolved subject as unknown, never as a guess. The word lists are data
(`extract/data/descriptions.yaml`).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from claimgraph.extract.index import EntityIndex
from claimgraph.extract.modality.quotes import quote_spans
from claimgraph.kb.fold import fold
from claimgraph.model import Entity

DATA = Path(__file__).parent.parent / "data" / "descriptions.yaml"

PRONOUNS = {"he": "he", "him": "he", "his": "he", "himself": "he",
            "she": "she", "her": "she", "hers": "she", "herself": "she",
            "it": "it", "its": "it", "itself": "it",
            "they": "they", "them": "they", "their": "they", "theirs": "they", "themselves": "they"}
REFLEXIVES = {"himself", "herself", "itself", "themselves"}
RELATIVES = {"who", "whom", "whose", "which", "that"}
SUBJ = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
NOMINAL = {"NOUN", "PROPN", "PRON"}
_REFERRING_POS = {"PRON", "DET", "NOUN", "PROPN", "ADJ", "SCONJ"}  # what a reference can be tagged
_NUMERIC = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
PRONOUN_WINDOW = 2  # sentences back, unless a chain of references carries the actor forward


@dataclass(frozen=True)
class Reference:
    """A referring expression (tokens `start:end` of the spaCy doc) and the entity it names."""

    start: int
    end: int
    entity_id: str
    rule: str  # coref:pronoun, coref:possessive, coref:relative, coref:description, coref:former-latter
    others: tuple[str, ...] = ()  # the other actors of a plural reference ("A and B ... they")

    @property
    def entity_ids(self) -> tuple[str, ...]:
        return (self.entity_id, *self.others)


def resolve_references(index: EntityIndex) -> list[Reference]:
    """Every reference of the document that can be resolved, in document order."""
    return _Resolver(index, rules()).run()


def apply(index: EntityIndex) -> list[Reference]:
    """Resolve, and record each reference as a mention of its entity (the index then answers for
    its tokens). A plural reference is a mention of each of its actors; the index answers with
    the first."""
    refs = resolve_references(index)
    doc = index.doc
    for r in refs:
        span = doc[r.start:r.end]
        for eid in (*r.others, r.entity_id):
            index.add_reference(span, eid, r.rule)
    return refs


# --- the word lists ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Constraint:
    subtypes: frozenset | None = None  # None in the set: an entity with no subtype
    words: frozenset[str] | None = None
    number: str | None = None


@dataclass
class Rules:
    descriptions: dict[str, dict[str, list[Constraint]]]  # lemma → entity type → any of these
    prefer: dict[str, frozenset[str]]
    window: int
    determiners: frozenset[str]
    honorifics: dict[str, str]  # folded title → "he" / "she"
    person_nouns: frozenset[str]
    symmetric: frozenset[str]
    pleonastic_adjectives: frozenset[str]
    reporting_verbs: frozenset[str]
    raising_verbs: frozenset[str]
    weather_verbs: frozenset[str]
    propositional_verbs: frozenset[str]


def _constraints(spec) -> list[Constraint]:
    if spec == "any" or spec is None:
        return [Constraint()]
    out = []
    for s in spec if isinstance(spec, list) else [spec]:
        out.append(Constraint(
            subtypes=frozenset(s["subtypes"]) if "subtypes" in s else None,
            words=frozenset(fold(w) for w in s["words"]) if "words" in s else None,
            number=s.get("number")))
    return out


@lru_cache(maxsize=1)
def rules() -> Rules:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    descriptions: dict[str, dict[str, list[Constraint]]] = {}
    prefer: dict[str, frozenset[str]] = {}
    for lemma, spec in raw["descriptions"].items():
        spec = dict(spec)
        if "prefer" in spec:
            prefer[lemma] = frozenset(fold(w) for w in spec.pop("prefer"))
        descriptions[lemma] = {typ: _constraints(c) for typ, c in spec.items()}
    for noun in raw.get("institution_nouns", []):
        descriptions.setdefault(noun, {"organization": [Constraint()]})
    hon = {fold(w): "he" for w in raw["honorifics"]["male"]}
    hon.update({fold(w): "she" for w in raw["honorifics"]["female"]})
    p = raw["pleonastic"]
    return Rules(descriptions, prefer, int(raw.get("description_window", 5)),
                 frozenset(raw.get("determiners", ["the"])), hon, frozenset(raw["person_nouns"]),
                 frozenset(raw["symmetric_verbs"]), frozenset(p["adjectives"]),
                 frozenset(p["reporting_verbs"]), frozenset(p["raising_verbs"]),
                 frozenset(p["weather_verbs"]), frozenset(p["propositional_verbs"]))


# --- candidates -------------------------------------------------------------------------------

@dataclass
class Cand:
    """A possible antecedent: an entity mention, a resolved reference, or a blocker (`ids` empty:
    something that is not a known actor but competes, such as "officials" for "they")."""

    start: int
    end: int
    root: Token
    ids: tuple[str, ...]
    sent: int
    # what it can be the antecedent of: he, she, it, they; "they?" only when nothing plural is
    # near (a singular organization); blockers also "plural" and "thing" (nouns that veto)
    kinds: frozenset[str]
    rank: int  # 0 subject, 1 object or possessor of one, 2 anything else
    members: list["Cand"] = field(default_factory=list)  # a coordination: its conjuncts


_WORD_SPLIT = re.compile(r"[\s\-–—/]+")


def _words(text: str) -> set[str]:
    return {fold(w).strip(".,;:()") for w in _WORD_SPLIT.split(text) if w}


class _Resolver:
    def __init__(self, index: EntityIndex, rules: Rules):
        self.index = index
        self.doc: Doc = index.doc
        self.r = rules
        doc = self.doc
        self.toks: list[Token] = index.tokens  # one Token object per token: spaCy makes a new one per access
        self.sent_of = [0] * len(doc)
        for k, s in enumerate(doc.sents):
            for i in range(s.start, s.end):
                self.sent_of[i] = k
        self.quoted = _quote_flags(doc, self.toks)
        self.by_sent: dict[int, list[Cand]] = {}
        self.refs: list[Reference] = []
        self.resolved: dict[int, tuple[str, ...]] = {}  # token → entities, for resolved references
        self.gender: dict[str, str] = {}
        self.animate: set[str] = set()  # actors the text calls "who" (a person the NER typed otherwise)
        self.words: dict[str, set[str]] = {}  # filled on demand by _words_of
        self.context_words: dict[str, set[str]] = {}
        self.lists: dict[int, list[Cand]] = {}  # coordinations of actors, by sentence
        self.list_of: dict[int, Cand] = {}  # token of a member → its coordination
        self.last_former_latter: Cand | None = None
        self.noun_conj: list[int] = []  # coordinated nouns that are not actors ("tactics and operations")
        self._mentions()

    # setup: mentions, coordinations, what the text says of each actor

    def _mentions(self) -> None:
        index = self.index
        seen: set[tuple[int, int, str]] = set()
        mentions: list[Cand] = []
        for t in self.toks:
            span = index.span_of(t)
            ent = index.entity_of(t)
            if span is None or ent is None or (span.start, span.end, ent.id) in seen:
                continue
            seen.add((span.start, span.end, ent.id))
            owned = [x for x in self.toks[span.start:span.end] if index.entity_of(x) is ent]
            root = span.root
            if root not in owned:
                root = min(owned, key=_depth)
            rank = self._rank(root)
            c = Cand(owned[0].i, owned[-1].i + 1, root, (ent.id,), self.sent_of[root.i],
                     self._kinds(ent, root, rank), rank)
            mentions.append(c)
            self._learn(ent, span, root)
        mentions.sort(key=lambda c: c.start)
        for c in mentions:
            self._add(c)
        self._coordinations(mentions)
        for t in self.toks:
            if t.dep_ == "conj" and t.pos_ == "NOUN" and t.head.pos_ == "NOUN" \
                    and index.entity_of(t) is None and index.entity_of(t.head) is None:
                self.noun_conj.append(t.i)

    def _words_of(self, eid: str) -> set[str]:
        """The words of an actor's names and aliases, and of the titles and roles the text gives it."""
        words = self.words.get(eid)
        if words is None:
            ent = self.index.entities[eid]
            words = set().union(*(_words(n) for n in (ent.name, *ent.aliases)), self.context_words.get(eid, ()))
            self.words[eid] = words
        return words

    def _learn(self, ent: Entity, span: Span, root: Token) -> None:
        """Titles and roles the text gives an actor, and a gender where a title tells it."""
        words = self.context_words.setdefault(ent.id, set())
        words |= _words(span.text)
        if ent.type != "person":
            return
        toks = self.toks
        near = [x for x in root.children if not (span.start <= x.i < span.end)
                and x.dep_ in ("compound", "amod", "appos", "nmod")]
        if root.dep_ == "appos":
            near.append(root.head)
            near.extend(x for x in root.head.children if x.dep_ in ("compound", "amod") and x.i < root.head.i)
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            for a in root.head.children:
                if a.dep_ == "attr":
                    near.append(a)
                    near.extend(x for x in a.children if x.dep_ in ("compound", "amod"))
        i = span.start - 1
        while i >= 0 and span.start - i <= 3 and toks[i].pos_ in ("PROPN", "NOUN", "ADJ", "PUNCT") \
                and self.index.entity_of(toks[i]) is None and toks[i].text not in (",", "(", ")"):
            near.append(toks[i])
            i -= 1
        for x in near:
            if self.index.entity_of(x) is None or x.i in range(span.start, span.end):
                words |= _words(x.text)
        for x in toks[max(span.start - 1, 0):span.start + 2]:
            g = self.r.honorifics.get(fold(x.text).rstrip("."))
            if g:
                self.gender.setdefault(ent.id, g)

    def _coordinations(self, mentions: list[Cand]) -> None:
        """Runs of mentions joined by commas and a final "and" ("A, B and C")."""
        toks = self.toks
        run: list[Cand] = []
        seps: list[str] = []

        def close() -> None:
            members = []
            for m in run:
                if m.ids[0] not in {x.ids[0] for x in members}:
                    members.append(m)
            if len(members) >= 2 and seps and "and" in seps[-1]:
                first = members[0]
                actors = all(m.root.dep_ not in ("amod", "compound") for m in members)
                coord = Cand(first.start, members[-1].end, first.root, tuple(m.ids[0] for m in members),
                             self.sent_of[members[-1].root.i], frozenset({"they"}) if actors else frozenset(),
                             first.rank, members)
                self.lists.setdefault(coord.sent, []).append(coord)
                for m in members:
                    for i in range(m.start, m.end):
                        self.list_of[i] = coord
                if actors:
                    self._add(coord)

        for m in mentions:
            if run:
                between = toks[run[-1].end:m.start]
                sep = " ".join(t.lower_ for t in between)
                if m.start >= run[-1].end and between and all(t.lower_ in (",", "and") for t in between):
                    run.append(m)
                    seps.append(sep)
                    continue
                close()
            run, seps = [m], []
        if run:
            close()

    def _add(self, c: Cand) -> None:
        self.by_sent.setdefault(c.sent, []).append(c)

    # roles and kinds

    def _rank(self, tok: Token, _depth_left: int = 3) -> int:
        t = tok
        for _ in range(4):
            if t.dep_ in ("conj", "appos") and t.head.i != t.i and t.head.pos_ in NOMINAL:
                t = t.head
            else:
                break
        dep, head = t.dep_, t.head
        if dep in SUBJ or (dep == "pobj" and head.dep_ == "agent"):
            return 0
        if dep in ("dobj", "dative"):
            return 0 if head.lemma_ in self.r.symmetric else 1
        if dep == "pobj" and head.lower_ == "with" and head.head.lemma_ in self.r.symmetric:
            return 0
        if dep == "poss" and _depth_left:
            return 1 if self._rank(head, _depth_left - 1) <= 1 else 2
        return 2

    @staticmethod
    def _kinds(ent: Entity, root: Token, rank: int) -> frozenset[str]:
        plural = root.tag_ in ("NNS", "NNPS")
        if ent.type == "person":
            return frozenset({"he", "she"})
        if ent.type == "organization":
            return frozenset({"it", "they"}) if plural else frozenset({"it", "they?"})
        if ent.type == "group":
            return frozenset({"they"}) if plural else frozenset({"it", "they?"})
        if ent.type == "country" and rank <= 1:
            return frozenset({"it"})
        if ent.type == "location" and rank == 0:
            return frozenset({"it"})
        return frozenset()

    # the pass over the document

    def run(self) -> list[Reference]:
        index = self.index
        for t in self.toks:
            if t.pos_ not in _REFERRING_POS or index.entity_of(t) is not None:
                continue
            low = t.lower_
            if low in RELATIVES and t.tag_ in ("WDT", "WP", "WP$"):
                self._relative(t)
            elif low in PRONOUNS and t.tag_ in ("PRP", "PRP$"):
                self._pronoun(t, PRONOUNS[low])
            elif low in ("former", "latter"):
                self._former_latter(t)
            elif t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in self.r.descriptions:
                found = self._description(t)
                if found is False:  # a description with no referent competes as one
                    self._blocker(t, self._description_kinds(t))
                elif found is None:
                    self._blocker(t)
            else:
                self._blocker(t)
        return self.refs

    def _resolve(self, start: int, end: int, ids: tuple[str, ...], rule: str, root: Token,
                 kind: str | None) -> None:
        self.refs.append(Reference(start, end, ids[0], rule, ids[1:]))
        self.resolved[root.i] = ids
        if kind in ("he", "she") and len(ids) == 1:
            self.gender.setdefault(ids[0], kind)
        if rule == "coref:relative":
            return  # the antecedent is right there; counting it twice would overweight it
        rank = self._rank(root)
        if kind:  # a pronoun carries its own class forward, whatever the entity's type
            kinds = {kind}
        elif len(ids) == 1:
            kinds = set(self._kinds(self.index.entities[ids[0]], root, rank))
        else:
            kinds = {"they"}
        self._add(Cand(start, end, root, ids, self.sent_of[root.i], frozenset(kinds), rank))

    def _blocker(self, t: Token, kinds: frozenset[str] | None = None) -> None:
        """Nouns that are not actors we know but compete with them as antecedents."""
        if kinds is None:
            if t.pos_ != "NOUN" or self.index.entity_of(t) is not None:
                return
            if t.tag_ == "NNS":
                kinds = frozenset({"they"} if self._rank(t) <= 1 else {"plural"})
            elif t.tag_ == "NN" and t.lemma_.lower() in self.r.person_nouns and self._rank(t) == 0 \
                    and not self._apposed_to_actor(t):
                kinds = frozenset({"he", "she"})
            elif t.tag_ == "NN" and t.ent_type_ not in _NUMERIC and self._rank(t) <= 1:
                kinds = frozenset({"thing"})  # "fired a missile ... intercepted it"
            else:
                return
        self._add(Cand(t.i, t.i + 1, t, (), self.sent_of[t.i], kinds, self._rank(t)))

    def _apposed_to_actor(self, t: Token) -> bool:
        if t.dep_ == "appos" and self._entity_ids(t.head):
            return True
        return any(c.dep_ == "appos" and self._entity_ids(c) for c in t.children)

    def _entity_ids(self, t: Token) -> tuple[str, ...]:
        if t.i in self.resolved:
            return self.resolved[t.i]
        ent = self.index.entity_of(t)
        return (ent.id,) if ent else ()

    def _window(self, t: Token, sentences: int) -> list[Cand]:
        s, q = self.sent_of[t.i], self.quoted[t.i]
        out = []
        for k in range(s - sentences, s + 1):
            for c in self.by_sent.get(k, ()):
                if c.end <= t.i and self.quoted[c.root.i] == q:
                    out.append(c)
        return out

    # personal pronouns and possessives

    def _pronoun(self, t: Token, kind: str) -> None:
        if kind == "it" and t.lower_ == "it" and self._pleonastic(t):
            return
        rule = "coref:possessive" if t.dep_ == "poss" else "coref:pronoun"
        if t.lower_ in REFLEXIVES:
            ids = self._reflexive(t, kind)
            if ids:
                self._resolve(t.i, t.i + 1, ids, rule, t, kind)
            return
        window = self._window(t, PRONOUN_WINDOW)
        if t.dep_ in ("dobj", "dative", "pobj") and t.lower_ in ("it", "them"):
            # an object "it"/"them" is as often a thing or unnamed people as an actor: resolve it
            # only when no such noun is at hand ("fired a missile ... intercepted it")
            veto = "thing" if kind == "it" else "they"
            if any(veto in c.kinds and not c.ids for c in window):
                self._blocker(t, frozenset({kind}))
                return
        bound = set(self._clause_subject(t)) if t.dep_ != "poss" else set()
        window = [c for c in window if not bound.intersection(c.ids)]
        cands = [c for c in window if self._fits(c, kind)]
        if kind == "they" and not cands and not any("plural" in c.kinds for c in window):
            cands = [c for c in window if "they?" in c.kinds]  # "Hezbollah said they ..."
        pick = self._best(t, cands)
        if pick is not None:
            self._resolve(t.i, t.i + 1, pick.ids, rule, t, kind)
        else:
            self._blocker(t, frozenset({kind}))

    def _fits(self, c: Cand, kind: str) -> bool:
        if kind not in c.kinds and not (kind in ("he", "she") and len(c.ids) == 1 and c.ids[0] in self.animate):
            return False
        if kind in ("he", "she") and c.ids:
            g = self.gender.get(c.ids[0])
            return g is None or g == kind
        return True

    def _clause_subject(self, t: Token, prepositions: bool = True) -> tuple[str, ...]:
        """The actors that are the subject of the clause in which `t` (or the noun it possesses)
        is an object: never what the object refers to ("Ali praised him", "the Quds Force, which
        supplies the group")."""
        x = t.head if t.dep_ == "poss" else t
        if x.dep_ in ("dobj", "dative"):
            verb = x.head
        elif prepositions and x.dep_ == "pobj" and x.head.head.pos_ in ("VERB", "AUX"):
            verb = x.head.head
        else:
            return ()
        for _ in range(3):
            subj = next((c for c in verb.children if c.dep_ in SUBJ), None)
            if subj is not None:
                ids = list(self._entity_ids(subj))
                for c in subj.conjuncts:
                    ids.extend(self._entity_ids(c))
                return tuple(ids)
            if verb.dep_ not in ("conj", "xcomp") or verb.head == verb:
                return ()
            verb = verb.head
        return ()

    def _best(self, t: Token, cands: list[Cand]) -> Cand | None:
        """The most salient candidate: in the pronoun's own sentence, the one whose clause is
        nearest in the parse tree, then a subject over an object; in earlier sentences, the
        nearest sentence, then a subject over an object. Two different actors (or an actor and
        a blocker) at the same level leave the pronoun unresolved."""
        if not cands:
            return None
        s = self.sent_of[t.i]
        same = [c for c in cands if c.sent == s]
        if same:
            anc = _ancestors(t)
            keyed = [((-_lca_depth(c.root, anc), c.rank), c) for c in same]
        else:
            keyed = [((s - c.sent, c.rank), c) for c in cands]
        best = min(k for k, _ in keyed)
        top = [c for k, c in keyed if k == best]
        if len({c.ids for c in top}) != 1 or not top[0].ids:
            return None
        return max(top, key=lambda c: c.start)

    def _reflexive(self, t: Token, kind: str) -> tuple[str, ...]:
        """"himself" is bound in its clause: the noun it stands beside, or the clause's subject."""
        head = t.head
        if head.pos_ in ("NOUN", "PROPN") and t.dep_ in ("appos", "npadvmod", "nmod"):
            ids = self._entity_ids(head)
        else:
            verb, subj = t, None
            for _ in range(6):
                verb = verb.head
                subj = next((c for c in verb.children if c.dep_ in SUBJ), None)
                if subj is not None or verb.head == verb:
                    break
            ids = self._entity_ids(subj) if subj is not None else ()
        if not ids:
            return ()
        if len(ids) > 1:
            return ids if kind == "they" else ()
        kinds = self._kinds(self.index.entities[ids[0]], t, 0)
        if kind in ("he", "she") and self.gender.get(ids[0], kind) != kind:
            return ()
        return ids if kind in kinds or (kind == "they" and "they?" in kinds) else ()

    def _pleonastic(self, t: Token) -> bool:
        """"it" that stands for nothing: "it is possible that", "it was reported that", "it
        seems that", "it is yet to be", "it rained"; or for a statement ("denied it")."""
        if t.dep_ == "expl":
            return True
        if t.dep_ in ("dobj", "ccomp") and t.head.lemma_.lower() in self.r.propositional_verbs:
            return True
        if t.dep_ not in ("nsubj", "nsubjpass"):
            return False
        h, r = t.head, self.r
        kids = list(h.children)
        clause = any(c.dep_ in ("ccomp", "csubj") for c in kids)
        follows = self._next_word(h)
        lemma = h.lemma_.lower()
        if lemma in r.weather_verbs:
            return True
        if lemma in r.raising_verbs and (clause or follows in ("that", "as", "like")):
            return True
        if t.dep_ == "nsubjpass" and lemma in r.reporting_verbs and (clause or follows == "that"):
            return True
        if lemma == "remain" and follows == "to" and any(c.dep_ == "xcomp" for c in kids):
            return True  # "it remains to be seen"
        if lemma in ("be", "remain", "become"):
            if any(c.lower_ == "yet" for c in kids) and (follows == "to" or any(c.dep_ == "xcomp" for c in kids)):
                return True
            for c in kids:
                if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in r.pleonastic_adjectives:
                    sub = any(x.dep_ in ("ccomp", "xcomp", "csubj") for x in (*kids, *c.children))
                    if sub or self._next_word(c) in ("that", "to", "whether", "if"):
                        return True
        return False

    def _next_word(self, t: Token) -> str:
        """The word after a token and its adverbs/particles ("is yet to", "seems that")."""
        i, toks = t.i + 1, self.toks
        while i < len(toks) and toks[i].pos_ in ("ADV", "PART") and toks[i].lower_ not in ("to", "not"):
            i += 1
        return toks[i].lower_ if i < len(toks) else ""

    # relative pronouns

    def _relative(self, t: Token) -> None:
        if t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "dative"):
            return
        verb = t
        for _ in range(3):
            verb = verb.head
            if verb.dep_ == "relcl" or verb.head == verb:
                break
        if verb.dep_ != "relcl":
            return
        noun = verb.head
        ids = self._entity_ids(noun)
        if not ids and noun.dep_ == "appos":
            ids = self._entity_ids(noun.head)
        if not ids:
            ids = next((self._entity_ids(c) for c in noun.children if c.dep_ == "appos" and self._entity_ids(c)), ())
        if not ids:
            return
        if t.lower_ in ("who", "whom", "whose") and not any(self.index.entities[i].type == "person" for i in ids):
            person = self._person_above(noun)  # "al-Muhandis, the deputy head of the PMF, who was killed"
            if person:
                ids = person
        coord = self.list_of.get(noun.i)
        if coord is not None and coord.members[-1].start <= noun.i and coord.end <= t.i:
            ids = coord.ids  # a relative clause after "A and B" is said of both
        if t.lower_ in ("who", "whom") and len(ids) == 1 and not self.index.entities[ids[0]].kb_id:
            self.animate.add(ids[0])
        self._resolve(t.i, t.i + 1, ids, "coref:relative", t, None)

    def _person_above(self, noun: Token) -> tuple[str, ...]:
        """A person up the apposition a relative "who" was hung under by the parser."""
        up = noun
        for _ in range(4):
            if up.head.i == up.i or up.dep_ not in ("pobj", "prep", "appos", "compound"):
                break
            up = up.head
            people = tuple(i for i in self._entity_ids(up) if self.index.entities[i].type == "person")
            if people:
                return people
        return ()

    # descriptions

    def _description(self, t: Token) -> bool | None:
        """"the group", "this military institution": the nearest compatible actor before it.
        True when resolved, False when not, None when the noun is no description here."""
        if t.tag_ not in ("NN", "NNP") or t.dep_ in ("attr", "appos", "compound", "amod", "npadvmod", "nmod"):
            return None
        det = next((c for c in t.children if c.dep_ == "det" and c.i < t.i), None)
        if det is None or det.lower_ not in self.r.determiners:
            return None
        if any(c.dep_ in ("compound", "poss", "nummod", "relcl", "acl") or (c.dep_ == "prep" and c.lower_ == "of")
               for c in t.children):
            return None
        lemma = t.lemma_.lower()
        spec = self.r.descriptions[lemma]
        countries = {e.country for c in t.children if c.dep_ == "amod" and c.i < t.i
                     for e in [self.index.entity_of(c)] if e is not None and e.type == "country"}
        bound = set(self._clause_subject(t, prepositions=False))
        cands = [c for c in self._window(det, self.r.window)
                 if len(c.ids) == 1 and c.ids[0] not in bound and self._compatible(spec, c, countries)]
        prefer = self.r.prefer.get(lemma)
        if prefer:
            preferred = [c for c in cands if self._words_of(c.ids[0]) & prefer]
            if not preferred and len({c.ids for c in cands}) > 1:
                return False  # "Iran armed the Houthis. Iraq protested. The regime ...": which?
            cands = preferred or cands
        if not cands:
            return False
        pick = max(cands, key=lambda c: c.start)
        first = self.sent_of[t.i] - self.r.window
        start = next((i for i in range(t.i, -1, -1) if self.sent_of[i] < first), -1) + 1
        if self._same_noun_between(lemma, start, t.i):
            return False  # "a network of front companies ... the network": that network, not an actor
        if any(c.sent == pick.sent and c.rank < pick.rank and c.ids != pick.ids for c in cands):
            return False  # a more salient actor of that kind in the same sentence: which one?
        coord = self.list_of.get(pick.root.i)
        if coord is not None and any(m.ids[0] != pick.ids[0] and self._compatible(spec, m, countries)
                                     for m in coord.members):
            return False  # "Iraq and Syria ... the country"
        self._resolve(det.i, t.i + 1, pick.ids, "coref:description", t, None)
        return True

    def _same_noun_between(self, lemma: str, start: int, end: int) -> bool:
        """The same noun, naming no actor, stands between the candidate and the description."""
        return any(x.lemma_.lower() == lemma and x.pos_ == "NOUN" and self.index.entity_of(x) is None
                   and not (x.dep_ in ("appos", "attr") and self.index.entity_of(x.head) is not None)
                   for x in self.toks[start:end])  # ("X, a veteran diplomat" describes X)

    def _description_kinds(self, t: Token) -> frozenset[str]:
        types = self.r.descriptions[t.lemma_.lower()]
        return frozenset({"he", "she"} if "person" in types else {"it"})

    def _compatible(self, spec: dict[str, list[Constraint]], c: Cand, countries: set) -> bool:
        ent = self.index.entities[c.ids[0]]
        if countries and ent.country not in countries:
            return False
        for con in spec.get(ent.type, ()):
            if con.subtypes is not None and ent.subtype not in con.subtypes:
                continue
            if con.words is not None and not (self._words_of(ent.id) & con.words):
                continue
            if con.number == "singular" and c.root.tag_ in ("NNS", "NNPS"):
                continue
            return True
        return False

    # the former / the latter

    def _former_latter(self, t: Token) -> None:
        toks = self.toks
        if t.i == 0 or toks[t.i - 1].lower_ != "the":
            return
        if t.i + 1 < len(toks) and toks[t.i + 1].pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            return  # "the former president"
        s, q = self.sent_of[t.i], self.quoted[t.i]
        pairs = [c for k in range(s - PRONOUN_WINDOW, s + 1) for c in self.lists.get(k, ())
                 if c.end < t.i and self.quoted[c.root.i] == q]
        if not pairs:
            return
        pair = max(pairs, key=lambda c: c.end)
        if len(pair.members) != 2:
            return
        k = bisect_left(self.noun_conj, pair.end)
        if pair is not self.last_former_latter and k < len(self.noun_conj) and self.noun_conj[k] < t.i:
            return  # "A and B send arms and money; the latter ..." may mean the money
        self.last_former_latter = pair
        m = pair.members[0] if t.lower_ == "former" else pair.members[1]
        self._resolve(t.i - 1, t.i + 1, m.ids, "coref:former-latter", t, None)


# --- helpers ----------------------------------------------------------------------------------

def _depth(t: Token) -> int:
    d = 0
    while t.head.i != t.i:
        t = t.head
        d += 1
    return d


def _ancestors(t: Token) -> dict[int, int]:
    """Token index → depth, for the token and every head above it."""
    path = [t]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    n = len(path)
    return {x.i: n - 1 - k for k, x in enumerate(path)}


def _lca_depth(t: Token, anc: dict[int, int]) -> int:
    while t.i not in anc:
        if t.head.i == t.i:
            return -1
        t = t.head
    return anc[t.i]


def _quote_flags(doc: Doc, toks: list[Token]) -> list[bool]:
    """Whether each token is inside a quotation (the quote marks included)."""
    spans = quote_spans(doc)
    flags = [False] * len(toks)
    if spans:
        starts = [t.idx for t in toks]
        for a, b in spans:
            for i in range(max(bisect_right(starts, a) - 1, 0), bisect_left(starts, b)):
                flags[i] = True
    return flags
