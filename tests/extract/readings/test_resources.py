"""Ties read from what is given: resources with a from- or with-phrase, transfers of goods and money,
and "ties between X and Y"."""
from __future__ import annotations

from claim_lookup import find, predicates


def test_resources_from_a_giver_on_a_receiving_verb(extract):
    doc = extract("Hezbollah depended on money and rockets from Iran.")
    assert {"funds", "arms"} <= predicates(doc, "Iran", "Hezbollah")
    assert not find(doc, "Hezbollah", "funds")


def test_the_owner_of_a_resource_gives_it(extract):
    doc = extract("Hezbollah relied on Iranian weapons.")
    assert "arms" in predicates(doc, "Iran", "Hezbollah")


def test_with_support_from_a_giver_but_not_with_any_resource(extract):
    doc = extract("Kata'ib Hizballah, with support from Iran, attacked U.S. forces. Hezbollah attacked "
                  "Israel with rockets. Israel seized rockets from Hezbollah.")
    assert "supports" in predicates(doc, "Iran", "Kata'ib Hizballah")
    assert not find(doc, "Hezbollah", "arms") and not find(doc, "Israel", "arms")


def test_one_tie_per_resource_given_with_a_verb(extract):
    doc = extract("Iran supports Hezbollah with money, weapons and training. "
                  "The IRGC supplied the Houthis with drones.")
    assert {"supports", "funds", "arms", "trains"} <= predicates(doc, "Iran", "Hezbollah")
    assert "arms" in predicates(doc, "Islamic Revolutionary Guard Corps", "Houthis")


def test_ties_between_two_actors(extract):
    doc = extract("Ties between Iran and Hezbollah have deepened. The cooperation between Hamas and "
                  "Hezbollah alarmed Israel. The confrontation between Israel and Hezbollah escalated.")
    assert predicates(doc, "Iran", "Hezbollah") == {"allied_with"}
    assert predicates(doc, "Hamas", "Hezbollah") == {"allied_with"}
    assert predicates(doc, "Israel", "Hezbollah") == {"opposes"}


def test_shipping_goods_is_support(extract):
    doc = extract("Iran has been shipping fuel to the Houthis.")
    assert predicates(doc, "Iran", "Houthis") == {"supports"}


def test_what_a_transfer_carries_decides_the_tie(extract):
    doc = extract("The IRGC's cash transfers to Hezbollah continued. Investigators documented "
                  "shipments of rockets from Iran to the Houthis. Bank transfers to Hamas rose.")
    assert predicates(doc, "Islamic Revolutionary Guard Corps", "Hezbollah") == {"funds"}
    assert predicates(doc, "Iran", "Houthis") == {"arms"}
    assert not find(doc, "Bank", "funds", "Hamas")



def test_the_resource_a_relative_clause_is_on(extract):
    doc = extract("Hamas praised the weapons Hezbollah receives from Iran. "
                  "Israel seized the cash that the Houthis received from the IRGC.")
    assert "arms" in predicates(doc, "Iran", "Hezbollah")
    assert "funds" in predicates(doc, "Islamic Revolutionary Guard Corps", "Houthis")
    assert not find(doc, "Iran", "arms", "Hamas")


def test_a_relative_clause_on_no_resource_gives_no_tie(extract):
    doc = extract("Hamas praised the letter Hezbollah received from Iran.")
    assert not predicates(doc, "Iran", "Hezbollah") - {"CONSULT"}


def test_training_from_a_groups_instructors_is_the_groups(extract):
    doc = extract("Omar Haddad received weapons training from Hamas instructors in Gaza.")
    assert "trains" in predicates(doc, "Hamas", "Omar Haddad")


def test_fighters_of_a_nationality_are_not_the_state(extract):
    doc = extract("Hezbollah trainers taught Palestinian fighters to build drones. Iran armed Syrian fighters.")
    assert not find(doc, "Hezbollah", "trains", "Palestine")
    assert not find(doc, "Iran", "arms", "Syria")


def test_a_resource_of_its_own_giver_beats_a_from_phrase_on_the_verb(extract):
    doc = extract("Kataib Sayyid al-Shuhada broke away from the Badr Organization in 2013 with Iranian help.")
    assert "supports" in predicates(doc, "Iran", "Kata'ib Sayyid al-Shuhada")
    assert not find(doc, "Badr Organization", "supports")


def test_a_part_of_a_resource_received(extract):
    doc = extract("Palestinian Islamic Jihad receives most of its budget from Iran. "
                  "Hamas gets much of its funding from Qatar.")
    assert "funds" in predicates(doc, "Iran", "Palestinian Islamic Jihad")
    assert "funds" in predicates(doc, "Qatar", "Hamas")


def test_weapons_training_is_training_not_weapons(extract):
    """The head of "weapons training" decides what was given (codebook: resources.heads)."""
    doc = extract("Ahmad Karimi received weapons training from Hezbollah near Baalbek.")
    assert predicates(doc, "Hezbollah", "Ahmad Karimi") == {"trains"}
    doc = extract("The IRGC gave explosives training to Houthi fighters.")
    assert predicates(doc, "Islamic Revolutionary Guard Corps", "Houthis") == {"trains"}


def test_a_recipient_the_parser_hung_on_the_gift(extract):
    """"gave Hezbollah 700 million dollars": the parser may make the recipient a modifier of what is given."""
    doc = extract("Iran gave Hezbollah 700 million dollars in 2018.")
    assert "funds" in predicates(doc, "Iran", "Hezbollah")


def test_a_part_of_a_resource_given_with_a_giving_verb(extract):
    """"provides Y with much of its funding": the subject gives ("its" is the recipient's)."""
    doc = extract("Qatar provides Hamas with much of its funding.")
    assert predicates(doc, "Qatar", "Hamas") == {"funds"}
    assert not find(doc, "Hamas", "funds")
    doc = extract("The Houthis fire drones at ships. Iran has supplied the group with many of the drones.")
    assert "arms" in predicates(doc, "Iran", "Houthis")
