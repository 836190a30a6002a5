"""A collective after a named organization and a comma, described by a participle, is that
organization, wherever the parser hung it ("carried out by al Qaeda, the terrorist network founded by ...")."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_a_described_collective_after_a_name_is_the_name(extract):
    doc = extract("The court found that the bombing was carried out by Hamas, the militant group "
                  "founded and led by Ahmed Yassin.")
    assert {"created", "leads"} <= predicates(doc, "Ahmed Yassin", "Hamas")
    assert not any(e.type == "group" for e in doc.entities)


def test_a_collective_of_its_own_clause_stays_itself(extract):
    doc = extract("Israel struck Hamas, the militants fired back, and the gunmen recruited by "
                  "Hezbollah fled.")
    assert not find(doc, "Hezbollah", "MOBILIZE", "Hamas")
    assert any(e.name == "militants" for e in doc.entities)
