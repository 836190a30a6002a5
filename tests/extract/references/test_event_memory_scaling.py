"""Event anaphora looks back over the last few sentences' events, not over the whole document's
(so its cost grows with the text's length, not its square: bench/length_scaling.py measures it)."""
from __future__ import annotations

from claimgraph.extract.references.events import WINDOW, EventMemory


def test_antecedents_read_only_the_window(extractor):
    doc = extractor.nlp("Militants attacked the base. The attack killed two.")
    assert doc[1].text == "attacked" and doc[6].text == "attack"
    memory = EventMemory()
    for i in range(WINDOW + 3):
        memory.start_sentence()
        memory.record("ASSAULT", doc[1], [], [])
    memory.start_sentence()
    assert [m.sentence for m in memory._window()] == list(range(3, WINDOW + 3))
    assert len(memory.antecedents(doc[6], "ASSAULT")) <= WINDOW  # never the whole document's events
