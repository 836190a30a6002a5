"""'the defendants', 'Defendants'': the parties a court text named with a copula, each of them."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_the_defendants_are_the_parties_named_before(extract):
    doc = extract("The defendants are the Syrian Arab Republic, Hezbollah and the Quds Force. "
                  "The Court finds that the kidnapping was carried out by Islamic Jihad, acting with "
                  "the support of the defendants.")
    for party in ("Syria", "Hezbollah", "Quds Force"):
        assert "supports" in predicates(doc, party, "Islamic Jihad"), party


def test_defendants_named_by_no_copula_are_nobody(extract):
    doc = extract("The plaintiffs sued Syria. The defendants armed Hezbollah.")
    assert not find(doc, "Syria", "arms")
