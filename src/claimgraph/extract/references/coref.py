"""Reference resolution within one document: personal and relative pronouns, possessives,
first person, definite and demonstrative descriptions ("the group", "these groups", "the
general"), descriptions in apposition before a name, and "the former"/"the latter", each to the
entity it stands for.

Rules over the spaCy parse, no statistical model, one pass in document order (resolved
references are antecedents for later ones). A reference stays unresolved when no compatible
actor precedes it closely enough, or when two are equally good: the claim stages must read an
unresolved subject as unknown, never as a guess. The word lists are data
(`extract/data/descriptions.yaml`). Each family of references has its module: `pronouns`,
`relatives`, `definites`, `first_person`; `candidates` holds the antecedents they share.
"""
from __future__ import annotations

from claimgraph.extract.index import EntityIndex
from claimgraph.extract.limits import unread_tokens
from claimgraph.extract.references.candidates import Reference
from claimgraph.extract.references.definites import Definites
from claimgraph.extract.references.first_person import FirstPerson
from claimgraph.extract.references.pronouns import PRONOUNS, Pronouns
from claimgraph.extract.references.relatives import RELATIVES, Relatives
from claimgraph.extract.references.rules import rules

__all__ = ["Reference", "resolve_references", "apply", "rules"]

_REFERRING_POS = {"PRON", "DET", "NOUN", "PROPN", "ADJ", "SCONJ"}  # what a reference can be tagged


def resolve_references(index: EntityIndex) -> list[Reference]:
    """Every reference of the document that can be resolved, in document order."""
    return _Resolver(index, rules()).run()


def apply(index: EntityIndex) -> list[Reference]:
    """Resolve, and record each reference as a mention of its entity (the index then answers for
    its tokens). A plural reference is a mention of each of its actors; the index answers with
    all of them for a plural description ("A and B ... these groups"), else with the first."""
    refs = resolve_references(index)
    doc = index.doc
    for r in refs:
        span = doc[r.start:r.end]
        if r.others and r.rule == "coref:description":
            index.add_group_reference(span, list(r.entity_ids), r.rule)
        else:
            for eid in (*r.others, r.entity_id):
                index.add_reference(span, eid, r.rule)
    return refs


class _Resolver(FirstPerson, Pronouns, Relatives, Definites):
    def run(self) -> list[Reference]:
        unread = unread_tokens(self.doc)  # no references in a sentence the claim stage does not read
        for t in self.toks:
            if unread[t.i]:
                continue
            self._token(t)
            if self.pending:
                self._after_token(t)
        self.refs.sort(key=lambda r: r.start)  # first person that waited for its speaker
        return self.refs

    def _token(self, t) -> None:
        if t.pos_ not in _REFERRING_POS or self.index.entity_of(t) is not None:
            return
        low = t.lower_
        if low in RELATIVES and t.tag_ in ("WDT", "WP", "WP$"):
            self._relative(t)
        elif low in PRONOUNS and t.tag_ in ("PRP", "PRP$"):
            self._pronoun(t, PRONOUNS[low])
        elif self._is_first_person(t):
            self._first_person(t)
        elif low in ("former", "latter"):
            self._former_latter(t)
        elif t.pos_ == "NOUN" and self._cataphora(t):
            return
        elif t.tag_ == "NNS" and self._named_parties(t):
            return
        elif t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in self.r.descriptions:
            found = self._description(t)
            if found is False:  # a description with no referent competes as one
                self._blocker(t, self._description_kinds(t))
            elif found is None:
                self._blocker(t)
        else:
            self._blocker(t)
