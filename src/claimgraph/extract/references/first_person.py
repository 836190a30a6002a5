"""First person: "we", "our", "us", "I", "my" → whoever is speaking.

In a quotation, the speaker is the subject of the speech verb that introduces it (in the
quotation's sentence, or the one before a quotation that goes on); in an unquoted statement
with its source after it ("We will act, the minister said"), that source. "I" is a named
person only; "we" is the organization a spokesman speaks for ("a spokesman for X", "X
spokesman Y"), else the speaker itself. Outside both, in a press release or report, "we" is the
body that issues the document: the document's source when it names an actor, else the actor
whose announcement opens it ("The Treasury today designated ..."). Otherwise, and in news,
first person stays unresolved.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Span, Token

from claimgraph.extract.modality.quotes import quote_spans
from claimgraph.extract.references.candidates import Candidates, Reference
from claimgraph.kb.fold import fold

FIRST_PERSON = {"we": "we", "us": "we", "our": "we", "ours": "we", "ourselves": "we",
                "i": "i", "me": "i", "my": "i", "mine": "i", "myself": "i"}
_SPEAKERS = ("person", "organization", "country", "group")


class FirstPerson(Candidates):
    _issuer_ids: tuple[str, ...] | None = None
    _sents: list[Span] | None = None
    _token_starts: list[int] | None = None

    def _starts(self) -> list[int]:
        if self._token_starts is None:
            self._token_starts = [t.idx for t in self.toks]
        return self._token_starts

    def _is_first_person(self, t: Token) -> bool:
        return t.lower_ in FIRST_PERSON and t.tag_ in ("PRP", "PRP$") and t.text != "US"

    def _first_person(self, t: Token) -> None:
        singular = FIRST_PERSON[t.lower_] == "i"
        if self.quoted[t.i]:
            verb = self._quote_attribution(t)
        else:
            verb = self._statement_source(t)
        if verb is None:
            if not self.quoted[t.i] and not singular:
                ids = self._issuer()
                if ids:
                    self._resolve_first(t, ids)
            return
        speaker = _speaker_token(verb)
        if speaker is None:
            return
        if speaker.i > t.i and speaker.pos_ == "PRON" and speaker.i not in self.resolved:
            self.pending.setdefault(speaker.i, []).append(t)  # '"We ...," he said': after "he"
            return
        ids = self._speaker_ids(speaker, singular)
        if ids:
            self._resolve_first(t, ids)

    def _resolve_first(self, t: Token, ids: tuple[str, ...]) -> None:
        # no antecedent for third person: a speaker calls itself "we", never "it"
        self.refs.append(Reference(t.i, t.i + 1, ids[0], "coref:first-person", ids[1:]))
        self.resolved[t.i] = ids
        self.first_person_of.setdefault(self.sent_of[t.i], set()).update(ids)

    def _after_token(self, t: Token) -> None:
        """Resolve the first person that waited for its speaker `t` to be resolved."""
        for w in self.pending.pop(t.i, ()):
            self._first_person(w)

    # who speaks

    def _quote_attribution(self, t: Token) -> Token | None:
        """The speech verb outside quotation marks that introduces the quotation holding `t`."""
        span = next(((a, b) for a, b in quote_spans(self.doc) if a <= t.idx < b), None)
        if span is None:
            return None
        a, b = span
        if self._sents is None:
            self._sents = list(self.doc.sents)
        first_tok = self.toks[bisect_right(self._starts(), a) - 1]
        last_tok = self.toks[max(bisect_left(self._starts(), b) - 1, 0)]
        sents = self._sents[self.sent_of[first_tok.i]:self.sent_of[last_tok.i] + 1]
        for s in reversed(sents):
            verb = self._speech_verb(s.start, s.end)
            if verb is not None:
                return verb
        first = sents[0] if sents else None
        if first is None or first.start == 0:
            return None
        prev = self._sents[self.sent_of[first.start - 1]]
        last = next((x for x in reversed(prev) if not x.is_space), None)
        if last is None or "\n" in self.doc.text[last.idx + len(last):a]:
            return None  # a new paragraph: no speaker carried over
        return self._speech_verb(prev.start, prev.end)

    def _speech_verb(self, start: int, end: int) -> Token | None:
        verbs = self.r.first_person.speech_verbs
        for x in self.toks[start:end]:
            if not self.quoted[x.i] and x.pos_ in ("VERB", "AUX") and x.lemma_.lower() in verbs:
                return x
        return None

    def _statement_source(self, t: Token) -> Token | None:
        """"We will act, the minister said": the speech verb after the statement that holds `t`."""
        verbs = self.r.first_person.speech_verbs
        x = t
        while x.head.i != x.i:
            if x.dep_ in ("ccomp", "parataxis") and x.head.lemma_.lower() in verbs and x.head.i > t.i:
                return x.head
            x = x.head
        for c in x.children:  # the parser made the statement the root, "said" hangs under it
            if c.dep_ in ("parataxis", "ccomp") and c.i > t.i and c.lemma_.lower() in verbs \
                    and not (c.left_edge.i <= t.i <= c.right_edge.i) and not self.quoted[c.i]:
                return c
        return None

    def _speaker_ids(self, speaker: Token, singular: bool) -> tuple[str, ...]:
        ids = self._entity_ids(speaker)
        if len(ids) > 1:
            return () if singular else ids
        if ids:
            ent = self.index.entities[ids[0]]
            if singular:
                return ids if ent.type == "person" else ()
            if ent.type == "person":
                return self._affiliation(speaker) or ids
            return ids if ent.type in _SPEAKERS else ()
        if singular or speaker.lemma_.lower() not in self.r.first_person.speaker_nouns:
            return ()
        return self._organization_of(speaker)  # "a spokesman for X", "an X statement"

    def _affiliation(self, person: Token) -> tuple[str, ...]:
        """The organization a named spokesman speaks for: "X spokesman Y", "Y, a spokesman for X"."""
        nouns = self.r.first_person.speaker_nouns
        near = [c for c in person.children if c.dep_ in ("appos", "compound")]
        if person.dep_ in ("appos", "compound"):
            near.append(person.head)
        for n in near:
            if n.lemma_.lower() in nouns and not self._entity_ids(n):
                ids = self._organization_of(n)
                if ids:
                    return ids
        return ()

    def _organization_of(self, noun: Token) -> tuple[str, ...]:
        for c in noun.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < noun.i:
                ids = self._actor_ids(c)
            elif c.dep_ == "prep" and c.lower_ in ("for", "of", "from"):
                ids = next((self._actor_ids(o) for o in c.children if o.dep_ == "pobj"), ())
            else:
                continue
            if ids:
                return ids
        return ()

    def _actor_ids(self, t: Token) -> tuple[str, ...]:
        ids = self._entity_ids(t)
        if len(ids) == 1 and self.index.entities[ids[0]].type in ("organization", "country", "group"):
            return ids
        return ()

    # who issues the document

    def _issuer(self) -> tuple[str, ...]:
        if self._issuer_ids is None:
            self._issuer_ids = self._find_issuer()
        return self._issuer_ids

    def _find_issuer(self) -> tuple[str, ...]:
        rules = self.r.first_person
        document = self.index.document
        if document.genre not in rules.issuer_genres:
            return ()
        if document.source:
            want = fold(document.source)
            for e in self.index.entities.values():
                if e.type in ("organization", "country") and want in {fold(n) for n in (e.name, *e.aliases)}:
                    return (e.id,)
        for k, sent in enumerate(self.doc.sents):
            if k >= rules.issuer_sentences:
                break
            for x in sent:
                if x.pos_ == "VERB" and x.lemma_.lower() in rules.issuer_verbs and not self.quoted[x.i]:
                    subj = next((c for c in x.children if c.dep_ == "nsubj"), None)
                    ids = self._actor_ids(subj) if subj is not None else ()
                    if ids and self.index.entities[ids[0]].type in ("organization", "country"):
                        return ids
        return ()


def _speaker_token(verb: Token) -> Token | None:
    """The subject of a speech verb, or of the verb a participle hangs on ("..., saying")."""
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if verb.dep_ == "acl":  # "a statement saying"
            return verb.head
        if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None
