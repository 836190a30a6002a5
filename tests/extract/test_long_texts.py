"""A text longer than the pipeline's piece size is parsed in pieces and joined into one Doc: the
same actors, mentions and claims at the same offsets as the pieces give one by one (shifted), and
the same as a parse of the whole text in one piece, whole-document state (anaphora) included."""
from __future__ import annotations

import pytest

from claimgraph.extract.pipeline import Extractor, pieces
from claimgraph.model import Document

# our own sentences; no anaphora here, so that each piece reads alone as it does in the whole text
PARAGRAPH = ("The Quds Force supplied rockets to Kata'ib Hezbollah in Iraq, a United Nations panel said on Tuesday. "
             "Hezbollah denied that it had trained Houthi fighters in Yemen. "
             "The United States imposed sanctions on Asa'ib Ahl al-Haq after the attack on the embassy in Baghdad. "
             "Saudi Arabia accused Iran of funding the Houthis.")
# "the group" is read from what the document named before it: the whole document's state
ANAPHORA = PARAGRAPH + " The group rejected the charge on Wednesday."
PIECE = 900  # characters: each text below is several pieces


def text_of(paragraph: str, copies: int = 8) -> str:
    return "\n\n".join(f"Report {i}.\n\n{paragraph}" for i in range(copies))


def readings(doc: Document, shift: int = 0) -> tuple[list, list]:
    """Mentions (offsets, text, actor) and claims (subject, predicate, object, modality, evidence
    offsets), offsets shifted by `shift`."""
    names = {e.id: e.name for e in doc.entities}
    mentions = sorted((m.start + shift, m.end + shift, m.text, names[e.id]) for e in doc.entities for m in e.mentions)
    claims = sorted((names.get(c.subject), c.predicate, names.get(c.object), c.modality, ev.start + shift,
                     ev.end + shift, ev.text) for c in doc.claims for ev in c.evidence)
    return mentions, claims


@pytest.fixture(scope="module")
def chunked(extractor) -> Extractor:
    ex = Extractor(chunk_chars=PIECE)  # the pipeline is cached: the fixture's own, loaded once
    assert ex.nlp is extractor.nlp
    return ex


@pytest.fixture(scope="module")
def whole(extractor) -> Extractor:
    return Extractor(chunk_chars=10**9)


def test_pieces_cover_the_text_and_are_cut_after_paragraph_breaks():
    text = text_of(PARAGRAPH)
    cuts = pieces(text, PIECE)
    assert len(cuts) >= 3 and cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:]))
    assert all(0 < end - start <= PIECE for start, end in cuts)
    assert all(text[end - 2:end] == "\n\n" for _, end in cuts[:-1])  # the break stays with the piece before
    assert pieces("short text", PIECE) == [(0, 10)]


def test_pieces_of_a_text_without_paragraphs_or_spaces():
    one_line = " ".join([PARAGRAPH] * 10)
    cuts = pieces(one_line, PIECE)
    assert all(one_line[end - 1] == " " and one_line[end] != " " for _, end in cuts[:-1])
    assert all(one_line[end - 2] == "." for _, end in cuts[:-1])  # at a sentence's end
    solid = "x" * 2500  # no whitespace at all: hard cuts
    assert pieces(solid, PIECE) == [(0, 900), (900, 1800), (1800, 2500)]


def test_a_long_text_gives_what_its_pieces_give_shifted(chunked, whole):
    text = text_of(PARAGRAPH)
    [doc] = list(chunked([Document(text=text)]))
    assert doc.failure is None
    assert doc.spacy_doc.text == text
    got = readings(doc)
    expected: tuple[list, list] = ([], [])
    for start, end in pieces(text, PIECE):
        [part] = list(whole([Document(text=text[start:end])]))
        m, c = readings(part, start)
        expected[0].extend(m)
        expected[1].extend(c)
    assert got[0] and got[1]
    assert got == (sorted(expected[0]), sorted(expected[1]))
    assert all(text[s:e] == t for s, e, t, _ in got[0]) and all(text[s:e] == t for *_, s, e, t in got[1])


def test_the_stages_see_the_whole_document(chunked, whole):
    text = text_of(ANAPHORA)
    assert len(pieces(text, PIECE)) >= 3
    [a] = list(chunked([Document(text=text)]))
    [b] = list(whole([Document(text=text)]))
    assert len(a.spacy_doc) == len(b.spacy_doc)
    assert [s.start for s in a.spacy_doc.sents] == [s.start for s in b.spacy_doc.sents]
    assert readings(a) == readings(b)


def test_short_and_long_texts_in_one_stream_keep_their_order(chunked):
    docs = [Document(text=PARAGRAPH, path="a"), Document(text=text_of(PARAGRAPH), path="long"),
            Document(text="Iran funds Hezbollah.", path="c")]
    out = list(chunked(docs))
    assert [d.path for d in out] == ["a", "long", "c"]
    assert all(d.spacy_doc.text == d.text and d.entities for d in out)


def test_a_long_text_without_spaces_is_extracted(chunked):
    text = "Hezbollah" + "x" * 3000 + " denied it."
    [doc] = list(chunked([Document(text=text)]))
    assert doc.failure is None and doc.spacy_doc.text == text
