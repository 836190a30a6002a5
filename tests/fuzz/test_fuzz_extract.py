"""Fuzzing the extraction (issue 13, part 4): arbitrary Unicode text through the real spaCy
pipeline (the session `extractor` fixture) — control characters, RTL and bidi marks, combining
marks, astral characters, spliced into and between sentences that do name actors and make claims,
so that mentions and evidence are found next to the odd characters — and one single line of
about 200 KB.

What must hold: no exception escapes, and no stage fails (the pipeline catches a stage's
exception into `extra["error"]` and drops the document's entities and claims: that is a crash
here); every mention's and every evidence's offsets lie within the text, in order, and
`text[start:end]` is exactly the stored span text. Bounded and derandomized (100 examples).
"""
from __future__ import annotations

import time
from datetime import timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimgraph.model import Document

SENTENCES = [
    "Hezbollah said on Tuesday that Israel had attacked targets in southern Lebanon.",
    "The U.S. Treasury designated three Hezbollah financiers, officials said.",
    "Iran denied that it had supplied rockets to Hamas.",
    "Reuters reported that the United Nations condemned the attack on Beirut.",
    "John Smith, a spokesman for the ministry, told reporters the claims were false.",
    "Smith said 12 people were killed and 40 wounded in Gaza on 11 October 2011.",
    "The European Union and Russia agreed to talks in Geneva.",
]
ODD = [
    "\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\r", "\r\n", "\t", "\n\n",
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202e", "\u2066",
    "\u2069", "\u061c", "\u0301", "\u0308", "\u0338", "\u20dd", "a\u0301\u0301\u0301\u0301", "\ufeff",
    "\ufffd", "\u2028", "\u2029", "\u00a0", "\u3000", "\U0001f600", "\U0001f1fa\U0001f1f8", "\U0010fffd",
    "\U00020000", "مرحبا بالعالم", "حزب الله", "שלום", "Zürich", "İstanbul", "ǅ", "ß", "ﬁ", "Ⅻ", "٣",
    "\U0001d400\U0001d401", "\u0e01\u0e34", "…", "“", "”", "—", "'s", "U.S.", "(", ")", " ",
]
# any code point UTF-8 can encode (no surrogates), astral ones included
any_char = st.characters(codec="utf-8")
piece = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(ODD),
    st.text(any_char, max_size=20),
    st.text(st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF, codec="utf-8"), max_size=5),
)


@st.composite
def odd_texts(draw) -> str:
    parts = draw(st.lists(piece, min_size=1, max_size=25))
    text = draw(st.sampled_from(["", " ", "\n"])).join(parts)
    if text and draw(st.booleans()):  # an odd character inside a name or a word, too
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(ODD)) + text[at:]
    return text


def check(extractor, text: str) -> Document:
    [doc] = list(extractor([Document(text=text)]))
    assert doc.failure is None, doc.failure
    assert doc.text == text
    for entity in doc.entities:
        for m in entity.mentions:
            assert 0 <= m.start <= m.end <= len(text), (m, len(text))
            assert text[m.start:m.end] == m.text, (m, text[m.start:m.end])
    for claim in doc.claims:
        for ev in claim.evidence:
            assert 0 <= ev.start <= ev.end <= len(text), (ev, len(text))
            assert text[ev.start:ev.end] == ev.text, (ev.start, ev.end, ev.text, text[ev.start:ev.end])
    return doc


@settings(
    max_examples=100,
    derandomize=True,
    database=None,
    deadline=timedelta(seconds=15),  # per example (a few KB of text): a hang fails here
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                           HealthCheck.data_too_large],
    print_blob=True,
)
@given(text=odd_texts())
@example(text="\u202eHezbollah\u202c said Israel \u200fattacked\u200f Lebanon.\x00 Iran d\u0301enied it.")
@example(text="\ufeff" + "\r\n".join(SENTENCES) + "\U0001f600")
@example(text="\x00" * 50)
def test_odd_text_through_the_extractor(extractor, text):
    check(extractor, text)


def test_one_long_line(extractor):
    """About 200 KB on one line (no newline at all), sentences and odd characters interleaved."""
    unit = " ".join(SENTENCES) + " \u200f\u0301\U0001f600\x0b حزب الله "
    text = (unit * (200_000 // len(unit) + 1))[:200_000]
    assert "\n" not in text
    started = time.monotonic()
    doc = check(extractor, text)
    took = time.monotonic() - started
    assert doc.entities and doc.claims  # the line was read, not skipped
    assert took < 120, f"200 KB on one line took {took:.0f} s"
