"""Name keys for matching across documents: folded, transliteration-tolerant, consonant skeletons.

Arabic and Persian names reach English in many spellings (Qasem, Qassem, Qassim, Kassem;
Soleimani, Suleimani). `translit` maps the usual variants onto one form so they compare equal;
`skeleton` keeps a token's first letter and its consonants, a coarse key for blocking.
The rules are few and deliberately simple:

- q → k, ck → k, ph → f, dh → z, w → u, y → i (between letters), ou / oo → u, ee / ei / ey → i;
- then e → i and o → u (the short vowels that transliterations disagree on most);
- doubled letters once ("Qassim" → "kasim", "Hassan" → "hasan");
- the article "al" / "el" is dropped ("al-Muhandis" → "muhandis").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimgraph.kb.fold import fold_name, is_acronym

PARTICLES = frozenset({"al", "el", "the"})
_DIGRAPHS = [("ck", "k"), ("ph", "f"), ("dh", "z"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "i"), ("ey", "i")]
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiou]")


@lru_cache(maxsize=500_000)
def translit(token: str) -> str:
    """One folded token in its transliteration-neutral form ("soleimani" → "sulimani")."""
    s = token.replace("q", "k").replace("w", "u")
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    s = re.sub(r"(?<=\w)y", "i", s)
    s = s.replace("e", "i").replace("o", "u")
    return _DOUBLE.sub(r"\1", s)


@lru_cache(maxsize=500_000)
def skeleton(token: str) -> str:
    """First letter and consonants of a transliterated token ("sulimani" → "slmn")."""
    return token[:1] + _VOWELS.sub("", token[1:])


@dataclass(frozen=True)
class NameKey:
    """One name of an entity, prepared for comparison."""

    folded: str  # "qasem suleimani"
    tokens: tuple[str, ...]  # transliterated, particles dropped: ("kasim", "sulimani")
    sorted_folded: str  # tokens in order, for token-order-free ratios
    sorted_translit: str

    @property
    def abbreviated(self) -> bool:
        """A one-letter token stands for a word ("Amir S.")."""
        return any(len(t) == 1 for t in self.tokens)


@lru_cache(maxsize=500_000)
def name_key(name: str) -> NameKey | None:
    """The comparison key of a name; None for names too short or acronyms, which are not matched fuzzily."""
    if is_acronym(name):
        return None
    folded = fold_name(name)
    words = [w for w in folded.split() if w not in PARTICLES] or folded.split()
    if not words or len("".join(words)) < 3:
        return None
    tokens = tuple(translit(w) for w in words)
    return NameKey(folded, tokens, " ".join(sorted(words)), " ".join(sorted(tokens)))


def block_keys(key: NameKey, person: bool) -> tuple[list[str], list[str]]:
    """Blocking keys of a name: (keys always compared, keys of frequent tokens compared only in small blocks).

    The whole-name skeleton is always a key; so is, for persons, the given name with the initial
    of the family name ("amr|s" for both "Amir S." and "Amir Saadouni").
    """
    full = " ".join(sorted(skeleton(t) for t in key.tokens))
    always = [f"n:{full}"]
    if person and len(key.tokens) >= 2 and len(key.tokens[0]) > 1:
        always.append(f"i:{skeleton(key.tokens[0])}|{key.tokens[-1][0]}")
    tokens = [f"t:{skeleton(t)}" for t in key.tokens if len(t) >= 3]
    return always, tokens
