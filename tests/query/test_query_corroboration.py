"""Corroboration in the store, through the queries: reprints, independent sources,
contradictions across documents, credibility grades, verdicts, validity spans and --as-of."""
from __future__ import annotations

import pytest

from claimgraph.model import Document
from claimgraph.query import claims, dossier, events, find_actor, neighbors, snapshot, sources
from claimgraph.resolve import Resolver
from claimgraph.review import ReviewError, Reviews
from claimgraph.store import Store

WIRE = """\
BAGHDAD, May 4 - Kata'ib Hezbollah attacked the United States embassy in Baghdad on Tuesday,
killing three guards, Iraqi officials said. The Quds Force has armed Kata'ib Hezbollah for years.
A spokesman for the embassy said damage to the compound was being assessed and that the
gates had been closed to visitors until further notice, the latest in a campaign of pressure.
"""

OTHER = """\
Kata'ib Hezbollah attacked the United States embassy in Baghdad on Tuesday, killing eleven
guards, according to a statement. Analysts say the Quds Force has armed Kata'ib Hezbollah for years.
"""

DENIAL = "A spokesman for the Popular Mobilization Forces denied that the Quds Force had armed Kata'ib Hezbollah."


@pytest.fixture()
def read(extractor):
    def run(text: str, source: str, published: str = "2021-05-05") -> Document:
        return next(iter(extractor([Document(text, source=source, published=published, title=source)])))
    return run


def _arms(snap):
    found = [c for c in snap.claims.values() if c.predicate == "arms" and c.modality != "negated"
             and snap.name(c.subject) == "Quds Force"]
    assert found, [(snap.name(c.subject), c.predicate, snap.name(c.object)) for c in snap.claims.values()]
    return found[0]


def test_a_reprint_adds_evidence_but_not_an_independent_source(tmp_path, read):
    with Store(tmp_path / "s.db") as store:
        store.add_document(read(WIRE, "Reuters"))
        first = _arms(snapshot(store))
        assert snapshot(store).independent(first) == 1
        # the same wire story in another outlet, with a headline line of its own
        store.add_document(read("Militia rockets hit Iraqi base\n\n" + WIRE, "Arab News"))
        snap = snapshot(store)
        c = _arms(snap)
        assert len(snap.doc_ids(c)) == 2 and len(snap.sources(c)) == 2
        assert snap.independent(c) == 1
        row = snap.claim_row(c)
        assert row["documents"] == 2 and row["independent"] == 1
        assert [e["reprint_of"] is None for e in row["evidence"]].count(True) == 1
        listed = {r["source"]: r for r in sources(store)}
        assert listed["Reuters"]["reliability"] == "B" and listed["Reuters"]["graded"]
        assert listed["Arab News"]["reprints"] + listed["Reuters"]["reprints"] == 1
        # a story of its own from a third outlet is a second independent source (it reports the claim)
        store.add_document(read(OTHER, "Associated Press"))
        snap = snapshot(store)
        assert snap.claim_row(_arms(snap))["modalities"] == {"asserted": 1, "reported": 1}
        assert snap.corroboration(_arms(snap))["group_independent"] == 2


def test_credibility_rises_with_independent_sources_and_falls_when_contradicted(tmp_path, read):
    with Store(tmp_path / "s.db") as store:
        store.add_document(read(WIRE, "Kurdistan24"))
        one = snapshot(store).claim_row(_arms(snapshot(store)))["credibility"]
        store.add_document(read(OTHER, "Associated Press"))
        two = snapshot(store).claim_row(_arms(snapshot(store)))["credibility"]
        assert two < one, (one, two)
        store.add_document(read(DENIAL, "Reuters", "2021-05-06"))
        snap = snapshot(store)
        row = snap.claim_row(_arms(snap))
        assert row["contested"] and any(x["type"] == "negation" for x in row["contradictions"])
        assert row["credibility"] > two
        assert any(r["claim"] == row["claim"] for r in claims(snap, contested=True))
        assert not any(r["claim"] == row["claim"] for r in claims(snap, max_credibility=two))


def test_a_planted_contradiction_in_numbers_is_found(tmp_path, read):
    with Store(tmp_path / "s.db") as store:
        store.add_document(read(WIRE, "Reuters"))
        store.add_document(read(OTHER, "Associated Press"))
        snap = snapshot(store)
        assaults = [r for r in events(snap, type="ASSAULT") if r["subject"]["id"] == find_actor(snap, "Kataib Hezbollah").id]
        conflicts = [x for r in assaults for x in r["contradictions"] if x["type"] == "quantity"]
        assert conflicts, assaults
        amounts = sorted(v["amount"] for v in conflicts[0]["values"])
        assert amounts == [3, 11]
        assert sorted(conflicts[0]["sources"]) == [["Associated Press"], ["Reuters"]]


def test_filters_by_independent_sources(tmp_path, read):
    with Store(tmp_path / "s.db") as store:
        store.add_document(read(WIRE, "Reuters"))
        store.add_document(read(OTHER, "Associated Press"))
        snap = snapshot(store)
        kh = find_actor(snap, "Kata'ib Hezbollah").id
        every = neighbors(snap, kh)["edges"]
        two = neighbors(snap, kh, min_independent=2)["edges"]
        assert two and len(two) < len(every)
        assert all(e["independent"] >= 2 for e in two)
        with pytest.raises(ValueError):
            neighbors(snap, kh, max_credibility=9)


def test_a_rejected_claim_leaves_the_graph_until_undone(tmp_path, read):
    with Store(tmp_path / "s.db") as store:
        store.add_document(read(WIRE, "Reuters"))
        target = _arms(snapshot(store))
        Reviews(store).reject(target.id, analyst="ana", reason="misread")
        assert target.id not in snapshot(store).claims
        Reviews(store).confirm(next(iter(snapshot(store).claims)), analyst="ana")
        Resolver(store).undo("ana")  # takes back the confirmation
        assert target.id not in snapshot(store).claims
        undo = Resolver(store).undo("ana")  # and then the rejection
        assert undo.payload["claim_id"] == target.id
        assert target.id in snapshot(store).claims
        assert [e.action for e in Resolver(store).audit()] == ["reject", "confirm", "undo", "undo"]
        with pytest.raises(ReviewError):
            Reviews(store).reject("clm-nothing")


LEADERS = """\
Abu Mahdi al-Muhandis has led Kata'ib Hezbollah since 2003. He met Qassem Soleimani in Baghdad
in December 2019. Former Quds Force commander Ahmad Vahidi spoke in Tehran. The United States
killed Abu Mahdi al-Muhandis in Baghdad on January 3, 2020.
"""


def test_death_ends_a_leaders_relations_and_as_of_views(tmp_path, read):
    with Store(tmp_path / "s.db") as store:
        store.add_document(read(LEADERS, "Reuters", "2020-01-10"))
        snap = snapshot(store)
        muhandis = next(e.id for e in snap.entities.values() if e.name.startswith("Abu Mahdi"))
        d = dossier(snap, muhandis)
        leads = d["relations"]["leads"]["as_subject"]
        assert leads[0]["valid"] == {"from": "2003-01-01", "to": "2020-01-03", "ended": True,
                                     "basis": leads[0]["valid"]["basis"]}
        assert "death" in leads[0]["valid"]["basis"]
        assert dossier(snap, muhandis, as_of="2019-12")["relations"].get("leads")
        assert not dossier(snap, muhandis, as_of="2002")["relations"].get("leads")
        assert not dossier(snap, muhandis, as_of="2020-02")["relations"].get("leads")
        vahidi = next(e.id for e in snap.entities.values() if e.name == "Ahmad Vahidi")
        former = dossier(snap, vahidi)["relations"]["leads"]["as_subject"][0]["valid"]
        assert former["ended"] and former["to"] == "2020-01-10"
        # the strike is on the timeline, and not yet in a view of 2019
        assert any(t["type"] == "ASSAULT" for t in d["timeline"])
        assert not any(t["type"] == "ASSAULT" for t in dossier(snap, muhandis, as_of="2019")["timeline"])
