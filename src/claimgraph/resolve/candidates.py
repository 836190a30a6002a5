"""Candidate pairs: stored entities that may be one actor, found by blocking and scored by name.

Only pairs of compatible types (`types`: one type, or a type the NER guessed beside a kindred
one), with no conflicting country and no two different knowledge-base ids, are compared; two
of kindred types must share a name (exactly, or up to transliteration), and a state and a
place exactly. Names are compared through `names.name_key` (folded and transliterated, token
order free) with rapidfuzz; a person's names must also agree given name with given name and
family name with family name, where an initial stands for the word it begins ("Amir S." and
"Amir Saadouni"). A shortened name (initials, a missing middle name) that fits exactly one
entity in the store scores `UNIQUE_PARTIAL`; one that fits several scores `PARTIAL` and is
left to an analyst. Generic collectives (type `group`: "protesters", "Iraqi militias") are
never candidates: their ids already say which class and qualifier they are
(`extract.entities.collectives`), and a name is no evidence that two of them are one.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations

from rapidfuzz import fuzz
from sqlalchemy import bindparam, exists, select
from sqlalchemy.orm import Session, aliased

from claimgraph.resolve.names import NameKey, block_keys, name_key
from claimgraph.resolve.types import compatible, scoring_type
from claimgraph.store.schema import AliasRow, EntityRow, MentionRow

TRANSLIT_WEIGHT = 0.96  # equal only after transliteration: close, not certain
PARTIAL = 0.85
UNIQUE_PARTIAL = 0.93
SAME_DOCUMENT_CAP = 0.85  # two entities of one document were kept apart by the linker
MAX_TOKEN_BLOCK = 50  # a token shared by more entities than this ("ali", "brigade") is no key
MAX_NAME_BLOCK = 1000
MAX_NAMES = 12  # name and aliases compared per entity
UNRESOLVED_TYPES = ("group",)  # collectives: one id per class and qualifier, made at extraction
KINDRED_RULES = ("name", "translit")  # how two entities of kindred types may match


@dataclass
class Record:
    """What resolution needs of a stored entity."""

    id: str
    name: str
    type: str
    country: str | None = None
    kb_id: str | None = None
    aliases: list[str] = field(default_factory=list)
    docs: frozenset[str] = frozenset()

    def name_keys(self) -> list[NameKey]:
        """Keys of its name and aliases; a person known by a full name is not compared by a lone
        surname it was also called ("Kourani" is Ali Kourani here, and Hussein Kourani there)."""
        seen, keys = set(), []
        own = name_key(self.name)
        full = self.type == "person" and own is not None and len(own.tokens) > 1
        for n in [self.name, *self.aliases][:MAX_NAMES]:
            k = name_key(n)
            if k is not None and k.folded not in seen and not (full and len(k.tokens) == 1):
                seen.add(k.folded)
                keys.append(k)
        return keys


@dataclass
class Candidate:
    left_id: str
    right_id: str
    score: float
    rule: str  # name, translit, initial, partial, surname
    reason: str


def load_records(session: Session, with_documents: bool = True) -> list[Record]:
    """Every stored entity with its aliases (and, with `with_documents`, the documents that mention
    it: every mention's pair, which grows with the store; `shared_documents` asks only of pairs)."""
    aliases: dict[str, list[str]] = defaultdict(list)
    for entity_id, alias in session.execute(select(AliasRow.entity_id, AliasRow.alias).order_by(AliasRow.id)):
        aliases[entity_id].append(alias)
    docs: dict[str, set[str]] = defaultdict(set)
    if with_documents:
        for entity_id, doc_id in session.execute(select(MentionRow.entity_id, MentionRow.doc_id).distinct()):
            docs[entity_id].add(doc_id)
    rows = session.execute(select(EntityRow.id, EntityRow.name, EntityRow.type, EntityRow.country, EntityRow.kb_id)
                           .order_by(EntityRow.id))
    return [Record(i, n, t, c, k, aliases.get(i, []), frozenset(docs.get(i, ()))) for i, n, t, c, k in rows]


def conflict(a: Record, b: Record) -> str | None:
    """Why two entities cannot be one actor, or None when nothing forbids it."""
    if a.type in UNRESOLVED_TYPES or b.type in UNRESOLVED_TYPES:
        return "generic collectives are identified by their class and qualifier"
    why = compatible((a, b)) if a.type != b.type else None
    if why:
        return why
    if a.country and b.country and a.country != b.country:
        return f"countries differ ({a.country}, {b.country})"
    if a.kb_id and b.kb_id and a.kb_id != b.kb_id:
        return f"two knowledge-base actors ({a.kb_id}, {b.kb_id})"
    return None


def _tokens_agree(s: str, t: str) -> bool:
    if s == t:
        return True
    if len(s) == 1 or len(t) == 1:
        return t.startswith(s) or s.startswith(t)
    return fuzz.ratio(s, t) >= 80


def _partial_rule(a: NameKey, b: NameKey) -> str | None:
    """How a shortened person name fits a fuller one: "initial", "partial", "surname", or None."""
    short, long = sorted((a.tokens, b.tokens), key=len)
    if len(short) == 1:
        return "surname" if len(long) > 1 and len(short[0]) > 1 and _tokens_agree(short[0], long[-1]) else None
    if not (_tokens_agree(short[0], long[0]) and _tokens_agree(short[-1], long[-1])):
        return None
    rest = iter(long[1:-1])  # middle tokens of the short name, in order, among the long name's
    if not all(any(_tokens_agree(t, u) for u in rest) for t in short[1:-1]):
        return None
    return "initial" if a.abbreviated or b.abbreviated else "partial"


def score_names(a: NameKey, b: NameKey, person: bool) -> tuple[float, str]:
    """Similarity of two names in [0, 1] and the rule that gave it."""
    if a.sorted_folded == b.sorted_folded:
        return 1.0, "name"
    plain = fuzz.ratio(a.sorted_folded, b.sorted_folded) / 100
    translit = TRANSLIT_WEIGHT * fuzz.ratio(a.sorted_translit, b.sorted_translit) / 100
    score, rule = (plain, "name") if plain >= translit else (translit, "translit")
    if not person:
        return score, rule
    if len(a.tokens) != len(b.tokens) or a.abbreviated or b.abbreviated:
        partial = _partial_rule(a, b)
        if partial is None:
            return min(score, 0.5), rule
        return (score, rule) if score >= PARTIAL and partial == "partial" else (PARTIAL, partial)
    if len(a.tokens) == 1 and a.tokens != b.tokens:
        return min(score, 0.8), rule  # one word each ("Assad", "Assadi"): too little to go on
    if len(a.tokens) >= 2 and not (_tokens_agree(a.tokens[0], b.tokens[0]) and _tokens_agree(a.tokens[-1], b.tokens[-1])):
        return min(score, 0.6), rule  # "Ali Hassan" / "Hussein Hassan": given names differ
    return score, rule


def score_pair(a: Record, b: Record, keys: dict[str, list[NameKey]] | None = None) -> tuple[float, str, str]:
    """Best score over the two entities' names: (score, rule, the names that matched)."""
    ka = keys[a.id] if keys else a.name_keys()
    kb = keys[b.id] if keys else b.name_keys()
    best = (0.0, "", "")
    person = scoring_type((a, b)) == "person"
    for x in ka:
        for y in kb:
            s, rule = score_names(x, y, person)
            if s > best[0]:
                best = (s, rule, f"{x.folded!r} ~ {y.folded!r}")
    return best


def candidate_pairs(records: list[Record]) -> set[tuple[int, int]]:
    """Index pairs that share a blocking key (whole-name skeleton, rare tokens, given name + initial)."""
    names: dict[str, set[int]] = defaultdict(set)
    tokens: dict[str, set[int]] = defaultdict(set)
    initials: dict[str, tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for i, r in enumerate(records):
        person = r.type == "person"
        for k in r.name_keys():
            always, rare = block_keys(k, person)
            for key in always:
                if key.startswith("i:"):
                    initials[key][0 if k.abbreviated else 1].add(i)
                else:
                    names[key].add(i)
            for key in rare:
                tokens[key].add(i)
    pairs: set[tuple[int, int]] = set()
    for members in names.values():
        if 1 < len(members) <= MAX_NAME_BLOCK:
            pairs.update(combinations(sorted(members), 2))
    for members in tokens.values():
        if 1 < len(members) <= MAX_TOKEN_BLOCK:
            pairs.update(combinations(sorted(members), 2))
    for short, full in initials.values():  # only an abbreviated name against full ones
        pairs.update((min(s, f), max(s, f)) for s in short for f in full if s != f)
    return pairs


def shared_documents(session: Session, pairs: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Those of the entity pairs that one stored document mentions both of, asked of the database
    pair by pair (an indexed EXISTS), so that no entity's list of documents is held in memory."""
    a, b = aliased(MentionRow), aliased(MentionRow)
    both = (select(a.id).where(a.entity_id == bindparam("left"),
                               exists().where(b.doc_id == a.doc_id, b.entity_id == bindparam("right")))
            .limit(1))
    return {(left, right) for left, right in pairs
            if session.execute(both, {"left": left, "right": right}).first() is not None}


def candidates(records: list[Record], min_score: float = 0.8,
               shared: Callable[[list[tuple[str, str]]], set[tuple[str, str]]] | None = None) -> list[Candidate]:
    """Scored pairs of compatible entities at or above `min_score`, best first. Which pairs one
    document mentions both of (they are capped) is `shared(pairs)` (e.g. `shared_documents`
    bound to a session), else read from the records' `docs`."""
    keys = {r.id: r.name_keys() for r in records}
    found: list[Candidate] = []
    for i, j in candidate_pairs(records):
        a, b = records[i], records[j]
        if conflict(a, b):
            continue
        score, rule, why = score_pair(a, b, keys)
        if score < min(min_score, PARTIAL):
            continue
        if a.type != b.type and (rule not in KINDRED_RULES or ("country" in (a.type, b.type) and score < 1.0)):
            continue  # "Kourani" the NER's organization is the person Kourani only by that very name
        left, right = sorted((a.id, b.id))
        found.append(Candidate(left, right, score, rule, why))
    _promote_unique_partials(found, {r.id: r for r in records})
    over = [c for c in found if c.score > SAME_DOCUMENT_CAP]
    if shared is None:
        docs = {r.id: r.docs for r in records}
        together = {(c.left_id, c.right_id) for c in over if docs[c.left_id] & docs[c.right_id]}
    else:
        together = shared([(c.left_id, c.right_id) for c in over]) if over else set()
    for c in over:
        if (c.left_id, c.right_id) in together:
            c.score = SAME_DOCUMENT_CAP
            c.reason += "; both in one document, where the linker kept them apart"
    found = [c for c in found if c.score >= min_score]
    found.sort(key=lambda c: (-c.score, c.left_id, c.right_id))
    return found


def _promote_unique_partials(found: list[Candidate], records: dict[str, Record]) -> None:
    """A shortened name (initials, a missing middle name) that fits exactly one entity is that entity."""
    fits: dict[str, list[Candidate]] = defaultdict(list)
    for c in found:
        if c.rule in ("initial", "partial"):
            shorter = min((c.left_id, c.right_id), key=lambda e: _shortness(records[e]))
            fits[shorter].append(c)
    for shorter, cands in fits.items():
        if len(cands) == 1 and cands[0].score < UNIQUE_PARTIAL:
            cands[0].score = UNIQUE_PARTIAL
            cands[0].reason += f"; the only entity that {records[shorter].name!r} fits"


def _shortness(r: Record) -> tuple[int, int]:
    k = name_key(r.name)
    if k is None:
        return (0, 0)
    return (-int(k.abbreviated), len(k.tokens))
