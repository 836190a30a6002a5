"""Which entity each token of a parsed document stands for, once the entity stage has run.

The claim stages ask questions of tokens ("is this subject an actor, and which?"); this index
answers from the entities' mentions, and takes more references (pronouns, descriptions) as
the reference stage resolves them.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimgraph.model import Document, Entity, Mention
from claimgraph.nlp.tokens import tokens


class EntityIndex:
    def __init__(self, document: Document):
        self.document = document
        self.doc: Doc = document.spacy_doc
        self.tokens: list[Token] = tokens(self.doc)  # spaCy makes a new Token per access: made once
        self.entities: dict[str, Entity] = {e.id: e for e in document.entities}
        self._by_token: dict[int, str] = {}
        self._entity_at: dict[int, Entity] = {}  # the same, as the Entity: asked of nearly every token read
        self._spans: dict[int, Span] = {}  # token index → the mention span it belongs to
        self._groups: dict[int, list[str]] = {}  # token index → several entities ("the couple")
        for e in document.entities:
            for m in e.mentions:
                self._add(m, e.id)

    def _add(self, m: Mention, entity_id: str) -> None:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return
        for i in range(span.start, span.end):
            # mentions may nest ("Iraqi militias" holds "Iraqi"): the shorter one owns a token,
            # so the country word stays the country's and the head is the group's
            if i not in self._by_token or len(span) < len(self._spans[i]):
                self._by_token[i] = entity_id
                self._entity_at[i] = self.entities[entity_id]
                self._spans[i] = span

    def entity_of(self, token: Token) -> Entity | None:
        return self._entity_at.get(token.i)

    def entities_of(self, token: Token) -> list[Entity]:
        """Every entity a token stands for: one, or several for a plural reference."""
        ids = self._groups.get(token.i)
        if ids:
            return [self.entities[i] for i in ids]
        e = self.entity_of(token)
        return [e] if e is not None else []

    def span_of(self, token: Token) -> Span | None:
        return self._spans.get(token.i)

    def add_reference(self, span: Span, entity_id: str, rule: str) -> None:
        """A pronoun or description resolved to an entity: indexed and kept as a mention."""
        if entity_id not in self.entities:
            raise KeyError(entity_id)
        m = Mention(span.start_char, span.end_char, span.text, self.document.id, rule)
        self.entities[entity_id].mentions.append(m)
        self.entities[entity_id].mentions.sort(key=lambda x: (x.start, x.end))
        for i in range(span.start, span.end):
            self._by_token[i] = entity_id
            self._entity_at[i] = self.entities[entity_id]
            self._spans[i] = span

    def add_group_reference(self, span: Span, entity_ids: list[str], rule: str) -> None:
        """A plural reference to several entities ("the couple", "two Iranians")."""
        for eid in entity_ids:
            self.add_reference(span, eid, rule)
        for i in range(span.start, span.end):
            self._groups[i] = list(entity_ids)
            self._by_token[i] = entity_ids[0]
            self._entity_at[i] = self.entities[entity_ids[0]]
