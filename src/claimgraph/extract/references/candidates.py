"""The antecedents a reference can stand for: the document's actor mentions (with their
coordinations, ranks and the words the text gives them), resolved references, and blockers
(nouns that are no known actor but compete, such as "officials" for "they").

`Candidates` holds the state of one pass over a document; the rule mixins (pronouns,
relatives, definites, first_person) read and extend it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.index import EntityIndex
from claimgraph.extract.references.rules import Rules
from claimgraph.extract.references.tree import depth, quote_flags
from claimgraph.kb.fold import fold
from claimgraph.model import Entity

SUBJ = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
NOMINAL = {"NOUN", "PROPN", "PRON"}
_NUMERIC = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}


@dataclass(frozen=True)
class Reference:
    """A referring expression (tokens `start:end` of the spaCy doc) and the entity it names."""

    start: int
    end: int
    entity_id: str
    rule: str  # coref:pronoun, coref:possessive, coref:relative, coref:description, coref:former-latter, ...
    others: tuple[str, ...] = ()  # the other actors of a plural reference ("A and B ... they")

    @property
    def entity_ids(self) -> tuple[str, ...]:
        return (self.entity_id, *self.others)


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
    # near (a singular organization), "it?" only when nothing singular is (the PMF, the Houthis);
    # blockers also "plural" and "thing" (nouns that veto)
    kinds: frozenset[str]
    rank: int  # 0 subject, 1 object or possessor of one, 2 anything else
    members: list["Cand"] = field(default_factory=list)  # a coordination: its conjuncts


_WORD_SPLIT = re.compile(r"[\s\-–—/]+")


@lru_cache(maxsize=20_000)
def _words(text: str) -> frozenset[str]:
    """The folded words of a name or phrase (asked again for each candidate of each reference)."""
    return frozenset(fold(w).strip(".,;:()") for w in _WORD_SPLIT.split(text) if w)



class Candidates:
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
        self.quoted = quote_flags(doc, self.toks)
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
        self.pending: dict[int, list[Token]] = {}  # speaker token → first person waiting for it
        self.first_person_of: dict[int, set[str]] = {}  # sentence → who its "we"/"I" are
        self.noun_conj: list[int] = []  # coordinated nouns that are not actors ("tactics and operations")
        self._mentions()

    # setup: mentions, coordinations, what the text says of each actor

    def _mentions(self) -> None:
        index = self.index
        seen: set[tuple[int, int, str]] = set()
        mentions: list[Cand] = []
        for i in sorted(index._by_token):  # the tokens that stand for an actor, in order
            t = self.toks[i]
            span = index.span_of(t)
            ent = index.entity_of(t)
            if span is None or ent is None or (span.start, span.end, ent.id) in seen:
                continue
            seen.add((span.start, span.end, ent.id))
            owned = [x for x in self.toks[span.start:span.end] if index.entity_of(x) is ent]
            root = span.root
            if root not in owned:
                root = min(owned, key=depth)
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
            return frozenset({"they", "it?"}) if plural else frozenset({"it", "they?"})
        if ent.type == "group":
            return frozenset({"they"}) if plural else frozenset({"it", "they?"})
        if ent.type == "country" and rank <= 1:
            return frozenset({"it"})
        if ent.type == "location" and rank == 0:
            return frozenset({"it"})
        return frozenset()

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
