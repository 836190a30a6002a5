"""Within one document, tie short forms to the actor they stand for: acronyms defined in
parentheses ("Popular Mobilization Forces (PMF)") and surnames of a person named in full
("Gen. Qassem Soleimani" … "Soleimani")."""
from __future__ import annotations

import re

from rapidfuzz import fuzz
from spacy.tokens import Doc

from claimgraph.extract.entities.mentions import Cand
from claimgraph.kb.fold import fold
from claimgraph.nlp.tokens import tokens

_AKA = (("also", "known", "as"), ("a.k.a",), ("a.k.a.",), ("aka",), ("known", "as"), ("alias",))
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-\.]{1,9}$")
SURNAME_SIMILARITY = 85  # rapidfuzz ratio for a misspelt surname ("Arabsiar" for "Arbabsiar")


def _copy_identity(target: Cand, source: Cand, rule: str) -> None:
    target.key, target.actor, target.type = source.key, source.actor, source.type
    target.subtype, target.country, target.name = source.subtype, source.country, source.name
    target.rule = rule


def _common_noun_acronym(doc: Doc, i: int) -> bool:
    """"a general sales agent (GSA)": an acronym of lower-case words names a kind, not an actor."""
    acr = doc[i].text.replace(".", "")
    if i < 1 or doc[i - 1].text != "(" or i + 1 >= len(doc) or doc[i + 1].text != ")":
        return False
    words = [t for t in doc[max(0, i - 1 - len(acr)):i - 1] if t.is_alpha]
    return (len(words) == len(acr) and all(t.is_lower for t in words)
            and "".join(t.text[0] for t in words).upper() == acr.upper())


_QUOTES = {'"', "“", "”", "'", "‘", "’"}


def _defined_acronym(doc: Doc, i: int) -> int | None:
    """The index of the acronym defined in parentheses at token `i` ("(PMF)", '("MOIS")'), if any."""
    if i + 2 >= len(doc) or doc[i].text != "(":
        return None
    j = i + 2 if doc[i + 1].text in _QUOTES else i + 1
    k = j + 2 if j + 1 < len(doc) and doc[j + 1].text in _QUOTES else j + 1
    if k >= len(doc) or doc[k].text != ")" or (j > i + 1) != (k > j + 1):
        return None
    return j if _ACRONYM.match(doc[j].text) else None


def link_acronyms(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Acronyms defined right after a name in parentheses; returns the new mentions it adds.
    An acronym of a lower-case phrase is not an actor: its NER mentions are dropped."""
    kinds = {doc[c.start].text for c in cands if c.actor is None and c.end - c.start == 1
             and _common_noun_acronym(doc, c.start)}
    if kinds:
        cands[:] = [c for c in cands if not (c.actor is None and c.end - c.start == 1 and doc[c.start].text in kinds)]
    defined: dict[str, Cand] = {}
    at = {c.start: c for c in cands if c.end - c.start == 1}
    for c in cands:
        if c.type in ("person", "location") or c.end + 2 >= len(doc) + 1:
            continue
        i = _defined_acronym(doc, c.end)
        if i is not None and doc[i].text not in defined:
            known = at.get(i)
            if c.actor is None and known is not None and known.actor is not None:
                _copy_identity(c, known, "acronym")  # 'the Ministry of X ("MOIS")': the KB knows the acronym
            defined[doc[i].text] = c
    # an acronym nobody defines and the KB does not know is too unsure to be an actor ("TATP")
    cands[:] = [c for c in cands if not (c.actor is None and c.end - c.start == 1 and c.type == "organization"
                                         and _ACRONYM.match(doc[c.start].text) and doc[c.start].text not in defined)]
    if not defined:
        return []
    by_start = {c.start: c for c in cands}
    added = []
    covered = set()
    for c in cands:
        covered.update(range(c.start, c.end))
    for tok in tokens(doc):
        src = defined.get(tok.text)
        if src is None:
            continue
        here = by_start.get(tok.i)
        if here is not None and here.end == tok.i + 1:
            if here.actor is None or here.actor is not src.actor:
                if here.actor is None or src.actor is None or tok.i == src.end + 1:
                    _copy_identity(here, src, "acronym")
        elif tok.i not in covered:
            new = Cand(tok.i, tok.i + 1, src.type, "acronym")
            _copy_identity(new, src, "acronym")
            added.append(new)
            covered.add(tok.i)
    return added


def link_short_bodies(doc: Doc, cands: list[Cand]) -> None:
    """"the Commission of Inquiry on Syria ... the Commission": a one-word organization name
    after "the", which is a word of one longer organization named before it, is that organization."""
    longer = [c for c in cands if c.type == "organization" and c.end - c.start > 1]
    if not longer:
        return
    words = {id(c): {fold(t.text) for t in doc[c.start:c.end] if t.is_alpha and t.text[:1].isupper()} for c in longer}
    for c in cands:
        if c.type != "organization" or c.actor is not None or c.end - c.start != 1 or c.start == 0 \
                or doc[c.start - 1].lower_ != "the" or not doc[c.start].is_alpha:
            continue
        w = fold(doc[c.start].text)
        hosts = [h for h in longer if h.start < c.start and w in words[id(h)]]
        if hosts and len({h.key for h in hosts}) == 1:
            _copy_identity(c, hosts[-1], "short-body")


def shared_surnames(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Qays and Laith al-Khazali": a lone given name coordinated with a person's full name shares
    its surname. Returns the mentions it adds (named with that surname; `link_surnames` then ties
    them to the person named in full elsewhere)."""
    covered = {i for c in cands for i in range(c.start, c.end)}
    alone = {c.start: c for c in cands if c.end - c.start == 1 and c.actor is None and c.type == "person"}
    added = []
    for c in [c for c in cands if c.type == "person" and _is_full(doc, c)]:
        i = c.start
        if i < 2 or doc[i - 1].lower_ not in ("and", "&") or i - 2 in covered and i - 2 not in alone:
            continue
        given = doc[i - 2]
        if given.pos_ != "PROPN" or not given.is_alpha or not given.text[:1].isupper() \
                or (i > 2 and doc[i - 3].pos_ == "PROPN" and doc[i - 3].text[:1].isupper()):
            continue  # one given name alone, not the end of another name
        surname = doc[c.start + 1:c.end].text
        name, key = f"{given.text} {surname}", f"name:{fold(given.text + ' ' + surname)}"
        if i - 2 in alone:  # the NER's "Hassan" alone
            alone[i - 2].name, alone[i - 2].key, alone[i - 2].rule = name, key, "shared-surname"
            continue
        added.append(Cand(i - 2, i - 1, "person", "shared-surname", name=name, key=key))
        covered.add(i - 2)
    return added


def link_surnames(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """A short form of a person named in full elsewhere in the document is that person: the
    surname ("Soleimani"), the end of the name ("al-Lami" for "Aziz al-Lami"), a first name
    with an initial ("Amir S." for "Amir Saadouni"), a near miss of the surname ("Arabsiar").
    A surname the NER missed is added as a mention; returns the added ones."""
    fulls = [c for c in cands if c.type == "person" and _is_full(doc, c)]
    surnames: dict[str, list[Cand]] = {}
    for c in fulls:
        last = _surname(doc, c)
        if last:
            surnames.setdefault(last, []).append(c)
    if not surnames:
        return []
    covered = {i for c in cands for i in range(c.start, c.end)}
    added = []
    firsts = {_words(doc, f)[0]: f for f in fulls}
    parts: dict[str, set] = {}  # "Abedini" of "Mohammad Abedini Najafabadi": any later word of one name
    for f in fulls:
        for w in _words(doc, f)[1:]:
            if w not in _PARTICLES and len(w) > 3:
                parts.setdefault(w, set()).add(f.key)
    for tok in tokens(doc):
        if tok.i in covered or not tok.text[:1].isupper():
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if (nxt is not None and fold(tok.text) in firsts and re.fullmatch(r"[A-Z]\.", nxt.text)
                and _words(doc, firsts[fold(tok.text)])[-1].startswith(nxt.text[0].lower())):
            new = Cand(tok.i, tok.i + 2, "person", "surname", name=f"{tok.text} {nxt.text}")  # "Laleh M."
        elif (tok.pos_ == "PROPN" and (fold(tok.text) in surnames or len(parts.get(fold(tok.text), ())) == 1)
              or tok.pos_ == "NOUN" and fold(tok.text) in surnames):  # the tagger's noun opening a sentence
            new = Cand(tok.i, tok.i + 1, "person", "surname", name=tok.text)
        else:
            continue
        cands.append(new)
        added.append(new)
        covered.update(range(new.start, new.end))
    index = _FullNames(doc, fulls)
    moved: dict[str, Cand] = {}  # old key → the full name it now stands for
    for c in fulls:
        longer = _longer_name(doc, c, index)
        if longer is not None:
            moved.setdefault(c.key, longer)
            _copy_identity(c, longer, "surname")
    for c in cands:
        if id(c) in index.ids or (c.actor is not None and (c.rule.startswith("kb") and (c.type != "person" or len(_words(doc, c)) == 1))):
            continue  # full names, and KB actors that are not a person's short name
        options = _short_form_of(doc, c, fulls, surnames, index)
        if not options:
            continue
        before = [o for o in options if o.start < c.start]
        full = before[-1] if before else options[0]
        if full is not c:
            if c.actor is None:
                moved.setdefault(c.key, full)
            _copy_identity(c, full, "surname")
    # "Khosravi, also known as Reza Karimi": the other names of a short form follow it
    for c in cands:
        target = moved.get(c.key)
        if target is not None and c.actor is None and target.key != c.key:
            _copy_identity(c, target, c.rule)
    return added


_PARTICLES = {"al", "el", "ad", "as", "an", "bin", "ibn", "bint", "de", "da", "di", "van", "von", "der", "le", "la"}


def _is_full(doc: Doc, c: Cand) -> bool:
    """A given name and a surname at least ("al-Lami" alone is not a full name)."""
    return len([w for w in _words(doc, c) if w not in _PARTICLES]) >= 2 and not _initialled(doc, c)


def _words(doc: Doc, c: Cand) -> list[str]:
    return [fold(t.text) for t in doc[c.start:c.end] if fold(t.text).isalpha()]  # "Sa'id" is a word


def _initialled(doc: Doc, c: Cand) -> bool:
    """"Amir S.": a first name and an initial."""
    toks = [t for t in doc[c.start:c.end] if not t.is_punct or t.text.endswith(".")]
    last = doc[c.end - 1].text
    return len(toks) >= 2 and (len(last) == 2 and last.endswith(".") or len(last) == 1 and last.isupper())


class _FullNames:
    """The full names' words, and the full names by each word they hold (in document order): a
    short form is looked for among the names holding its words, not among all of them (which
    cost the square of a long text's names)."""

    def __init__(self, doc: Doc, fulls: list[Cand]):
        self.ids = {id(f) for f in fulls}
        self.words = {id(f): _words(doc, f) for f in fulls}
        self.holding: dict[str, list[Cand]] = {}
        for f in fulls:
            for w in dict.fromkeys(self.words[id(f)]):
                self.holding.setdefault(w, []).append(f)

    def of(self, doc: Doc, f: Cand) -> list[str]:
        return self.words[id(f)] if id(f) in self.words else _words(doc, f)

    def with_word(self, word: str) -> list[Cand]:
        return self.holding.get(word, [])


def _short_form_of(doc: Doc, c: Cand, fulls: list[Cand], surnames: dict[str, list[Cand]],
                   index: _FullNames | None = None) -> list[Cand]:
    index = index or _FullNames(doc, fulls)
    words = _words(doc, c)
    if not words:
        return []
    if _initialled(doc, c):
        initial = fold(doc[c.end - 1].text.rstrip("."))
        return [f for f in index.with_word(words[0])
                if index.of(doc, f)[0] == words[0] and index.of(doc, f)[-1].startswith(initial)]
    if len(words) == 1:
        options = surnames.get(words[0])
        if options is None and c.type == "person":
            best = max(surnames, key=lambda s: fuzz.ratio(s, words[0]))
            if fuzz.ratio(best, words[0]) >= SURNAME_SIMILARITY:
                options = surnames[best]
        if not options and c.actor is None and c.type in ("person", "organization") and len(words[0]) > 3:
            options = _one_person(doc, fulls, words, index)  # "Qais", "Abedini": another part of one full name
        return options or []
    if c.type not in ("person", "organization"):
        return []
    # "al-Lami" for "Aziz al-Lami": the end of a longer name
    ends = [f for f in index.with_word(words[-1])
            if len(index.of(doc, f)) > len(words) and index.of(doc, f)[-len(words):] == words]
    return ends or (_one_person(doc, fulls, words, index) if c.actor is None else [])


def _longer_name(doc: Doc, c: Cand, index: _FullNames) -> Cand | None:
    """"Safi al-Din" for "Abdallah Safi al-Din": a full name that ends the full name of one other
    person of the document is that person."""
    if c.actor is not None:
        return None
    words = index.of(doc, c)
    n = len(words)
    ends = [f for f in index.with_word(words[-1]) if f.key != c.key
            and len(index.of(doc, f)) > n and index.of(doc, f)[-n:] == words]
    return ends[0] if ends and len({f.key for f in ends}) == 1 else None


def _one_person(doc: Doc, fulls: list[Cand], words: list[str], index: _FullNames | None = None) -> list[Cand]:
    """The mentions of the one person whose full name holds `words` in a row ("al-Khanjar" in
    "Khamis Farhan al-Khanjar al-Issawi"); none when several persons' names do."""
    if all(w in _PARTICLES for w in words):
        return []
    index = index or _FullNames(doc, fulls)
    n = len(words)
    found = []
    for f in index.with_word(words[0]):
        fw = index.of(doc, f)
        if any(fw[i:i + n] == words for i in range(len(fw) - n + 1)) and len(fw) > n:
            found.append(f)
    return found if len({f.key for f in found}) == 1 else []


def _surname(doc: Doc, c: Cand) -> str | None:
    toks = [t for t in doc[c.start:c.end] if fold(t.text).isalpha()]
    if len(toks) < 2:
        return None
    last = toks[-1].text
    if len(last) <= 2:  # "Assadollah A."
        return None
    return fold(last)


def link_aliases(doc: Doc, cands: list[Cand]) -> None:
    """"X, also known as Y, Z" (a.k.a., aka, alias): Y and Z are other names of X."""
    ordered = sorted(cands, key=lambda c: c.start)
    rekey: dict[str, Cand] = {}
    alias_ids: set[int] = set()
    toks = tokens(doc)
    for a, b in zip(ordered, ordered[1:]):
        gap = toks[a.end:b.start]
        words = tuple(t.lower_ for t in gap if not t.is_punct or t.lower_.startswith("a.k.a"))
        chained = id(a) in alias_ids and len(gap) == 1 and gap[0].text == "," and a.type == b.type
        if words not in _AKA and not chained:
            continue
        if b.actor is not None and a.actor is not None and b.actor is not a.actor:
            continue
        if a.actor is None and b.actor is not None:
            rekey[a.key] = b  # the KB knows the other name: its identity wins
        else:
            rekey[b.key] = rekey.get(a.key, a)
        alias_ids.add(id(b))
    for c in cands:
        target = rekey.get(c.key)
        if target is not None and target is not c and target.key != c.key:
            _copy_identity(c, target, c.rule if c.rule.startswith("kb") else "alias")
