"""Dates of claims: resolve a date expression to a span of days, and find the expression that
belongs to an event or relation trigger in a parsed sentence.

A resolved date is `{"start", "end", "precision", "text"}` with ISO days (or null) and a
precision of `day`, `month`, `year`, `decade` or `relative` (only "recently" is known, or a
deictic word like "Friday" with no publication date to count from). A span of days such as
"last week" has precision `day`.

Expressions are found with regular expressions over the text (the statistical DATE entities
are not in `doc.ents` once the knowledge-base ruler has run, and they are noisy), and only
those candidates are given to dateparser.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from claimgraph.nlp.text import doc_text

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
               "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
# events named by their date; the year is in the name's meaning, not in its text
KNOWN_DATES = {"9/11": "2001-09-11", "7/7": "2005-07-07", "26/11": "2008-11-26"}

# a four-digit number next to one of these is a label or a count, not a year
_LABEL_WORDS = {
    "resolution", "resolutions", "order", "no", "no.", "number", "nr", "article", "art", "section",
    "chapter", "camp", "flight", "route", "highway", "road", "room", "suite", "unit", "building",
    "block", "page", "p", "pp", "law", "decree", "bill", "item", "code", "paragraph", "clause",
    "model", "version", "series", "class", "vision", "agenda", "box", "#", "case", "docket", "file",
    "hr", "h.r.", "s.", "vol", "vol.", "volume", "issue", "exhibit", "tel", "tel.", "phone", "fax",
}
_COUNTED_WORDS = {
    "people", "persons", "civilians", "members", "fighters", "troops", "soldiers", "men", "women",
    "children", "militants", "militiamen", "personnel", "officers", "refugees", "prisoners",
    "detainees", "rockets", "missiles", "drones", "rounds", "shells", "tons", "tonnes", "barrels",
    "vehicles", "homes", "houses", "families", "dollars", "euros", "pounds", "rials", "riyals",
    "dinars", "km", "kilometers", "kilometres", "miles", "meters", "metres", "feet", "kg",
    "kilograms", "votes", "words", "pages", "units", "cases", "deaths", "dead", "killed", "wounded",
    "injured", "casualties", "hostages", "pieces",
}
_COUNT_FOLLOWERS = {"of", "per", "%", "percent", "times", "more", "other", "additional"}
# capitalized words that may stand right before a year ("Summer 2014", "Early 2011")
_TIME_WORDS = {"spring", "summer", "fall", "autumn", "winter", "early", "late", "mid", "the",
               "in", "on", "since", "during", "by", "from", "until", "before", "after", "and",
               "to", "through", "of", "between", "around", "circa", "c.", "year", "fiscal", "fy",
               "as", "at", "end", "till", "throughout"}
_STREET = r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Way|Square|Highway)"

_MONTH = (r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))")
_WEEKDAY = r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!s\b)"
_DAY = r"(?<![\w.,/-])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19\d\d|20\d\d|2100)"
_LONE = r"(?<![\w$€£¥#./:,-])"  # nothing glued on the left (not "$2011", "555-2011", "No.2011")
_YEAR_END = r"(?![\w%/:]|[-–.,]\d)"  # nothing glued on the right ("2011-555", "2011/12")
_YEAR_B = _LONE + _YEAR + _YEAR_END
_PART = r"(?:\b(?i:early|mid|late)[\s-]+)"
_PREP = r"(?:\b(?i:in|on|during|throughout|at\s+the\s+(?:start|end|beginning)\s+of)\s+)"
_MDY = rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"
_DMY = rf"(?:\b(?i:the)\s+)?{_DAY}(?:\s+(?i:of))?\s+{_MONTH},?\s+{_YEAR}\b"
_MY = rf"{_MONTH},?\s+{_YEAR}\b"
_DECADE = rf"(?:\b(?i:the)\s+)?(?:{_PART}|{_LONE})(?:(?:19|20)\d0|['’]\d0)['’]?s\b"
_POINT = rf"(?:{_MDY}|{_DMY}|{_MY}|{_YEAR_B})"

_ALTERNATIVES = [
    ("range", rf"\b(?i:between)\s+{_POINT}\s+(?i:and)\s+{_POINT}"
              rf"|\b(?i:from)\s+{_POINT}\s+(?i:to|until|till|through)\s+{_POINT}"
              rf"|{_LONE}{_YEAR}\s*[-–—]\s*(?:{_YEAR}|\d\d)(?![\w-])"),
    ("open", rf"\b(?i:since|from|after|before|until|till|through|by)\s+(?:{_POINT}|{_DECADE})"),
    ("known", r"(?<![\d/])(?:" + "|".join(re.escape(k) for k in KNOWN_DATES) + r")(?![\d/])"),
    ("iso", rf"{_PREP}?(?<![\w-]){_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w-])"),
    ("numeric", rf"{_PREP}?(?<![\w/.-])\d{{1,2}}/\d{{1,2}}/{_YEAR}(?![\w/])"),
    ("day", rf"{_PREP}?(?:{_WEEKDAY},?\s+)?(?:{_MDY}|{_DMY})"),
    ("month", rf"{_PREP}?{_PART}?{_MY}"),
    ("monthday", rf"{_PREP}?(?:{_WEEKDAY},?\s+)?"
                 rf"(?:{_MONTH}\s+{_DAY}\b|(?:(?i:the)\s+)?{_DAY}\s+(?:(?i:of)\s+)?{_MONTH})"),
    ("decade", rf"{_PREP}?{_DECADE}"),
    ("year", rf"{_PREP}?(?:{_PART}{_YEAR}{_YEAR_END}|{_YEAR_B})"),
    ("weekday", rf"(?:\b(?i:on|last|this|next|early|late)\s+)?{_WEEKDAY}(?:['’]s)?"
                rf"(?:\s+(?i:morning|afternoon|evening|night))?"),
    ("lonemonth", rf"(?:\b(?i:in|since|during|until|by|early|late|mid|last|this|next)[\s-]+){_MONTH}"),
    ("deictic", r"(?<!USA )\b(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow)\b"),
    ("period", r"\b(?i:(?:(?:earlier|later)\s+this|last|this|next|previous)\s+(?:week|weekend|month|year)"
               r"|(?:over|during)\s+the\s+weekend)\b"),
    ("ago", r"\b(?i:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            r"a\s+few|few|several)\s+(?:days?|weeks?|months?|years?|decades?)\s+ago)\b"),
    ("vague", r"\b(?i:recently|lately|previously|formerly|earlier|in\s+recent\s+(?:years|months|weeks|days|times)"
              r"|in\s+the\s+past(?:\s+(?:few|several|two|three)\s+(?:years|months|weeks|days|decades))?"
              r"|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:(?:few|several|two|three)\s+)?"
              r"(?:years|months|weeks|days|decades?)"
              r"|for\s+(?:years|decades|months)|(?:a\s+while|some\s+time|not\s+long)\s+ago)\b"),
]
# Every alternative starts with a digit, an apostrophe or one of these words: checking that first
# lets the search skip most positions of a text at once (it is run over whole documents).
_STARTS = ("between from since after before until till through by in on during throughout at early mid "
           "late the last this next previous earlier later over recently lately previously formerly "
           "yesterday today tonight tomorrow for a an one two three four five six seven eight nine ten "
           "eleven twelve few several some not january february march april may june july august "
           "september october november december jan feb mar apr jun jul aug sept sep oct nov dec "
           "monday tuesday wednesday thursday friday saturday sunday usa").split()


def _by_first_letter(words: list[str]) -> str:
    """An alternation of `words` grouped by their first letter ("b(?:etween|efore|y)|f(?:rom|or)..."):
    the same words, but a position is tried against one group, not against every word."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0].lower(), []).append(w[1:])
    return "|".join(re.escape(first) + "(?:" + "|".join(map(re.escape, rest)) + ")" for first, rest in groups.items())


# (?<!\w) before a letter is \b, and it fails at once at a word's end, where \b would try every word
_START = (r"(?=[\d'’]|(?<!\w)(?i:" + _by_first_letter(_STARTS) + r")\b"
          r"|\b(?i:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.)")
DATE_RE = re.compile(_START + "(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _ALTERNATIVES) + ")")
_POINT_PATTERNS = {k: re.compile(p) for k, p in _ALTERNATIVES if k in ("day", "month", "decade", "year")}


# --- resolving an expression --------------------------------------------------------------

def resolve_date(text: str, published: str | None = None) -> dict | None:
    """The days a date expression stands for, or None when it holds no date.

    `published` (YYYY-MM-DD) anchors deictic words ("Friday", "last year", "today"): the most
    recent such day on or before it. Without it they are `relative` with null start and end.
    """
    if not text:
        return None
    found = _resolve(text, published)
    return dict(found) if found else None


@lru_cache(maxsize=4096)
def _resolve(text: str, published: str | None) -> tuple | None:
    pub = _as_date(published)
    for m in DATE_RE.finditer(text):
        if not _acceptable(text, m):
            continue
        start, end, precision = _RESOLVERS[m.lastgroup](m.group(), pub)
        if precision is None:
            continue
        return tuple({"start": _iso(start), "end": _iso(end), "precision": precision,
                      "text": text}.items())
    return None


def _acceptable(text: str, m: re.Match) -> bool:
    """A bare year must not be a label's number ("Resolution 2020"), a count ("2000 fighters",
    "2000 Iraqi fighters") or a street number ("2000 Main Street")."""
    if m.lastgroup not in ("year", "range") or not re.match(r"\d", m.group()):
        return True
    before = text[max(0, m.start() - 30):m.start()].split()
    if before:
        word = before[-1].lower().rstrip(",")
        if word in _LABEL_WORDS or word.rstrip(".") in _LABEL_WORDS:
            return False
        if before[-1][:1].isupper() and word not in _TIME_WORDS and word.rstrip(".") not in MONTHS:
            return False  # "Vision 2030", "Order 2011"
    after = text[m.end():m.end() + 80]
    if not after[:1].isspace():
        return True
    words = [w.lower().strip(".,;:)") for w in after.split(None, 2)[:2]]
    if words and (words[0] in _COUNTED_WORDS or words[0] in _COUNT_FOLLOWERS):
        return False
    if len(words) == 2 and words[1] in _COUNTED_WORDS and not after.split()[0].endswith(","):
        return False  # "2000 Iraqi fighters"
    return not re.match(rf"\s+(?:[A-Z][\w.'-]*\s+){{0,3}}{_STREET}(?!\w)", after)


def _as_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _year(y: int) -> tuple:
    return date(y, 1, 1), date(y, 12, 31), "year"


def _month(y: int, m: int) -> tuple:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), "month"


def _day(d: date) -> tuple:
    return d, d, "day"


_NOTHING = (None, None, None)
_RELATIVE = (None, None, "relative")
_COARSE = ["day", "month", "year", "decade", "relative"]


def _strip(s: str) -> str:
    """Drop a leading preposition, part word or article: "in early 2011" → "2011"."""
    return re.sub(r"^(?i:(?:in|on|during|throughout|at\s+the\s+(?:start|end|beginning)\s+of"
                  r"|the|early|mid|late)[\s-]+)+", "", s.strip())


def _resolve_year(s: str, pub):
    y = int(re.search(_YEAR, s).group())
    return _year(y)


def _resolve_month(s: str, pub):
    m = re.search(rf"({_MONTH}),?\s+({_YEAR})", s)
    return _month(int(m.group(2)), _month_number(m.group(1)))


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _resolve_day(s: str, pub):
    import dateparser  # imported on first use: a day expression is rare next to the rest

    s = re.sub(rf"^{_WEEKDAY},?\s+", "", _strip(s))
    s = re.sub(r"(?i)^the\s+", "", s)
    parsed = dateparser.parse(s, languages=["en"], settings={
        "STRICT_PARSING": True, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]})
    return _day(parsed.date()) if parsed else _NOTHING


def _resolve_iso(s: str, pub):
    try:
        return _day(date.fromisoformat(re.search(r"\d{4}-\d\d-\d\d", s).group()))
    except ValueError:
        return _NOTHING


def _resolve_numeric(s: str, pub):
    a, b, y = (int(x) for x in re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", s).groups())
    month, day = (b, a) if a > 12 else (a, b)  # English news writes month first unless it cannot be
    try:
        return _day(date(y, month, day))
    except ValueError:
        return _NOTHING


def _resolve_known(s: str, pub):
    return _day(date.fromisoformat(KNOWN_DATES[s.strip()]))


def _resolve_monthday(s: str, pub):
    if pub is None:
        return _RELATIVE
    m = re.search(rf"({_MONTH})\s+({_DAY})\b", s) or re.search(rf"({_DAY})\s+(?:(?i:of)\s+)?({_MONTH})", s)
    month_word, day_word = (m.group(1), m.group(2)) if m.group(1)[0].isalpha() else (m.group(2), m.group(1))
    month, day = _month_number(month_word), int(re.match(r"\d+", day_word).group())
    for year in (pub.year, pub.year - 1):  # the most recent such day on or before publication
        try:
            d = date(year, month, day)
        except ValueError:  # "February 30", or the 29th in a common year
            continue
        if d <= pub:
            return _day(d)
    return _NOTHING


def _resolve_lonemonth(s: str, pub):
    if pub is None:
        return _RELATIVE
    month = _month_number(re.search(_MONTH, s).group())
    word = s.split()[0].lower()
    year = pub.year if month <= pub.month else pub.year - 1
    if word == "last" and month == pub.month:
        year -= 1
    if word == "next":
        year = pub.year if month > pub.month else pub.year + 1
    return _month(year, month)


def _resolve_decade(s: str, pub):
    m = re.search(r"(\d{2})?(\d)0['’]?s", s)
    century = m.group(1)
    if century is None:  # "the '80s": the most recent such decade that is not in the future
        century = "19" if int(m.group(2)) * 10 > (pub or date.today()).year % 100 else "20"
    first = int(century + m.group(2) + "0")
    return date(first, 1, 1), date(first + 9, 12, 31), "decade"


def _resolve_point(s: str, pub):
    """One end of a range or open span."""
    s = s.strip()
    if re.fullmatch(r"\d\d", s):
        return _NOTHING
    for kind, pattern in _POINT_PATTERNS.items():
        if pattern.fullmatch(s):
            return _RESOLVERS[kind](s, pub)
    return _NOTHING


def _coarser(a: str, b: str) -> str:
    return max(a, b, key=_COARSE.index)


def _resolve_range(s: str, pub):
    m = (re.fullmatch(r"(?i:between)\s+(.+?)\s+(?i:and)\s+(.+)", s)
         or re.fullmatch(r"(?i:from)\s+(.+?)\s+(?i:to|until|till|through)\s+(.+)", s)
         or re.fullmatch(r"(\d{4})\s*[-–—]\s*(\d{2}|\d{4})", s))
    left, right = m.group(1), m.group(2)
    if re.fullmatch(r"\d\d", right):
        right = left[:2] + right
        if int(right) < int(left):
            return _NOTHING
    a, b = _resolve_point(left, pub), _resolve_point(right, pub)
    if a[2] is None or b[2] is None or b[1] < a[0]:
        return _NOTHING
    return a[0], b[1], _coarser(a[2], b[2])


def _resolve_open(s: str, pub):
    word, rest = s.split(None, 1)
    start, end, precision = _resolve_point(rest, pub)
    if precision is None:
        return _NOTHING
    word = word.lower()
    if word in ("since", "from"):
        return start, None, precision
    if word == "after":
        return end + timedelta(days=1), None, precision
    if word == "before":
        return None, start - timedelta(days=1), precision
    return None, end, precision  # until, till, through, by


def _resolve_weekday(s: str, pub):
    if pub is None:
        return _RELATIVE
    weekday = WEEKDAYS[re.search(_WEEKDAY, s).group().lower()]
    first = s.split()[0].lower()
    if first == "next":
        return _day(pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7))
    back = (pub.weekday() - weekday) % 7
    if first == "last" and back == 0:
        back = 7
    # the publication day itself counts ("on Friday" in a Friday paper); dateparser's would not
    return _day(pub - timedelta(days=back))


def _resolve_deictic(s: str, pub):
    if pub is None:
        return _RELATIVE
    w = s.lower()
    shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}.get(w.split()[-1], 0)
    if w.startswith("the day before"):
        shift = -2
    return _day(pub + timedelta(days=shift))


def _resolve_period(s: str, pub):
    if pub is None:
        return _RELATIVE
    words = s.lower().split()
    unit, which = words[-1], "this" if words[0] in ("over", "during") else words[0]
    step = {"last": -1, "previous": -1, "next": 1}.get(which, 0)
    if unit == "year":
        start, end, precision = _year(pub.year + step)
    elif unit == "month":
        y, m = divmod(pub.year * 12 + pub.month - 1 + step, 12)
        start, end, precision = _month(y, m + 1)
    else:
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        if unit == "weekend":  # the weekend before the publication day, unless it is one
            saturday = monday + timedelta(days=5)
            if step == 0 and saturday > pub:
                saturday -= timedelta(weeks=1)
            start, end, precision = saturday, saturday + timedelta(days=1), "day"
        else:
            start, end, precision = monday, monday + timedelta(days=6), "day"
    if which in ("earlier", "later"):  # "earlier this year": from its start to publication
        return (start, pub, precision) if which == "earlier" else (pub, end, precision)
    return start, end, precision


def _resolve_ago(s: str, pub):
    import dateparser

    if pub is None or re.search(r"(?i)\b(?:few|several|decades?)\b", s):
        return (None, pub, "relative")
    parsed = dateparser.parse(s, languages=["en"], settings={
        "PREFER_DATES_FROM": "past", "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day)})
    if parsed is None:
        return _NOTHING
    d = parsed.date()
    if re.search(r"(?i)years?\b", s):
        return _year(d.year)
    if re.search(r"(?i)months?\b", s):
        return _month(d.year, d.month)
    return _day(d)


def _resolve_vague(s: str, pub):
    return None, pub, "relative"


_RESOLVERS = {
    "range": _resolve_range, "open": _resolve_open, "known": _resolve_known, "iso": _resolve_iso,
    "numeric": _resolve_numeric, "day": _resolve_day, "month": lambda s, p: _resolve_month(_strip(s), p),
    "monthday": _resolve_monthday, "decade": _resolve_decade, "year": _resolve_year,
    "weekday": _resolve_weekday, "lonemonth": _resolve_lonemonth, "deictic": _resolve_deictic,
    "period": _resolve_period, "ago": _resolve_ago, "vague": _resolve_vague,
}


# --- finding the expression that belongs to a trigger -------------------------------------

# nouns that name an event: a date attached to one is that event's, not the clause verb's
EVENT_NOUNS = {
    "attack", "strike", "raid", "war", "plot", "coup", "bombing", "blast", "explosion", "ambush",
    "siege", "visit", "meeting", "talks", "deal", "agreement", "election", "protest", "uprising",
    "offensive", "operation", "campaign", "killing", "murder", "invasion", "battle", "clash",
    "arrest", "death", "crash", "revolution", "ceasefire", "truce", "summit", "assassination",
    "kidnapping", "abduction", "massacre", "shooting", "incident", "hijacking", "execution",
    "sanction", "designation", "conference", "referendum", "assault", "insurgency", "occupation",
}
_MODIFIER_DEPS = {"nummod", "compound", "amod", "nmod", "poss", "quantmod"}
_VERBS = {"VERB", "AUX"}
_NOUNS = {"NOUN", "PROPN"}
_ARGUMENT_DEPS = {"dobj", "nsubj", "nsubjpass", "pobj", "prep", "attr", "appos", "compound", "agent",
                  "dative", "oprd", "npadvmod"}


def date_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """Every date expression of a parsed document as (first token, end token, kind), computed
    once per document."""
    cached = doc.user_data.get("claimgraph.date_spans")
    if cached is None:
        cached, text = [], doc_text(doc)
        for m in DATE_RE.finditer(text):
            if not _acceptable(text, m):
                continue
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and len(span):
                cached.append((span.start, span.end, m.lastgroup))
        taken = {i for s, e, _ in cached for i in range(s, e)}
        for ent in doc.ents:  # the statistical DATE entities, where a pipeline keeps them
            if ent.label_ == "DATE" and not any(i in taken for i in range(ent.start, ent.end)):
                cached.append((ent.start, ent.end, "entity"))
        cached.sort()
        doc.user_data["claimgraph.date_spans"] = cached
    return cached


def date_for(token_or_span: Token | Span, published: str | None = None) -> dict | None:
    """The date of the event or relation whose trigger (a verb or event noun) is given.

    The expression must hang on the trigger, on the verb an event noun is an argument of, or on
    the verb an infinitive or participle trigger depends on; a date in a relative, reported or
    other clause belongs to that clause ("Soleimani, who was killed in 2020, met..."), and a
    year that modifies another event noun belongs to it ("after the 2005 assassination").
    """
    trigger = _root(token_or_span)
    sent = trigger.sent
    doc = trigger.doc
    found = []
    for start, end, kind in date_spans(doc):
        if start < sent.start or end > sent.end:
            continue
        span = doc[start:end]
        # "the 2005 assassination", "Tuesday's bombing"; but "earlier reports" dates nothing
        rank = belongs_to(span, trigger, sticky=True, modifier_ok=kind != "vague")
        if rank is None and _fronted(span, sent) and _in_main_clause(trigger):
            rank = 3  # "In 2011, ..." sets the time of the main clause, however it was parsed
        if rank is not None:
            distance = min(abs(t.i - trigger.i) for t in span)
            found.append((rank, distance, span))
    for rank, distance, span in sorted(found, key=lambda f: (f[0], f[1])):
        resolved = resolve_date(span.text, published)
        if resolved:
            return resolved
    return None


def _fronted(span: Span, sent: Span) -> bool:
    """A date that opens its sentence and is set off by a comma."""
    return span.start == sent.start and span.end < sent.end and span.doc[span.end].text == ","


def _in_main_clause(trigger: Token) -> bool:
    t = trigger
    while True:
        if t.dep_ in ("relcl", "advcl", "ccomp", "acl", "csubj", "csubjpass", "parataxis"):
            return False
        if t.head == t:
            return True
        t = t.head


def _root(token_or_span: Token | Span) -> Token:
    return token_or_span.root if isinstance(token_or_span, Span) else token_or_span


def belongs_to(span: Span, trigger: Token, sticky: bool = True, modifier_ok: bool = True) -> int | None:
    """How closely a phrase (a date, a sum) hangs on a trigger: 0 on the trigger itself, 1 on a
    predicate that shares its clause, 2 on a coordinated verb when the phrase stands outside the
    coordination ("to bomb X and to assassinate Y in 2011"); None when it is another clause's or
    another event's."""
    if trigger.i in range(span.start, span.end):
        return 0
    owner = attachment(span, trigger, sticky, modifier_ok)
    if owner is None:
        return None
    if owner == trigger:
        return 0
    if owner in clause_of(trigger):
        return 1
    if owner.pos_ in _VERBS:
        for v in _verbs_of(trigger):
            group = [v, *v.conjuncts]
            # a phrase before the first or after the last coordinated verb scopes over all of
            # them; one between them is its own verb's ("founded it in 1982 and leads it")
            if owner in group and (span.end <= min(t.i for t in group) or span.start > max(t.i for t in group)):
                return 2
    return None


def attachment(span: Span, trigger: Token, sticky: bool = True, modifier_ok: bool = True) -> Token | None:
    """The predicate a phrase hangs on: climb from its root through prepositions and plain
    nouns to the first verb (or the trigger, or an event noun when `sticky`)."""
    root = span.root
    head = root.head
    if head == root:
        return root
    if root.dep_ in _MODIFIER_DEPS and head.pos_ == "NOUN" and head.i not in range(span.start, span.end):
        # "the 2005 assassination", "the October 2018 attack"
        return head if modifier_ok else None
    while True:
        if head == trigger or head.pos_ in _VERBS or head.head == head:
            return head
        if sticky and head.pos_ == "NOUN" and head.lemma_.lower() in EVENT_NOUNS:
            return head
        if head.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return head
        head = head.head


def clause_of(trigger: Token) -> list[Token]:
    """The trigger and the predicates that share its time and numbers: for an event noun the
    verb it is an argument of; for an infinitive or participle the verb it depends on; the
    infinitive complements of a verb and the participle clauses that follow it."""
    own = [trigger]
    if trigger.pos_ in _NOUNS:
        h = trigger
        while h.dep_ in _ARGUMENT_DEPS and h.head != h:
            h = h.head
            if h.pos_ in _VERBS:
                own.append(h)
                break
            if h.pos_ == "NOUN" and h.lemma_.lower() in EVENT_NOUNS:
                break
    for v in [t for t in own if t.pos_ in _VERBS]:
        if v.dep_ == "xcomp" or _participle(v):
            own.append(v.head)
        own.extend(c for c in v.children if c.dep_ == "xcomp" or (_participle(c) and c.i > v.i))
    return own


def _verbs_of(trigger: Token) -> list[Token]:
    return [t for t in clause_of(trigger) if t.pos_ in _VERBS]


def _participle(v: Token) -> bool:
    """A participle clause without a conjunction ("..., killing three"), which shares its
    head clause's time."""
    return (v.dep_ == "advcl" and v.tag_ in ("VBG", "VBN")
            and not any(c.dep_ == "mark" or c.tag_ == "WRB" for c in v.children))


_PAST_AUX = {"was", "were", "has", "have", "had", "did"}


def implied_date(trigger: Token, published: str | None) -> dict | None:
    """An event a dated report tells in the past tense, with no date of its own ("Israeli jets
    struck a depot, the army said"), happened on or before the day the report came out: `relative`
    with the publication day as its end, `implied` saying where the end came from."""
    if not published:
        return None
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "the attack on the convoy killed ...": the verb it is told with
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    past = (verb.tag_ == "VBD" and not aux) or (verb.tag_ == "VBN" and bool(aux & _PAST_AUX))
    if not past or aux & {"will", "would", "may", "might", "could", "should", "can"}:
        return None
    return {"start": None, "end": published, "precision": "relative", "text": None, "implied": "published"}
