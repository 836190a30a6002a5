"""A pool of small documents built by hand (no parser) for the tests of the stored figures.

The same actors appear under different ids (Quds Force / Qods Force, two spellings of
Soleimani, two ids of the United States, of Kata'ib Hezbollah, of Baghdad, of the Pentagon) so
that merges change groups; a wire story and two copies (the same text but two words) make one
near-duplicate story once the wire joins them; several outlets and an undated document without
one; a denial against an assertion and two dates of one killing make contradictions; the killing
of a person ends the relations he led; a later document gives merged entities their
knowledge-base ids.
"""
from __future__ import annotations

from claimgraph.model import Claim, Document, Entity, Evidence, Mention

QF, QODS = "ent-qf", "ent-qods"
SOLEIMANI, SULEIMANI = "ent-soleimani", "ent-suleimani"
US, USA = "ent-us", "ent-usa"
KH, KH2 = "ent-kh", "ent-kh2"
BAGHDAD, BAGHDAD2 = "ent-baghdad", "ent-location-baghdad"
PENTAGON, DOD = "ent-pentagon", "ent-dod"
IRAN, IRGC = "ent-iran", "ent-irgc"
SPELLINGS = [(QF, QODS), (SOLEIMANI, SULEIMANI), (US, USA), (KH, KH2), (BAGHDAD, BAGHDAD2), (PENTAGON, DOD)]

WIRE = (
    "American forces killed Qassem Soleimani in a drone strike near Baghdad airport early on 3 January "
    "2020, the Pentagon said in a statement issued late on Thursday night. Soleimani had led the Quds Force "
    "since 1998 and had shaped the networks of armed groups that Tehran backs across the region for more than "
    "two decades. The Quds Force trains Kata'ib Hezbollah fighters at camps in Iraq and in Iran, according to "
    "officials in Washington who have followed the group for years. Oil prices rose sharply in Asian trading "
    "after the news broke, and several governments urged restraint on all sides while the region waited to see "
    "how Tehran would answer the killing of its most prominent military commander."
)
# two copies of the wire, two words changed in each: each one story with the wire (its LSH
# bands meet the wire's), not with each other (four words apart)
REPRINT = WIRE.replace("sharply", "steeply").replace("restraint", "calm")
EDITED = WIRE.replace("prominent", "famous").replace("shaped", "built")


def _ev(doc: Document, sentence: str, **attrs) -> Evidence:
    start = doc.text.index(sentence)
    return Evidence(doc.id, start, start + len(sentence), sentence, attrs)


def _ent(doc: Document, id: str, name: str, type: str, needle: str, **kw) -> Entity:
    start = doc.text.index(needle)
    return Entity(id, name, type, mentions=[Mention(start, start + len(needle), needle, rule="test")], **kw)


KILLED_3 = {"start": "2020-01-03", "end": "2020-01-03", "precision": "day", "text": "on 3 January 2020"}
KILLED_2 = {"start": "2020-01-02", "end": "2020-01-02", "precision": "day", "text": "on 2 January 2020"}
SINCE_1998 = {"start": "1998-01-01", "end": None, "precision": "year", "text": "since 1998"}
UNTIL_2020 = {"start": None, "end": "2020-01-31", "precision": "month", "text": "until January 2020"}
DECEMBER = {"start": "2019-12-01", "end": "2019-12-31", "precision": "month", "text": "in December 2019"}


def wire(text: str = WIRE, source: str = "Reuters", published: str = "2020-01-03", rereads: bool = False) -> Document:
    doc = Document(text, title="Soleimani killed", source=source, published=published, genre="news")
    kill, lead, train = (s + "." for s in text.split(". ")[:3])
    doc.entities = [
        _ent(doc, US, "United States", "country", "American", country="USA"),
        _ent(doc, SOLEIMANI, "Qassem Soleimani", "person", "Qassem Soleimani", country="IRN"),
        _ent(doc, BAGHDAD, "Baghdad", "location", "Baghdad", country="IRQ"),
        _ent(doc, PENTAGON, "Pentagon press office", "organization", "the Pentagon", country="USA"),
        _ent(doc, QF, "Quds Force", "organization", "the Quds Force", country="IRN"),
        _ent(doc, KH, "Kata'ib Hezbollah", "organization", "Kata'ib Hezbollah", country="IRQ"),
    ]
    doc.claims = [
        Claim("clm-us-kills-soleimani", "event", US, "ASSAULT", SOLEIMANI, "reported", PENTAGON, "verb:kill", 0.8,
              [_ev(doc, kill)], {"status": "occurred", "mode": "air_strike", "location": BAGHDAD, "date": KILLED_3}),
        Claim("clm-soleimani-leads-qf", "relation", SOLEIMANI, "leads", QF, "asserted", None, "verb", 0.8,
              [_ev(doc, lead)], {"date": SINCE_1998}),
        Claim("clm-qf-trains-kh", "relation", QF, "trains", KH, "reported", "officials in Washington", "verb", 0.7,
              [_ev(doc, train)]),
    ]
    if rereads:  # the copies read the Quds Force of the third sentence under its other id as well
        doc.entities.append(_ent(doc, QODS, "Qods Force", "organization", "The Quds Force"))
        doc.claims.append(Claim("clm-qods-trains-kh", "relation", QODS, "trains", KH, "reported",
                                "officials in Washington", "verb", 0.6, [_ev(doc, train)]))
    return doc


def reprint() -> Document:
    """The wire story run by another paper a day later: two words changed."""
    return wire(REPRINT, source="Arab News", published="2020-01-04", rereads=True)


def edited() -> Document:
    """The wire story edited by a third paper: two other words changed, too many for one story
    with the reprint, until the wire itself joins them."""
    return wire(EDITED, source="The National", published="2020-01-04", rereads=True)


def statement() -> Document:
    text = ("The Department of Defense said Qasem Suleimani commanded the Qods Force until January 2020. "
            "The United States killed Suleimani at Baghdad airport on 2 January 2020, the department said. "
            "Suleimani was a member of the Islamic Revolutionary Guard Corps.")
    doc = Document(text, title="Statement", source="Associated Press", published="2020-01-05", genre="report")
    lead, kill, member = (s.rstrip(".") + "." for s in text.split(". "))
    doc.entities = [
        _ent(doc, DOD, "Department of Defense", "organization", "Department of Defense", country="USA"),
        _ent(doc, SULEIMANI, "Qasem Suleimani", "person", "Qasem Suleimani", country="IRN"),
        _ent(doc, QODS, "Qods Force", "organization", "Qods Force", country="IRN", kb_id="irgc-qf"),
        _ent(doc, USA, "United States", "country", "The United States", country="USA"),
        _ent(doc, BAGHDAD2, "Baghdad", "location", "Baghdad", country="IRQ"),
        _ent(doc, IRGC, "Islamic Revolutionary Guard Corps", "organization", "Islamic Revolutionary Guard Corps",
             country="IRN"),
    ]
    doc.claims = [
        Claim("clm-suleimani-leads-qods", "relation", SULEIMANI, "leads", QODS, "reported", DOD, "verb", 0.75,
              [_ev(doc, lead)], {"date": UNTIL_2020}),
        Claim("clm-usa-kills-suleimani", "event", USA, "ASSAULT", SULEIMANI, "reported", DOD, "verb:kill", 0.7,
              [_ev(doc, kill)], {"status": "occurred", "location": BAGHDAD2, "date": KILLED_2}),
        Claim("clm-suleimani-member-irgc", "relation", SULEIMANI, "member_of", IRGC, "asserted", None, "verb", 0.6,
              [_ev(doc, member)]),
    ]
    return doc


def denial() -> Document:
    text = ("Iran denied that the Quds Force trains Kata'ib Hezbollah. "
            "The Quds Force is part of the Islamic Revolutionary Guard Corps, the agency added.")
    doc = Document(text, title="Tehran denies", source="Tasnim", published="2020-01-06", genre="news")
    deny, part = (s.rstrip(".") + "." for s in text.split(". "))
    doc.entities = [
        _ent(doc, IRAN, "Iran", "country", "Iran", country="IRN"),
        _ent(doc, QF, "Quds Force", "organization", "the Quds Force"),
        _ent(doc, KH, "Kata'ib Hezbollah", "organization", "Kata'ib Hezbollah"),
        _ent(doc, IRGC, "Islamic Revolutionary Guard Corps", "organization", "Islamic Revolutionary Guard Corps"),
    ]
    doc.claims = [
        Claim("clm-qf-trains-kh-denied", "relation", QF, "trains", KH, "negated", IRAN, "verb", 0.7, [_ev(doc, deny)]),
        Claim("clm-qf-part-of-irgc", "relation", QF, "part_of", IRGC, "asserted", None, "apposition", 0.9,
              [_ev(doc, part)]),
    ]
    return doc


def rockets() -> Document:
    text = ("Kataib Hizballah fired rockets at a base near Baghdad in December 2019, the Department of Defense said. "
            "Kataib Hizballah is allied with the Qods Force.")
    doc = Document(text, title="Rockets", source="Reuters", published="2020-01-10", genre="news")
    fire, ally = (s.rstrip(".") + "." for s in text.split(". "))
    doc.entities = [
        _ent(doc, KH2, "Kataib Hizballah", "organization", "Kataib Hizballah"),
        _ent(doc, BAGHDAD2, "Baghdad", "location", "Baghdad"),
        _ent(doc, DOD, "Department of Defense", "organization", "Department of Defense"),
        _ent(doc, QODS, "Qods Force", "organization", "Qods Force"),
    ]
    doc.claims = [
        Claim("clm-kh2-assault", "event", KH2, "ASSAULT", None, "reported", DOD, "verb", 0.75, [_ev(doc, fire)],
              {"status": "occurred", "mode": "rockets", "location": BAGHDAD2, "date": DECEMBER}),
        Claim("clm-kh2-allied-qods", "relation", KH2, "allied_with", QODS, "asserted", None, "verb", 0.6,
              [_ev(doc, ally)]),
    ]
    return doc


def pentagon_denial() -> Document:
    """No outlet and no date: a document of its own; gives two ids their knowledge-base actor."""
    text = ("The Pentagon denied that Kata'ib Hezbollah fired rockets at the base near Baghdad in December 2019. "
            "Kataib Hizballah trains with the Quds Force.")
    doc = Document(text, title=None, source=None, published=None, genre="unknown")
    deny, train = (s.rstrip(".") + "." for s in text.split(". "))
    doc.entities = [
        _ent(doc, PENTAGON, "Pentagon press office", "organization", "The Pentagon"),
        _ent(doc, KH, "Kata'ib Hezbollah", "organization", "Kata'ib Hezbollah"),
        _ent(doc, KH2, "Kataib Hizballah", "organization", "Kataib Hizballah", kb_id="kataib-hezbollah"),
        _ent(doc, BAGHDAD2, "Baghdad", "location", "Baghdad", kb_id="baghdad"),
        _ent(doc, QF, "Quds Force", "organization", "the Quds Force"),
    ]
    doc.claims = [
        Claim("clm-kh-assault-denied", "event", KH, "ASSAULT", None, "negated", PENTAGON, "verb", 0.6,
              [_ev(doc, deny)], {"status": "occurred", "date": DECEMBER}),
        Claim("clm-kh2-trains-with-qf", "relation", QF, "trains", KH2, "asserted", None, "verb", 0.5,
              [_ev(doc, train)]),
    ]
    return doc


def second_outlet() -> Document:
    text = ("Washington killed Qasem Suleimani at Baghdad airport on 3 January 2020, US officials said. "
            "Qassem Soleimani commanded the Quds Force since 1998.")
    doc = Document(text, title="The general is dead", source="Agence France-Presse", published="2020-01-03",
                   genre="news")
    kill, lead = (s.rstrip(".") + "." for s in text.split(". "))
    doc.entities = [
        _ent(doc, USA, "United States", "country", "Washington"),
        _ent(doc, SULEIMANI, "Qasem Suleimani", "person", "Qasem Suleimani", kb_id="qassem-soleimani"),
        _ent(doc, SOLEIMANI, "Qassem Soleimani", "person", "Qassem Soleimani"),
        _ent(doc, BAGHDAD, "Baghdad", "location", "Baghdad"),
        _ent(doc, QF, "Quds Force", "organization", "the Quds Force"),
    ]
    doc.claims = [
        # the statement's killing, on another day: one claim once joined, whether or not anything is merged
        Claim("clm-usa-kills-suleimani-3", "event", USA, "ASSAULT", SULEIMANI, "reported", "US officials",
              "verb:kill", 0.8, [_ev(doc, kill)], {"status": "occurred", "location": BAGHDAD, "date": KILLED_3}),
        Claim("clm-soleimani-leads-qf", "relation", SOLEIMANI, "leads", QF, "asserted", None, "verb", 0.7,
              [_ev(doc, lead)], {"date": SINCE_1998}),
    ]
    return doc


POOL = {"wire": wire, "reprint": reprint, "edited": edited, "statement": statement, "denial": denial,
        "rockets": rockets, "pentagon_denial": pentagon_denial, "second_outlet": second_outlet}
