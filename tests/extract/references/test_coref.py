"""Reference resolution over the real spaCy pipeline and the entity stage."""
from __future__ import annotations


import pytest

from claimgraph.extract.references import coref
from claimgraph.extract.references.coref import Reference, apply, resolve_references
from claimgraph.model import ACTOR_TYPES


def names(found, words: str, n: int = 0) -> tuple[str, ...] | None:
    hit = found.get((words, n))
    return hit[0] if hit else None


# personal pronouns

def test_he_is_the_person_who_was_the_subject_before(refs):
    found = refs("Hassan Nasrallah addressed supporters in Beirut on Friday. He warned Israel against any new strike.")
    assert found[("He", 0)] == (("Hassan Nasrallah",), "coref:pronoun")


def test_subject_is_preferred_over_object(refs):
    found = refs("Nouri al-Maliki praised Hadi al-Amiri at a rally in Basra. He called for calm.")
    assert names(found, "He") == ("Nouri al-Maliki",)


def test_gender_given_by_a_title_is_respected(refs):
    assert names(refs("Mrs. Maryam Rajavi spoke in Paris. She later left."), "She") == ("Maryam Rajavi",)
    assert ("He", 0) not in refs("Mrs. Maryam Rajavi spoke in Paris. He later left.")


def test_it_is_the_organization_that_acted_before(refs):
    found = refs("Kataib Hezbollah fired rockets at a base in Anbar. It later denied any role.")
    assert found[("It", 0)] == (("Kata'ib Hizballah",), "coref:pronoun")


def test_possessive_its_is_the_country_that_acted(refs):
    found = refs("Iran denied the report. Its foreign ministry called the accusations baseless.")
    assert found[("Its", 0)] == (("Iran",), "coref:possessive")


def test_possessive_prefers_the_nearest_clause(refs):
    found = refs("A US court ruled that Iran was liable because its support for Hezbollah made the bombing possible.")
    assert names(found, "its") == ("Iran",)


def test_his_within_the_sentence(refs):
    assert names(refs("Qais al-Khazali addressed his supporters in Baghdad."), "his") == ("Qais al-Khazali",)


def test_they_is_a_plural_named_group(refs):
    found = refs("The Houthis seized a cargo ship in the Red Sea. They said the ship was linked to Israel.")
    assert names(found, "They") == ("Houthis",)


def test_they_is_a_coordinated_pair_of_actors(index):
    ix = index("Manssor Arbabsiar and Gholam Shakuri discussed the plot in Mexico. They agreed on a price.")
    [ref] = [r for r in resolve_references(ix) if ix.doc[r.start].text == "They"]
    assert {ix.entities[e].name for e in ref.entity_ids} == {"Manssor Arbabsiar", "Gholam Shakuri"}
    assert len(ref.others) == 1


def test_they_falls_back_to_an_organization(refs):
    assert names(refs("Hezbollah denied the report on Sunday. They said the claims were false."), "They") == ("Hezbollah",)


def test_reflexive_is_bound_in_its_clause(refs):
    assert names(refs("Hezbollah praised itself for the attack."), "itself") == ("Hezbollah",)


# what stays unresolved

def test_no_compatible_antecedent(refs):
    assert refs("The convoy reached Baghdad at noon. He left the next day.") == {}


@pytest.mark.parametrize("text", [
    "Ali met Hassan. He left.",
    "Ali and Hassan met in Baghdad. He left the next day.",
])
def test_two_equally_good_persons(refs, text):
    assert ("He", 0) not in refs(text)


@pytest.mark.parametrize("second", [
    "It is possible that more attacks will follow.",
    "It is unclear whether anyone was hurt.",
    "It was reported that two soldiers were hurt.",
    "It seems that the base was empty.",
    "It was raining heavily.",
    "It remains to be seen whether the attack will be repeated.",
])
def test_pleonastic_it(refs, second):
    found = refs("Kataib Hezbollah fired rockets at a base in Anbar. " + second)
    assert ("It", 0) not in found


def test_referential_it_in_the_same_frame_is_resolved(refs):
    # the control for the pleonastic cases: same first sentence, an "it" that acts
    assert ("It", 0) in refs("Kataib Hezbollah fired rockets at a base in Anbar. It denied any role.")


def test_it_as_a_statement_is_not_an_actor(refs):
    found = refs("The Iranian regime funds the Houthis in Yemen. The regime denies it.")
    assert ("it", 0) not in found
    assert names(found, "The regime") == ("Iran",)


def test_they_for_unnamed_officials(refs):
    assert refs("Officials said they would review the security arrangements at the embassy.") == {}
    # an actor nearby does not make "they" its own: the officials stand between
    found = refs("Hezbollah fired rockets at the border. Officials said they would review the security arrangements.")
    assert ("they", 0) not in found


def test_they_after_a_plural_noun_that_is_no_actor(refs):
    assert ("they", 0) not in refs("Hezbollah's leaders said they would retaliate.")


def test_not_more_than_two_sentences_back(refs):
    near = refs("Hassan Nasrallah spoke in Beirut. The crowd cheered. He promised victory.")
    far = refs("Hassan Nasrallah spoke in Beirut. The crowd cheered. The weather was cold. "
               "Security was tight. He promised victory.")
    assert names(near, "He") == ("Hassan Nasrallah",)
    assert ("He", 0) not in far


@pytest.mark.parametrize("text", [
    "Hassan Nasrallah told reporters: “The enemy will pay. He cannot hide.”",
    "“Hassan Nasrallah is a liar,” the statement said. He did not respond.",
])
def test_quotation_and_narrative_do_not_mix(refs, text):
    assert ("He", 0) not in refs(text)


def test_object_pronoun_is_not_its_own_subject(refs):
    assert refs("Hassan Nasrallah praised him.") == {}


def test_object_it_with_a_thing_at_hand(refs):
    found = refs("The Houthis fired a missile at Riyadh. Saudi Arabia said its air defences intercepted it.")
    assert names(found, "its") == ("Saudi Arabia",)
    assert ("it", 0) not in found  # the missile, not an actor


# relative pronouns

def test_who_is_the_person_the_clause_is_about(refs):
    found = refs("Qassem Soleimani, who led the Quds Force, was killed in 2020.")
    assert found[("who", 0)] == (("Qassem Soleimani",), "coref:relative")


def test_whom_is_the_person_before_it(refs):
    found = refs("Prosecutors named Gholam Shakuri, whom they described as a member of the Quds Force.")
    assert names(found, "whom") == ("Gholam Shakuri",)


def test_which_after_a_collective(refs):
    found = refs("The Popular Mobilization Forces include dozens of militias, which operate under the Iraqi state.")
    assert names(found, "which") == ("militias",)


def test_which_after_a_noun_that_is_no_actor(refs):
    assert ("which", 0) not in refs("Hezbollah runs a network of charities, which fund schools across Lebanon.")


# definite descriptions

@pytest.mark.parametrize("text, description, name", [
    ("Hezbollah has fought in Syria since 2012. The group also trains fighters in Yemen.", "The group", "Hezbollah"),
    ("Gen. Esmail Qaani visited Baghdad in January. The general met the leaders of several armed factions.",
     "The general", "Esmail Qaani"),
    ("Mohammad Javad Zarif, a veteran diplomat, travelled to Oman. The diplomat carried a message for Washington.",
     "The diplomat", "Javad Zarif"),
    ("Saudi Arabia hosted the talks in Jeddah. The kingdom has mediated between the parties before.",
     "The kingdom", "Saudi Arabia"),
    ("The Iranian regime funds the Houthis in Yemen. The regime denies any role.", "The regime", "Iran"),
])
def test_description_is_the_nearest_compatible_actor(refs, text, description, name):
    assert refs(text)[(description, 0)] == ((name,), "coref:description")


def test_description_object_is_not_the_clause_subject(refs):
    found = refs("Kataib Hezbollah fired rockets at the base. The Quds Force supplies the group with rockets.")
    assert names(found, "the group") == ("Kata'ib Hizballah",)


@pytest.mark.parametrize("text", [
    "Iraq and Syria signed a deal. The country will supply oil.",  # two countries
    # the nearest militia is an object, the other one the subject
    "The Badr Organization trained Kataib Hezbollah in 2007. The group has claimed many attacks.",
    "Hezbollah has fought in Syria since 2012. The company also trains fighters in Yemen.",  # no company
    "Ali Khamenei received Hassan Nasrallah in Tehran. The general spoke first.",  # nobody called general
    "Iran armed the Houthis. Iraq protested. The regime denies any role.",  # no state called a regime
])
def test_description_without_a_clear_referent(refs, text):
    assert not any(rule == "coref:description" for _, rule in refs(text).values())


def test_description_table_is_data():
    table = coref.rules().descriptions
    assert {"group", "general", "diplomat", "regime", "country", "kingdom", "airline"} <= set(table)
    for noun, types in table.items():
        assert types and set(types) <= set(ACTOR_TYPES), noun


# the former / the latter

def test_former_and_latter(refs):
    found = refs("Saudi Arabia and Qatar restored relations in 2021. "
                 "The latter had been under a blockade, while the former led the boycott.")
    assert found[("The latter", 0)] == (("Qatar",), "coref:former-latter")
    assert names(found, "the former") == ("Saudi Arabia",)


def test_former_as_an_adjective_is_no_reference(refs):
    found = refs("Iran and Iraq signed a deal. The former president of Iran, Hassan Rouhani, spoke in Tehran.")
    assert not any(rule == "coref:former-latter" for _, rule in found.values())


# apply: references become mentions the index answers for

def test_apply_adds_mentions_and_indexes_them(index):
    text = "Hassan Nasrallah addressed supporters in Beirut. He warned Israel."
    ix = index(text)
    [ref] = apply(ix)
    assert isinstance(ref, Reference)
    he = ix.doc[ref.start]
    assert he.text == "He" and ix.entity_of(he).name == "Hassan Nasrallah"
    mention = next(m for m in ix.entities[ref.entity_id].mentions if m.rule == "coref:pronoun")
    assert text[mention.start:mention.end] == "He"


def test_apply_makes_a_plural_reference_a_mention_of_each_actor(index):
    ix = index("Manssor Arbabsiar and Gholam Shakuri discussed the plot in Mexico. They agreed on a price.")
    apply(ix)
    holders = {e.name for e in ix.entities.values() if any(m.text == "They" for m in e.mentions)}
    assert holders == {"Manssor Arbabsiar", "Gholam Shakuri"}


def test_a_description_of_something_named_before_is_not_an_actor(extract):
    doc = extract("OFAC sanctioned a network of front companies that moved oil for Hizballah. "
                  "A Yemeni financier oversees the network.")
    assert not any(m.rule.startswith("coref") and m.text == "the network" for e in doc.entities for m in e.mentions)


def test_who_hung_on_a_group_is_the_person_of_the_apposition(extract):
    doc = extract("Abu Mahdi al-Muhandis, the deputy head of the PMF, who was killed in a U.S. drone strike, "
                  "founded Kata'ib Hizballah.")
    who = [e.name for e in doc.entities for m in e.mentions if m.text == "who" and m.rule == "coref:relative"]
    assert who == ["Abu Mahdi al-Muhandis"]
