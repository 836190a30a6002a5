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


def test_a_part_played_is_its_player_s_act(extract):
    doc = extract("Mahan Air plays a central role supporting the Quds Force in Syria.")
    assert claim(doc, "Mahan Air", "supports", "Quds Force")


def test_a_thing_doing_something_is_no_actor(extract):
    doc = extract("Police seized the money funding Hamas.")
    assert not find(doc, "Police", "funds"), listing(doc)
