"""Definite and demonstrative descriptions ("the group", "this organization", "the general")
and "the former"/"the latter" → the actor they describe."""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from claimgraph.extract.references.candidates import Cand, Candidates
from claimgraph.extract.references.pronouns import PRONOUN_WINDOW
from claimgraph.extract.references.rules import Constraint


PARTIES = {"defendant", "plaintiff"}  # a court text's parties, named once by a copula


class Definites(Candidates):
    def _description(self, t: Token) -> bool | None:
        """"the group", "this military institution": the nearest compatible actor before it.
        True when resolved, False when not, None when the noun is no description here."""
        if t.tag_ not in ("NN", "NNP", "NNS") or t.dep_ in ("attr", "appos", "compound", "amod", "npadvmod", "nmod"):
            return None
        det = next((c for c in t.children if c.dep_ == "det" and c.i < t.i), None)
        if det is None or det.lower_ not in (self.r.plural_determiners if t.tag_ == "NNS" else self.r.determiners):
            return None
        if t.tag_ == "NNS":
            return self._plural_description(t, det)
        demonstrative = det.lower_ != "the"
        if any(c.dep_ in ("compound", "poss", "nummod", "relcl", "acl")
               or (c.dep_ == "prep" and c.lower_ == "of" and not (demonstrative and self._misattached_of(c)))
               for c in t.children):
            return None
        lemma = t.lemma_.lower()
        spec = self.r.descriptions[lemma]
        countries = {e.country for c in t.children if c.dep_ == "amod" and c.i < t.i
                     for e in [self.index.entity_of(c)] if e is not None and e.type == "country"}
        bound = set(self._clause_subject(t, prepositions=False))
        cands = [c for c in self._window(det, self.r.window)
                 if len(c.ids) == 1 and c.ids[0] not in bound and self._compatible(spec, c, countries)]
        if not cands:  # "the coalition" long after "the Saudi-led coalition": the one actor whose name holds the word
            named = [c for c in self._window(det, self.sent_of[t.i])
                     if len(c.ids) == 1 and c.ids[0] not in bound and lemma in self._words_of(c.ids[0])
                     and self._compatible(spec, c, countries)]
            cands = named if len({c.ids for c in named}) == 1 else []
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
        if self._same_noun_between(lemma, start, t.i, t.tag_):
            return False  # "a network of front companies ... the network": that network, not an actor
        if any(c.sent == pick.sent and c.rank < pick.rank and c.ids != pick.ids for c in cands):
            return False  # a more salient actor of that kind in the same sentence: which one?
        coord = self.list_of.get(pick.root.i)
        if coord is not None and any(m.ids[0] != pick.ids[0] and self._compatible(spec, m, countries)
                                     for m in coord.members):
            return False  # "Iraq and Syria ... the country"
        self._resolve(det.i, t.i + 1, pick.ids, "coref:description", t, None)
        return True

    def _named_parties(self, t: Token) -> bool:
        """"the defendants", "Defendants' support": the parties a copula named before ("The
        defendants are Iran, MOIS and the IRGC"), one claim for each."""
        lemma = t.lemma_.lower()
        if lemma not in PARTIES or any(c.dep_ in ("amod", "compound", "nummod", "prep", "relcl", "acl")
                                       for c in t.children):
            return False
        det = next((c for c in t.children if c.dep_ == "det"), None)
        if det is not None and det.lower_ != "the":
            return False
        named = self._party_list(lemma)
        if named is None or t.i <= named[0] or t.dep_ == "nsubj" and t.head.lemma_ == "be":
            return False
        self._resolve(det.i if det is not None else t.i, t.i + 1, named[1], "coref:description", t, None)
        return True

    def _party_list(self, lemma: str) -> tuple[int, tuple[str, ...]] | None:
        """Where the first "The <parties> are A, B and C" ends, and the actors it lists (two or more)."""
        if not hasattr(self, "parties"):
            self.parties: dict[str, tuple[int, tuple[str, ...]] | None] = {}
        if lemma not in self.parties:
            found = None
            for x in self.toks:
                if x.lemma_.lower() == lemma and x.tag_ == "NNS" and x.dep_ == "nsubj" and x.head.lemma_ == "be":
                    attr = next((c for c in x.head.children if c.dep_ == "attr"), None)
                    ids = tuple(dict.fromkeys(i for a in ((attr, *attr.conjuncts) if attr is not None else ())
                                              for i in self._entity_ids(a)))
                    if len(ids) >= 2:
                        found = (attr.right_edge.i, ids)
                        break
            self.parties[lemma] = found
        return self.parties[lemma]

    def _misattached_of(self, prep: Token) -> bool:
        """"accused that group of the attack": an "of" the parser hung on the description that
        names no members of it (not "that group of fighters", "this group of states")."""
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        return pobj is not None and pobj.tag_ == "NN" and self.index.entity_of(pobj) is None \
            and pobj.lemma_.lower() not in self.r.person_nouns and pobj.lemma_.lower() not in self.r.descriptions

    def _plural_description(self, t: Token, det: Token) -> bool:
        """"these groups", "those militias": the nearest coordination of actors that all fit
        ("A and B ... these groups"), or the nearest plural collective that does."""
        if any(c.dep_ in ("compound", "poss", "nummod", "relcl", "acl", "prep") for c in t.children):
            return False
        spec = self.r.descriptions[t.lemma_.lower()]
        cands = []
        for k in range(self.sent_of[t.i] - self.r.window, self.sent_of[t.i] + 1):
            for coord in self.lists.get(k, ()):
                if coord.end <= det.i and self.quoted[coord.root.i] == self.quoted[t.i] \
                        and all(self._compatible(spec, m, set(), plural=True) for m in coord.members):
                    cands.append(coord)
        cands += [c for c in self._window(det, self.r.window) if len(c.ids) == 1 and c.root.tag_ in ("NNS", "NNPS")
                  and self._compatible(spec, c, set(), plural=True)]
        if not cands:
            return False
        pick = max(cands, key=lambda c: c.end)
        self._resolve(det.i, t.i + 1, pick.ids, "coref:description", t, None)
        return True

    def _cataphora(self, t: Token) -> bool:
        """"the veteran chief of the group's military wing, Imad Mughniyeh": a description in
        apposition before a name is that name's actor, also where the parser hung the name on
        the description's last "of" object."""
        if t.dep_ == "appos" or t.tag_ not in ("NN", "NNP") or self.index.entity_of(t) is not None:
            return False
        lemma = t.lemma_.lower()
        types = set(self.r.descriptions.get(lemma, ())) | ({"person"} if lemma in self.r.person_nouns else set())
        if not types:
            return False
        det = next((c for c in t.children if c.dep_ == "det" and c.i < t.i), None)
        if det is None or det.lower_ not in self.r.determiners:
            return False
        holder = t
        for _ in range(3):  # down the "of" chain: "the chief of the wing of the group, X"
            name = next((c for c in holder.children if c.dep_ == "appos"), None)
            if name is not None:
                break
            of = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            holder = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if holder is None or holder.lemma_.lower() in self.r.person_nouns \
                    or any(e.type == "person" for e in self.index.entities_of(holder)):
                return False  # a person there is who the name stands beside
        else:
            return False
        if name is None or self.toks[name.left_edge.i - 1].text != ",":
            return False
        ents = self.index.entities_of(name)
        if len(ents) != 1 or ents[0].type not in types:
            return False
        if holder is not t and (ents[0].type != "person" or "person" not in types):
            return False  # "the leader of the armed wing, the Qassam Brigades": the wing's name
        self._resolve(det.i, t.i + 1, (ents[0].id,), "coref:cataphora", t, None)
        return True

    def _same_noun_between(self, lemma: str, start: int, end: int, tag: str) -> bool:
        """The same noun in the same number, naming no actor, stands between the candidate and the
        description ("these groups ... the group" may still be one named before)."""
        return any(x.lemma_.lower() == lemma and x.pos_ == "NOUN" and x.tag_ == tag and self.index.entity_of(x) is None
                   and not (x.dep_ in ("appos", "attr") and self.index.entity_of(x.head) is not None)
                   and x.dep_ != "poss"  # "the group's leaders" refers to a group, names no new thing
                   for x in self.toks[start:end])  # ("X, a veteran diplomat" describes X)

    def _description_kinds(self, t: Token) -> frozenset[str]:
        types = self.r.descriptions[t.lemma_.lower()]
        if t.tag_ == "NNS":
            return frozenset({"they"})
        return frozenset({"he", "she"} if "person" in types else {"it"})

    def _compatible(self, spec: dict[str, list[Constraint]], c: Cand, countries: set, plural: bool = False) -> bool:
        ent = self.index.entities[c.ids[0]]
        if countries and ent.country not in countries:
            return False
        for con in spec.get(ent.type, ()):
            if con.subtypes is not None and ent.subtype not in con.subtypes:
                continue
            if con.words is not None and not (self._words_of(ent.id) & con.words):
                continue
            if con.number == "singular" and c.root.tag_ in ("NNS", "NNPS") and not plural:
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


