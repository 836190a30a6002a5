"""Role nouns that state a tie between two organizations or states (roles.yaml `organizations:`):
proxy, patron, sponsor, front, wing, client, in appositions, copulas, "as" phrases and before a name."""
from __future__ import annotations

from claim_lookup import between, claim, find


def test_proxy_in_apposition_is_controlled_by_its_patron(extract):
    doc = extract("Kata'ib Hizballah, Iran's proxy in Iraq, fired rockets at the airport.")
    assert claim(doc, "Iran", "controls", "Kata'ib Hizballah").rule == "role:appos-proxy"
    assert not find(doc, "Kata'ib Hizballah", "controls", "Iran")


def test_proxy_group_by_copula(extract):
    doc = extract("Hizballah is the oldest proxy group of the Iranian regime.")
    claim(doc, "Iran", "controls", "Hizballah")


def test_patron_before_a_name_supports_the_possessor(extract):
    doc = extract("The Houthis' patron Iran denied any role in the shipment.")
    assert claim(doc, "Iran", "supports", "Houthis").rule == "role:title-patron"


def test_front_for_makes_the_other_the_controller(extract):
    doc = extract("The Martyrs Foundation, a front for Hizballah, moved money to Lebanon.")
    claim(doc, "Hizballah", "controls", "Martyrs Foundation")
    assert not find(doc, "Martyrs Foundation", "part_of", "Hizballah")


def test_used_as_a_proxy_names_the_user(extract):
    doc = extract("For decades Iran has used Hizballah as a proxy.")
    claim(doc, "Iran", "controls", "Hizballah")


def test_possessed_proxy_is_not_a_unit_of_its_owner(extract):
    doc = extract("The IRGC sent its proxy Kata'ib Hizballah money.")
    claim(doc, "Islamic Revolutionary Guard Corps", "controls", "Kata'ib Hizballah")
    assert "part_of" not in between(doc, "Kata'ib Hizballah", "Islamic Revolutionary Guard Corps")


def test_sponsor_in_apposition_supports(extract):
    doc = extract("Syria, a longtime sponsor of Hamas, closed the office.")
    claim(doc, "Syria", "supports", "Hamas")


def test_client_of_is_supported_by_the_other(extract):
    doc = extract("Western officials describe the Houthis as a client of Iran.")
    claim(doc, "Iran", "supports", "Houthis")


def test_military_wing_before_the_name_is_part_of(extract):
    doc = extract("Rockets were fired by the Hamas military wing Izz ad-Din al-Qassam Brigades.")
    claim(doc, "Izz ad-Din al-Qassam Brigades", "part_of", "Hamas")


def test_a_quoted_apposition_is_the_speakers(extract):
    doc = extract('Netanyahu said: "Hezbollah, the proxy of Iran, will pay a price." '
                  "Kata'ib Hizballah, another proxy of Iran, stayed silent.")
    quoted = claim(doc, "Iran", "controls", "Hezbollah")
    assert quoted.modality == "reported" and quoted.attributed_to == next(
        e.id for e in doc.entities if e.name == "Benjamin Netanyahu")
    assert claim(doc, "Iran", "controls", "Kata'ib Hizballah").modality == "asserted"


def test_a_plural_role_is_every_named_actors(extract):
    doc = extract("Kata'ib Hizballah and Asa'ib Ahl al-Haq are Iran's proxies in Iraq.")
    claim(doc, "Iran", "controls", "Kata'ib Hizballah")
    claim(doc, "Iran", "controls", "Asa'ib Ahl al-Haq")
    doc = extract("Qais al-Khazali and Akram al-Kaabi are members of Asa'ib Ahl al-Haq.")
    claim(doc, "Qais al-Khazali", "member_of", "Asa'ib Ahl al-Haq")


def test_registered_or_set_up_as_a_role(extract):
    doc = extract("Kata'ib Hizballah is registered as a unit of the Popular Mobilization Forces.")
    claim(doc, "Kata'ib Hizballah", "part_of", "Popular Mobilization Forces")
    doc = extract("The Martyrs Foundation was set up as a front for Hizballah.")
    claim(doc, "Hizballah", "controls", "Martyrs Foundation")
