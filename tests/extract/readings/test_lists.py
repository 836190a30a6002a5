"""Name lists hung on a common noun or a partitive: every name gets the claim, not the first only."""
from __future__ import annotations

from claim_lookup import claim, find, predicates


def test_names_after_a_possessed_noun_all_get_the_claim(extract):
    doc = extract("The Treasury Department designated Mahan Air and its subsidiaries Kata'ib Hizballah, "
                  "Harakat al-Nujaba and Asa'ib Ahl al-Haq.")
    targets = {c.object for c in find(doc, "U.S. Department of the Treasury", "SANCTION")}
    names = {e.id for e in doc.entities if e.name in ("Mahan Air", "Kata'ib Hizballah", "Asa'ib Ahl al-Haq",
                                                      "Harakat Hizballah al-Nujaba")}
    assert len(names) == 4 and targets == names


def test_names_after_a_partitive(extract):
    doc = extract("OFAC designated three of the group's leaders, Qais al-Khazali, Abu Mahdi al-Muhandis "
                  "and Akram al-Kaabi.")
    for name in ("Qais al-Khazali", "Abu Mahdi al-Muhandis", "Akram al-Kaabi"):
        assert find(doc, "Office of Foreign Assets Control", "SANCTION", name), name


def test_names_between_dashes_but_not_a_name_that_is_another_clause_s_subject(extract):
    doc = extract("Iran arms the militias — Kata'ib Hizballah, Harakat al-Nujaba and Asa'ib Ahl al-Haq — "
                  "that attack U.S. forces. Iran funds the militias, Hezbollah said.")
    for name in ("Kata'ib Hizballah", "Harakat Hizballah al-Nujaba", "Asa'ib Ahl al-Haq"):
        assert "arms" in predicates(doc, "Iran", name), name
    assert not find(doc, "Iran", "funds", "Hezbollah")


def test_hyphen_word_reaches_every_name_of_the_list(extract):
    doc = extract("The Quds Force trains two Iran-backed groups, Kata'ib Hizballah and Asa'ib Ahl al-Haq.")
    for name in ("Kata'ib Hizballah", "Asa'ib Ahl al-Haq"):
        assert "supports" in predicates(doc, "Iran", name), name
        assert "trains" in predicates(doc, "Quds Force", name), name


def test_hyphen_word_before_a_list_without_comma(extract):
    doc = extract("Iran-backed militias Kata'ib Hizballah, Harakat al-Nujaba and Asa'ib Ahl al-Haq "
                  "attacked U.S. forces.")
    for name in ("Kata'ib Hizballah", "Harakat Hizballah al-Nujaba", "Asa'ib Ahl al-Haq"):
        assert "supports" in predicates(doc, "Iran", name), name
        assert "ASSAULT" in predicates(doc, name, "United States"), name


def test_hyphen_word_reaches_an_including_list(extract):
    doc = extract("The strikes hit a depot used by several Iranian-backed militant groups including "
                  "Kata'ib Hizballah and Harakat al-Nujaba.")
    for name in ("Kata'ib Hizballah", "Harakat Hizballah al-Nujaba"):
        assert "supports" in predicates(doc, "Iran", name), name


def test_the_name_in_a_hyphen_word_does_not_own_the_noun(extract):
    doc = extract("Iran-backed Hezbollah fighters attacked U.S. forces.")
    assert "ASSAULT" in predicates(doc, "Hezbollah", "United States")
    assert not find(doc, "Iran", "ASSAULT")


def test_a_kin_noun_before_a_name_keeps_the_list_going(extract):
    doc = extract("The Treasury Department designated Hezbollah's financiers, Adnan Farhat and his son Bilal Farhat.")
    claim(doc, "U.S. Department of the Treasury", "SANCTION", "Adnan Farhat")
    claim(doc, "U.S. Department of the Treasury", "SANCTION", "Bilal Farhat")


def test_a_possessive_noun_without_a_name_after_it_ends_the_list(extract):
    doc = extract("Iran funds two militias, Kataib Hezbollah and its fighters in Syria.")
    assert not [e for e in doc.entities if e.name.startswith("fighters")]
    claim(doc, "Iran", "funds", "Kata'ib Hizballah")
