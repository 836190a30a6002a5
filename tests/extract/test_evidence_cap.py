"""A repetitive document stores a bounded number of pieces of evidence per claim, the rest counted."""
from __future__ import annotations

import json

from sqlalchemy import func, select

from claimgraph.extract.claims import MAX_EVIDENCE_PER_DOCUMENT
from claimgraph.export.exchange import claim_json
from claimgraph.model import Document
from claimgraph.store import Store
from claimgraph.store.schema import EvidenceRow

SENTENCE = "Iran funds Hezbollah."
REPEATS = 150


def _claim(extractor, text):
    [doc] = list(extractor([Document(text=text, source="repeater")]))
    assert doc.failure is None, doc.failure
    funds = [c for c in doc.claims if c.predicate == "funds"]
    assert len(funds) == 1, [(c.predicate, len(c.evidence)) for c in doc.claims]
    return doc, funds[0]


def test_one_claim_said_150_times_keeps_the_first_pieces_and_counts_the_rest(extractor, tmp_path):
    text = " ".join([SENTENCE] * REPEATS)
    doc, c = _claim(extractor, text)
    assert len(c.evidence) == MAX_EVIDENCE_PER_DOCUMENT < REPEATS
    assert c.attrs["evidence_omitted"] == REPEATS - MAX_EVIDENCE_PER_DOCUMENT
    assert [ev.start for ev in c.evidence] == sorted(ev.start for ev in c.evidence)
    assert c.evidence[0].start == 0 and all(text[ev.start:ev.end] == ev.text for ev in c.evidence)
    assert claim_json(c)["evidence_omitted"] == REPEATS - MAX_EVIDENCE_PER_DOCUMENT
    once = _claim(extractor, SENTENCE)[1]
    assert c.confidence > once.confidence  # the rest still count as statements
    with Store(tmp_path / "cap.db") as store:
        store.add_document(doc)
        with store.engine.connect() as s:
            rows = s.execute(select(EvidenceRow.attrs).where(EvidenceRow.claim_id == c.id)).scalars().all()
            assert len(rows) == MAX_EVIDENCE_PER_DOCUMENT
            assert all(r["evidence_omitted"] == REPEATS - MAX_EVIDENCE_PER_DOCUMENT for r in rows)
            assert s.scalar(select(func.count()).select_from(EvidenceRow)) < 2 * MAX_EVIDENCE_PER_DOCUMENT


def test_a_claim_under_the_cap_is_unchanged(extractor):
    _, c = _claim(extractor, " ".join([SENTENCE] * 3))
    assert len(c.evidence) == 3 and "evidence_omitted" not in c.attrs
    assert "evidence_omitted" not in json.dumps(claim_json(c))
