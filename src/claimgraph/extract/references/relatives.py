"""Relative pronouns: "who", "which", "whose" → the noun their clause hangs on (or the person
of an apposition the parser hung it under)."""
from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.references.candidates import Candidates

RELATIVES = {"who", "whom", "whose", "which", "that"}


class Relatives(Candidates):
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

