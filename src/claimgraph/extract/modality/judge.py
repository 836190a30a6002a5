"""Modality and attribution of a claim, from cue words that govern its trigger.

A cue counts only where it governs the claim's predicate: on the trigger itself (a negation, a
modal, "reportedly"), on the words above it up to the clause it sits in ("may have been behind
the assassination", "an alleged plot to kill"), or as a verb whose complement holds it ("accused
of failed plans to bomb", "said that", "denied arming"). Quotations are the speaker's; a source
named at the head of a sentence ("According to leaked reports, ...") carries over the sentences
that continue its report. When cues stack, the most doubtful wins (codebook.DOUBT).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claimgraph.extract.readings.arguments import VERBAL, Arguments, is_passive
from claimgraph.extract.codebook import DOUBT, Codebook
from claimgraph.extract.entities.courts import is_self_reference
from claimgraph.extract.modality.quotes import quote_spans
from claimgraph.model import Entity

_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them"}


@dataclass
class Cue:
    modality: str
    token: Token
    source: Entity | str | None = None


@dataclass
class Judgement:
    modality: str = "asserted"
    attributed_to: Entity | str | None = None
    cues: list[Cue] = field(default_factory=list)


class ModalityJudge:
    def __init__(self, args: Arguments, codebook: Codebook):
        self.args = args
        self.cb = codebook
        self.carry: tuple[Cue, int] | None = None  # a sentence-level source and the sentence it came from
        self._quotes: list[tuple[int, int]] | None = None

    # -- per sentence ---------------------------------------------------------------------------
    def start_sentence(self, sent: Span) -> None:
        """Carry a source named at the head of the previous sentence into this one when this one
        goes on with the same report ("According to leaked reports, X met Y. He instructed them")."""
        if self._quotes is None:
            self._quotes = quote_spans(sent.doc)
        if self.carry is not None:
            _, last = self.carry
            subj = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
            continues = last >= sent.start - 1  # the very next sentence
            pronoun = bool(subj) and subj[0].lower_ in _PRONOUNS
            if not (pronoun and continues and not self._own_source(sent)):
                self.carry = None
        head_source = self._sentence_source(sent)
        if head_source is not None:
            self.carry = (head_source, sent.end - 1)
        elif self.carry is not None:
            self.carry = (self.carry[0], sent.end - 1)

    def _sentence_source(self, sent: Span) -> Cue | None:
        for c in sent.root.children:
            if c.dep_ == "prep" and _according_to(c):
                return self._according_cue(c)
        return None

    def _according_cue(self, prep: Token) -> Cue:
        """"according to X": X's report, or X's charge when X is an accusation ("according to the
        complaint", "according to the indictment")."""
        pobj = next((t for t in prep.subtree if t.dep_ == "pobj"), None)
        charge = pobj is not None and pobj.lemma_.lower() in self.cb.cue("alleged", "nouns")
        return Cue("alleged" if charge else "reported", prep, self._source_of_prep(prep))

    def _own_source(self, sent: Span) -> bool:
        root = sent.root
        return root.lemma_.lower() in self.cb.cue("reported", "verbs") or self._sentence_source(sent) is not None

    # -- per claim ------------------------------------------------------------------------------
    def judge(self, trigger: Token, predicate: str | None = None) -> Judgement:
        cues = self._local(trigger) + self._governing(trigger)
        if predicate == "ACCUSE":  # an accusation is a fact once made: "alleged" cues describe it
            cues = [c for c in cues if c.modality != "alleged"]
        quote = self._quoted(trigger)
        if quote is not None:
            cues.append(quote)
        if self.carry is not None and not any(c.modality == "reported" for c in cues):
            carried, _ = self.carry
            if carried.token.sent != trigger.sent:
                cues.append(Cue(carried.modality, carried.token, carried.source))
        if not cues:
            return Judgement()
        worst = max(cues, key=lambda c: DOUBT.index(c.modality))
        source = worst.source
        if source is None:
            source = next((c.source for c in cues if c.source is not None), None)
        return Judgement(worst.modality, source, cues)

    def reporting(self, trigger: Token) -> Judgement:
        """A description ("Iran-backed", "X, Iran's proxy") is the writer's own, unless the whole
        sentence is somebody's report: a quotation, or the complement of a reporting verb ("...,
        Kirby told reporters"), whose source then vouches for it."""
        quote = self._quoted(trigger)
        if quote is not None:
            return Judgement("reported", quote.source, [quote])
        child, cur = trigger, trigger.head
        while cur.i != child.i:
            if (cur.pos_ in VERBAL and cur.lemma_.lower() in self.cb.cue("reported", "verbs")
                    and child.dep_ in ("ccomp", "parataxis") and not _side_by_side(child, cur, False)):
                source = self._source(cur)
                return Judgement("reported", source, [Cue("reported", cur, source)])
            child, cur = cur, cur.head
        return Judgement()

    def _local(self, tok: Token) -> list[Cue]:
        """Cues on the trigger itself: negation, modal, "reportedly", "alleged"."""
        return self._cues_on(tok)

    def _cues_on(self, tok: Token) -> list[Cue]:
        cb, out = self.cb, []
        for c in tok.children:
            w = c.lower_
            if c.dep_ == "neg" or (w in cb.cue("negated", "negations") and c.dep_ in ("advmod", "det", "neg")):
                out.append(Cue("negated", c))
            elif c.dep_ in ("aux", "auxpass") and w in cb.cue("speculative", "auxiliaries"):
                out.append(Cue("speculative", c))
            elif c.dep_ in ("advmod", "amod") and w in cb.cue("speculative", "adverbs"):
                out.append(Cue("speculative", c))
            elif c.dep_ == "advmod" and w in cb.cue("reported", "adverbs"):
                out.append(Cue("reported", c))
            elif c.dep_ == "advmod" and w in cb.cue("alleged", "adverbs"):
                out.append(Cue("alleged", c))
            elif c.dep_ in ("amod", "compound") and w in cb.cue("alleged", "adjectives"):
                out.append(Cue("alleged", c))
            elif c.dep_ == "amod" and w in cb.cue("speculative", "adjectives"):
                out.append(Cue("speculative", c))
            elif c.dep_ == "prep" and _according_to(c):
                out.append(self._according_cue(c))
        return out

    def _governing(self, tok: Token) -> list[Cue]:
        """Cue verbs and nouns whose complement holds the trigger, up to the sentence root."""
        cb, out = self.cb, []
        child, cur = tok, tok.head
        crossed = False  # once out of the trigger's clause, only cue verbs and nouns count
        describing = False  # inside a relative clause: only a report that holds it counts
        while cur.i != child.i:
            lemma = cur.lemma_.lower()
            passive = cur.pos_ in VERBAL and is_passive(cur)
            via = child.dep_
            if via == "relcl" and not self._thing_clause(child) or via == "acl" and self._describes_actor(child, cur):
                # a relative clause describes: the writer vouches for it ("whom police arrested"),
                # or the source whose report holds the whole sentence ("X, which Iran funds, ..., Y said")
                describing = crossed = True
            if describing:
                if cur.pos_ in VERBAL and lemma in cb.cue("reported", "verbs") and via in ("ccomp", "parataxis"):
                    out.append(Cue("reported", cur, self._source(cur)))
                    break
                if cur.head.i == cur.i:
                    break
                child, cur = cur, cur.head
                continue
            if via in ("ccomp", "parataxis") and _side_by_side(child, cur, self._denying(cur)):
                break  # "X blames Y for Z; W denies role": two clauses side by side, not a complement
            if via in ("ccomp", "advcl", "parataxis", "csubj"):
                crossed = True
            if via == "agent" and _of_under_agent(tok, child):
                via = "prep"  # "accused by Western governments of arming": the parser hung "of" on the agent
            if cur.pos_ in VERBAL:
                if lemma in cb.cue("negated", "verbs") and via in ("xcomp", "ccomp", "dobj", "pcomp", "prep"):
                    out.append(Cue("negated", cur, self._source(cur)))
                elif lemma in cb.cue("alleged", "verbs") and via in ("prep", "xcomp", "ccomp", "pcomp", "oprd", "dobj"):
                    out.append(Cue("alleged", cur, self._agent(cur) if passive else self._source(cur)))
                elif lemma in cb.cue("speculative", "raising") and via == "xcomp":
                    out.append(Cue("speculative", cur))
                elif via == "ccomp" and any(c.dep_ == "acomp" and c.lower_ in cb.cue("speculative", "adjectives")
                                            for c in cur.children):
                    out.append(Cue("speculative", cur))  # "it is possible that he was in Belgium"
                elif passive and lemma in cb.cue("speculative", "passive_verbs") and via in ("xcomp", "ccomp", "oprd"):
                    out.append(Cue("speculative", cur))
                elif passive and lemma in cb.cue("reported", "passive_verbs") and via in ("xcomp", "ccomp"):
                    out.append(Cue("reported", cur))
                elif lemma in cb.cue("speculative", "verbs") and via == "ccomp" and not passive:
                    out.append(Cue("speculative", cur, self._source(cur)))
                elif lemma in cb.cue("reported", "verbs") and via in ("ccomp", "parataxis", "xcomp", "advcl"):
                    if not _own_voice(cur):
                        out.append(Cue("reported", cur, self._source(cur)))
                elif lemma in cb.cue("reported", "verbs") and via == "prep" and child.lower_ == "as":
                    out.append(Cue("reported", cur, self._source(cur)))  # "described him as a member of"
                elif lemma in cb.cue("reported", "disclosing") and via == "dobj":
                    out.append(self._disclosure(cur))  # "the indictment exposes Iran's plot"
            elif cur.pos_ in ("NOUN", "PROPN") and not (cur.dep_ == "pobj" and cur.head.lower_ == "in"):
                # ("in charge of" is no charge)
                if lemma in cb.cue("alleged", "nouns") and via in ("acl", "prep", "ccomp", "relcl"):
                    out.append(Cue("alleged", cur, self._noun_source(cur)))
                elif lemma in cb.cue("reported", "nouns") and via in ("acl", "ccomp"):
                    out.append(Cue("reported", cur, self._noun_source(cur)))
            if via == "advcl" and cur.pos_ in VERBAL and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                for plan in cur.children:  # "broken up an alleged plot to assassinate" (parsed as advcl)
                    if plan.dep_ == "dobj" and plan.lower_ in cb.status_words.get("planned", ()):
                        out += self._cues_on(plan)
            if not crossed:
                # a coordinated verb shares its head's source and hedges, not its negation
                out += [c for c in self._cues_on(cur) if not (via == "conj" and c.modality == "negated")]
            if cur.head.i == cur.i:
                break
            child, cur = cur, cur.head
        return out

    def _denying(self, verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        return lemma in self.cb.cue("negated", "verbs") or lemma in self.cb.cue("alleged", "verbs")

    def _describes_actor(self, acl: Token, noun: Token) -> bool:
        """"militant groups operating in Syria": a participle describing an actor is a reduced
        relative clause, the writer's (or the quoted speaker's) description, not the charge."""
        return acl.tag_ in ("VBG", "VBN") and self.args.index.entity_of(noun) is not None

    def _thing_clause(self, relcl: Token) -> bool:
        """"the rockets that killed two soldiers": a relative clause whose subject is a thing; its
        actor is whoever the clause above says used the thing, so that clause's cues hold it."""
        subj = next((c for c in relcl.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return (subj is not None and subj.lower_ in ("that", "which") and subj.dep_ == "nsubj"
                and self.args.index.entity_of(relcl.head) is None and not self.args.actors(relcl.head))

    def _agent(self, verb: Token) -> Entity | str | None:
        """The "by" agent of a passive cue verb ("is accused by the coalition of ..."), if named."""
        for c in verb.children:
            if c.dep_ == "agent":
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    ents = self.args.actors(pobj)
                    return ents[0] if ents else _phrase(pobj)
        return None

    def _disclosure(self, verb: Token) -> Cue:
        """What a document exposes or reveals is its account: alleged when the document is an
        accusation (an indictment, a complaint), reported otherwise."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lemma_.lower() in self.cb.cue("alleged", "nouns"):
            return Cue("alleged", verb, None)
        return Cue("reported", verb, self._source(verb))

    def _quoted(self, tok: Token) -> Cue | None:
        for start, end in self._quotes or ():
            if start <= tok.idx < end:
                return Cue("reported", tok, self._speaker(tok.sent) or self._quote_speaker(tok, start, end))
        return None

    def _quote_speaker(self, tok: Token, start: int, end: int) -> Entity | str | None:
        """A quotation of several sentences is its speaker's throughout: the one named by the speech
        verb after it ("“... . ...,” said X") in the sentence where it ends."""
        doc = tok.doc
        last = doc.char_span(max(end - 1, start), end, alignment_mode="expand")
        if last is None or last.sent.start == tok.sent.start:
            return None
        return self._speaker(last.sent)

    def _speaker(self, sent: Span) -> Entity | str | None:
        for t in sent:
            if t.lemma_.lower() in self.cb.cue("reported", "verbs") and not self._in_quote(t):
                src = self._source(t)
                if src is not None:
                    return src
        return None

    def _in_quote(self, tok: Token) -> bool:
        return any(s <= tok.idx < e for s, e in self._quotes or ())

    # -- sources --------------------------------------------------------------------------------
    def _source(self, verb: Token) -> Entity | str | None:
        ents = self.args.explicit_subjects(verb)
        if ents:
            return ents[0]
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "agent")), None)
        if subj is None:  # "an order stating that ...": whoever issued it
            ents = self.args.controller(verb)
            return ents[0] if ents else None
        if subj.dep_ == "agent":
            subj = next((p for p in subj.children if p.dep_ == "pobj"), None)
            if subj is None:
                return None
        if subj.lower_ in _PRONOUNS | {"i", "we", "you", "which", "that", "who"}:
            return None
        persons = {e.id: e for t in subj.subtree for e in self.args.index.entities_of(t) if e.type == "person"}
        if len(persons) == 1:  # "said Assistant Attorney General for National Security X": the title's portfolio took the name
            return next(iter(persons.values()))
        return _phrase(subj)

    def _noun_source(self, noun: Token) -> Entity | str | None:
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if poss is not None:
            ents = self.args.actors(poss)
            return ents[0] if ents else None
        return None

    def _source_of_prep(self, prep: Token) -> Entity | str | None:
        pobj = next((t for t in prep.subtree if t.dep_ == "pobj"), None)
        if pobj is None:
            return None
        ents = self.args.actors(pobj)
        return ents[0] if ents else _phrase(pobj)


def _own_voice(verb: Token) -> bool:
    """"The Court finds that ...": a court's findings in its own opinion are the document's voice."""
    return any(c.dep_ == "nsubj" and is_self_reference(c) for c in verb.children)


def _according_to(prep: Token) -> bool:
    return prep.lower_ == "according" or (prep.lower_ == "to" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "according")


def _side_by_side(clause: Token, verb: Token, denying: bool) -> bool:
    """A clause the parser hung on a verb that cannot be its complement: a semicolon stands between
    them, or a denial or accusation comes after it with an object of its own ("X blames Y, Z
    denies role"; a reporting verb's object is its hearer: "..., Israel told the UN")."""
    lo, hi = sorted((clause.i, verb.i))
    if any(t.text == ";" for t in clause.doc[lo:hi]):
        return True
    return denying and clause.i < verb.i and any(c.dep_ == "dobj" for c in verb.children)


def _of_under_agent(trigger: Token, agent: Token) -> bool:
    """Is the trigger in an "of"/"with"/"for" phrase that the parser hung on a "by" agent's object?"""
    for a in [trigger, *trigger.ancestors]:
        if a.i == agent.i:
            return False
        if a.dep_ == "prep" and a.lower_ in ("of", "with", "for") and a.head.dep_ == "pobj" and a.head.head.i == agent.i:
            return True
    return False


def _phrase(tok: Token) -> str:
    """A short phrase for an unnamed source ("leaked reports", "a Berlin-based journalist")."""
    words = [t for t in tok.subtree if not t.is_punct or t.text == "-"]
    words = words[:6] if words else [tok]
    text = tok.doc[words[0].i:words[-1].i + 1].text
    for art in ("the ", "The "):
        if text.startswith(art):
            text = text[len(art):]
    return text
