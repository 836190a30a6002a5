"""The ones a passive participle describes, named by a copula or "include" ("Among those designated
today are A and B"), and who is to act in a demand ("demanded that X release ...")."""
from __future__ import annotations

from claim_lookup import claim, find


def test_among_those_designated_are_the_named(extract):
    doc = extract("The State Department designated four men on Tuesday. Among those designated are "
                  "Hamas's financiers, Ali Haddad and Omar Saleh.")
    claim(doc, "U.S. Department of State", "SANCTION", "Ali Haddad")
    claim(doc, "U.S. Department of State", "SANCTION", "Omar Saleh")
    assert not find(doc, "Ali Haddad", "SANCTION")


def test_those_arrested_include(extract):
    doc = extract("Belgian police arrested six people in Antwerp. Those arrested include Karim Benali.")
    assert [c for c in find(doc, "Belgian police", "COERCE", "Karim Benali")]


def test_a_participle_with_its_own_agent(extract):
    doc = extract("Among those killed by Hezbollah was Ali Haddad.")
    claim(doc, "Hezbollah", "ASSAULT", "Ali Haddad")


def test_who_is_to_act_in_a_demand(extract):
    doc = extract("Hezbollah demanded that Israel withdraw its troops.")
    claim(doc, "Hezbollah", "REQUEST", "Israel")
    doc = extract("Hezbollah said that Israel withdrew its troops.")
    assert not find(doc, "Hezbollah", "REQUEST")
