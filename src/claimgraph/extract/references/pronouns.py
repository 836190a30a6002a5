"""Personal pronouns, possessives and reflexives: "he", "its", "their", "himself" → the most
salient compatible actor before them; "it" that stands for nothing ("it is possible that") is
left alone."""
from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.references.candidates import SUBJ, Cand, Candidates
from claimgraph.extract.references.tree import ancestors, clause_head, lca_depth

PRONOUNS = {"he": "he", "him": "he", "his": "he", "himself": "he",
            "she": "she", "her": "she", "hers": "she", "herself": "she",
            "it": "it", "its": "it", "itself": "it",
            "they": "they", "them": "they", "their": "they", "theirs": "they", "themselves": "they"}
REFLEXIVES = {"himself", "herself", "itself", "themselves"}
PRONOUN_WINDOW = 2  # sentences back, unless a chain of references carries the actor forward


class Pronouns(Candidates):
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
            veto = {"thing", "it"} if kind == "it" else {"they"}  # "it": also a description left unresolved ("the firm")
            if any(veto & c.kinds and not c.ids for c in window):
                self._blocker(t, frozenset({kind}))
                return
        # a noun the pronoun stands inside (or its conjunct) does not compete as a thing: "their
        # attacks without the money they receive", "the money and missiles they receive"
        inside = {a for i in ancestors(t) for a in (i, *(c.i for c in self.toks[i].conjuncts))}
        window = [c for c in window if c.ids or c.root.i not in inside]
        bound = set(self._clause_subject(t)) if t.dep_ != "poss" else set()
        bound |= self.first_person_of.get(self.sent_of[t.i], set())  # "we ... its": not the speaker
        window = [c for c in window if not bound.intersection(c.ids)]
        cands = [c for c in window if self._fits(c, kind)]
        if kind == "they" and not cands and not any("plural" in c.kinds for c in window):
            cands = [c for c in window if "they?" in c.kinds]  # "Hezbollah said they ..."
        if kind == "it" and not cands:
            cands = [c for c in window if "it?" in c.kinds]  # "the Popular Mobilization Forces and its ..."
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
        if same and t.dep_ == "poss":
            local = self._in_clause(t, same)
            if local:  # "the US condemned Iran over its support": the nearest actor of its clause
                pick = max(local, key=lambda c: c.start)
                if not _coordinated(pick.root):  # ("A and other militias ... their"): all of them, or none
                    return pick if pick.ids else None
        if same:
            anc = ancestors(t)
            keyed = [((-lca_depth(c.root, anc), c.rank), c) for c in same]
        else:
            keyed = [((s - c.sent, c.rank), c) for c in cands]
        best = min(k for k, _ in keyed)
        top = [c for k, c in keyed if k == best]
        owners = {c.root.i for c in top if c.ids and c.root.dep_ == "poss"}
        if len(top) > 1 and owners:  # "their attacks": the actor is more salient than what it owns
            top = [c for c in top if c.ids or not any(x.i in owners for x in c.root.children)]
        if len(top) == 1 and not top[0].ids and top[0].root.tag_ == "NNS":
            owner = self._members_owner(top[0].root)
            if owner:  # "Hamas operatives travelled ..., where they were trained": Hamas's people
                return Cand(top[0].start, top[0].end, top[0].root, owner, top[0].sent, top[0].kinds, top[0].rank)
        if len({c.ids for c in top}) != 1 or not top[0].ids:
            return None
        return max(top, key=lambda c: c.start)

    def _members_owner(self, noun: Token) -> tuple[str, ...]:
        """The organization whose people a plural person noun names by a name before it ("Hamas
        operatives", "Hezbollah fighters"), else nothing."""
        if noun.lemma_.lower() not in self.r.person_nouns and noun.lemma_.lower() not in ("fighter", "militant"):
            return ()
        ids = [e.id for c in noun.children if c.dep_ == "compound" and c.i < noun.i
               for e in [self.index.entity_of(c)] if e is not None and e.type == "organization"]
        return tuple(ids[:1])

    def _in_clause(self, t: Token, cands: list[Cand]) -> list[Cand]:
        """The candidates that are arguments (not modifiers of a noun) of the possessive's own clause."""
        head = clause_head(t)
        blockers = [c for c in self.by_sent.get(self.sent_of[t.i], ()) if not c.ids and c.end <= t.i
                    and PRONOUNS[t.lower_] in c.kinds]
        return [c for c in (*cands, *blockers) if c.root.dep_ not in ("compound", "amod", "nmod")
                and clause_head(c.root).i == head.i]

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
        return ids if kind in kinds or f"{kind}?" in kinds else ()

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


def _coordinated(t: Token) -> bool:
    return t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children)
