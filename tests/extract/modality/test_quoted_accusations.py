"""A quotation of several sentences is its speaker's throughout, and a person who says in his own
quoted words that X serves, funds, arms or backs a terrorist group accuses X."""
from __future__ import annotations

from claim_lookup import claim, eid, find, listing


def test_every_sentence_of_a_quotation_is_its_speakers(extract):
    doc = extract("“For a decade, Omar Haddad served as an operative of Hezbollah. He took his orders from "
                  "Beirut,” said U.S. Attorney Breon Peace.")
    c = claim(doc, "Omar Haddad", "member_of", "Hezbollah")
    assert (c.modality, c.attributed_to) == ("reported", eid(doc, "Breon Peace"))


def test_a_title_with_its_portfolio_names_the_speaker(extract):
    doc = extract("“Hezbollah uses stolen money to fund Hamas,” said Assistant Attorney General for National "
                  "Security Matthew Olsen.")
    c = claim(doc, "Hezbollah", "funds", "Hamas")
    assert c.attributed_to == eid(doc, "Matthew Olsen")
    claim(doc, "Matthew Olsen", "ACCUSE", "Hezbollah")


def test_an_official_quoted_on_a_tie_to_a_terrorist_group_accuses_its_holder(extract):
    doc = extract("“For a decade, Omar Haddad served as an operative of Hezbollah. He took his orders from "
                  "Beirut,” said U.S. Attorney Breon Peace.")
    claim(doc, "Breon Peace", "ACCUSE", "Omar Haddad")


def test_a_tie_to_no_terrorist_group_accuses_nobody(extract):
    doc = extract("“For a decade, Omar Haddad served as an adviser to the Ministry of Finance,” said "
                  "U.S. Attorney Breon Peace.")
    assert not find(doc, "Breon Peace", "ACCUSE"), listing(doc)


def test_a_tie_told_in_the_writers_voice_accuses_nobody(extract):
    doc = extract("Omar Haddad served as an operative of Hezbollah, U.S. Attorney Breon Peace said.")
    assert not find(doc, "Breon Peace", "ACCUSE", "Omar Haddad"), listing(doc)
