"""An actor used as an instrument acts, and so does whoever uses it."""
from __future__ import annotations

from claim_lookup import claim, find, listing


def test_a_passive_use_gives_the_clause_to_the_instrument_and_its_user(extract):
    doc = extract("Hamas is used by the IRGC to send money to Palestinian Islamic Jihad.")
    assert claim(doc, "Islamic Revolutionary Guard Corps", "funds", "Palestinian Islamic Jihad")
    assert claim(doc, "Hamas", "funds", "Palestinian Islamic Jihad")


def test_an_active_use_gives_the_clause_to_the_user_when_the_instrument_is_no_actor(extract):
    doc = extract("The IRGC used a chain of exchange houses to send money to Kata'ib Hizballah.")
    assert claim(doc, "Islamic Revolutionary Guard Corps", "funds", "Kata'ib Hizballah")


def test_other_object_control_verbs_do_not_give_the_clause_to_their_subject(extract):
    doc = extract("The Treasury accused Hamas of sending money to Palestinian Islamic Jihad.")
    assert not find(doc, "U.S. Department of the Treasury", "funds"), listing(doc)
