"""Readings of the shapes of news and government texts, on sentences written for these tests:
an event told with its source after it, a group's own account of its attack, explicit passive
agents, denials, threats, transfers of money and weapons."""
from __future__ import annotations

from claim_lookup import claim, eid, find


# an event with its source after it: "X struck ..., the army said"

def test_a_states_jets_are_the_state(extract):
    doc = extract("Israeli jets struck a Hezbollah weapons depot near Baalbek on Wednesday, the army said.")
    c = claim(doc, "Israel", "ASSAULT", "Hezbollah")
    assert (c.modality, c.attributed_to) == ("reported", "army")


def test_helicopters_too(extract):
    doc = extract("American helicopters attacked Houthi positions, the Pentagon said.")
    assert claim(doc, "United States", "ASSAULT", "Houthis").modality == "reported"


# a group's own account of its attack on a ship (a ship is no actor: no object)

def test_said_it_had_attacked_a_ship_is_its_attack_on_its_word(extract):
    doc = extract("The Houthis said they had attacked the MV Sea Star in the Red Sea.")
    c = claim(doc, "Houthis", "ASSAULT", None)
    assert (c.modality, c.attributed_to) == ("reported", eid(doc, "Houthis"))
    assert c.attrs["location"] == eid(doc, "Red Sea")
    assert not find(doc, "Houthis", "ACCUSE") and not find(doc, "Houthis", "operates_in")


# an explicit passive agent beats an implicit one

def test_by_phrase_hung_on_the_as_phrase(extract):
    doc = extract("The Treasury Department today sanctioned two Hezbollah financiers. Kata'ib Hizballah "
                  "was designated as a Foreign Terrorist Organization by the Department of State in 2009.")
    c = claim(doc, "U.S. Department of State", "SANCTION", "Kata'ib Hizballah")
    assert "implicit" not in c.rule
    assert not find(doc, "U.S. Department of the Treasury", "SANCTION", "Kata'ib Hizballah")


def test_by_phrase_hung_on_a_noun_of_the_complements(extract):
    doc = extract("The Treasury Department today sanctioned two Hezbollah financiers. Kata'ib Hizballah was "
                  "designated for its attacks on coalition forces by the State Department.")
    claim(doc, "U.S. Department of State", "SANCTION", "Kata'ib Hizballah")
    assert not find(doc, "U.S. Department of the Treasury", "SANCTION", "Kata'ib Hizballah")
    # an event noun's own "by" phrase names its actor, not the designator's
    doc = extract("The Treasury Department today sanctioned two Hezbollah financiers. Kamal Haddad was "
                  "designated for attacks by Hezbollah on Israeli civilians.")
    assert not find(doc, "Hezbollah", "SANCTION")
    doc = extract("The attack by Hezbollah on Israeli troops was condemned.")
    assert not find(doc, "Hezbollah", "ACCUSE")


# denials (REJECT: reject, refuse, deny)

def test_denying_a_role_is_a_rejection(extract):
    doc = extract("Britain blames Hezbollah for bus bombing; Hezbollah denies role")
    c = claim(doc, "Hezbollah", "REJECT", None)
    assert c.modality == "asserted"
    assert not any(x.predicate == "ACCUSE" and x.modality == "negated" for x in doc.claims)


def test_denying_a_role_in_an_attack_negates_the_attack_on_the_deniers_word(extract):
    doc = extract("Hamas denies role in attack on Israeli embassy")
    c = claim(doc, "Hamas", "ASSAULT", "Israel")
    assert (c.modality, c.attributed_to) == ("negated", eid(doc, "Hamas"))
    claim(doc, "Hamas", "REJECT", None)


def test_rejecting_an_accusation_rejects_the_accuser(extract):
    doc = extract("Iran rejected the Saudi accusations.")
    claim(doc, "Iran", "REJECT", "Saudi Arabia")
    # denying a deed negates the deed, and is the denier's REJECT of no one
    doc = extract("Iran denied arming the Houthis.")
    assert claim(doc, "Iran", "arms", "Houthis").modality == "negated"
    assert [c.object for c in find(doc, "Iran", "REJECT")] == [None]


def test_denying_what_a_clause_says_is_a_rejection(extract):
    doc = extract("In its court filings, Eritrea denied that it had ever armed al-Shabaab.")
    assert claim(doc, "Eritrea", "arms", "al-Shabaab").modality == "negated"
    c = claim(doc, "Eritrea", "REJECT", None)
    assert (c.modality, c.rule) == ("asserted", "denial:deny-clause")
    doc = extract("Qatar's foreign ministry said Qatar denies that it funds Hamas.")
    assert claim(doc, "Qatar", "REJECT", None).modality == "reported"


# threats

def test_threatening_to_attack_threatens_the_target(extract):
    doc = extract("Hezbollah threatened to attack Israel if the strikes continued.")
    claim(doc, "Hezbollah", "THREATEN", "Israel")
    assert not find(doc, "Hezbollah", "ASSAULT", "Israel")  # the deed threatened did not happen
    doc = extract("Iran warned that it would attack Israel if Israel struck Iranian nuclear sites.")
    claim(doc, "Iran", "THREATEN", "Israel")
    # warning that another would strike is not one's own threat
    doc = extract("Israeli officials warned that Hezbollah would attack American troops.")
    assert not find(doc, "Israel", "THREATEN", "United States")
    assert not find(doc, "Hezbollah", "THREATEN")  # a forecast, not Hezbollah's word
    assert not find(doc, "Hezbollah", "ASSAULT")


# money, weapons, training: to actors, never to places

def test_a_transfer_of_money_funds_with_its_sum(extract):
    doc = extract("Kamal Haddad facilitated the transfer of $5 million to Hamas in 2019.")
    c = claim(doc, "Kamal Haddad", "funds", "Hamas")
    assert c.attrs["quantity"] == {"amount": 5_000_000, "unit": "USD", "per": None}


def test_a_transfer_of_millions_of_dollars(extract):
    doc = extract("Kamal Haddad facilitated the transfer of millions of dollars to Hezbollah.")
    c = claim(doc, "Kamal Haddad", "funds", "Hezbollah")
    assert c.attrs["quantity"]["amount"] == 2_000_000 and c.attrs["quantity"]["qualifier"] == "at least"


def test_a_transfer_of_rockets_arms(extract):
    doc = extract("The Quds Force oversaw the transfer of rockets to the Houthis.")
    claim(doc, "Quds Force", "arms", "Houthis")
    assert not find(doc, "Quds Force", "funds", "Houthis")


def test_the_place_of_the_activities_funded_is_no_recipient(extract):
    doc = extract("The IRGC funds Lebanese activities and Syrian operations.")
    assert not [c for c in doc.claims if c.predicate == "funds"]
    # an actor whose activities they are still receives, the place does not
    doc = extract("Iran funds Hezbollah's activities in Lebanon.")
    claim(doc, "Iran", "funds", "Hezbollah")
    assert not find(doc, "Iran", "funds", "Lebanon")


def test_talks_between_two_sides_is_their_consultation(extract):
    doc = extract("Egypt hosted talks between Hamas and Fatah in Cairo.")
    claim(doc, "Hamas", "CONSULT", "Fatah")
    assert not find(doc, "Egypt", "CONSULT", "Hamas")


def test_a_coordination_the_parser_hung_inside_a_name(extract):
    """"Hezbollah and Kata'ib Hezbollah" may be parsed as "[Hezbollah and Kata'ib] Hezbollah": both act."""
    doc = extract("Hezbollah and Kata'ib Hezbollah attacked Israel.")
    claim(doc, "Hezbollah", "ASSAULT", "Israel")
    claim(doc, "Kata'ib Hizballah", "ASSAULT", "Israel")


def test_a_denial_rejects_the_accuser_the_text_told(extract):
    doc = extract("Kenya accused Eritrea of arming al-Shabaab. Eritrea denied that it had sent the group weapons.")
    claim(doc, "Eritrea", "REJECT", "Kenya")
    assert not find(doc, "Eritrea", "REJECT", None)


def test_parallel_targets_of_a_designation(extract):
    """"designating A for ..., and B for acting ...": B is designated too and does the acting, though
    the parser hangs B on the first clause's object."""
    doc = extract("OFAC is designating Caspian Cargo Air for providing material support to the IRGC-QF, and "
                  "Georgia-based Tbilisi Travel LLC for acting on behalf of Mahan Air.")
    claim(doc, "Office of Foreign Assets Control", "SANCTION", "Tbilisi Travel LLC")
    claim(doc, "Tbilisi Travel LLC", "supports", "Mahan Air")
    claim(doc, "Tbilisi Travel LLC", "operates_in", "Georgia")
    assert not find(doc, "Caspian Cargo Air", "supports", "Tbilisi Travel LLC"), listing(doc)
    assert not find(doc, "Caspian Cargo Air", "supports", "Mahan Air"), listing(doc)
    assert not find(doc, "Quds Force", "operates_in"), listing(doc)


def test_parallel_subjects_each_with_its_by_gerund(extract):
    """"A, by harboring X, and B, by training Y, each ...": each gerund is its own member's deed
    (the parser may hang B on X, or give both gerunds to both)."""
    doc = extract("The Court finds that Syria, by harboring Hamas, and Iran, by training Hamas operatives "
                  "through Hezbollah, each provided material support.")
    claim(doc, "Syria", "supports", "Hamas")
    claim(doc, "Iran", "trains", "Hamas")
    assert not find(doc, "Syria", "supports", "Iran") and not find(doc, "Syria", "trains"), listing(doc)
    doc = extract("Qatar, by funding Hamas, and Turkey, by hosting its leaders, sustained the group.")
    claim(doc, "Qatar", "funds", "Hamas")
    assert not find(doc, "Turkey", "funds"), listing(doc)
