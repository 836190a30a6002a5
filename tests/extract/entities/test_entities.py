"""The entity stage on sentences written for these tests."""
from __future__ import annotations

from claimgraph.model import Document


def by_name(doc: Document, name: str):
    hits = [e for e in doc.entities if e.name == name]
    assert hits, f"no entity named {name!r}; got {[e.name for e in doc.entities]}"
    return hits[0]


def texts(entity) -> list[str]:
    """The named mentions (the claim stage adds resolved pronouns as mentions too)."""
    return [m.text for m in entity.mentions if not m.rule.startswith("coref")]


def test_mentions_are_exact_code_point_slices(extract):
    text = "🚨 Breaking — “Asa’ib Ahl al-Haq” fighters met Iraqi officials in Baghdad. Ça va: Hezbollah agreed."
    doc = extract(text)
    assert doc.entities
    for e in doc.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


def test_knowledge_base_names_win_over_spacy_labels(extract):
    doc = extract("Soleimani arrived in Damascus on Tuesday. Soleimani then met Syrian officers.")
    soleimani = by_name(doc, "Qassem Soleimani")
    assert soleimani.type == "person"
    assert texts(soleimani) == ["Soleimani", "Soleimani"]


def test_spellings_and_apostrophe_styles_are_one_actor(extract):
    doc = extract("Asa'ib Ahl al-Haq fired rockets. Later, Asa’ib Ahl Al-Haq denied it, and "
                  "ASAIB AHL AL HAQ leaders, also called the League of the Righteous, stayed silent.")
    aah = [e for e in doc.entities if e.kb_id and "ahl" in e.name.lower()]
    assert len(aah) == 1
    assert len(aah[0].mentions) == 4


def test_longest_match_wins(extract):
    doc = extract("The IRGC-Quds Force trains the militia, while the IRGC guards the border.")
    qf = by_name(doc, "Quds Force")
    assert texts(qf) == ["IRGC-Quds Force"]
    irgc = [e for e in doc.entities if e.kb_id and e.name.startswith("Islamic Revolutionary Guard")]
    assert len(irgc) == 1 and texts(irgc[0]) == ["IRGC"]


def test_acronyms_match_only_in_capitals(extract):
    doc = extract("It is what it is, said the minister. IS fighters withdrew from the town.")
    isis = [e for e in doc.entities if e.kb_id and "Islamic State" in e.name]
    assert len(isis) == 1 and texts(isis[0]) == ["IS"]


def test_demonyms_and_regime_forms_name_the_state(extract):
    doc = extract("The Iranian regime armed the group. Iraqi leaders objected, and Tehran's envoy left.")
    iran = by_name(doc, "Iran")
    assert iran.type == "country" and iran.country == "IRN"
    assert "Iranian regime" in texts(iran)
    assert by_name(doc, "Iraq").mentions[0].text == "Iraqi"


def test_capital_acting_is_the_state_and_capital_as_place_is_the_city(extract):
    doc = extract("Tehran denied the report. The envoy later flew to Tehran.")
    iran = by_name(doc, "Iran")
    assert texts(iran) == ["Tehran"]
    tehran = by_name(doc, "Tehran")
    assert tehran.type == "location" and texts(tehran) == ["Tehran"]


def test_acronym_defined_in_parentheses_links_later_uses(extract):
    doc = extract("The Northern Relief Directorate (NRD) opened an office in Mosul. "
                  "Two weeks later NRD staff were detained.")
    nrd = [e for e in doc.entities if "Northern Relief Directorate" in e.name]
    assert len(nrd) == 1
    assert texts(nrd[0]) == ["Northern Relief Directorate", "NRD", "NRD"]


def test_surname_and_title_forms_link_to_the_full_name(extract):
    doc = extract("Colonel Farid Rostamzadeh commanded the unit. Rostamzadeh later resigned, "
                  "and Mr. Rostamzadeh left the country.")
    person = [e for e in doc.entities if e.type == "person"]
    assert len(person) == 1
    assert person[0].name == "Farid Rostamzadeh"
    assert texts(person[0]) == ["Farid Rostamzadeh", "Rostamzadeh", "Rostamzadeh"]


def test_also_known_as_gives_one_person(extract):
    doc = extract("Prosecutors charged Mehdi Karimabadi, also known as Abu Zaynab, with the plot.")
    person = [e for e in doc.entities if e.type == "person"]
    assert len(person) == 1
    assert {"Mehdi Karimabadi", "Abu Zaynab"} <= set(texts(person[0]))


def test_generic_collectives_are_groups(extract):
    doc = extract("The Iraqi Shiite militias attacked the base. The militias then withdrew. "
                  "Meanwhile protesters gathered in Basra.")
    groups = [e for e in doc.entities if e.type == "group"]
    assert sorted(g.name for g in groups) == ["Iraqi Shiite militias", "protesters"]
    militias = by_name(doc, "Iraqi Shiite militias")
    assert militias.country == "IRQ" and len(militias.mentions) == 2


def test_groups_of_two_countries_stay_apart(extract):
    doc = extract("German police stopped the car near Munich. Belgian police arrested a couple in Antwerp.")
    groups = sorted(e.name for e in doc.entities if e.type == "group")
    assert groups == ["Belgian police", "German police"]


def test_a_sponsor_is_not_a_qualifier(extract):
    doc = extract("Iran-backed militias fired drones at the airport.")
    militias = [e for e in doc.entities if e.type == "group"]
    assert len(militias) == 1 and militias[0].country is None
    assert by_name(doc, "Iran").mentions[0].text == "Iran"


def test_unknown_actors_get_ids_that_are_stable_across_runs(extract):
    text = "The Sabereen Media Network praised the attack, according to Kamal Hadiabadi."
    first, second = extract(text), extract(text)
    ids = sorted(e.id for e in first.entities)
    assert ids == sorted(e.id for e in second.entities)
    assert any(e.name == "Kamal Hadiabadi" and e.type == "person" and e.kb_id is None for e in first.entities)


def test_dates_and_amounts_are_not_actors(extract):
    doc = extract("On March 11, 2020, the group received $2 million from its sponsor.")
    assert not [e for e in doc.entities if any(ch.isdigit() for ch in e.name)]


def test_initials_and_name_ends_link_to_the_full_name(extract):
    doc = extract("Prosecutors named Kaveh Bahrami and Laleh Moradi. Kaveh B. and Laleh M. were held. "
                  "Hussein Aziz al-Lami led the unit; al-Lami later denied it.")
    people = {e.name: texts(e) for e in doc.entities if e.type == "person"}
    assert people["Kaveh Bahrami"] == ["Kaveh Bahrami", "Kaveh B."]
    assert people["Laleh Moradi"] == ["Laleh Moradi", "Laleh M."]
    assert people["Hussein Aziz al-Lami"] == ["Hussein Aziz al-Lami", "al-Lami"]


def test_a_name_ending_in_a_common_word_used_as_a_modifier_is_the_state(extract):
    doc = extract("Rockets hit an Israeli military base. The Israeli military said it would respond.")
    assert texts(by_name(doc, "Israel")) == ["Israeli"]
    idf = [e for e in doc.entities if e.kb_id and "Defense Forces" in e.name]
    assert len(idf) == 1 and texts(idf[0]) == ["Israeli military"]


def test_designations_roles_and_headings_are_not_actors(extract):
    doc = extract("Statement From Pentagon Press Secretary on U.S. Strikes\n\n"
                  "The strikes hit depots. In 2019 the State Department designated the group a "
                  "Foreign Terrorist Organization (FTO). The Court found for Plaintiffs.")
    names = {e.name for e in doc.entities}
    assert not names & {"Pentagon Press", "U.S. Strikes", "Foreign Terrorist Organization", "FTO", "Plaintiffs"}
    # "the Court" is no name the NER found but the court's name for itself (entities/courts.py)
    assert [m.rule for e in doc.entities if e.name == "Court" for m in e.mentions] == ["court:self"]
    assert "U.S. Department of State" in names


def test_the_last_word_of_a_name_fixes_its_type(extract):
    doc = extract("He was arrested at Mehrabad International Airport and taken to Evin Prison.")
    for e in doc.entities:
        if e.name.endswith(("Airport", "Prison")):
            assert e.type == "location", e


def test_a_failing_stage_marks_the_document_and_the_run_goes_on(extractor):
    from claimgraph.extract import pipeline
    from claimgraph.model import Document

    def broken(document, ex):
        if "Hezbollah" in document.text:
            raise ValueError("boom")

    pipeline.STAGES["broken"] = broken
    try:
        ex = pipeline.Extractor(stages=("entities", "broken"))
        a, b = ex([Document(text="Hezbollah fired rockets."), Document(text="Iran armed the Houthis.")])
    finally:
        del pipeline.STAGES["broken"]
    assert a.failure == "broken stage failed: ValueError: boom" and a.entities == []
    assert b.failure is None and {e.name for e in b.entities} >= {"Iran", "Houthis"}


def test_names_with_apostrophes_link_their_short_forms(extract):
    doc = extract("Sa'id al-Jamal, a Yemen-based financier, oversees the network. Al-Jamal sends funds to the Houthis.")
    person = [e for e in doc.entities if e.type == "person"]
    assert len(person) == 1 and texts(person[0]) == ["Sa'id al-Jamal", "Al-Jamal"]
    assert not any(c.predicate == "member_of" for c in doc.claims)  # "Yemen-based" is a place, not a membership


def test_office_titles_are_not_actors(extract):
    doc = extract("Under Secretary of the Treasury for Terrorism and Financial Intelligence Brian Nelson spoke.")
    assert "Terrorism" not in {e.name for e in doc.entities}


def test_a_middle_part_of_a_full_name_is_that_person_where_the_ner_missed_it(extract):
    doc = extract("Prosecutors charged Hamid Reza Tavakoli Asl, 41, with export violations. "
                  "Austrian police arrested Tavakoli in Vienna at the request of the United States.")
    [person] = [e for e in doc.entities if e.name == "Hamid Reza Tavakoli Asl"]
    assert sum(m.text == "Tavakoli" for m in person.mentions) == 1
