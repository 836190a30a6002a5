"""A subject "both" is the pair of actors just coordinated: "designated A and B. Both are owned by X"."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_both_is_the_pair_just_named(extract):
    doc = extract("The Treasury Department designated Kata'ib Hizballah and Harakat al-Nujaba in 2019. "
                  "Both are funded by the Quds Force.")
    assert "funds" in predicates(doc, "Quds Force", "Kata'ib Hizballah")
    assert "funds" in predicates(doc, "Quds Force", "Harakat Hizballah al-Nujaba")


def test_both_after_three_or_unlike_actors_is_nobody(extract):
    doc = extract("Iran, Syria and Russia met in Tehran. Both are owned by Ali Hassan. "
                  "Iran and Hezbollah met in Beirut. Both are funded by Qatar.")
    assert not find(doc, "Ali Hassan", "controls")
    assert not find(doc, "Qatar", "funds")
