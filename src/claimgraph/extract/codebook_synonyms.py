"""Review the codebook against WordNet: for each trigger word, the synonyms it lacks.

For every trigger of relations.yaml and events.yaml the sense of the word that fits its predicate
is chosen (the WordNet sense that shares most words with the predicate's other triggers, else the
most frequent one); the lemmas of that sense and of its direct hyponyms, and for a verb the nouns
derived from it, that the predicate does not list are the candidates. A reviewer decides which of
them truly say the predicate; nothing here changes the codebook. nltk is imported only when a
review runs.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from claimgraph.extract.codebook import Codebook, _read, default_codebook

WORDNET_DIR = Path("/usr/share/wordnet")  # Debian's wordnet-base
# WordNet's lexicographer files, numbered as in lexnames(5WN). wordnet-base does not ship the
# `lexnames` file that nltk's reader opens first, so the reader is given it from here.
LEXNAMES = ("adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
            "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location "
            "noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process "
            "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change "
            "verb.cognition verb.communication verb.competition verb.consumption verb.contact verb.creation "
            "verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative verb.weather "
            "adj.ppl").split()
_POS = {"verb": "v", "noun": "n", "hyphen": "v", "adjective": "a"}


class WordNetMissing(RuntimeError):
    pass


def open_wordnet(source: Path = WORDNET_DIR):
    """nltk's WordNet reader over the WordNet 3.0 files of `source` (Debian's layout)."""
    if not (source / "data.verb").exists():
        raise WordNetMissing(f"no WordNet in {source}: apt-get install wordnet-base (make install does it)")
    import io
    import warnings

    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class DebianWordNet(WordNetCorpusReader):
        def open(self, file):
            if file == "lexnames" and not (source / file).exists():
                category = {"noun": 1, "verb": 2, "adj": 3, "adv": 4}  # the file's third column
                return io.StringIO("".join(f"{i:02d}\t{name}\t{category[name.split('.')[0]]}\n"
                                           for i, name in enumerate(LEXNAMES)))
            return super().open(file)

        def map_wn(self, version="wordnet"):
            return None  # a map to another WordNet version, for the multilingual data: not used

    if str(source) not in nltk.data.path:
        nltk.data.path.append(str(source))  # nltk opens files only under its data paths
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "multilingual functions are not available": not needed
        return DebianWordNet(str(source), None)


@dataclass
class Gap:
    """What WordNet offers for one trigger that its predicate does not list."""

    kind: str
    predicate: str
    trigger: str  # pos:lemma
    sense: str | None  # the WordNet sense chosen, with its gloss
    fit: int = 0  # words the sense shares with the predicate's entries and examples; 0: first sense, a guess
    synonyms: list[str] = field(default_factory=list)
    hyponyms: list[str] = field(default_factory=list)
    nouns: list[str] = field(default_factory=list)  # nouns derived from a verb's sense
    elsewhere: dict[str, str] = field(default_factory=dict)  # candidate → the predicate that has it

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def empty(self) -> bool:
        return not (self.synonyms or self.hyponyms or self.nouns)


def _words(name: str) -> str:
    return name.replace("_", " ").lower()


def _listed(cb: Codebook) -> dict[str, dict[str, set[str]]]:
    """Predicate → the words it lists (verbs, nouns, hyphen words, phrases), and their verb lemmas."""
    out: dict[str, dict[str, set[str]]] = {}
    for table in (cb.verbs, cb.nouns, cb.hyphen, cb.adjectives):
        for lemma, trigs in table.items():
            for t in trigs:
                out.setdefault(t.predicate, {}).setdefault("words", set()).add(lemma)
    for file, section in (("relations.yaml", "relations"), ("events.yaml", "events")):
        for pred, spec in (_read(file).get(section) or {}).items():
            for phrase in (spec or {}).get("phrases") or ():
                out.setdefault(pred, {}).setdefault("words", set()).add(phrase.lower())
            for example in (spec or {}).get("examples") or ():
                out.setdefault(pred, {}).setdefault("examples", set()).update(re.findall(r"[a-z]+", example.lower()))
    return out


def _triggers(cb: Codebook):
    seen = set()
    for table in (cb.verbs, cb.nouns, cb.hyphen, cb.adjectives):
        for trigs in table.values():
            for t in trigs:
                key = (t.predicate, t.pos, t.lemma)
                if key not in seen:
                    seen.add(key)
                    yield t


def _neighbourhood(synset) -> set[str]:
    """The words of a sense and of the senses next to it: what it shares with its predicate."""
    near = [synset, *synset.hypernyms(), *synset.hyponyms(), *synset.verb_groups(), *synset.similar_tos()]
    words = {_words(n) for s in near for n in s.lemma_names()}
    words |= {_words(d.name()) for lem in synset.lemmas() for d in lem.derivationally_related_forms()}
    return words


def _lemma_of(wn, word: str, pos: str) -> str:
    return wn.morphy(word, pos) or word


def review(predicate: str | None = None, wn=None, cb: Codebook | None = None) -> list[Gap]:
    """The gaps of every trigger (of one predicate when given), in codebook order."""
    wn = wn or open_wordnet()
    cb = cb or default_codebook()
    listed = _listed(cb)
    owner: dict[str, str] = {}
    for pred, d in listed.items():
        for w in d.get("words", ()):
            owner.setdefault(w, pred)
    gaps = []
    for trig in _triggers(cb):
        if predicate and trig.predicate.lower() != predicate.lower():
            continue
        pos = _POS.get(trig.pos)
        if pos is None:
            continue
        have = listed.get(trig.predicate, {}).get("words", set())
        lemma = _lemma_of(wn, trig.lemma, pos)
        seeds = {_lemma_of(wn, w, pos) for w in have} | {w for w in have}
        seeds |= {_lemma_of(wn, w, pos) for w in trig.predicate.lower().split("_")}
        seeds |= {_lemma_of(wn, w, p) for w in listed.get(trig.predicate, {}).get("examples", ()) for p in ("v", "n")}
        seeds -= {trig.lemma, lemma}
        senses = wn.synsets(lemma.replace(" ", "_"), pos)
        if not senses:
            gaps.append(Gap(trig.kind, trig.predicate, f"{trig.pos}:{trig.lemma}", None))
            continue
        scored = [(len(_neighbourhood(s) & seeds), -i, s) for i, s in enumerate(senses)]
        best = max(scored)[0]
        chosen = [s for score, _, s in scored if score == best] if best else [senses[0]]
        chosen = chosen[:2]  # a tie of many senses says little; the two most frequent
        known = have | {lemma} | {_lemma_of(wn, w, pos) for w in have}
        syn = _fresh((_words(n) for s in chosen for n in s.lemma_names()), known)
        hypo = _fresh((_words(n) for s in chosen for h in s.hyponyms() for n in h.lemma_names()), known | set(syn))
        nouns: list[str] = []
        if pos == "v":
            nouns = _fresh((_words(d.name()) for s in chosen for lem in s.lemmas()
                            for d in lem.derivationally_related_forms() if d.synset().pos() == "n"), have)
        gap = Gap(trig.kind, trig.predicate, f"{trig.pos}:{trig.lemma}",
                  "; ".join(f"{s.name()}: {s.definition()}" for s in chosen), best, syn, hypo, nouns)
        gap.elsewhere = {w: owner[w] for w in syn + hypo + nouns if w in owner and owner[w] != trig.predicate}
        gaps.append(gap)
    return gaps


def _fresh(words, known: set[str]) -> list[str]:
    out = []
    for w in words:
        if w not in known and w not in out:
            out.append(w)
    return out
