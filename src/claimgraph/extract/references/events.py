"""Event anaphora: a definite event noun ("the attack", "these strikes", "both raids", "the
designation") refers back to the latest event of its type in the sentences before it, so what one
mention names and the other lacks is shared: "Militants attacked the base on Friday. The attack,
carried out by X, ..." → X ASSAULT, with the first mention's target, date and place; "Treasury
designated X today. The designation targets its leader Y" → Treasury SANCTION Y.

Each event trigger the reader meets is recorded with the actors it found; a definite event noun
asks for its antecedents. Only earlier sentences count, and only a few of them (`WINDOW`).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from claimgraph.model import Entity

DEFINITE = {"the", "this", "that", "these", "those", "both"}
WINDOW = 5  # sentences back
_COUNTS = {"both": 2, "two": 2, "three": 3}
_NOW = {"today", "yesterday", "tonight", "week", "weekend", "month", "year", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday"}  # "today's action", "Friday's attack"


@dataclass
class EventMention:
    predicate: str
    trigger: Token
    subjects: list[Entity]
    objects: list[Entity]
    sentence: int  # ordinal of its sentence in the document


class EventMemory:
    def __init__(self) -> None:
        self.mentions: list[EventMention] = []
        self.sentence = -1

    def start_sentence(self) -> None:
        self.sentence += 1

    def record(self, predicate: str, trigger: Token, subjects: list[Entity], objects: list[Entity]) -> None:
        self.mentions.append(EventMention(predicate, trigger, list(subjects), list(objects), self.sentence))

    def antecedents(self, noun: Token, predicate: str, not_by: frozenset[str] = frozenset()) -> list[EventMention]:
        """The earlier events a definite event noun stands for: the latest one of its type (a
        plural too: "the strikes" are the last strikes told), or the latest two for "both raids".
        Events done by one of `not_by` (the ids of the targets this mention adds) are not it: "the
        militia that conducted the strikes ... the strikes destroyed facilities used by the militia"."""
        how_many = definite(noun)
        if not how_many:
            return []
        lemma = noun.lemma_.lower()  # "raided ... Both raids": the same word, whatever types the codebook gives
        earlier = [m for m in self._window() if (m.predicate == predicate or m.trigger.lemma_.lower() == lemma)
                   and not _ids(m.subjects) & not_by]
        same = [m for m in earlier if m.trigger.lemma_.lower() == lemma]
        if same and not_by:  # "the strikes" with a target of its own: the last strikes told, not the last "hit"
            earlier = same
        if not earlier:
            return []
        return _one_per_event(earlier)[-how_many:]

    def accusers_of(self, accused: Entity) -> list[Entity]:
        """Who accused `accused` in the latest accusation against it told in this sentence or the
        `WINDOW` before ("the U.S. accused Iran of ... Iran denied that ..." → the U.S.)."""
        for m in self._recent():
            if m.predicate == "ACCUSE" and any(o.id == accused.id for o in m.objects):
                return [s for s in m.subjects if s.id != accused.id]
        return []

    def latest(self, noun: Token) -> EventMention | None:
        """The event a definite general noun ("the action", "today's move") refers back to: the
        latest one told in the sentences before, whatever its type."""
        earlier = self._window()
        return earlier[-1] if earlier and definite(noun) else None

    def _window(self) -> list[EventMention]:
        """The mentions of the `WINDOW` sentences before this one, in order: read back from the
        latest (mentions are recorded in sentence order), not over the whole document's."""
        out = [m for m in self._recent() if m.sentence < self.sentence]
        out.reverse()
        return out

    def _recent(self):
        """The mentions of this sentence and the `WINDOW` before, latest first (mentions are
        recorded in sentence order, so the walk stops at the window's start)."""
        for m in reversed(self.mentions):
            if m.sentence < self.sentence - WINDOW:
                return
            yield m


def definite(noun: Token) -> int:
    """How many earlier events a noun phrase points back to: 0 when it is not definite, n for
    "both raids" / "the two raids", else 1 ("the attack", "these strikes")."""
    words = {c.lower_ for c in noun.children if c.dep_ in ("det", "predet", "nummod")}
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss and all(is_moment(c) for c in poss):
        return 1  # "today's designation"
    if poss or not words & DEFINITE or _new_target(noun):
        return 0
    return next((n for w, n in _COUNTS.items() if w in words), 1)


def _new_target(noun: Token) -> bool:
    """"the killing of three peacekeepers", "the bombing of a convoy": a definite made by its own
    "of" target, told as new (a number or an indefinite article), is a first mention, not a
    reference back to the last event of its type."""
    return any(o.dep_ == "pobj" and o.pos_ == "NOUN" and any(
        c.dep_ == "nummod" or c.dep_ == "det" and c.lower_ in ("a", "an") for c in o.children)
               for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children)


def is_moment(tok: Token) -> bool:
    """A possessor that is a time, not an actor: "today's action", "Friday's attack"."""
    return tok.lemma_.lower() in _NOW


def _one_per_event(mentions: list[EventMention]) -> list[EventMention]:
    """A phrase that tells one event twice ("a plot to assassinate X in a bomb attack", "soldiers
    killed after militants stormed the base") counts it once, with the actors of all its mentions."""
    out: list[EventMention] = []
    group: list[Token] = []  # the triggers told of the last event counted
    for m in mentions:
        if out and out[-1].sentence == m.sentence and any(_inside(m.trigger, g) or _inside(g, m.trigger) for g in group):
            group.append(m.trigger)
            best = out[-1]
            out[-1] = EventMention(best.predicate, best.trigger, _union(best.subjects, m.subjects),
                                   _union(best.objects, m.objects), best.sentence)
            continue
        group = [m.trigger]
        out.append(m)
    return out


def _inside(tok: Token, phrase: Token) -> bool:
    """Is `tok` in the phrase of `phrase`, or `phrase` under `tok`'s own head? Not the subject and
    the object of one verb: "the strikes follow a rocket attack" tells two events."""
    if phrase.left_edge.i <= tok.i <= phrase.right_edge.i:
        return True
    return tok.head.i == phrase.head.i and not ({tok.dep_, phrase.dep_} <= _CORE and tok.dep_ != phrase.dep_)


_CORE = {"nsubj", "nsubjpass", "dobj"}


def readings(memory: EventMemory, noun: Token, predicate: str, subjects: list[Entity], objects: list[Entity],
             own_target: bool, antecedents: list[EventMention] | None = None
             ) -> list[tuple[Entity, Entity | None, Token]] | None:
    """(subject, object, antecedent trigger) for a definite event noun that refers back to earlier
    mentions, each with what this mention adds: its own actor ("carried out by X"), or a further
    target ("the designation targets Y"). None when the noun refers back to nothing; then it is
    read on its own. A noun whose own actor or own target is not the earlier event's is another
    event ("Israel struck X. ... after the attack by Y on Z")."""
    used, out, subs_seen, objs_seen = False, [], [], []
    for a in memory.antecedents(noun, predicate, frozenset(_ids(objects))) if antecedents is None else antecedents:
        if subjects and _named(a.subjects) and not _ids(subjects) & _ids(a.subjects):
            continue
        if own_target and objects and a.objects and not _ids(objects) & _ids(a.objects):
            continue
        subs = subjects or a.subjects
        objs = objects if own_target else objects or a.objects
        if not subs:
            continue
        used = True
        subs_seen += subs
        objs_seen += objs
        if not (_ids(subs) - _ids(a.subjects) or _ids(objs) - _ids(a.objects)):
            continue  # nothing the earlier mention did not say
        out += [(s, o, a.trigger) for s in subs for o in (objs or [None])]
    if not used:
        return None
    memory.record(predicate, noun, subs_seen, objs_seen)
    return out


def _union(a: list[Entity], b: list[Entity]) -> list[Entity]:
    return a + [e for e in b if e.id not in _ids(a)]


def _ids(ents: list[Entity]) -> set[str]:
    return {e.id for e in ents}


def _named(ents: list[Entity]) -> bool:
    """Actors that are named, not a generic collective ("militants")."""
    return any(e.type != "group" for e in ents)
