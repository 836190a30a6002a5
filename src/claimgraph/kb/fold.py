"""Folding of names for matching: case, diacritics and apostrophe styles do not count."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "'’‘`´ʼʻ′"
_APOS_RE = re.compile(f"[{APOSTROPHES}]")
_HYPHENS = {"-", "–", "—", "‐", "‑"}


@lru_cache(maxsize=200_000)
def fold(token: str) -> str:
    """Fold one token: lower case, no diacritics, no apostrophes."""
    s = unicodedata.normalize("NFKD", token)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return _APOS_RE.sub("", s).lower()


def is_joiner(token: str) -> bool:
    """Tokens that do not count in a name: hyphens ("al-Haq" reads as "al Haq")."""
    return token in _HYPHENS


@lru_cache(maxsize=100_000)
def fold_name(name: str) -> str:
    """Fold a whole name to one comparable string ("Asa’ib Ahl Al-Haq" → "asaib ahl al haq"); the
    same names are folded again for every mention and every link tried."""
    s = fold(name)
    s = re.sub(r"[\-–—‐‑]", " ", s)
    s = re.sub(r"[^\w\s]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def is_acronym(alias: str) -> bool:
    """An alias in capitals of up to six letters ("AAH", "U.S.", "IRGC-QF") matches only in capitals."""
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 6 and all(c.isupper() for c in letters) and " " not in alias.strip()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
