"""A theme's owner receives it: "the Taliban's rifles are supplied by Pakistan"."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_the_owner_of_a_supplied_theme_is_its_recipient(extract):
    doc = extract("The Taliban's rifles and rockets are supplied by Pakistan. "
                  "Russia provides the Syrian army's tanks.")
    assert "arms" in predicates(doc, "Pakistan", "Taliban")
    assert not find(doc, "Taliban", "arms")


def test_an_owner_of_a_moment_or_a_named_recipient_is_no_recipient(extract):
    doc = extract("Last year's rockets were supplied by Iran to Hezbollah. "
                  "Iran sent its missiles to the Houthis.")
    assert "arms" in predicates(doc, "Iran", "Hezbollah")
    assert "arms" in predicates(doc, "Iran", "Houthis")
    assert not find(doc, "Iran", "arms", "Iran")
