"""Two short documents written for these tests, with entities and claims built by hand."""
from __future__ import annotations

import pytest

from claimgraph.model import Claim, Document, Entity, Evidence, Mention

TEXT_1 = (
    "The Quds Force, the foreign arm of the Islamic Revolutionary Guard Corps, trains Kata’ib Hezbollah "
    "fighters in Iraq. According to US officials, Qassem Soleimani commanded the Quds Force until January 2020."
)
TEXT_2 = (
    "Kata’ib Hezbollah fired rockets at a base near Baghdad in December 2019, Iraqi officials said. "
    "The Pentagon alleged that the Qods Force had supplied the rockets. "
    "The group’s fighters are trained by the Qods Force."
)


def mention(text: str, needle: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.find(needle, start + 1)
    assert start >= 0, needle
    return Mention(start, start + len(needle), needle, rule="test")


def evidence(doc: Document, sentence: str) -> Evidence:
    start = doc.text.find(sentence)
    assert start >= 0, sentence
    return Evidence(doc.id, start, start + len(sentence), sentence)


def entity(id: str, name: str, type: str, text: str, *needles: str, **kw) -> Entity:
    return Entity(id, name, type, mentions=[mention(text, n) for n in needles], **kw)


def make_doc_1() -> Document:
    doc = Document(TEXT_1, path="one.txt", title="The Quds Force and its proxies", source="testwire",
                   published="2020-02-01", genre="news")
    qf = entity("ent-quds-force", "Quds Force", "organization", TEXT_1, "The Quds Force",
                subtype="armed_forces", country="IRN", aliases=["Qods Force"])
    qf.mentions.append(mention(TEXT_1, "the Quds Force", 0))
    doc.entities = [
        qf,
        entity("ent-irgc", "Islamic Revolutionary Guard Corps", "organization", TEXT_1,
               "Islamic Revolutionary Guard Corps", country="IRN", aliases=["IRGC"]),
        entity("ent-kataib-hezbollah", "Kata’ib Hezbollah", "organization", TEXT_1, "Kata’ib Hezbollah", country="IRQ"),
        entity("ent-iraq", "Iraq", "country", TEXT_1, "Iraq", country="IRQ"),
        entity("ent-soleimani", "Qassem Soleimani", "person", TEXT_1, "Qassem Soleimani", country="IRN"),
    ]
    first = TEXT_1.split(". ")[0] + "."
    second = TEXT_1[len(first) + 1:]
    doc.claims = [
        Claim("clm-qf-part-of-irgc", "relation", "ent-quds-force", "part_of", "ent-irgc",
              rule="apposition", confidence=0.9, evidence=[evidence(doc, first)]),
        Claim("clm-qf-trains-kh", "relation", "ent-quds-force", "trains", "ent-kataib-hezbollah",
              rule="verb", confidence=0.8, evidence=[evidence(doc, first)]),
        Claim("clm-soleimani-leads-qf", "relation", "ent-soleimani", "leads", "ent-quds-force",
              modality="reported", attributed_to="US officials", rule="verb", confidence=0.7,
              evidence=[evidence(doc, second)],
              attrs={"date": {"start": None, "end": "2020-01-31", "precision": "month", "text": "until January 2020"}}),
    ]
    return doc


def make_doc_2() -> Document:
    doc = Document(TEXT_2, path="two.txt", title="Rockets near Baghdad", source="testwire",
                   published="2019-12-28", genre="report")
    doc.entities = [
        entity("ent-kataib-hezbollah", "Kataib Hezbollah", "organization", TEXT_2, "Kata’ib Hezbollah"),
        entity("ent-baghdad", "Baghdad", "location", TEXT_2, "Baghdad", country="IRQ"),
        entity("ent-pentagon", "Pentagon", "organization", TEXT_2, "The Pentagon", country="USA"),
        # the same actor as in document 1, under another name and type: the stored name and type win
        entity("ent-quds-force", "Qods Force", "group", TEXT_2, "the Qods Force", aliases=["IRGC-QF"]),
    ]
    doc.entities[-1].mentions.append(mention(TEXT_2, "the Qods Force", 1))
    first, second, third = (s.rstrip(".") + "." for s in TEXT_2.split(". "))
    doc.claims = [
        Claim("clm-kh-assault", "event", "ent-kataib-hezbollah", "ASSAULT", None, modality="reported",
              attributed_to="Iraqi officials", rule="verb", confidence=0.75, evidence=[evidence(doc, first)],
              attrs={"mode": "explosives", "status": "occurred", "location": "ent-baghdad",
                     "date": {"start": "2019-12-01", "end": "2019-12-31", "precision": "month", "text": "in December 2019"}}),
        Claim("clm-qf-aid-kh", "event", "ent-quds-force", "AID", "ent-kataib-hezbollah", modality="alleged",
              attributed_to="ent-pentagon", rule="verb", confidence=0.6, evidence=[evidence(doc, second)],
              attrs={"mode": None, "status": "occurred"}),
        # read again: the same claim as in document 1, new evidence
        Claim("clm-qf-trains-kh", "relation", "ent-quds-force", "trains", "ent-kataib-hezbollah",
              rule="verb", confidence=0.85, evidence=[evidence(doc, third)]),
    ]
    return doc


@pytest.fixture
def doc_1() -> Document:
    return make_doc_1()


@pytest.fixture
def doc_2() -> Document:
    return make_doc_2()
