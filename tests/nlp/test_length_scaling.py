"""The name guard and the KB ruler cost the length of the text, not its square: four times the
text, at most about four times the CPU time (measured on the same pipeline, best of three)."""
from __future__ import annotations

import time

import pytest

PARAGRAPH = ("Qasem Soleimani, the head of the Quds Force, met Kata'ib Hezbollah commanders in Baghdad. "
             "The United States imposed sanctions on Asa'ib Ahl al-Haq on Monday, the Treasury said. "
             "Turkey and Iran denied that they had armed the Houthis in Yemen.\n\n")
SHORT, LONG = 50_000, 200_000  # characters; 4 × the length
MAX_RATIO = 8  # linear is 4; the square is 16


def _text(chars: int) -> str:
    return PARAGRAPH * (chars // len(PARAGRAPH))


def _cpu(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return max(best, 1e-3)


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


def test_the_name_guard_is_linear(nlp):
    guard = nlp.get_pipe("claimgraph_name_guard")
    short, long = (nlp.make_doc(_text(n)) for n in (SHORT, LONG))
    ratio = _cpu(lambda: guard(long)) / _cpu(lambda: guard(short))
    assert ratio < MAX_RATIO, ratio


def test_the_kb_ruler_is_linear(nlp):
    ruler = nlp.get_pipe("claimgraph_kb_ruler")
    with nlp.select_pipes(disable=["claimgraph_kb_ruler"]):
        short, long = (nlp(_text(n)) for n in (SHORT, LONG))
    ratio = _cpu(lambda: ruler(long.copy())) / _cpu(lambda: ruler(short.copy()))
    assert ratio < MAX_RATIO, ratio
