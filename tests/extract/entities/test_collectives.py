"""Generic collectives and states named by their leader, on sentences written for these tests."""
from __future__ import annotations

from claimgraph.model import Document


def groups(doc: Document) -> dict[str, object]:
    return {e.name: e for e in doc.entities if e.type == "group"}


def claim_subjects(doc: Document, predicate: str) -> set[str]:
    return {c.subject for c in doc.claims if c.predicate == predicate}


def test_a_collective_keeps_its_qualifier(extract):
    cases = {
        "A smuggling network moved rifles across the border last spring.": "smuggling network",
        "Four co-defendants pleaded guilty on Tuesday.": "Four co-defendants",
        "The claimants sued the bank in a district court.": "claimants",
        "A coalition of militias shelled the town at dawn.": "coalition of militias",
    }
    for text, name in cases.items():
        found = groups(extract(text))
        assert name in found, (text, list(found))


def test_a_collective_is_the_actor_of_its_clause(extract):
    doc = extract("Iranian-trained units attacked the outpost near the river.")
    units = groups(doc)["Iranian-trained units"]
    assert units.id in claim_subjects(doc, "ASSAULT")
    assert not any(e.type == "country" and e.id in claim_subjects(doc, "ASSAULT") for e in doc.entities)

    doc = extract("Syrian intelligence officers detained a reporter at the airport.")
    officers = groups(doc)["Syrian intelligence officers"]
    assert officers.country == "SYR"
    assert claim_subjects(doc, "COERCE") == {officers.id}


def test_members_of_a_named_organization_and_announced_lists_are_no_collective(extract):
    assert not groups(extract("Hezbollah fighters crossed the border overnight."))
    assert not groups(extract("Two militias, Kataib Hezbollah and Asaib Ahl al-Haq, attacked the camp."))
    # a bare head that needs a qualifier is a reference, not a collective
    assert not groups(extract("The network moved the money through three banks."))


def test_one_class_and_qualifier_is_one_actor_in_every_document(extract):
    iraqi = [extract(t) for t in ("Iraqi militias fired rockets at the airbase on Sunday.",
                                  "The prime minister said Iraqi Shiite militia groups would disarm.")]
    ids = {e.id for d in iraqi for e in d.entities if e.type == "group"}
    assert len(ids) == 1
    backed = [extract(t) for t in ("Iran-backed militias fired drones at the base.",
                                   "Officials blamed Iran-backed militia groups for the ambush.")]
    backed_ids = {e.id for d in backed for e in d.entities if e.type == "group"}
    assert len(backed_ids) == 1 and backed_ids != ids


def test_a_collective_with_no_qualifier_belongs_to_its_document(extract):
    one = extract("The militias withdrew from the city after the talks.")
    two = extract("The militias returned to the city after the election.")
    [a] = [e for e in one.entities if e.type == "group"]
    [b] = [e for e in two.entities if e.type == "group"]
    assert a.id != b.id


def test_an_unqualified_mention_joins_the_qualified_collective_of_its_document(extract):
    doc = extract("Iraqi militias shelled the base. Later the militias withdrew to the north.")
    [group] = [e for e in doc.entities if e.type == "group"]
    assert [m.text for m in group.mentions if m.rule.startswith("collective")] == ["Iraqi militias", "militias"]


def test_a_leader_regime_is_the_state(extract):
    doc = extract("The Assad regime shelled the suburbs of the capital.")
    syria = next(e for e in doc.entities if e.kb_id == "syr")
    assert "Assad regime" in [m.text for m in syria.mentions]
    assert not any(e.type == "person" for e in doc.entities)
    doc = extract("The Trump administration sanctioned the Central Bank of Iran in 2019.")
    usa = next(e for e in doc.entities if e.kb_id == "usa")
    assert usa.id in claim_subjects(doc, "SANCTION")


def test_a_surname_no_leader_bears_is_no_state(extract):
    doc = extract("The Hendricks government, a company in Ohio, signed the contract.")
    assert not any(e.type == "country" for e in doc.entities)


def test_descriptions_are_no_aliases(extract):
    doc = extract("Kataib Hezbollah is an Iran-backed militia. Tehran denied that it armed the group.")
    kh = next(e for e in doc.entities if e.kb_id == "kataib-hizballah")
    iran = next(e for e in doc.entities if e.kb_id == "irn")
    assert "Iran-backed militia" in [m.text for m in kh.mentions]
    assert "Iran-backed militia" not in kh.aliases and "Iran-backed militia" not in iran.aliases
    assert "Tehran" in [m.text for m in iran.mentions]  # a capital that acts is its state


def test_a_dateline_after_a_headline_is_no_alias_of_the_state(extract):
    doc = extract("Ministry rejects the report\n\nTEHRAN, Iran - The ministry rejected the report on Monday.")
    iran = next(e for e in doc.entities if e.kb_id == "irn")
    # where the state's government speaks from: a mention of the state the document names, no name of it
    assert "TEHRAN" not in iran.aliases
    assert not [e for e in doc.entities if e.type == "location"]


def test_named_members_of_one_country_say_where_a_collective_is_from(extract):
    doc = extract("Iran-backed militia groups in Syria fired rockets at the base. The strikes hit a depot used "
                  "by Iran-backed militant groups including Kataib Hezbollah and Asaib Ahl al-Haq.")
    [group] = [e for e in doc.entities if e.type == "group"]
    assert group.country == "IRQ"
    assert len([m for m in group.mentions if m.rule.startswith("collective")]) == 2


def test_a_place_alone_does_not_join_a_collective_from_elsewhere(extract):
    doc = extract("Iraqi militias shelled the airport. Militant groups in Syria and Lebanon cheered the attack.")
    found = groups(doc)
    assert found["Iraqi militias"].country == "IRQ"
    assert found["Militant groups"].id != found["Iraqi militias"].id


def test_a_person_in_a_such_as_list_gives_the_collective_no_country(extract):
    doc = extract("The order lets the State Department designate leaders of terrorist groups, such as "
                  "Qais al-Khazali, directly.")
    assert all(e.country is None for e in doc.entities if e.type == "group")


def test_units_an_organization_owns_are_that_organization(extract):
    assert not groups(extract("The IRGC's elite units guarded the facility near Isfahan."))
    assert "Elite units" in groups(extract("Elite units guarded the facility near the border."))


def test_many_counted_or_partly_listed_groups_are_a_collective(extract):
    doc = extract("Tehran sponsors a coalition of more than 30 militia groups in the south.")
    assert any(e.type == "group" for e in doc.entities)
    doc = extract("The Quds Force founded several militant groups, including Kataib Hezbollah and Asaib Ahl al-Haq.")
    [group] = [e for e in doc.entities if e.type == "group"]
    assert group.country == "IRQ"


def test_a_description_in_apposition_is_no_announced_list(extract):
    """"Plaintiffs, survivors of the attack in Beirut, sued X": the apposition describes them (a place or
    an actor inside it is no list of names the collective announces)."""
    doc = extract("Plaintiffs, survivors of the 1983 attack on the barracks in Beirut, sued Iran and Syria.")
    assert "Plaintiffs" in groups(doc)
    assert {c.object for c in doc.claims if c.predicate == "ACCUSE"} >= {"ent-irn", "ent-syr"}
