"""Who a phrase names, and who does what to whom around a trigger word, from the dependency parse.

`actors(token)` reads a noun phrase: the entity it mentions, its coordinated and "including"
members, and the actor it stands for when it is not one itself ("its leaders", "Saudi and Israeli
embassies"). `subjects` and `objects` find a trigger's arguments: explicit ones first, then the
controller of a clause with no subject of its own ("accused of failed plans to bomb ...", "was
designated for providing ...", "operations, which include training ...").
"""
from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.codebook import Codebook, Trigger
from claimgraph.extract.index import EntityIndex
from claimgraph.extract.readings.bounds import Walks, bounded
from claimgraph.extract.readings.coordination import Coordinations
from claimgraph.extract.references.events import EventMemory, is_moment
from claimgraph.extract.readings.lists import listed
from claimgraph.model import Entity
from claimgraph.nlp.tokens import sentences

RELATIVE = {"which", "that", "who", "whom", "whose"}
VERBAL = {"VERB", "AUX"}
_LIST_PREPS = {"including", "like"}
_MAX_CLIMB = 8
_HOLDING = {"control", "hold", "occupy", "run", "dominate"}  # "Houthi-controlled areas"
_USING = {"use", "utilize", "utilise", "operate", "own"}  # "a crossing used by X"
_HOSTING = {"host", "house", "shelter", "accommodate"}  # "bases that host coalition forces"
_LOCATED = {"locate", "base", "situate", "house"}  # "facilities located at ..."
PLACES = {"country", "location"}
_GROUND = {"soil", "territory", "airspace", "land", "waters", "ground"}
_PERSON_WORDS = {"man", "leader", "commander", "official", "brother", "figure", "operative", "officer"}
_AMOUNTS = {"number", "handful", "host", "variety", "range", "array"}  # "a number of X" is X


_PASSIVE_DEPS = ("nsubjpass", "auxpass", "csubjpass")


def is_passive(v: Token) -> bool:
    memo = v.doc.user_data.setdefault("claimgraph.passive", {})  # asked of a verb many times per reading
    got = memo.get(v.i)
    if got is None:
        got = memo[v.i] = any(c.dep_ in _PASSIVE_DEPS for c in v.children)
    return got


def dedupe(ents: list[Entity]) -> list[Entity]:
    """The actors in order, each once."""
    seen, out = set(), []
    for e in ents:
        if e.id not in seen:
            seen.add(e.id)
            out.append(e)
    return out


class Arguments:
    def __init__(self, index: EntityIndex, codebook: Codebook):
        self.index = index
        self.cb = codebook
        self.walks = Walks()
        self.coordinations = Coordinations(index.tokens)
        self.events = EventMemory()  # the event mentions read so far, for "the attack", "both raids"

    # -- noun phrases ---------------------------------------------------------------------------
    @bounded
    def actors(self, tok: Token, _depth: int = 0) -> list[Entity]:
        """The actors a noun phrase headed by `tok` names (empty when it names none), with every
        member of a coordination under it ("A, B, ... and Z", however long)."""
        if _depth > 6:
            return []
        out: list[Entity] = []
        for member in self._coordinated(tok):
            out.extend(self._phrase_actors(member, _depth))
        return dedupe(out)

    def _end(self, tok: Token) -> int:
        """The index after the name `tok` heads (or after `tok`)."""
        span = self._own_span(tok)
        return span.end if span is not None else tok.i + 1

    def _own_span(self, tok: Token):
        return self.index.span_of(tok) if self.index.entity_of(tok) is not None else None

    def _coordinated(self, tok: Token) -> list[Token]:
        """`tok` and the conjuncts hung under it, in order. The parser hangs each conjunct on the
        one before, so the chain is as long as the list: walked with a stack, not recursion."""
        out: list[Token] = []
        stack, seen = [tok], {tok.i}
        while stack:
            t = stack.pop()
            out.append(t)
            span = self._own_span(t)
            heads = list(span) if span is not None else [t]
            kids = [c for h in heads for c in h.children
                    if c.dep_ == "conj" and c.i not in seen and not (span is not None and span.start <= c.i < span.end)
                    and c.pos_ not in VERBAL and not any(x.dep_ == "case" for x in c.children)
                    and not (_for_doing(c.doc, c.right_edge.i + 1)
                             and not _for_doing(c.doc, span.end if span is not None else t.i + 1))
                    and not (_by_doing(c.doc, self._end(c)) and not _by_doing(c.doc, span.end if span is not None else t.i + 1))]
            if span is not None:  # "Hezbollah and Kata'ib Hezbollah", parsed as "[Hezbollah and Kata'ib] Hezbollah"
                kids += [c for h in heads for c in h.children if c.dep_ in ("nmod", "compound") and c.i not in seen
                         and not span.start <= c.i < span.end and self.index.entity_of(c) is not None
                         and any(x.dep_ == "conj" and span.start <= x.i < span.end for x in c.children)]
            for c in reversed(kids):  # not a verb, not a possessor ("X's") misparsed
                seen.add(c.i)
                stack.append(c)
        return out

    def _phrase_actors(self, tok: Token, _depth: int) -> list[Entity]:
        """The actors of one member of a coordination: its entity, or what it stands for, and its
        "including" and appositive lists."""
        out: list[Entity] = []
        e = self.index.entity_of(tok)
        office = self._possessed_office(tok) if e is not None else []
        if office:
            out.extend(office)
        elif e is not None:
            out.extend(self.index.entities_of(tok))
            out.extend(listed(self, tok, _depth))  # "militias A, B and C"
        elif tok.lower_ in RELATIVE:
            out.extend(self._antecedent(tok, _depth))  # "groups that the regime controls"
        else:
            named = [e for c in tok.children if c.dep_ == "appos" for e in self.index.entities_of(c)]
            named = dedupe(named + listed(self, tok, _depth))  # "its subsidiaries A, B and C"
            out.extend(named or self._amount_of(tok, _depth) or self._stands_for(tok, _depth)  # "Saudi envoy Adel al-Jubeir"
                       or self._both_named(tok))
        span = self.index.span_of(tok) if e is not None else None
        heads = list(span) if span is not None else [tok]
        for c in (c for h in heads for c in h.children):
            if span is not None and span.start <= c.i < span.end or c.dep_ == "conj":
                continue  # conjuncts are members of their own (`_coordinated`)
            if c.dep_ == "prep" and (c.lower_ in _LIST_PREPS or _such_as(c)):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.extend(self.actors(p, _depth + 1))
            elif c.dep_ == "appos" and not out:
                out.extend(self.actors(c, _depth + 1))
        if span is not None:
            out.extend(self._semicolon_list(span))
        if not out and tok.dep_ == "appos" and self.index.entity_of(tok.head) is not None:
            out.extend(self.actors(tok.head, _depth + 1))  # "AAH, a Shia militia then led by ..."
        return out

    def _possessed_office(self, tok: Token) -> list[Entity]:
        """"The Department of the Treasury's Office of Foreign Assets Control designated ...": the
        parser heads the phrase with the possessor's name; the actor is the office it possesses."""
        span = self.index.span_of(tok)
        last = span[-1] if span is not None else None
        if last is None or last.dep_ != "poss" or span.start <= last.head.i < span.end:
            return []
        if last.head.head.i not in {t.i for t in span}:
            return []  # only a possessed name hung inside the possessor's own phrase
        return [e for e in self.index.entities_of(last.head) if e.type == "organization"]

    def _named_in(self, ent: Entity, clause: Token) -> bool:
        return any(e.id == ent.id for t in clause.subtree for e in self.index.entities_of(t))

    def _both_named(self, tok: Token) -> list[Entity]:
        """"X was an associate of Y; both men were killed ...": "both men", "the two leaders" are the
        two persons the sentence (else the one before) names, when it names exactly two."""
        if tok.lower_ == "both" and tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubjpass") \
                and not any(True for _ in tok.children):
            return self._pair_before(tok)
        if tok.lemma_.lower() not in _PERSON_WORDS or tok.tag_ != "NNS":
            return []
        words = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "nummod")}
        if not words & {"both", "two"} or any(c.dep_ in ("poss", "prep", "amod", "compound") for c in tok.children):
            return []
        for a, b in _back_spans(tok):
            persons = dedupe([e for t in self.index.tokens[a:b] for e in [self.index.entity_of(t)]
                              if e is not None and e.type == "person"])
            if persons:
                return persons if len(persons) == 2 else []
        return []

    def _pair_before(self, tok: Token) -> list[Entity]:
        """"designated A and B. Both are owned by X": a subject "both" is the last two actors of one
        kind coordinated ("A and B") in its sentence before it, else in the sentence before."""
        for a, b in _back_spans(tok):
            pairs = []
            for t in self.index.tokens[a:b]:
                e, conj = self.index.entity_of(t), [c for c in t.children if c.dep_ == "conj"]
                if e is None or t.dep_ == "conj" or len(conj) != 1 or any(x.dep_ == "conj" for x in conj[0].children):
                    continue  # exactly two: "A and B", not "A, B and C"
                f = self.index.entity_of(conj[0])
                if f is not None and f.id != e.id and f.type == e.type and conj[0].i < b:
                    pairs.append((e, f))
            if pairs:
                return list(pairs[-1])
        return []

    def _amount_of(self, tok: Token, depth: int) -> list[Entity]:
        """"a number of Iran-backed groups", "a handful of militias": the whole counted."""
        if tok.lemma_.lower() not in _AMOUNTS:
            return []
        return [e for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children if o.dep_ == "pobj" for e in self.actors(o, depth + 1)]

    def _semicolon_list(self, span) -> list[Entity]:
        """"charges against A, also known as B; C; and D": the parser loses such lists, so
        actors of the same kind that follow one another, separated by semicolons, are one list."""
        doc, first = span.doc, self.index.entity_of(span[0])
        out, i, end = [], span.end, span.sent.end
        seen_semicolon = False
        while i < end:
            t = doc[i]
            if t.text == ";":
                seen_semicolon = True
                i += 1
            elif t.text in (",", "and", "or") or t.lower_ in ("also", "known", "as", "a.k.a.", "aka"):
                i += 1
            else:
                e, sp = self.index.entity_of(t), self.index.span_of(t)
                if e is None or sp is None or e.type != first.type:
                    break
                if e.id != first.id and seen_semicolon and e not in out:
                    out.append(e)
                i = sp.end
        return out if seen_semicolon else []

    @bounded
    def _antecedent(self, rel: Token, depth: int) -> list[Entity]:
        """What a relative pronoun stands for; "X and Y are militias whose fighters ..." → X, Y."""
        clause = next((a for a in [rel, *rel.ancestors] if a.dep_ == "relcl"), None)
        if clause is None:
            return []
        noun = clause.head
        found = self.actors(noun, depth + 1)
        if not found and noun.dep_ == "attr" and noun.head.lemma_ == "be":
            found = self.explicit_subjects(noun.head)
        return found

    @bounded
    def _stands_for(self, tok: Token, depth: int) -> list[Entity]:
        word, lemma = tok.lower_, tok.lemma_.lower()
        out: list[Entity] = []
        if word in self.cb.members or lemma in self.cb.members or word in self.cb.belongings or lemma in self.cb.belongings:
            owners: list[Entity] = []
            for c in tok.children:  # "the leaders of X", "its leaders", "X's fighters"
                if c.dep_ == "prep" and c.lower_ == "of":
                    owners += [e for p in c.children if p.dep_ == "pobj" for e in self.actors(p, depth + 1)]
                elif c.dep_ == "poss":
                    owners += self.actors(c, depth + 1)
            if owners:
                return owners
        if word in self.cb.belongings or lemma in self.cb.belongings:
            hosted = [e for c in tok.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in _HOSTING
                      for o in c.children if o.dep_ == "dobj" for e in self.actors(o, depth + 1)
                      if self._named_in(e, c)]  # not a list the parser ran on past the clause
            if hosted:  # "Iraqi bases that host coalition forces", "bases housing U.S. troops": the hosted
                return hosted
            users = [e for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                     for e in self.explicit_subjects(c)]
            if users:  # "facilities used by Kata'ib Hizballah"
                return users
            held = self._where_held(tok)
            if held:  # "targets in Houthi-controlled areas", "sites located at a base used by X"
                return held
        if word in self.cb.members or lemma in self.cb.members or word in self.cb.belongings or lemma in self.cb.belongings:
            # "Hezbollah fighters", "Saudi and Israeli embassies", "Iraqi and American troops"
            for c in tok.lefts:
                for t in c.subtree:
                    ent = self.index.entity_of(t)
                    if ent is not None and ent.type in ("country", "organization") and ent not in out \
                            and not (ent.type == "country" and lemma in IRREGULAR):
                        sp = self.index.span_of(t)
                        if (t.i < tok.i and sp is not None and sp.end <= tok.i and not _against(sp)
                                and not _hyphened(sp, self.cb)):
                            out.append(ent)
        return out

    def _where_held(self, tok: Token) -> list[Entity]:
        """The actor holding the place a belonging is in or at: "targets in Houthi-controlled
        areas", "facilities located at a crossing used by X" (the place's holder or user)."""
        places = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "inside", "within")
                  for o in p.children if o.dep_ == "pobj"]
        places += [o for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in _LOCATED
                   for p in c.children if p.dep_ == "prep" and p.lower_ in ("at", "in", "on", "near", "inside")
                   for o in p.children if o.dep_ == "pobj"]
        for place in places:
            for c in place.children:
                if c.dep_ == "amod" and c.lemma_.lower() in _HOLDING and c.i >= 2 and c.doc[c.i - 1].text in "-–":
                    held = [e for e in self.index.entities_of(c.doc[c.i - 2]) if e.type != "location"]
                    if held:
                        return held
                if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _HOLDING | _USING:
                    users = self.explicit_subjects(c)
                    if users:
                        return users
        return []

    # -- arguments of a trigger -----------------------------------------------------------------
    @bounded
    def explicit_subjects(self, v: Token) -> list[Entity]:
        agents = [c for c in v.children if c.dep_ == "agent"]
        if not agents and is_passive(v) or not agents and _participle(v):
            # "owned or controlled by X": coordinated participles share the agent
            agents = self.coordinations.agents(v)
        if not agents and is_passive(v):
            # "was designated a state sponsor of terrorism by the Secretary of State": the parser
            # hung the "by" phrase on the complement
            # ("designated as a Foreign Terrorist Organization by the Department of State": on "as"'s object)
            complements = [c for c in v.children if c.dep_ in ("dobj", "oprd", "attr")]
            complements += [o for c in v.children if c.dep_ == "prep" and c.lower_ == "as"
                            for o in c.children if o.dep_ == "pobj"]
            agents = [p for c in complements for p in c.children if p.dep_ == "prep" and p.lower_ == "by"]
        for c in agents:
            return [e for p in c.children if p.dep_ == "pobj" for e in self.actors(p)]
        for c in v.children:
            if c.dep_ in ("nsubj", "csubj"):
                return self._dateline(c) or self.actors(c)
        for c in _aux_subjects(v):
            return self.actors(c)
        return []

    def _dateline(self, nsubj: Token) -> list[Entity]:
        """"WASHINGTON – The Treasury today designated ...": a dateline's place parsed as the subject,
        the real one as its apposition."""
        if nsubj.i != nsubj.sent.start or not any(c.text in "-–—" for c in nsubj.children):
            return []
        return [e for c in nsubj.children if c.dep_ == "appos" for e in self.actors(c) if e.type not in PLACES]

    def has_subject(self, v: Token) -> bool:
        return any(c.dep_ in ("nsubj", "csubj", "agent", "expl") for c in v.children) or bool(_aux_subjects(v))

    @bounded
    def subjects(self, v: Token) -> list[Entity]:
        """The actor of a verb: its subject, its agent, or the controller of its clause."""
        subj = self.explicit_subjects(v)
        if subj:
            return dedupe(subj + self._co_agents(v))
        nsubj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if nsubj is not None:
            return self._behind(nsubj)
        if self.has_subject(v):
            return []
        if is_passive(v):
            return self._done_in(v)
        fronted = self._fronted_subject(v)
        if fronted:
            return dedupe(fronted + self._co_agents(v))
        parallel = self._parallel_target(v)
        if parallel:
            return parallel
        return self.controller(v)

    def _parallel_target(self, v: Token) -> list[Entity]:
        """"designating A for ..., and B for acting on behalf of C": the gerund after "for" right
        behind a parallel target (`_for_doing`) is that target's deed, however the parser hung it."""
        if v.tag_ != "VBG" or v.dep_ != "pcomp" or v.head.lower_ not in ("for", "by") or v.head.i < 2:
            return []
        if v.head.lower_ == "by":  # "Sudan, by harboring X, and Iran, by training Y, each ...": Iran trains
            before = v.doc[v.head.i - 2]
            if v.doc[v.head.i - 1].text != "," or self.index.entity_of(before) is None \
                    or not (before.dep_ == "conj" or before.conjuncts):
                return []  # only a member of a list, each with its own "by" phrase
            return self.index.entities_of(before)
        before = v.doc[v.head.i - 1]
        second = before.dep_ == "dobj" and before.head.i == v.head.head.i and any(
            c.dep_ == "dobj" and c.i < before.i for c in before.head.children)  # "A for ..., and B for acting"
        if not (before.dep_ == "conj" and _for_doing(v.doc, before.right_edge.i + 1) or second):
            return []
        return self.actors(before) if self.index.entity_of(before) is not None else []

    def parallel_targets(self, verb: Token) -> list[Entity]:
        """The parallel targets (`_for_doing`) inside a verb's "for" clause: further objects of the verb."""
        out = []
        for p in verb.children:
            if p.dep_ == "prep" and p.lower_ == "for":
                for t in p.subtree:
                    if t.dep_ == "conj" and self.index.entity_of(t) is not None and _for_doing(t.doc, t.right_edge.i + 1):
                        out += self.index.entities_of(t)
        return out

    def _fronted_subject(self, v: Token) -> list[Entity]:
        """"At the direction of President X, U.S. forces struck ...": a finite verb left with no
        subject because the parser hung it on the fronted phrase's name as an apposition."""
        if v.tag_ not in ("VBD", "VBZ", "VBP"):
            return []
        for c in v.lefts:
            if c.dep_ != "prep":
                continue
            for a in c.subtree:
                if a.dep_ == "appos" and a.i < v.i and self.index.entity_of(a.head) is not None:
                    named = {e.type for e in self.index.entities_of(a.head)}
                    found = [e for e in self.actors(a) if e.type in ("organization", "group", "country")]
                    if found and not named & {e.type for e in found}:
                        return found
        return []

    def _co_agents(self, v: Token) -> list[Entity]:
        """"X, together with Y, struck ...", "X, alongside Y, attacked": Y acts too (a phrase before
        the verb; after it, "with" may name the target or the means)."""
        out: list[Entity] = []
        for c in v.lefts:
            for p in c.subtree:
                if p.dep_ != "prep" or p.i >= v.i:
                    continue
                prev = p.doc[p.i - 1].lower_ if p.i > 0 else ""
                if p.lower_ == "alongside" or p.lower_ == "with" and (
                        prev in ("together", "along") or any(a.dep_ == "advmod" and a.lower_ == "together" for a in p.children)):
                    out += [e for o in p.children if o.dep_ == "pobj" for e in self.actors(o)]
        return out

    @bounded
    def _done_in(self, v: Token) -> list[Entity]:
        """"was killed in a U.S. drone strike": the actor of the event noun the deed happened in."""
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "during", "by"):
                for o in c.children:
                    if o.dep_ == "pobj" and any(t.kind == "event" for t in self.cb.nouns.get(o.lemma_.lower(), ())):
                        return self.noun_subjects(o)
        return []

    @bounded
    def _behind(self, nsubj: Token) -> list[Entity]:
        """The actor behind a subject that is a thing: "bombs that killed X" → who provided the
        bombs; "KH's rocket attack killed X" → KH. A subject that names no actor and is neither
        ("those who target ...") is no one."""
        noun = nsubj.head.head if nsubj.lower_ in RELATIVE and nsubj.head.dep_ == "relcl" else nsubj
        lemma = noun.lemma_.lower()
        if lemma in self.cb.nouns and any(t.kind == "event" for t in self.cb.nouns[lemma]):
            return self.noun_subjects(noun)
        weapons = self.cb.themes.get("weapons", frozenset())
        if any(t.lemma_.lower() in weapons or t.lower_ in weapons for t in [noun, *noun.children]):
            for acl in noun.children:  # "a drone launched by Iran-backed militants struck ..."
                if acl.dep_ == "acl" and acl.tag_ == "VBN":
                    launched = self.explicit_subjects(acl)
                    if launched:
                        return launched
            gov = noun
            for _ in range(4):  # "providing bombs, such as IEDs, that killed": up to the providing
                if gov.dep_ in ("dobj", "pobj", "appos", "prep", "conj") and gov.head.i != gov.i:
                    gov = gov.head
                    if gov.pos_ in VERBAL:
                        return self.subjects(gov)
                else:
                    break
            return []
        return []

    @bounded
    def controller(self, tok: Token) -> list[Entity]:
        """The actor of a clause or noun with no subject of its own, from the clause that governs it.
        The climb stops where a clause's own structure names the actor: at an apposition (the noun
        it describes), a reduced relative (its noun, or its agent) and a reporting verb's finite
        complement (whose actor is not the reporter: "Iran said attacking X would be a mistake")."""
        cur = tok
        for _ in range(_MAX_CLIMB):
            head = cur.head
            if head.i == cur.i:
                return []
            if cur.dep_ == "appos" and cur.pos_ in ("NOUN", "PROPN", "PRON"):
                return self.actors(cur)  # "KH, the militia responsible for attacking X": KH
            if head.pos_ in VERBAL:
                lemma = head.lemma_.lower()
                if cur.dep_ == "ccomp" and lemma in self.cb.cue("reported", "verbs") and _finite(cur):
                    return []
                if (cur.dep_ in ("xcomp", "advcl") and lemma in self.cb.object_control and head.dep_ == "acl"
                        and head.head.pos_ in ("NOUN", "PROPN", "PRON")
                        and not any(c.dep_ == "dobj" for c in head.children)):
                    return self.actors(head.head)  # "militias trained by Iran to attack X": the militias
                if cur.dep_ == "conj" and cur.pos_ in VERBAL:
                    shared = self.explicit_subjects(head)  # "named X as Y and said ...": the namer said
                    if shared:
                        return shared
                if cur.dep_ == "advcl" and _infinitive(cur):
                    plan = next((c for c in head.children if c.dep_ == "dobj" and c.i < cur.i
                                 and c.lower_ in self.cb.status_words.get("planned", ())), None)
                    if plan is not None:  # "broken up an Iranian plot to assassinate": the plot's owner
                        owner = self.noun_subjects(plan)
                        if owner:
                            return owner
                if is_passive(head):
                    used = [e for c in head.children if c.dep_ in ("nsubjpass",) for e in self.actors(c)]
                    if not used and cur.dep_ == "advcl" and cur.tag_ == "VBG" and cur.doc[cur.i - 1].text == ",":
                        # "the attack was carried out by X, acting with ...": the agent acts, not the deed
                        used = [e for c in head.children if c.dep_ == "agent" and c.i < cur.i
                                for o in c.children if o.dep_ == "pobj" for e in self.actors(o)]
                    if lemma in self.cb.instrument_verbs and cur.dep_ in ("xcomp", "advcl"):
                        used += [e for c in head.children if c.dep_ == "agent"  # "used by Iran to": Iran too
                                 for o in c.children if o.dep_ == "pobj" for e in self.actors(o) if e not in used]
                    return used
                if lemma in self.cb.object_control and cur.dep_ not in ("dobj", "nsubj"):
                    dobj = [c for c in head.children if c.dep_ == "dobj"]
                    if dobj:  # "accusing them of conspiring": them, even when unresolved
                        # "use Iraqi soil to strike": ground used is no actor of the deed
                        used = [] if dobj[0].lemma_.lower() in _GROUND else self.actors(dobj[0])
                        if lemma in self.cb.instrument_verbs and cur.dep_ in ("xcomp", "advcl"):
                            used += [e for e in self.explicit_subjects(head) if e not in used]  # and its user
                        return used
                if cur.dep_ in ("xcomp", "advcl") and _infinitive(cur):
                    asked = [e for p in head.children if p.dep_ == "prep" and p.i < cur.i
                             and f"{lemma} {p.lower_}" in self.cb.prep_control
                             for o in p.children if o.dep_ == "pobj" for e in self.actors(o)]
                    if asked:  # "called on the Government of Iraq to hold X accountable": Iraq
                        return asked
                subj = self.explicit_subjects(head)
                if subj:
                    return subj
                if cur.dep_ == "conj" and head.pos_ in VERBAL and self.has_subject(head):
                    return []
            elif (head.pos_ in ("NOUN", "PROPN") and cur.dep_ == "acl" and cur.tag_ in ("VBG", "VBN")
                  and head.lemma_.lower() not in self.cb.documents):
                # "an agent providing services to X": the agent (but "an order stating that ...":
                # whoever issued the order, and "plays a role supporting X": whoever plays it)
                if head.lemma_.lower() not in self.cb.role_nouns or head.dep_ != "dobj":
                    return self.actors(head)
            elif head.pos_ in ("NOUN", "PROPN") and cur.dep_ in ("acl", "relcl", "xcomp"):
                owner = self._owner(head)
                if owner:  # "Iran's plot to silence", "a plot by the Quds Force to", "an Iranian plot to"
                    return owner
                if head.lower_ in self.cb.status_words.get("planned", ()) and not self._charged_with(head):
                    return []  # "foiled a plot to assassinate X": the foiler is not the plotter
            elif cur.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _LIST_PREPS:
                owner = head.head  # "its activity, including support for ..." → its
                poss = [c for c in owner.children if c.dep_ == "poss"]
                if poss and self.actors(poss[0]):
                    return self.actors(poss[0])
            cur = head
        return []

    def _owner(self, noun: Token) -> list[Entity]:
        """Whose plan or deed a noun is, from its own words: possessor, "by" phrase, a name before it."""
        for c in noun.children:
            if c.dep_ == "poss":
                return self.actors(c)
            if c.dep_ == "prep" and c.lower_ == "by":
                return [e for p in c.children if p.dep_ == "pobj" for e in self.actors(p)]
        return [e for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod") for e in self.actors(c)]

    def _charged_with(self, noun: Token) -> bool:
        """Is the plan what someone is accused of ("accused of failed plans to bomb ...")?"""
        accusing = self.cb.cue("alleged", "verbs")
        for a in list(noun.ancestors)[:4]:
            if a.pos_ in VERBAL:
                return a.lemma_.lower() in accusing
        return False

    @bounded
    def noun_subjects(self, noun: Token) -> list[Entity]:
        """The actor of an event noun, from its own words (`own_noun_subjects`), else, for a definite
        one ("the strikes destroyed ..."), from the earlier mention of the event it refers back to."""
        return self.own_noun_subjects(noun) or self.anaphoric_subjects(noun)

    def anaphoric_subjects(self, noun: Token) -> list[Entity]:
        kinds = {t.predicate for t in self.cb.nouns.get(noun.lemma_.lower(), ()) if t.kind == "event"}
        return dedupe([e for p in sorted(kinds) for m in self.events.antecedents(noun, p) for e in m.subjects])

    def own_noun_subjects(self, noun: Token) -> list[Entity]:
        """The actor an event noun names: its possessor, a "by" phrase, an actor named before it
        ("an Iranian plot", "Hezbollah attacks"), a participle that says who did it ("the attack,
        carried out by X"), "the work of X", or the subject of a verb that says who did it ("was
        behind the assassination", "carried out the attack")."""
        for c in noun.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in self.cb.agent_verbs:
                agents = [e for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                          for e in self.actors(p)]
                if agents:
                    return agents
        if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":  # "both raids were the work of X"
            for attr in noun.head.children:
                if attr.dep_ == "attr" and attr.lemma_.lower() in self.cb.agent_nouns:
                    found = [e for p in attr.children if p.dep_ == "prep" and p.lower_ == "of"
                             for o in p.children if o.dep_ == "pobj" for e in self.actors(o)]
                    if found:
                        return found
        for c in noun.children:
            if c.dep_ == "poss" and not is_moment(c):
                return self.actors(c)
            if c.dep_ == "prep" and c.lower_ == "by":
                return [e for p in c.children if p.dep_ == "pobj" for e in self.actors(p)]
        for c in noun.lefts:
            if c.dep_ in ("amod", "compound", "nmod"):
                ents = self.actors(c)
                if ents:
                    return ents
        return self._agent_of_noun(noun)

    @bounded
    def _agent_of_noun(self, noun: Token) -> list[Entity]:
        cur = noun
        for _ in range(5):
            if cur.dep_ == "conj":
                cur = cur.head
                continue
            head = cur.head
            if cur.dep_ in ("dobj", "nsubjpass") and head.pos_ in VERBAL:
                if head.lemma_.lower() in self.cb.agent_verbs:
                    return self.subjects(head)
                if head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN"):
                    cur = head.head  # "an indictment containing charges" → the indictment
                    continue
                return []
            if cur.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _LIST_PREPS:
                owner = head.head  # "its activity, including support for X" → its
                poss = [c for c in owner.children if c.dep_ == "poss"]
                if poss:
                    return self.actors(poss[0])
                return self.subjects(owner) if owner.pos_ in VERBAL else self.controller(owner)
            if cur.dep_ == "pobj" and head.dep_ == "prep":
                phrase, gov = head.lower_, head.head
                if phrase in self.cb.agent_preps or f"{gov.lower_} {phrase}" in self.cb.agent_preps:
                    if gov.pos_ in VERBAL and is_passive(gov):  # "X was involved in the attacks": X
                        return [e for c in gov.children if c.dep_ == "nsubjpass" for e in self.actors(c)]
                    if gov.pos_ in VERBAL:
                        return self.subjects(gov)
                    if gov.pos_ == "ADJ" and gov.head.pos_ in VERBAL:
                        return self.subjects(gov.head)
                    if gov.pos_ in ("NOUN", "PROPN"):
                        poss = [c for c in gov.children if c.dep_ == "poss"]
                        return self.actors(poss[0]) if poss else self.controller(gov)
                if phrase in ("of", "with") and gov.lemma_.lower() in ("accuse", "charge", "suspect", "implicate"):
                    return self.controller(head)
                if phrase == "of" and gov.pos_ in ("NOUN", "PROPN"):
                    cur = gov  # "the unsealing of an indictment" → the unsealing
                    continue
            return []
        return []

    def objects(self, tok: Token, trig: Trigger) -> list[Entity]:
        """The actor acted upon, by the trigger's own rules (direct object, prepositions, theme)."""
        kids = list(tok.children)
        dobjs = [c for c in kids if c.dep_ == "dobj"]
        if len(dobjs) > 1:  # "aid from Iran, which it has used to attack X": the relative is "used"'s object
            kids = [c for c in kids if not (c.dep_ == "dobj" and c.lower_ in RELATIVE)] or kids
        dobj = next((c for c in kids if c.dep_ == "dobj"), None) or next((c for c in kids if c.dep_ == "dative"), None)
        if trig.obj_required:  # "called on X": only a listed preposition gives the object ("called X a liar" does not)
            dobj = None
        if trig.obj_head:
            via = None
            if dobj is not None and dobj.lemma_.lower() in trig.obj_head:
                via = dobj
            else:
                for p in self._preps(tok, trig.obj):
                    for o in p.children:
                        if o.dep_ == "pobj" and o.lemma_.lower() in trig.obj_head:
                            via = o
            if via is None:
                return []
            if dobj is not None and via.i == dobj.i:
                preps = self._preps(tok, trig.obj) + self._preps(dobj, trig.obj)
                out = [e for p in preps for o in p.children if o.dep_ == "pobj" for e in self.actors(o)]
                if out:  # "brought suit against A, B and C": the rest of a long list hung on the verb,
                    # or on the action as an apposition ("this action against A, its Ministry of X, B and C")
                    last = max(p.i for p in preps)
                    out += [e for c in kids if c.dep_ == "dobj" and c.i > last for e in self.actors(c)]
                    out += [e for c in dobj.children if c.dep_ == "appos" and c.i > last for e in self.actors(c)]
                elif trig.obj and trig.kind == "event":  # "sought the help of X", "sought X's protection": the one asked
                    out = [e for p in dobj.children if p.dep_ == "prep" and p.lower_ == "of"
                           for o in p.children if o.dep_ == "pobj" for e in self.actors(o)]
                    out = out or [e for c in dobj.children if c.dep_ == "poss" and not is_moment(c) for e in self.actors(c)]
                return dedupe(out)
            return [e for p in via.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj" for e in self.actors(o)]
        if trig.theme:
            theme_tok = next((c for c in kids if c.dep_ == "dobj" and c.lower_ not in RELATIVE), None)
            if theme_tok is None and is_passive(tok):
                theme_tok = next((c for c in kids if c.dep_ == "nsubjpass"), None)
            if theme_tok is None and tok.dep_ == "relcl":
                theme_tok = tok.head  # "the money (that) it receives from Iran"
            if theme_tok is None or not self._of_theme(theme_tok, trig.theme):
                return []
            out = [e for p in self._preps(tok, trig.obj) + self._preps(theme_tok, trig.obj)
                   for o in p.children if o.dep_ == "pobj" for e in self.actors(o)]
            out += [e for c in kids if c.dep_ == "dative" and c.i != theme_tok.i for e in self.actors(c)]
            if not out:  # "giving the Houthis weapons", parsed with the Houthis as a modifier
                out = [e for c in theme_tok.lefts if c.dep_ in ("amod", "compound", "nmod") and c.pos_ == "PROPN"
                       for e in self.actors(c) if e.type != "country"]
            if not out:  # "the Houthis' missiles are supplied by Iran": the theme's owner receives it
                out = [e for c in theme_tok.children if c.dep_ == "poss" and not is_moment(c) for e in self.actors(c)]
            return dedupe(out)
        if trig.obj_head_adj:
            if not any(c.lower_ in trig.obj_head_adj for c in tok.subtree):
                return []
        out: list[Entity] = []
        if trig.pos == "verb":
            if is_passive(tok) or _participle(tok) and self.coordinations.agents(tok):
                own = [c for c in kids if c.dep_ == "nsubjpass"]
                lead = tok
                if not own and tok.dep_ == "conj":  # "militias that are armed and funded by X": the first's
                    lead = self.coordinations.members(tok)[0]
                    own = [c for c in lead.children if c.dep_ == "nsubjpass"]
                out += [e for c in own for e in self.actors(c)] if own else self.controller(lead)
                if trig.predicate == "ASSAULT":  # "was killed with X": X too
                    out += [e for c in kids if c.dep_ == "prep" and c.lower_ == "with"
                            for o in c.children if o.dep_ == "pobj" for e in self.actors(o) if e.type == "person"]
            elif dobj is not None:
                out += self.actors(dobj) + self.parallel_targets(tok)
                out += [e for c in kids if c.dep_ == "dobj" and c.i > dobj.i and c.lower_ not in RELATIVE
                        and any(x.dep_ == "cc" and dobj.i < x.i < c.i for x in kids) for e in self.actors(c)]
                for c in kids:  # "supported various groups in 2020, including KH, HAN and AAH"
                    if c.dep_ == "prep" and (c.lower_ in _LIST_PREPS or _such_as(c)):
                        out += [e for o in c.children if o.dep_ == "pobj" for e in self.actors(o)]
            elif tok.dep_ == "relcl" and self.explicit_subjects(tok) and not any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE for c in kids):
                out += self.actors(tok.head)  # "militia groups the Iranian regime controls"
            elif not trig.obj:
                out += self._shared_object(tok)
        for p in self._preps(tok, trig.obj):
            out += [e for o in p.children if o.dep_ in ("pobj", "pcomp") for e in self.actors(o)]
        if not out and dobj is not None and trig.obj and self._of_theme(dobj, "weapons"):
            # "fired 18 drones at U.S. warships": the parser hung "at" on the weapons
            out += [e for w in (dobj, *dobj.conjuncts) for p in self._preps(w, trig.obj)
                    for o in p.children if o.dep_ == "pobj" for e in self.actors(o)]
        for phrase in trig.obj_phrase:
            out += self._phrase_objects(tok, phrase)
        return dedupe(out)

    def _shared_object(self, verb: Token) -> list[Entity]:
        """"organizing, supporting, training, arming and financing X": verbs in a list share the
        object of the last one (the parser may also hang X on the list as a conjunct)."""
        first = self.coordinations.first_verb(verb, VERBAL)
        for t in self.coordinations.candidates_after(first, verb.i, VERBAL):
            if t.pos_ in VERBAL:
                return self.actors(next(c for c in t.children if c.dep_ == "dobj"))
            ents = self.actors(t)
            if ents:
                return ents
        return []

    def _phrase_objects(self, tok: Token, phrase: str) -> list[Entity]:
        words = phrase.split()
        doc = tok.doc
        for t in tok.subtree:
            if [x.lower_ for x in doc[t.i:t.i + len(words)]] == words:
                last = doc[t.i + len(words) - 1]
                return [e for o in last.children if o.dep_ == "pobj" for e in self.actors(o)]
        return []

    @staticmethod
    def _preps(tok: Token, names: tuple[str, ...]) -> list[Token]:
        if not names:
            return []
        out = []
        for c in tok.children:
            if c.dep_ in ("prep", "dative", "agent") and c.lower_ in names:
                out.append(c)
            elif c.dep_ == "prt" and c.lower_ in names:  # "call on"
                out.extend(x for x in tok.children if x.dep_ == "dobj")
            elif c.dep_ == "prep" and "against" in names:  # "brought suit under the Act against X",
                # "filed charges in federal court against X": "against" hung on the adjunct's noun
                out.extend(_against_below(c))
        return out

    def _of_theme(self, tok: Token, theme: str) -> bool:
        words = self.cb.themes.get(theme, frozenset())
        if tok.lemma_.lower() in words or tok.lower_ in words:
            return True
        if any(tok.lemma_.lower() in self.cb.themes.get(h, ()) for h in self.cb.resources.get("heads", ())):
            return False  # "weapons training": its head says what it is
        # "some $2 million", "material support", "weapons and cash": any word of the phrase head
        return any((t.lower_ in words or t.lemma_.lower() in words) for t in tok.subtree
                   if t.dep_ in ("compound", "amod", "conj", "nmod", "quantmod", "nummod") or t.i == tok.i) or (
            theme == "money" and tok.ent_type_ == "MONEY")


# members who serve no state: "Palestinian fighters", "Syrian militants" are of that nationality,
# not the state's ("Hezbollah fighters" are still Hezbollah's)
IRREGULAR = {"fighter", "militant", "rebel", "jihadist", "insurgent", "gunman"}


def _back_spans(tok: Token) -> list[tuple[int, int]]:
    """Where "both" looks for its pair: its sentence up to it, then the whole sentence before."""
    starts, ends = sentences(tok.doc)
    first = starts[tok.i]
    return [(first, tok.i)] + ([(starts[first - 1], ends[first - 1])] if first > 0 else [])


def _by_doing(doc, after: int) -> bool:
    """"Sudan, by harboring X, and Iran, by training Y, each ...": a name followed by its own ", by
    <gerund>" after one that has one too is a parallel subject, not a member of the first's object list."""
    return after + 2 < len(doc) and doc[after].text == "," and doc[after + 1].lower_ == "by" and doc[after + 2].tag_ == "VBG"


def _for_doing(doc, after: int) -> bool:
    """"..., and B for acting on behalf of C": a name followed by its own "for"-gerund (however the
    parser hung it) is a parallel target of the main verb ("designating A for ..., and B for ..."),
    not a member of the list the parser hung it on, unless the list's first name has one too."""
    return after + 1 < len(doc) and doc[after].lower_ == "for" and doc[after + 1].tag_ == "VBG"


def _aux_subjects(v: Token) -> list[Token]:
    """"X is today designating Y": an adverb between the auxiliary and the verb may lead the parser
    to hang the subject on the auxiliary; it is the verb's."""
    if v.pos_ != "VERB":
        return []
    return [s for a in v.children if a.dep_ in ("aux", "auxpass") and a.i < v.i
            for s in a.children if s.dep_ == "nsubj" and s.i < a.i]


def _against_below(prep: Token) -> list[Token]:
    """An "against" phrase the parser hung on the noun of an adjunct of the verb, or down that
    noun's "of" chain ("under the exception of the Act against X"); never on an actor's name."""
    out: list[Token] = []
    for _ in range(3):
        noun = next((o for o in prep.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), None)
        if noun is None or noun.ent_type_ in ("GPE", "NORP", "PERSON", "ORG"):
            return out
        out += [p for p in noun.children if p.dep_ == "prep" and p.lower_ == "against"]
        prep = next((p for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"), None)
        if out or prep is None:
            return out
    return out


def _participle(v: Token) -> bool:
    """A past participle, also where the parser tagged one after its noun as a past tense ("the
    group founded and led by X")."""
    return v.tag_ == "VBN" or v.tag_ == "VBD" and v.dep_ == "acl"


def _such_as(prep: Token) -> bool:
    return prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"


def _against(span) -> bool:
    """"counter-ISIS forces", "anti-Houthi coalition": the name is the enemy, not the owner."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text in "-–" and doc[span.start - 2].lower_ in ("counter", "anti")


def _finite(verb: Token) -> bool:
    """A clause with a tensed verb or auxiliary ("would be", "was"), not a gerund or infinitive."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)


def _hyphened(span, cb: Codebook) -> bool:
    """"Iran-backed fighters", "Syria-based units": the name is in a tie with the noun, not its owner."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text in "-–" and doc[span.end + 1].lower_ in cb.hyphen


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
