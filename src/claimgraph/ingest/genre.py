"""Genre from weighted cue phrases and regexes, kept in `genre_cues.yaml`.

Cues are looked for in the title, source, URL, section (a page's `article:section`, a
front matter `section` or `category`) and the first and last ~1500 characters.
The genre with the highest score wins if it reaches the threshold and no other ties it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import GENRES

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when built with it

CUES_PATH = Path(__file__).with_name("genre_cues.yaml")
EDGE = 1500  # characters looked at, at each end of the text
FIELDS = ("title", "source", "url", "section", "head", "tail")


@dataclass(frozen=True)
class Cue:
    genre: str
    pattern: re.Pattern[str]
    weight: float
    fields: tuple[str, ...] = FIELDS
    max_hits: int = 1

    @property
    def searched(self) -> tuple[str, ...]:
        """The parts to search: "edges" stands for head and tail together."""
        if "head" in self.fields and "tail" in self.fields:
            return tuple(f for f in self.fields if f not in ("head", "tail")) + ("edges",)
        return self.fields


@dataclass(frozen=True)
class CueSet:
    cues: tuple[Cue, ...]
    threshold: float


@lru_cache(maxsize=4)
def load_cues(path: Path = CUES_PATH) -> CueSet:
    """Read a cue file; raise ValueError naming the cue that is wrong."""
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER)
    cues = []
    for genre, entries in data["genres"].items():
        if genre not in GENRES:
            raise ValueError(f"{path}: unknown genre {genre!r}")
        for entry in entries:
            cues.append(_cue(genre, entry, path))
    return CueSet(tuple(cues), float(data.get("threshold", 2.0)))


def _cue(genre: str, entry: dict, path: Path) -> Cue:
    flags = re.MULTILINE | (0 if entry.get("case") else re.IGNORECASE)
    if "phrase" in entry:
        source = r"(?<!\w)" + re.escape(entry["phrase"]) + r"(?!\w)"
    elif "regex" in entry:
        source = entry["regex"]
    else:
        raise ValueError(f"{path}: cue of {genre} needs 'phrase' or 'regex': {entry}")
    fields = tuple(entry.get("fields", FIELDS))
    if unknown := set(fields) - set(FIELDS):
        raise ValueError(f"{path}: unknown fields {sorted(unknown)} in {entry}")
    try:
        pattern = re.compile(source, flags)
    except re.error as error:
        raise ValueError(f"{path}: bad regex in {entry}: {error}") from None
    return Cue(genre, pattern, float(entry["weight"]), fields, int(entry.get("max", 1)))


def score_genres(
    text: str,
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    section: str | None = None,
    cues: CueSet | None = None,
) -> dict[str, float]:
    """The score of each genre (0 for genres with no cue found)."""
    cues = cues or load_cues()
    edges = text if len(text) <= 2 * EDGE else text[:EDGE] + "\n" + text[-EDGE:]
    parts = {
        "title": title or "",
        "source": source or "",
        "url": url or "",
        "section": section or "",
        "head": text[:EDGE],
        "tail": text[-EDGE:],
        "edges": edges,  # head and tail, each character once even in a short text
    }
    scores = {genre: 0.0 for genre in GENRES if genre != "unknown"}
    for cue in cues.cues:
        hits = sum(len(cue.pattern.findall(parts[field])) for field in cue.searched)
        scores[cue.genre] += cue.weight * min(hits, cue.max_hits)
    return scores


def detect_genre(
    text: str,
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    section: str | None = None,
    cues: CueSet | None = None,
) -> str:
    """One of GENRES; "unknown" when the cues are too weak or two genres tie."""
    cues = cues or load_cues()
    scores = score_genres(text, title=title, source=source, url=url, section=section, cues=cues)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < cues.threshold or top == second:
        return "unknown"
    return best
