"""Quantities of claims: sums of money ("some $2 million a month"), casualties ("killed three
members") and head counts ("roughly 20,000 fighters"), read near an event or relation trigger.

A quantity is `{"amount", "unit"}`: a currency code and `per` (day, week, month, year or null)
for money; `fatalities` or `injured` for casualties; `members`, `fighters`, `troops`, `advisers`
or `operatives` for personnel. A hedged number ("roughly", "at least") adds
`"approximate": true` and, for a bound, `"qualifier"` ("at least", "more than", "up to", "less
than", "nearly"). Vague plurals count as their least value: "dozens" is 24, "hundreds" 200,
"thousands" 2,000, each approximate with the qualifier "at least"; so do sums ("millions of
dollars" is at least 2,000,000 USD).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import pycountry
import yaml
from spacy.tokens import Doc, Span, Token

from claimgraph.extract.attributes.dates import belongs_to, date_spans
from claimgraph.nlp.text import doc_text

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when built with it

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_ABBREVIATIONS = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6, "b": 10**9,
                  "bn": 10**9, "bln": 10**9, "tn": 10**12}
CASUALTY_UNITS = ("fatalities", "injured")
# plural number words: the least they can mean
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2 * 10**6,
         "billions": 2 * 10**9, "tens of thousands": 20000, "hundreds of thousands": 200000,
         "tens of millions": 2 * 10**7, "hundreds of millions": 2 * 10**8}
_MULTIPLIERS = set(_SCALES) | {"hundred", "dozen"}
NUMBER_WORDS = set(_UNITS) | set(_TENS) | _MULTIPLIERS
_W = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMERAL = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_DIGITS = r"(?<![\w.,/-])" + _NUMERAL
_WORDS = rf"(?:\b(?:(?:an?|half(?:\s+an?)?)\s+)?(?:{_W})(?:[\s-]+(?:(?:and\s+)?(?:{_W})))*\b)"


def parse_number(text: str) -> float | None:
    """The value of a number written in digits, words or both: "20,000", "three", "a dozen",
    "twenty-five", "two million", "1.5 billion", "$700m" (without the sign). None otherwise."""
    words = re.findall(r"\d[\d,]*(?:\.\d+)?|[a-z]+", text.lower().replace("-", " "))
    total, current, half, seen = 0.0, 0.0, False, False
    for i, w in enumerate(words):
        if w[0].isdigit():
            if "," in w and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", w):
                return None
            if seen and current:
                return None  # two numbers in a row: "2 3" or a phone number
            current += float(w.replace(",", ""))
            seen = True
        elif w in _UNITS or w in _TENS:
            current += _UNITS.get(w, 0) + _TENS.get(w, 0)
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w == "dozen":
            current = (current or 1) * 12
            seen = True
        elif w in _SCALES or (w in _ABBREVIATIONS and i and words[i - 1][0].isdigit()):
            scale = _SCALES.get(w) or _ABBREVIATIONS[w]
            total += (current or 1) * scale * (0.5 if half else 1)
            current, half, seen = 0.0, False, True
        elif w in ("a", "an") and i + 1 < len(words) and not words[i + 1][0].isdigit():
            current += 1 if not half else 0
        elif w == "half":
            half = True
        elif w == "and" and seen:
            continue
        else:
            return None
    return total + current if seen else None


def _number(value: float) -> int | float:
    return int(round(value)) if abs(value - round(value)) < 1e-6 else value


# --- word lists ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _data() -> dict:
    text = resources.files("claimgraph.extract").joinpath("data/quantities.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_LOADER)


@lru_cache(maxsize=1)
def _currency_words() -> dict[str, str]:
    """Currency names (lower case, singular and plural) → ISO 4217 code."""
    names = {}
    for c in pycountry.currencies:
        name = c.name.lower()
        if " " in name and "(" not in name and not name.startswith(("arab ", "wir ")):
            names[name] = c.alpha_3  # "iraqi dinar"; a bare "euro" or "won" comes from the data
    names.update(_data()["currency_words"])
    plurals = {}
    for name, code in names.items():
        if not name.endswith(("s", "yen", "yuan", "renminbi", "lira", "sterling")):
            plurals[name + "s"] = code
        if name.endswith("pound sterling"):
            plurals[name.replace("pound", "pounds")] = code
    names.update(plurals)
    return names


@lru_cache(maxsize=1)
def _codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    data = _data()
    periods = {p: u for u, words in data["periods"]["after"].items() for p in words}
    signs = _alternation(data["currency_signs"])
    words = _alternation(_currency_words())
    codes = r"\b[A-Z]{3}(?![A-Za-z])"
    scale = r"(?:\s*(?:thousand|million|billion|trillion)\b|\s?(?:mn|mln|bn|bln|tn)\b|[mbk]\b)"
    digits = rf"{_DIGITS}(?:-?{scale})?"
    amount = rf"(?:{digits}|{_WORDS})"
    period = (rf"(?:\s+|\s*(?=/))(?P<per>{_alternation(periods)})\b"
              r"(?!\s+(?:ago|later|earlier|before|after|or\s+two)\b)")
    hedge = rf"(?:\b(?P<hedge>{_alternation(data['hedges'])})\s+)"
    money = (rf"{hedge}?(?:(?P<sign>{signs})\s?(?P<a1>{digits})(?:\s+(?P<code1>{codes}))?"
             rf"|(?P<code2>{codes})\s?(?P<a2>{_NUMERAL}(?:-?{scale})?)"
             rf"|(?P<a3>{amount})\s+(?:of\s+)?(?:(?P<word>(?i:{words}))\b(?!\s+of\b)|(?P<code3>{codes}))"
             rf"|\b(?P<vague>(?i:{_alternation(VAGUE)}))\s+of\s+(?P<vword>(?i:{words}))\b(?!\s+of\b))"
             rf"(?:{period})?")
    return {"money": re.compile(money), "periods": periods}


# --- money --------------------------------------------------------------------------------

def parse_money(text: str) -> dict | None:
    """A sum of money in a phrase: `{"amount": 2000000, "unit": "USD", "per": "month"}` for
    "some $2 million a month" (`per` is null without a period; a bound such as "more than" adds
    `qualifier`). None when the phrase holds no sum in a known currency."""
    for m in _patterns()["money"].finditer(text):
        found = _money(m)
        if found:
            return found
    return None


def _money(m: re.Match) -> dict | None:
    code = None
    if m.group("vague"):  # "millions of dollars": at least its least value
        code = _currency_words()[re.sub(r"\s+", " ", m.group("vword").lower())]
        per = _patterns()["periods"].get(re.sub(r"\s+", " ", m.group("per").lower())) if m.group("per") else None
        amount = VAGUE[re.sub(r"\s+", " ", m.group("vague").lower())]
        return {"amount": amount, "unit": code, "per": per, "approximate": True, "qualifier": "at least"}
    if m.group("sign"):
        code = _data()["currency_signs"][m.group("sign")]
        if m.group("code1") in _codes():  # "$5 million USD", "$5 million CAD"
            code = m.group("code1")
    elif m.group("word"):
        code = _currency_words()[re.sub(r"\s+", " ", m.group("word").lower())]
    else:
        code = m.group("code2") or m.group("code3")
        if code not in _codes():
            return None
    raw = m.group("a1") or m.group("a2") or m.group("a3")
    amount = parse_number(raw)
    if amount is None or amount <= 0:
        return None
    per = _patterns()["periods"].get(re.sub(r"\s+", " ", m.group("per").lower())) if m.group("per") else None
    found = {"amount": _number(amount), "unit": code, "per": per}
    qualifier = _data()["hedges"].get(m.group("hedge").lower()) if m.group("hedge") else None
    if qualifier:
        found["qualifier"] = qualifier
    return found


def money_spans(doc: Doc) -> list[tuple[int, int]]:
    """Every sum of money in a parsed document as (first token, end token), computed once."""
    cached = doc.user_data.get("claimgraph.money_spans")
    if cached is None:
        cached = []
        for m in _patterns()["money"].finditer(doc_text(doc)):
            if _money(m) is None:
                continue
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                cached.append((span.start, span.end))
        taken = {i for s, e in cached for i in range(s, e)}
        for ent in doc.ents:  # the statistical MONEY entities, where a pipeline keeps them
            if ent.label_ == "MONEY" and not any(i in taken for i in range(ent.start, ent.end)) \
                    and parse_money(ent.text):
                cached.append((ent.start, ent.end))
        cached.sort()
        doc.user_data["claimgraph.money_spans"] = cached
    return cached


# --- counts -------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _count_words() -> dict:
    data = _data()
    kinds = {}
    for unit, spec in data["casualties"].items():
        for v in spec["verbs"]:
            kinds[("verb", v)] = unit
        for v in spec["subject_verbs"]:
            kinds[("subject_verb", v)] = unit
        for w in spec["words"]:
            kinds[("word", w)] = unit
    for unit, nouns in data["personnel"].items():
        for n in nouns:
            kinds[("person", n)] = unit
    return kinds


def _numeric(t: Token) -> bool:
    w = t.lower_
    if w in NUMBER_WORDS or w in VAGUE:
        return True
    return t.like_num and bool(re.fullmatch(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?", t.text))


def number_runs(sent: Span) -> list[Span]:
    """The numbers of a sentence as token spans: "20,000", "two million", "a dozen",
    "tens of thousands". A number glued to digits by a dash or slash (a phone or file number)
    is left out. Found once per sentence: every trigger of the sentence asks."""
    cache = sent.doc.user_data.setdefault("claimgraph.number_runs", {})
    key = (sent.start, sent.end)
    if key not in cache:
        cache[key] = _number_runs(sent)
    return cache[key]


def _number_runs(sent: Span) -> list[Span]:
    doc = sent.doc
    runs, i = [], sent.start
    while i < sent.end:
        if not _numeric(doc[i]):
            i += 1
            continue
        start, end = i, i + 1
        while end < sent.end and (_numeric(doc[end]) or (
                doc[end].lower_ == "and" and end + 1 < sent.end and doc[end + 1].lower_ in NUMBER_WORDS)):
            end += 1
        if start > sent.start and doc[start - 1].lower_ in ("a", "an") and doc[start].lower_ in _MULTIPLIERS:
            start -= 1  # "a dozen", "half a million"
            if start > sent.start and doc[start - 1].lower_ == "half":
                start -= 1
        if (start - 2 >= sent.start and doc[start - 1].lower_ == "of"
                and doc[start - 2].lower_ in ("tens", "hundreds")):
            start -= 2  # "tens of thousands"
        if not _glued(doc, start, end):
            runs.append(doc[start:end])
        i = end
    return runs


def _glued(doc: Doc, start: int, end: int) -> bool:
    """Is the number joined to another by a dash, slash or dot ("202-555-0143", "12/7")?"""
    if start >= 2:
        joint = doc[start - 1]
        if joint.text in "-/–." and not joint.whitespace_ and not doc[start - 2].whitespace_ \
                and doc[start - 2].like_num:
            return True
    if end + 1 < len(doc):
        joint = doc[end]
        if joint.text in "-/–." and not doc[end - 1].whitespace_ and not joint.whitespace_ \
                and doc[end + 1].like_num:
            return True
    return False


def _count_value(run: Span) -> tuple[float, bool] | None:
    """The value of a number run and whether it is a vague plural."""
    text = run.text.lower()
    if text in VAGUE:
        return VAGUE[text], True
    value = parse_number(text)
    return (value, False) if value is not None else None


def _counted(run: Span) -> Token | None:
    """The noun a number counts ("20,000 members", "thousands of fighters"), or the number itself
    when it stands alone ("wounded 12")."""
    root = run.root
    noun = root.head if root.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") and root.head != root else root
    if noun.i in range(run.start, run.end):
        noun = root
    if noun.pos_ == "PROPN" and noun != root:
        return None  # "Camp 22", "Resolution 2231"
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    if of and (noun == root or noun.lower_ in VAGUE):
        objects = [c for c in of[0].children if c.dep_ == "pobj"]
        if objects:
            return objects[0]  # "dozens of people", "5,000 of its fighters"
    return noun


def _unit(run: Span, noun: Token) -> str | None:
    kinds = _count_words()
    doc = run.doc
    # "seven dead", "12 wounded", "three people dead", "40 deaths"
    for t in (noun, doc[run.end] if run.end < len(doc) else None, doc[noun.i + 1] if noun.i + 1 < len(doc) else None):
        if t is not None and ("word", t.lower_) in kinds:
            return kinds[("word", t.lower_)]
    # the number's own noun phrase, which is the run itself in "killed hundreds of soldiers"
    for arg in ((noun, run.root) if noun.dep_ == "pobj" else (noun,)):
        while arg.dep_ == "conj" and arg.head != arg:
            arg = arg.head
        verb = arg.head.lemma_.lower()
        if arg.dep_ in ("dobj", "nsubjpass") and ("verb", verb) in kinds:  # "killed 80 people"
            return kinds[("verb", verb)]
        if arg.dep_ == "nsubj" and ("subject_verb", verb) in kinds:  # "three soldiers died"
            return kinds[("subject_verb", verb)]
        if _toll(arg):
            return "fatalities"
    if noun == run.root:
        return None  # a bare number counts no one
    compound = [c for c in noun.children if c.dep_ == "compound"]
    if compound and ("person", f"{compound[-1].lower_} {noun.lower_}") in kinds:
        return kinds[("person", f"{compound[-1].lower_} {noun.lower_}")]  # "service members"
    return kinds.get(("person", noun.lower_))


def _toll(arg: Token) -> bool:
    """ "The death toll rose to 40", "a toll of 40". """
    if arg.dep_ != "pobj":
        return False
    prep, owner = arg.head, arg.head.head
    if owner.lemma_.lower() == "toll":
        return True
    return prep.dep_ == "prep" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() == "toll"
                                       for c in owner.children)


def _hedge(run: Span) -> tuple[bool, str | None]:
    doc = run.doc
    before = doc[max(run.sent.start, run.start - 3):run.start].text.lower()
    hedges = _data()["hedges"]
    for phrase in sorted(hedges, key=len, reverse=True):
        if re.search(rf"(?:^|\s){re.escape(phrase)}$", before):
            return True, hedges[phrase]
    return False, None


def count_for(run: Span) -> dict | None:
    """A casualty or personnel count for a number run, without regard to any trigger."""
    noun = _counted(run)
    if noun is None:
        return None
    unit = _unit(run, noun)
    value = _count_value(run)
    if unit is None or value is None or value[0] <= 0 or value[0] != int(value[0]):
        return None
    found = {"amount": int(value[0]), "unit": unit}
    hedged, qualifier = _hedge(run)
    if value[1]:
        hedged, qualifier = True, qualifier or "at least"
    if hedged:
        found["approximate"] = True
    if qualifier:
        found["qualifier"] = qualifier
    return found


# --- the quantity of a trigger ------------------------------------------------------------

def quantity_for(token_or_span: Token | Span) -> dict | None:
    """The quantity of the event or relation whose trigger is given: a sum of money in its clause
    (with the period that follows it), else a casualty count, else a head count."""
    trigger = token_or_span.root if isinstance(token_or_span, Span) else token_or_span
    doc, sent = trigger.doc, trigger.sent

    def ranked(spans):
        out = []
        for span in spans:
            rank = belongs_to(span, trigger, sticky=False)
            if rank is not None:
                out.append((rank, min(abs(t.i - trigger.i) for t in span), span))
        return [s for _, _, s in sorted(out, key=lambda x: (x[0], x[1]))]

    money = [doc[s:e] for s, e in money_spans(doc) if s >= sent.start and e <= sent.end]
    for span in ranked(money):
        found = parse_money(span.text)
        if found:
            if found["per"] is None:
                found["per"] = _period_of_noun(span)
            return found
    taken = {i for s, e in money_spans(doc) for i in range(s, e)}
    taken |= {i for s, e, _ in date_spans(doc) for i in range(s, e)}
    counts = []
    for run in number_runs(sent):
        if any(t.i in taken for t in run):
            continue
        found = count_for(run)
        if found:
            anchor = _counted(run)
            counts.append((found, doc[anchor.i:anchor.i + 1] if anchor.i not in range(run.start, run.end) else run))
    for casualties in (True, False):
        candidates = [(f, s) for f, s in counts if (f["unit"] in CASUALTY_UNITS) == casualties]
        for span in ranked([s for _, s in candidates]):
            found = next(f for f, s in candidates if s == span)
            return _with_conjuncts(found, span, candidates)
    return None


def _with_conjuncts(found: dict, span: Span, counts: list[tuple[dict, Span]]) -> dict:
    """ "killing two soldiers and a dozen civilians": the counts of coordinated nouns add up."""
    if len(span) != 1 or found["unit"] not in CASUALTY_UNITS:
        return found
    conjuncts = set(span.root.conjuncts)
    total = dict(found)
    for other, other_span in counts:
        if len(other_span) == 1 and other_span.root in conjuncts and other["unit"] == found["unit"]:
            total["amount"] += other["amount"]
            for key in ("approximate", "qualifier"):
                if key in other and key not in total:
                    total[key] = other[key]
    return total


def _period_of_noun(span: Span) -> str | None:
    """ "an annual budget of $700 million": the period is on the noun the sum is of."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return None
    adjectives = {w: u for u, words in _data()["periods"]["adjectives"].items() for w in words}
    for child in root.head.head.children:
        if child.dep_ == "amod" and child.lower_ in adjectives:
            return adjectives[child.lower_]
    return None
