"""Event anaphora looks back over the last few sentences' events, not over the whole document's:
a text four times as long costs about four times as much, not sixteen."""
from __future__ import annotations

import gc
import time

from claimgraph.extract.references.events import WINDOW, EventMemory


def _run(nlp_doc, sentences: int) -> float:
    trigger, noun = nlp_doc[1], nlp_doc[6]  # "attacked", "attack" (of "The attack")
    memory = EventMemory()
    gc.disable()  # the collector's passes over a growing list are not what is measured
    try:
        t = time.process_time()
        found = 0
        for _ in range(sentences):
            memory.start_sentence()
            found += len(memory.antecedents(noun, "ASSAULT"))
            memory.record("ASSAULT", trigger, [], [])
        cpu = time.process_time() - t
    finally:
        gc.enable()
    assert found == sentences - 1  # each "the attack" has the one event of the sentence before
    return max(cpu, 1e-3)


def test_antecedents_read_only_the_window(extractor):
    doc = extractor.nlp("Militants attacked the base. The attack killed two.")
    assert doc[1].text == "attacked" and doc[6].text == "attack"
    memory = EventMemory()
    for i in range(WINDOW + 3):
        memory.start_sentence()
        memory.record("ASSAULT", doc[1], [], [])
    memory.start_sentence()
    assert [m.sentence for m in memory._window()] == list(range(3, WINDOW + 3))
    short, long = min(_run(doc, 4_000) for _ in range(3)), min(_run(doc, 16_000) for _ in range(3))
    assert long / short < 8, long / short
