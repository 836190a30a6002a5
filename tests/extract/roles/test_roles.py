"""Relations read from role nouns (titles, appositions, copulas, "as" phrases, possessed units)
and descriptions that stand for persons named elsewhere, on sentences written for these tests."""
from __future__ import annotations

from claim_lookup import _named, listing, claim, between, find as find_claims


def test_head_of_in_apposition_leads(extract):
    doc = extract("The head of the Quds Force, Gen. Qassem Soleimani, visited Baghdad.")
    c = claim(doc, "Qassem Soleimani", "leads", "Quds Force")
    assert c.kind == "relation" and c.rule == "role:appos-head"


def test_branch_of_in_apposition_is_part_of(extract):
    doc = extract("The Quds Force, the elite branch of the IRGC, trains Kata'ib Hizballah.")
    claim(doc, "Quds Force", "part_of", "Islamic Revolutionary Guard Corps")
    claim(doc, "Quds Force", "trains", "Kata'ib Hizballah")


def test_supreme_leader_title_leads_the_state(extract):
    doc = extract("Supreme Leader Ayatollah Ali Khamenei praised the Houthis. Iran has backed the group for years.")
    assert claim(doc, "Ali Khamenei", "leads", "Iran").rule == "title:supreme leader"


def test_possessive_prime_minister_leads_that_state(extract):
    doc = extract("Lebanon's Prime Minister Rafik Hariri met Hassan Nasrallah.")
    claim(doc, "Rafik Hariri", "leads", "Lebanon")
    claim(doc, "Rafik Hariri", "CONSULT", "Hassan Nasrallah")


def test_agency_director_title_leads_the_agency(extract):
    doc = extract("FBI Director Robert Mueller announced the arrest.")
    assert between(doc, "Robert Mueller", "Federal Bureau of Investigation") == {"leads"}


def test_loyal_confidant_by_copula_is_allied_with(extract):
    doc = extract("Gen. Qassem Soleimani commands the Quds Force. The general is a loyal confidant of Khamenei.")
    claim(doc, "Qassem Soleimani", "leads", "Quds Force")
    claim(doc, "Qassem Soleimani", "allied_with", "Ali Khamenei")


def test_described_as_a_member_is_reported_member_of(extract):
    doc = extract("Hadi al-Amiri visited Tehran in May. Iraqi officials described him as a member of the "
                  "Badr Organization.")
    c = claim(doc, "Hadi al-Amiri", "member_of", "Badr Organization")
    assert c.modality == "reported"
    assert c.attributed_to == next(e.id for e in doc.entities if e.name == "Iraq")


def test_views_as_an_ally_is_allied_with(extract):
    doc = extract("Iran views Syria as a crucial ally.")
    assert claim(doc, "Syria", "allied_with", "Iran").modality == "asserted"


def test_possessed_militia_is_part_of_its_owner(extract):
    doc = extract("The IRGC and its Basij militia crushed the protests.")
    assert claim(doc, "Basij", "part_of", "Islamic Revolutionary Guard Corps").rule == "role:possessive"


def test_arrested_diplomat_named_later_is_the_arrested_person(extract):
    doc = extract("Belgian police arrested an Iranian diplomat in Antwerp on Sunday. Prosecutors named the "
                  "arrested diplomat as Assadollah Assadi.")
    c = claim(doc, "Belgian police", "COERCE", "Assadollah Assadi")
    assert c.attrs["location"] == next(e.id for e in doc.entities if e.name == "Antwerp")
    assert not [x for x in doc.claims if x.predicate == "COERCE" and _named(doc, x.object, "Iran")], listing(doc)


def test_charged_suspects_identified_later_are_accused(extract):
    doc = extract("The Justice Department announced charges against two Iranians on Tuesday. Prosecutors "
                  "identified one suspect as Manssor Arbabsiar. They named the second suspect as Gholam Shakuri.")
    claim(doc, "Justice Department", "ACCUSE", "Manssor Arbabsiar")
    claim(doc, "Justice Department", "ACCUSE", "Gholam Shakuri")
    assert not [x for x in doc.claims if x.predicate == "ACCUSE" and _named(doc, x.object, "Iran")], listing(doc)


def test_a_press_secretary_is_a_member_not_the_head(extract):
    doc = extract("Pentagon Press Secretary John F. Kirby spoke to reporters on Friday.")
    assert claim(doc, "John F. Kirby", "member_of", "U.S. Department of Defense")
    assert not find_claims(doc, "John F. Kirby", "leads")


def test_a_party_s_named_unit_is_its_own_actor_and_part_of_the_party(extract):
    doc = extract("Prosecutors said Hizballah's Islamic Jihad Organization had recruited the two men in Beirut.")
    assert claim(doc, "Islamic Jihad Organization", "part_of", "Hezbollah")


def test_a_cabinet_title_with_a_state_before_it_is_membership_of_the_state(extract):
    doc = extract("U.S. Secretary of State Antony Blinken and British Defence Secretary John Healey met in Rome.")
    assert claim(doc, "Antony Blinken", "member_of", "United States")
    assert claim(doc, "John Healey", "member_of", "United Kingdom")


def test_an_office_without_its_holder_still_acts_for_its_department(extract):
    doc = extract("The Secretary of State designated Kata'ib Hizballah as a Foreign Terrorist Organization.")
    assert claim(doc, "U.S. Department of State", "SANCTION", "Kata'ib Hizballah")


def test_a_person_who_is_a_financier_of_a_group_funds_it(extract):
    doc = extract("Karim Nasr, a Beirut-based financier of Hamas, was designated on Friday.")
    claim(doc, "Karim Nasr", "funds", "Hamas")
    assert not find_claims(doc, "Karim Nasr", "member_of", "Hamas")
