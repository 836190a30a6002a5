"""A court's name for itself ("the Court", "this Court") is an actor: the court the document
names, else a court known to the document only."""
from __future__ import annotations

from claim_lookup import claim


def test_the_court_of_an_opinion_that_names_no_court_is_an_actor(extract):
    doc = extract("The Court has reviewed the record. The Court therefore holds Libya liable for the hijacking.")
    [court] = [e for e in doc.entities if e.name == "Court"]
    assert court.type == "organization" and len(court.mentions) == 2
    claim(doc, "Court", "ACCUSE", "Libya")


def test_the_court_is_the_court_named_in_the_caption(extract):
    doc = extract("UNITED STATES DISTRICT COURT FOR THE DISTRICT OF COLUMBIA\n\nMEMORANDUM OPINION\n\n"
                  "The plaintiffs sued Iran over a bombing in 1996. Iran did not answer. The Court held a hearing "
                  "in May. Two witnesses testified. This Court now finds Iran liable for the bombing.")
    courts = [e for e in doc.entities if e.subtype == "court"]
    assert [c.name for c in courts] == ["U.S. District Court for the District of Columbia"]
    assert claim(doc, "U.S. District Court for the District of Columbia", "ACCUSE", "Iran")


def test_a_court_named_by_its_own_words_or_lower_case_is_no_self_reference(extract):
    doc = extract("The Supreme Court of Canada ruled on the appeal. The court in Ottawa sentenced the smuggler.")
    assert not [e for e in doc.entities if e.name == "Court"]
