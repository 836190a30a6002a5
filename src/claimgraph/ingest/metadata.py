"""Document metadata: explicit metadata normalised, the rest read from cues in the text.

Explicit metadata (front matter, JSONL fields, HTML meta tags, PDF info) always wins.
Cues are read, never removed: a `Source » …` trailer or a dateline stays in the text.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urlparse

from ..model import GENRES, Document
from .genre import detect_genre

# Explicit metadata keys, in order of preference, for each Document field.
_FIELD_KEYS = {
    "title": ("title", "headline"),
    "source": ("source", "outlet", "publisher", "site_name", "sitename"),
    "url": ("url", "link", "canonical_url"),
    "published": ("published", "date", "published_at", "publication_date", "pubdate"),
    "genre": ("genre",),
    "language": ("language", "lang"),
}
_GENRE_ALIASES = {
    "press release": "press_release",
    "pressrelease": "press_release",
    "op-ed": "opinion",
    "oped": "opinion",
    "editorial": "opinion",
    "commentary": "opinion",
    "court": "legal",
    "court document": "legal",
    "article": "news",
}

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:{_MONTH}\s+{_DAY},?\s+\d{{4}}"  # Oct. 11, 2011
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"  # 11 October 2011
    r"|\d{4}-\d{2}-\d{2})"  # 2011-10-11
)
_DATE_RE = re.compile(rf"(?<![\w-]){_DATE}(?![\w-])")
# A place in capitals opening a paragraph: "WASHINGTON", "BEIRUT, Lebanon", "NEW YORK".
_PLACE = r"[A-Z][A-Z.'’\- ]{1,40}(?:,[ \t]*[A-Z][A-Za-z.'’\- ]{1,30})?"
_DASH = r"(?:-{1,2}|–|—)"
_DATELINE = re.compile(
    rf"^[ \t]*(?:{_PLACE})[ \t]*(?:,[ \t]*|\()?(?P<date>{_DATE})?\)?[ \t]*"
    rf"(?:\((?P<credit>[A-Za-z][A-Za-z&.'’ ]{{0,40}}?)\)|/(?P<wire>[A-Za-z][\w.\- ]{{1,40}}?)/)?"
    rf"[ \t]*{_DASH}",
    re.MULTILINE,
)
_TRAILER = re.compile(r"^[ \t]*source[ \t]*(?:»|>>|:|-|–|—)[ \t]*(?P<name>\S.{0,60}?)[ \t]*$", re.I)
_NOT_SOURCE = re.compile(r"^\(?\s*(?:reporting|writing|editing|additional reporting)\b", re.I)
_DATE_LABEL = re.compile(r"^\W*(?:published|posted|updated|date|dated|released?)\b", re.I)

_FUNCTION_WORDS = frozenset(
    """the of and to a in is that for it as was with be by on not he she i this are or his her
    from at which but have has had an they we you were their its there been would will can
    who all also more than said after over into about other when what our one these those""".split()
)


def make_document(
    text: str,
    *,
    path: str | None,
    format: str,
    meta: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
    title_hint: str | None = None,
) -> Document:
    """Build a Document: explicit `meta` first, then `title_hint`, then cues in the text."""
    fields, rest = split_metadata(meta or {})
    extra = {**json_safe(rest), **(extra or {})}
    title = fields.get("title") or title_hint or detect_title(text)
    url = fields.get("url")
    source = fields.get("source")
    if not source:
        source, trailer_url = detect_source(text)
        url = url or trailer_url
    published = fields.get("published") or detect_published(text)
    language = fields.get("language") or detect_language(text)
    section = next((v for k, v in rest.items() if str(k).lower() in ("section", "category")), None)
    genre = fields.get("genre") or detect_genre(
        text, title=title, source=source, url=url, section=section if isinstance(section, str) else None
    )
    return Document(
        text=text,
        path=path,
        title=title,
        source=source,
        url=url,
        published=published,
        language=language,
        genre=genre,
        format=format,
        extra=extra,
    )


def split_metadata(meta: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
    """Split explicit metadata into normalised Document fields and the rest (for `extra`).

    Keys are matched case-insensitively. A value that cannot be normalised (a date
    that does not parse, an unknown genre) goes to `extra` as `<field>_given`.
    """
    by_name = {str(key).strip().lower(): key for key in meta}
    fields: dict[str, str] = {}
    rest = dict(meta)
    for field, names in _FIELD_KEYS.items():
        for name in names:
            key = by_name.get(name)
            if key is None or meta[key] in (None, ""):
                continue
            value = _NORMALISE[field](meta[key])
            del rest[key]
            if value:
                fields[field] = value
                break
            rest[f"{field}_given"] = meta[key]
    return fields, rest


def normalize_date(value: Any) -> str | None:
    """An ISO date `YYYY-MM-DD` from a date, a datetime or a string with day, month and year."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    iso = re.match(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])", value)
    if iso:
        try:
            return dt.date.fromisoformat(iso.group(1)).isoformat()
        except ValueError:
            return None
    import dateparser

    parsed = dateparser.parse(
        value,
        languages=["en"],
        # absolute dates only: no "last week", no Unix timestamps
        settings={
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["custom-formats", "absolute-time"],
        },
    )
    return parsed.date().isoformat() if parsed else None


def normalize_genre(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    key = " ".join(value.strip().lower().replace("_", " ").split())
    key = _GENRE_ALIASES.get(key, key.replace(" ", "_"))
    return key if key in GENRES else None


def normalize_language(value: Any) -> str | None:
    """A language code: 'en-US' → 'en'; a name such as 'English' → 'en' when pycountry knows it."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    code = re.split(r"[-_]", value)[0].lower()
    if re.fullmatch(r"[a-z]{2,3}", code):
        return code
    try:
        import pycountry

        language = pycountry.languages.lookup(value)
    except LookupError:
        return value.lower()
    return getattr(language, "alpha_2", None) or language.alpha_3


def _normalize_text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


_NORMALISE = {
    "title": _normalize_text,
    "source": _normalize_text,
    "url": _normalize_text,
    "published": normalize_date,
    "genre": normalize_genre,
    "language": normalize_language,
}


def json_safe(value: Any) -> Any:
    """Dates (as YAML reads them) to ISO strings, recursively; other values as they are."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(item) for item in value]
    return value


def detect_title(text: str) -> str | None:
    """The first line, when it is short and heading-like and a blank line follows it."""
    lines = text.lstrip().split("\n")
    if len(lines) < 3:
        return None
    first, following = lines[0].strip(), lines[1].strip()
    if following or not first or len(first) > 150:
        return None
    if first[-1] in ".,;:" or not re.search(r"[^\W\d_]", first):
        return None
    dateline = _DATELINE.match(first)
    if _TRAILER.match(first) or (dateline and any(dateline.groups())):
        return None
    return first


def detect_source(text: str) -> tuple[str | None, str | None]:
    """(source, url) from a `Source » name` trailer, else a wire credit at the start."""
    tail = [line for line in text[-2000:].split("\n") if line.strip()][-3:]
    for line in reversed(tail):
        if _NOT_SOURCE.match(line.strip()):
            continue
        match = _TRAILER.match(line)
        if match:
            name = match.group("name")
            if re.match(r"https?://", name):
                host = urlparse(name).hostname or ""
                return (host.removeprefix("www.") or None), name
            return name, None
    dateline = _DATELINE.search(text[:600])
    if dateline and _at_paragraph_start(text, dateline.start()):
        credit = dateline.group("credit") or dateline.group("wire")
        if credit:
            return credit.strip(), None
    return None, None


def detect_published(text: str) -> str | None:
    """An ISO date from a dateline or a short date line among the first lines of the text.

    Dates inside the body's sentences are never taken: they are the dates of events.
    """
    head = text[:1500]
    dateline = _DATELINE.search(head)
    if dateline and dateline.group("date") and _at_paragraph_start(text, dateline.start()):
        date = normalize_date(dateline.group("date"))
        if date:
            return date
    lines = [line.strip() for line in head.split("\n") if line.strip()][:6]
    for line in lines:
        short = len(line) <= 100 or (len(line) <= 150 and _DATE_LABEL.match(line))
        if not short:
            continue
        match = _DATE_RE.search(line)
        if match:
            date = normalize_date(match.group(0))
            if date:
                return date
    return None


def detect_language(text: str) -> str | None:
    """'en' when common English function words make up a fair share of the words, else None."""
    words = re.findall(r"[a-z]+", text[:20000].lower())
    if len(words) < 5:
        return None
    hits = sum(1 for word in words if word in _FUNCTION_WORDS)
    return "en" if hits / len(words) >= 0.15 else None


def _at_paragraph_start(text: str, index: int) -> bool:
    """True when `index` starts a line after at most a few short lines (title, byline)."""
    before = text[:index]
    if before and not before.endswith("\n"):
        return False
    lines = [line for line in before.split("\n") if line.strip()]
    return len(lines) <= 4 and all(len(line) <= 150 for line in lines)
