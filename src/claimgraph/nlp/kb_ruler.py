"""A spaCy component that finds knowledge-base actors in a Doc and puts them in `doc.ents`.

Longest match over folded tokens (case, diacritics, apostrophe style and hyphens do not count);
acronyms match only in capitals; KB types override spaCy's labels where the two overlap.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimgraph.kb.fold import fold, is_acronym, is_joiner
from claimgraph.kb.loader import KnowledgeBase, default_kb, load
from claimgraph.nlp.near_names import NearNames
from claimgraph.nlp.text import doc_text
from claimgraph.nlp.tokens import tokens

LABELS = {"person": "PERSON", "organization": "ORG", "group": "ORG", "country": "GPE", "location": "LOC"}
# spaCy labels that name an actor; anything else (DATE, MONEY, ...) is not an actor
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
_PLACE_LABELS = {"GPE", "LOC", "NORP", "FAC"}
_KEEP_SPACY_OVER_KB = {"ORG", "FAC"}
_NAME_GLUE = {"of", "the", "and", "for", "al", "el", "de", "-", "&"}


@dataclass(frozen=True)
class Terminal:
    actor_id: str
    kind: str  # name, alias, demonym, form
    exact: tuple[str, ...] | None  # tokens to match letter for letter (acronyms), else None


class Trie:
    """Token trie of every KB name; keys are folded tokens."""

    def __init__(self) -> None:
        self.root: dict = {}
        self.size = 0
        self.near = NearNames()

    def add(self, keys: tuple[str, ...], term: Terminal) -> None:
        node = self.root
        for k in keys:
            node = node.setdefault(k, {})
        terms = node.setdefault(None, [])
        if term not in terms:
            terms.append(term)
            self.size += 1

    @classmethod
    def build(cls, kb: KnowledgeBase, tokenizer) -> "Trie":
        from claimgraph.extract.entities.lexicon import default_lexicon
        trie = cls()
        lexicon = default_lexicon()
        trie.near.qualifiers.update(w for t in lexicon.titles for w in t)
        trie.near.qualifiers.update(fold(w) for w in lexicon.type_words)
        patterns = kb.patterns()
        texts = [p[0] for p in patterns]
        for (text, actor_id, kind), doc in zip(patterns, tokenizer.pipe(texts)):
            toks = [t.text for t in doc if not is_joiner(t.text)]
            if toks and toks[0].lower() == "the" and len(toks) > 1:
                toks = toks[1:]
            if not toks:
                continue
            exact = tuple(t.replace("’", "'") for t in toks) if is_acronym(text) else None
            trie.add(tuple(fold(t) for t in toks), Terminal(actor_id, kind, exact))
            if exact is None and kind in ("name", "alias"):
                trie.near.add(tuple(fold(t) for t in toks), actor_id, kb.actors[actor_id].type)
            if kb.actors[actor_id].type == "country" and kind in ("name", "alias", "demonym"):
                trie.near.qualifiers.update(fold(t) for t in toks)
        return trie

    @staticmethod
    def keys(doc: Doc) -> tuple[list[str], list[bool]]:
        """Each token folded, and whether it is a joiner; computed once per Doc."""
        cached = doc.user_data.get("claimgraph.kb_keys")
        if cached is not None and len(cached[0]) == len(doc):
            return cached
        words = [t.text for t in tokens(doc)]
        out = ([fold(w) for w in words], [is_joiner(w) for w in words])
        doc.user_data["claimgraph.kb_keys"] = out
        return out

    def candidates(self, doc: Doc) -> dict[int, list[tuple[int, Terminal]]]:
        """Every name that starts at each token, shortest first; computed once per Doc (the name
        guard and the ruler both read them)."""
        cached = doc.user_data.get("claimgraph.kb_candidates")
        if cached is not None and cached[0] == len(doc):
            return cached[1]
        keys, joiner = self.keys(doc)
        out: dict[int, list[tuple[int, Terminal]]] = {}
        n, root = len(doc), self.root
        for i in range(n):
            if joiner[i] or keys[i] not in root:
                continue
            options = []
            node, j = root, i
            while j < n:
                if joiner[j]:
                    j += 1
                    continue
                node = node.get(keys[j])
                if node is None:
                    break
                j += 1
                for term in node.get(None, ()):
                    if term.exact is None or _exact(doc, i, j, term.exact):
                        options.append((j, term))
                        break
            if options:
                out[i] = options
        doc.user_data["claimgraph.kb_candidates"] = (len(doc), out)
        return out

    def matches(self, doc: Doc, accept=None) -> list[tuple[int, int, Terminal]]:
        """Longest matches, left to right, as (start, end, terminal) token spans; `accept` may
        turn a match down, and then the next shorter one at the same start is tried."""
        cands = self.candidates(doc)
        out = []
        i, n = 0, len(doc)
        while i < n:
            options = cands.get(i)
            best = None
            if options:
                best = next(((i, e, t) for e, t in reversed(options) if accept is None or accept(i, e, t)), None)
            if best:
                out.append(best)
                i = best[1]
            else:
                i += 1
        return out


def _exact(doc: Doc, start: int, end: int, exact: tuple[str, ...]) -> bool:
    toks = tuple(t.text.replace("’", "'") for t in doc[start:end] if not is_joiner(t.text))
    return toks == exact


_TRIES: dict[tuple[int, int], Trie] = {}


def shared_trie(nlp: Language, kb: KnowledgeBase) -> Trie:
    """One trie per KB and pipeline, for the ruler and the name guard."""
    key = (id(kb), id(nlp.tokenizer))
    if key not in _TRIES:
        from claimgraph.extract.entities.lexicon import default_lexicon
        from claimgraph.nlp.trie_cache import load_or_build
        _TRIES[key] = load_or_build(kb, nlp, default_lexicon(), lambda: Trie.build(kb, nlp.tokenizer))
    return _TRIES[key]


class NameGuard:
    """Before the parser: no sentence starts inside a known multi-word name, and one starts after
    every paragraph break. The small parser otherwise splits "Asa’ib Ahl Al-Haq" and runs headlines
    into the first sentence."""

    def __init__(self, nlp: Language, kb: KnowledgeBase):
        self.trie = shared_trie(nlp, kb)

    def __call__(self, doc: Doc) -> Doc:
        # the boundaries set in one array: `Token.is_sent_start = ...` looks over the whole document
        # (for a parse) on every call, the square of a long text's length
        starts = doc.to_array([SENT_START]).astype(numpy.int64)  # 1 starts, -1 does not, 0 unknown
        before = starts.copy()
        if doc_text(doc).count("\n") >= 2:  # else no token can be a paragraph break
            for i in numpy.flatnonzero(doc.to_array([IS_SPACE])):
                # a paragraph break always ends a sentence (not a wrapped line's end)
                if doc[int(i)].text.count("\n") >= 2 and i + 1 < len(doc):
                    starts[int(i) + 1] = 1
        for start, end, _ in self.trie.matches(doc):
            starts[start + 1:end] = -1
        if not numpy.array_equal(starts, before):
            doc.from_array([SENT_START], starts.astype(numpy.uint64))
        return doc


class KBRuler:
    """Puts KB actors into doc.ents (label from the KB type, `kb_id_` the actor id)."""

    def __init__(self, nlp: Language, kb: KnowledgeBase):
        self.kb = kb
        self.trie = shared_trie(nlp, kb)

    def __call__(self, doc: Doc) -> Doc:
        ner = [e for e in doc.ents if e.label_ in ACTOR_LABELS]
        headline = _headline_tokens(doc)
        spans = []
        ner_at = {i: e for e in ner for i in range(e.start, e.end)}  # doc.ents do not overlap
        for start, end, term in self.trie.matches(
                doc, lambda s, e, t: self._acceptable(doc, s, e, self.kb.actors[t.actor_id], t, ner_at)):
            actor = self.kb.actors[term.actor_id]
            spans.append(Span(doc, start, end, label=LABELS[actor.type], kb_id=actor.id))
        near = self.trie.near.matches(doc, [(s.start, s.end) for s in spans], *self.trie.keys(doc))
        if near:  # a misspelt name takes the place of the exact names inside it
            spans = [s for s in spans if not any(a <= s.start and s.end <= b for a, b, _ in near)]
            spans += [Span(doc, a, b, label=LABELS[self.kb.actors[i].type], kb_id=i) for a, b, i in near]
            spans.sort(key=lambda s: s.start)
        if headline:
            body = {t.lower_ for t in tokens(doc) if t.i not in headline}
            ner = [e for e in ner if e.start not in headline or e[-1].lower_ not in body]
        spans = self._arbitrate(doc, spans, ner, headline)
        doc.set_ents(spans, default="outside")
        return doc

    def _acceptable(self, doc, start, end, actor, term, ner_at: dict[int, Span]) -> bool:
        # a name that is also a common word ("Turkey", "Chad") needs spaCy's NER to agree: the NER
        # span over its first token (`ner_at`: token → NER actor span) holds it whole
        if actor.ambiguous:
            labels = _PLACE_LABELS if actor.type in ("country", "location") else ACTOR_LABELS
            e = ner_at.get(start)
            if e is None or not (end <= e.end and e.label_ in labels):
                return False
        first, last = doc[start], doc[end - 1]
        if term.kind != "demonym" and first.is_lower and not first.is_stop and end - start == 1 and not term.exact:
            return False  # a lower-case common word that happens to be a name
        # "an Israeli military base": a name ending in a common word used as a modifier is not
        # that body; the shorter match ("Israeli") is tried instead
        if end - start > 1 and last.is_lower and last.dep_ in ("amod", "compound", "nmod") and last.head.i >= end:
            return False
        # "Secretary of State Antony Blinken": an office named as its holder's title is the title
        if end < len(doc) and doc[end].ent_type_ == "PERSON" and self._ends_in_title(doc, start, end):
            return False
        # a bare surname preceded by another given name is someone else ("Mohammad Soleimani")
        if actor.type == "person" and end - start == 1 and start > 0:
            prev = doc[start - 1]
            if prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.ent_type_ == "PERSON":
                return False
        return True

    def _arbitrate(self, doc: Doc, kb_spans: list[Span], ner: list[Span], headline: set[int]) -> list[Span]:
        """KB spans win over overlapping NER spans, except where the NER span is a longer proper
        name that merely contains a KB name ("Iraqi National Congress", "Qeshm Fars Air",
        "VOA Persian"): a unit or body the KB does not know yet."""
        at: dict[int, list[int]] = {}  # token → the KB spans over it (by index): overlaps in a span's length
        for k, s in enumerate(kb_spans):
            for i in range(s.start, s.end):
                at.setdefault(i, []).append(k)

        def overlapping(e: Span) -> list[Span]:
            return [kb_spans[k] for k in sorted({k for i in range(e.start, e.end) for k in at.get(i, ())})]

        keep_ner = []
        for e in ner:
            inside = overlapping(e)
            if inside and e.label_ in _KEEP_SPACY_OVER_KB and e.start not in headline and all(
                e.start <= s.start and s.end <= e.end for s in inside
            ) and self._adds_a_name(e, inside):
                keep_ner.append(e)
        shadowed = {id(s) for e in keep_ner for s in overlapping(e)}
        kept_kb = [s for s in kb_spans if id(s) not in shadowed]
        taken = set()
        for s in kept_kb + keep_ner:
            taken.update(range(s.start, s.end))
        kept = {id(e) for e in keep_ner}
        rest = [e for e in ner if id(e) not in kept and not any(i in taken for i in range(e.start, e.end))]
        return sorted(kept_kb + keep_ner + rest, key=lambda s: s.start)

    def _adds_a_name(self, ent: Span, inside: list[Span]) -> bool:
        """Does the NER span have capitalised name words of its own, beyond the KB names in it?"""
        covered = {i for s in inside for i in range(s.start, s.end)}
        if any(self.kb.actors[s.kb_id_].type == "person" for s in inside):
            return False
        extra = [t for t in ent if t.i not in covered and not t.is_punct and t.lower_ not in _NAME_GLUE]
        if extra and self._opens_title(ent.doc, extra[0].i):
            return False  # "Pentagon Press Secretary John Kirby": the rest is a title, not a name
        return bool(extra) and all(t.is_alpha and t.text[:1].isupper() and not t.is_stop for t in extra)

    @staticmethod
    def _ends_in_title(doc: Doc, start: int, end: int) -> bool:
        from claimgraph.extract.entities.lexicon import default_lexicon
        words = tuple(fold(t.text).rstrip(".") for t in doc[start:end])
        return any(words[-len(t):] == t for k in range(len(words)) for t in default_lexicon().titles_by_first.get(words[k], ())
                   if len(t) == len(words) - k)

    def _opens_title(self, doc: Doc, i: int) -> bool:
        from claimgraph.extract.entities.lexicon import default_lexicon
        words = [fold(t.text).rstrip(".") for t in doc[i:i + 4]]
        return any(tuple(words[:len(t)]) == t for t in default_lexicon().titles_by_first.get(words[0], ()))


_LINE_END = (".", "!", "?", "”", '"', ":")


def _headline_tokens(doc: Doc) -> set[int]:
    """Tokens of lines written in title case with no closing stop ("Statement From Pentagon
    Press Secretary"), where capitals say nothing about names."""
    out: set[int] = set()
    text, pos = doc_text(doc), 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped or stripped.endswith(_LINE_END):
            continue  # a sentence, however many names it has
        words = [w for w in stripped.split() if len(w) > 3 and w.isalpha()]
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
            span = doc.char_span(start, start + len(line), alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
    return out


@Language.factory("claimgraph_name_guard", default_config={"kb_paths": []})
def make_name_guard(nlp: Language, name: str, kb_paths: list[str]) -> NameGuard:
    return NameGuard(nlp, load_kb(tuple(kb_paths)))


@lru_cache(maxsize=4)
def load_kb(kb_paths: tuple[str, ...]) -> KnowledgeBase:
    return load(list(kb_paths)) if kb_paths else default_kb()


@Language.factory("claimgraph_kb_ruler", default_config={"kb_paths": []})
def make_kb_ruler(nlp: Language, name: str, kb_paths: list[str]) -> KBRuler:
    return KBRuler(nlp, load_kb(tuple(kb_paths)))
