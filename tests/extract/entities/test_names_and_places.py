"""Names that are no actors, one person under several names, and places that stand for states:
sentences written for these tests."""
from __future__ import annotations


def names(doc) -> list[str]:
    return [e.name for e in doc.entities]


def named(doc, name):
    hits = [e for e in doc.entities if e.name == name]
    assert hits, f"no entity named {name!r}; got {names(doc)}"
    return hits[0]


def texts(entity) -> list[str]:
    return [m.text for m in entity.mentions if not m.rule.startswith("coref")]


def test_messaging_apps_and_software_are_not_actors(extract):
    doc = extract("The men spoke over Signal, WhatsApp and Telegram and used Tor to hide.")
    assert not {"Signal", "WhatsApp", "Telegram", "Tor"} & set(names(doc))


def test_a_title_alone_is_not_an_actor(extract):
    doc = extract("He plotted to kill a former National Security Advisor.")
    assert "National Security Advisor" not in names(doc)


def test_a_judicial_district_is_one_name_and_a_court_seat_no_actor(extract):
    doc = extract("He was indicted by a grand jury in the Southern District of Texas and arrested in Beirut.")
    assert not {"Southern District", "Texas", "Southern District of Texas"} & set(names(doc))
    doc = extract("The men lied, said U.S. Attorney John Doe for the Eastern District of New York.")
    office = named(doc, "Eastern District of New York")
    assert office.type == "organization"
    assert not {"Eastern District", "New York"} & set(names(doc))


def test_a_district_of_another_country_is_no_us_attorney(extract):
    doc = extract("Rockets fired from Lebanon hit farms in the Northern District of Israel on Sunday.")
    assert all(e.country != "USA" for e in doc.entities if "District" in e.name)


def test_a_footnote_mark_after_a_name_is_no_age(extract):
    doc = extract("Payments went through Cedar Crest Trading, \u00b2, of Beirut, to Hezbollah.")  # a PDF footnote mark
    assert doc.failure is None


def test_the_end_of_a_full_name_is_that_person(extract):
    doc = extract("OFAC also designated Abdallah Safi al-Din, the group's envoy to Iran. "
                  "Safi al-Din has lived in Tehran for years.")
    person = named(doc, "Abdallah Safi al-Din")
    assert texts(person) == ["Abdallah Safi al-Din", "Safi al-Din"]
    assert "Safi al-Din" not in names(doc)


def test_a_name_with_an_age_is_a_person_and_its_surname_joins_it(extract):
    doc = extract("The Justice Department today unsealed a criminal complaint charging Farhad Poursalehi, 45, "
                  "of Tabriz, a member of the IRGC. Poursalehi remains at large.")
    person = named(doc, "Farhad Poursalehi")
    assert person.type == "person"
    assert texts(person) == ["Farhad Poursalehi", "Poursalehi"]


def test_the_other_name_of_a_surname_joins_the_full_name(extract):
    doc = extract("The complaint charges Bahram Khosravi, 52, of Shiraz, with plotting a murder. "
                  "Khosravi, also known as Reza Karimi, remains at large.")
    person = named(doc, "Bahram Khosravi")
    assert "Reza Karimi" in texts(person)
    assert [e.name for e in doc.entities if e.type == "person"] == ["Bahram Khosravi"]


def test_a_capital_dealt_with_in_a_coordination_is_its_state(extract):
    doc = extract("He serves as a channel between the group and Tehran on money matters.")
    iran = named(doc, "Iran")
    assert texts(iran) == ["Tehran"]
    assert "Tehran" not in names(doc)
    doc = extract("He lives in Tehran and Beirut.")
    assert {"Tehran", "Beirut"} <= set(names(doc))


def test_a_dateline_is_a_mention_of_the_state_the_document_names(extract):
    doc = extract("WASHINGTON – The Treasury sanctioned five men who moved money to the United States.")
    usa = named(doc, "United States")
    assert texts(usa) == ["WASHINGTON", "United States"]
    assert "WASHINGTON" not in usa.aliases
    assert not [e for e in doc.entities if e.type == "location"]
    doc = extract("WASHINGTON – The Treasury sanctioned five men.")
    assert [e.type for e in doc.entities if e.name.startswith("Washington")] == ["location"]


def test_an_acronym_defined_in_quotes_joins_its_name(extract):
    doc = extract('The suit names the Ministry of Rural Affairs ("MRA") as a defendant. MRA did not appear.')
    ministry = named(doc, "Ministry of Rural Affairs")
    assert texts(ministry) == ["Ministry of Rural Affairs", "MRA", "MRA"]


def test_a_name_defined_by_an_acronym_the_kb_knows_is_that_actor(extract):
    doc = extract('The suit names the Iranian Security Organization ("MOIS") as a defendant. MOIS did not appear.')
    mois = [e for e in doc.entities if e.kb_id == "iran-mois"]
    assert len(mois) == 1 and texts(mois[0]) == ["Iranian Security Organization", "MOIS", "MOIS"]
    assert len([e for e in doc.entities if e.type == "organization"]) == 1


def test_a_numbered_building_is_no_place_of_its_own(extract):
    doc = extract("A truck bomb exploded outside Building 131 of the Khobar Towers housing complex.")
    assert names(doc) == ["Khobar Towers"]


def test_the_bare_noun_of_a_named_organization_refers_back_to_it(extract):
    doc = extract("Yemen's Houthi rebels claimed the attack and warned that the rebels' attacks would grow.")
    assert "rebels" in texts(named(doc, "Houthis"))
    assert not [e for e in doc.entities if e.type == "group"]
    doc = extract("Houthi rebels and Hamas militants attacked. The rebels and the militants fled.")
    assert "militants" in texts(named(doc, "Hamas"))


def test_a_bare_noun_two_organizations_share_stays_a_collective(extract):
    doc = extract("Hamas militants and Hezbollah militants attacked. The militants fled.")
    assert [e.name for e in doc.entities if e.type == "group"] == ["militants"]


def test_parties_the_document_names_are_no_group_of_their_own(extract):
    doc = extract("The defendants are the Republic of Sudan, the Ministry of the Interior of Sudan and Hezbollah. "
                  "The defendants did not appear.")
    assert not [e for e in doc.entities if e.type == "group"]
    doc = extract("The defendants are members of Hezbollah and Hamas. The defendants fled.")
    assert [e.name for e in doc.entities if e.type == "group"] == ["defendants"]


def test_companies_and_bases_of_the_region_are_known(extract):
    doc = extract("Drones hit Saudi Aramco plants after a rocket attack on the K-1 base near Kirkuk; Aramco cut output.")
    assert texts(named(doc, "Saudi Aramco")) == ["Saudi Aramco", "Aramco"]
    assert named(doc, "K-1 Air Base").type == "location"


def test_a_collective_that_describes_two_named_actors_is_neither_nor_a_group(extract):
    doc = extract("The Alpha Brigade and the Beta Brigade are Iran-backed, Syria-based militias whose fighters are "
                  "recruited by the IRGC.")
    assert not [e for e in doc.entities if e.type == "group"]


def test_given_names_the_ner_left_out_belong_to_the_name(extract):
    doc = extract("The Pentagon identified the dead on Monday as Sergeant William Jerome Rivers, 46, "
                  "and Specialist Breonna Moffett, 23.")
    assert "William Jerome Rivers" in names(doc)
    assert "Sergeant William Jerome Rivers" not in names(doc)


def test_a_state_the_ner_took_for_a_person_is_the_state(extract):
    doc = extract("A drone struck a base in Jordan. Jordan condemned what it called a terrorist attack.")
    assert [e.name for e in doc.entities if e.name == "Jordan" or e.type == "person"] == ["Jordan"]
    assert named(doc, "Jordan").type == "country"


def test_defendants_a_suit_names_are_no_group_of_their_own(extract):
    doc = extract("They bring these actions against the Republic of Sudan, the Islamic Republic of Iran and MOIS. "
                  "The defendants did not appear.")
    assert not [e for e in doc.entities if e.type == "group"]
    doc = extract("The defendants did not appear in the case against Hamas.")
    assert [e.name for e in doc.entities if e.type == "group"] == ["defendants"]


def test_a_capital_an_actor_depends_on_is_its_state(extract):
    doc = extract("The group, which is far more dependent on Tehran, keeps an office in Beirut.")
    assert texts(named(doc, "Iran")) == ["Tehran"]
    assert "Beirut" in names(doc)


def test_a_headlines_collective_noun_alone_is_no_name(extract):
    doc = extract("Iran and Iraq's Militias\n\nIran has cultivated a network of armed Shia groups in Iraq since the 1980s.")
    assert "Militias" not in names(doc)


def test_a_department_named_as_its_divisions_owner_is_its_own_mention(extract):
    doc = extract("Assistant Attorney General Jane Roe of the Justice Department's National Security Division spoke.")
    assert {"Justice Department", "National Security Division"} <= set(names(doc))


def test_a_designation_with_a_collective_noun_is_no_group(extract):
    doc = extract("The State Department designated the Houthis as a Specially Designated Global Terrorist group in January.")
    assert not [e for e in doc.entities if e.type == "group"]


def test_a_states_civilian_contractors_are_a_collective_unless_named(extract):
    doc = extract("Rebels fired rockets at the base. The attack killed a U.S. civilian contractor.")
    assert named(doc, "U.S. civilian contractor").type == "group"
    doc = extract("The rockets killed Omar Haddad, an American civilian contractor.")
    assert not [e for e in doc.entities if e.type == "group"]
    assert "American civilian contractor" in texts(named(doc, "Omar Haddad"))
    doc = extract("The company hired a defense contractor.")
    assert not [e for e in doc.entities if e.type == "group"]


def test_one_word_after_a_preposition_of_place_is_a_place(extract):
    """spaCy may call a town it does not know a person; after "near" or "in" it is a place."""
    doc = extract("Militants ambushed a convoy near Tessalit on Friday.")
    assert named(doc, "Tessalit").type == "location"
    doc = extract("Jihadists shelled the camp outside Menaka at dawn.")
    assert named(doc, "Menaka").type == "location"


def test_a_person_after_a_preposition_stays_a_person(extract):
    doc = extract("Rahimi met Karimov in Dushanbe. The talks with Karimov lasted an hour.")
    assert named(doc, "Karimov").type == "person"
