"""A definite description whose noun is a word of one actor's name refers to it even far back ("the
Saudi-led coalition" ... six sentences ... "the coalition"), but not when two such actors compete."""
from __future__ import annotations

from claim_lookup import find, predicates

FILLER = " ".join(f"Sanaa saw clashes on day {n}." for n in range(1, 7))


def test_the_coalition_long_after_the_named_coalition(extract):
    doc = extract("The Saudi-led coalition struck Sanaa. " + FILLER +
                  " The Houthis, who have battled the coalition since 2015, fired drones.")
    assert "opposes" in predicates(doc, "Houthis", "Saudi-led coalition")


def test_two_named_coalitions_leave_it_unresolved(extract):
    doc = extract("The Saudi-led coalition struck Sanaa. The U.S.-led coalition struck Mosul. " + FILLER +
                  " The Houthis, who have battled the coalition since 2015, fired drones.")
    assert not find(doc, "Houthis", "opposes")


def test_a_plural_of_the_noun_between_does_not_block_the_singular(extract):
    doc = extract("Several armed groups operate in Lebanon. These groups answer to Tehran. "
                  "Hezbollah dominates Lebanese politics. The group gets rockets from Iran.")
    assert "arms" in predicates(doc, "Iran", "Hezbollah")
