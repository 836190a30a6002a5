"""Lexicon breadth for the 13 relation predicates: the verbs, nouns, multi-word expressions,
predicative words, role nouns and hyphen words added to relations.yaml and roles.yaml from a
WordNet review each make their claim (subject, predicate, object, modality), and the words'
other senses do not."""
from __future__ import annotations

import pytest

from claim_lookup import claim, listing

# sentence, subject, predicate, object (all stated as fact: modality asserted)
MAKES = [
    # part_of, subordinate_to
    ("Kataib Hezbollah is integrated into the Popular Mobilization Forces.", "Kata'ib Hizballah", "part_of",
     "Popular Mobilization Forces"),
    ("The Quds Force is subordinated to the IRGC.", "Quds Force", "subordinate_to", "Islamic Revolutionary Guard Corps"),
    ("Mohammed Kawtharani reports to Hezbollah's leadership.", "Mohammad Kawtharani", "subordinate_to", "Hezbollah"),
    ("Boko Haram declared allegiance to the Islamic State.", "Boko Haram", "subordinate_to", "Islamic State"),
    ("Boko Haram vowed allegiance to the Islamic State.", "Boko Haram", "subordinate_to", "Islamic State"),
    ("Kataib Hezbollah's obedience to the IRGC is total.", "Kata'ib Hizballah", "subordinate_to",
     "Islamic Revolutionary Guard Corps"),
    # leads
    ("Ismail Haniyeh helmed Hamas.", "Ismail Haniyeh", "leads", "Hamas"),
    ("Hassan Nasrallah's stewardship of Hezbollah lasted three decades.", "Hassan Nasrallah", "leads", "Hezbollah"),
    ("Khamenei's rule over Iran tightened.", "Ali Khamenei", "leads", "Iran"),
    # member_of
    ("Ali Nasser enrolled in Hezbollah.", "Ali Nasser", "member_of", "Hezbollah"),
    ("Ali Nasser signed up with Hezbollah.", "Ali Nasser", "member_of", "Hezbollah"),
    ("Ali Nasser fought for Hezbollah.", "Ali Nasser", "member_of", "Hezbollah"),
    ("Ali Nasser spied for Iran.", "Ali Nasser", "member_of", "Iran"),
    ("Ali Nasser's enlistment in the IRGC was secret.", "Ali Nasser", "member_of", "Islamic Revolutionary Guard Corps"),
    ("Ali Nasser, a Hezbollah recruit, fled.", "Ali Nasser", "member_of", "Hezbollah"),
    ("Harakat al-Nujaba sent fighters to Syria.", "Harakat Hizballah al-Nujaba", "operates_in", "Syria"),
    ("Hezbollah dispatched troops into Syria.", "Hezbollah", "operates_in", "Syria"),
    ("Hezbollah moved to defend the Assad regime.", "Hezbollah", "supports", "Syria"),
    ("OFAC designated Nova Petroleum Trading LLC, a Dutch shipping firm.", "Nova Petroleum Trading LLC", "operates_in",
     "Netherlands"),
    ("The Treasury named Bank Melli, Iran's largest bank.", "Bank Melli Iran", "operates_in", "Iran"),
    ("OFAC designated Nova Petroleum Trading LLC, a Gambia-registered fuel importer.",
     "Nova Petroleum Trading LLC", "operates_in", "Gambia"),
    ("Hezbollah's growing role in Syria worried Israel.", "Hezbollah", "operates_in", "Syria"),
    # controls
    ("Iran manipulates the Houthis.", "Iran", "controls", "Houthis"),
    ("Iran's grip on the Houthis tightened.", "Iran", "controls", "Houthis"),
    ("Iran's domination of the Houthis grew.", "Iran", "controls", "Houthis"),
    # funds
    ("Ali Nasser solicited donations for Hamas.", "Ali Nasser", "funds", "Hamas"),
    ("Ali Nasser sent remittances to Hamas.", "Ali Nasser", "funds", "Hamas"),
    ("Iran granted $5 million to Hamas.", "Iran", "funds", "Hamas"),
    ("Iran allotted $5 million to Hamas.", "Iran", "funds", "Hamas"),
    ("Iran earmarked $5 million for Hamas.", "Iran", "funds", "Hamas"),
    ("Iran pumped money into Hezbollah.", "Iran", "funds", "Hezbollah"),
    ("Iran poured millions into Hezbollah.", "Iran", "funds", "Hezbollah"),
    ("Iran injected cash into Hezbollah.", "Iran", "funds", "Hezbollah"),
    ("Iran's disbursements to Hezbollah grew.", "Iran", "funds", "Hezbollah"),
    ("Iran's payouts to the Houthis grew.", "Iran", "funds", "Houthis"),
    ("Iran is the main financier of Hezbollah.", "Iran", "funds", "Hezbollah"),
    ("Iran, Hezbollah's paymaster, sent cash.", "Iran", "funds", "Hezbollah"),
    ("Iran is Hezbollah's chief financial backer.", "Iran", "funds", "Hezbollah"),
    # arms
    ("Iran outfitted the Houthis with drones.", "Iran", "arms", "Houthis"),
    ("Iran provisioned the Houthis with drones.", "Iran", "arms", "Houthis"),
    ("Iran provided weaponry to the Houthis.", "Iran", "arms", "Houthis"),
    ("Iran supplied grenades to the Houthis.", "Iran", "arms", "Houthis"),
    ("Iran supplied Hezbollah with firearms.", "Iran", "arms", "Hezbollah"),
    ("Iran is the main arms supplier of the Houthis.", "Iran", "arms", "Houthis"),
    # trains
    ("The IRGC schooled the Houthis in drone warfare.", "Islamic Revolutionary Guard Corps", "trains", "Houthis"),
    ("The IRGC coached the Houthis.", "Islamic Revolutionary Guard Corps", "trains", "Houthis"),
    ("Hezbollah mentored the Houthis.", "Hezbollah", "trains", "Houthis"),
    ("The Quds Force groomed Kataib Hezbollah.", "Quds Force", "trains", "Kata'ib Hizballah"),
    ("The IRGC taught Hezbollah fighters to build drones.", "Islamic Revolutionary Guard Corps", "trains", "Hezbollah"),
    # supports
    ("Iran sustained the Houthis.", "Iran", "supports", "Houthis"),
    ("Iran strengthened Hezbollah.", "Iran", "supports", "Hezbollah"),
    ("Iran cultivated Hezbollah.", "Iran", "supports", "Hezbollah"),
    ("Iran fortified the Assad regime.", "Iran", "supports", "Syria"),
    ("Iran-aided militias attacked U.S. forces.", "Iran", "supports", "Iran-aided militias"),
    ("Iran-sheltered militants attacked U.S. forces.", "Iran", "supports", "Iran-sheltered militants"),
    ("Ali Nasser brokered the sale of drones to the Houthis.", "Ali Nasser", "supports", "Houthis"),
    # created
    ("Iran-established militias attacked U.S. forces.", "Iran", "created", "Iran-established militias"),
    # allied_with
    ("Hamas's bond with Iran grew.", "Hamas", "allied_with", "Iran"),
    ("Hamas befriended Iran.", "Hamas", "allied_with", "Iran"),
    ("Hamas courted Iran.", "Hamas", "allied_with", "Iran"),
    ("Hamas wooed Iran.", "Hamas", "allied_with", "Iran"),
    ("Hamas's alignment with Iran deepened.", "Hamas", "allied_with", "Iran"),
    ("Iran-associated militias attacked U.S. forces.", "Iran", "allied_with", "Iran-associated militias"),
    # opposes
    ("Hezbollah waged war against Israel.", "Hezbollah", "opposes", "Israel"),
    ("Hezbollah's feud with Amal grew.", "Hezbollah", "opposes", "Amal Movement"),
    ("Hezbollah feuded with Amal.", "Hezbollah", "opposes", "Amal Movement"),
    ("Hezbollah vied with Amal.", "Hezbollah", "opposes", "Amal Movement"),
    ("Hezbollah's animosity toward Israel grew.", "Hezbollah", "opposes", "Israel"),
    ("Hezbollah antagonized Israel.", "Hezbollah", "opposes", "Israel"),
    ("Hezbollah's dispute with Amal continued.", "Hezbollah", "opposes", "Amal Movement"),
    ("Hezbollah's resistance to Israel continued.", "Hezbollah", "opposes", "Israel"),
    ("Israel, Hezbollah's nemesis, struck.", "Israel", "opposes", "Hezbollah"),
    ("Saudi Arabia, Iran's archrival, protested.", "Saudi Arabia", "opposes", "Iran"),
    ("Qatar sided against Saudi Arabia.", "Qatar", "opposes", "Saudi Arabia"),
    ("Hamas turned against Syria.", "Hamas", "opposes", "Syria"),
    ("Kataib Hezbollah revolted against the Iraqi government.", "Kata'ib Hizballah", "opposes", "Iraq"),
    ("Al-Qaeda declared war on the United States.", "al-Qaeda", "opposes", "United States"),
    ("Hezbollah skirmished with Amal.", "Hezbollah", "opposes", "Amal Movement"),
    ("Hezbollah's skirmishes with Israel continued.", "Hezbollah", "opposes", "Israel"),
    ("Hezbollah's warfare against Israel continued.", "Hezbollah", "opposes", "Israel"),
    ("Hamas antagonised Fatah.", "Hamas", "opposes", "Fatah"),
    # operates_in
    ("Hezbollah spread to Syria.", "Hezbollah", "operates_in", "Syria"),
    # a state whose forces are somewhere else operates there
    ("Russia maintains forces in Libya.", "Russia", "operates_in", "Libya"),
    ("Turkey keeps about 3,000 soldiers in Qatar.", "Turkey", "operates_in", "Qatar"),
    ("Iran has military advisers in Syria.", "Iran", "operates_in", "Syria"),
    ("Hezbollah moved into Syria.", "Hezbollah", "operates_in", "Syria"),
    ("Hezbollah's intervention in Syria grew.", "Hezbollah", "operates_in", "Syria"),
    ("Hezbollah has a stronghold in Syria.", "Hezbollah", "operates_in", "Syria"),
    ("Hezbollah is rooted in Lebanon.", "Hezbollah", "operates_in", "Lebanon"),
    ("Hezbollah is embedded in Syria.", "Hezbollah", "operates_in", "Syria"),
    ("The IRGC's infiltration into Iraq deepened.", "Islamic Revolutionary Guard Corps", "operates_in", "Iraq"),
    ("Hamas's relocation to Qatar surprised Egypt.", "Hamas", "operates_in", "Qatar"),
]

# sentence, predicate it must not state: the added words' other senses and frames
MAKES_NOT = [
    ("Iran moved money into Hezbollah accounts.", "operates_in"),
    ("The IRGC sustained heavy losses in Syria.", "supports"),
    ("Hezbollah fought for control of the town.", "member_of"),
    ("Hezbollah fought Israel.", "member_of"),  # "fight for" only with its preposition
    ("The storm spread to Syria.", "operates_in"),
    ("Ali Nasser signed a deal with Hezbollah.", "member_of"),  # "sign up", not "sign"
    ("Ali Nasser signed up with Hezbollah.", "AGREE"),  # and "sign up" is no agreement
    ("Iran's dominance in the region grew.", "controls"),
    ("Hamas waged a media campaign.", "opposes"),
    ("Hamas turned down the offer from Egypt.", "opposes"),  # "turn down" is REJECT's
    ("Hamas turned to Iran.", "opposes"),
    ("Qatar sided with Turkey.", "opposes"),
    ("Iran fortified its positions in Syria.", "supports"),
    ("The militia groomed its image.", "trains"),
    ("Hezbollah sent letters to Syria.", "operates_in"),  # only troops sent go there
    ("Hezbollah defended itself.", "supports"),
    ("Hezbollah fought Israel.", "operates_in"),  # a place only from its preposition
    ("The Houthis used a Hezbollah company.", "operates_in"),  # a business's owner is no place
    ("Hamas denied any role in the attack on Israel.", "operates_in"),
    ("Iran keeps troops in Tehran.", "operates_in"),  # its own ground
    ("Iran keeps money in Dubai.", "operates_in"),  # not forces
    ("Holcim Ltd. merged with Lafarge S.A. in 2015.", "part_of"),  # "merged into" only
    # "report" and "answer" are subordination with "to" only: an outlet that reported a story, or a
    # spokesman who answered a question, is nobody's subordinate
    ("The Quds Force funds Kata'ib Hezbollah, the Harbor Daily reported.", "subordinate_to"),
    ("The Harbor Daily reported Hezbollah's losses.", "subordinate_to"),
    ("Hezbollah's spokesman answered Hamas.", "subordinate_to"),
]


@pytest.mark.parametrize("text,subject,predicate,obj", MAKES, ids=[m[0][:45] for m in MAKES])
def test_added_relation_word_makes_its_claim(extract, text, subject, predicate, obj):
    c = claim(extract(text), subject, predicate, obj)
    assert c.modality == "asserted"


@pytest.mark.parametrize("text,predicate", MAKES_NOT, ids=[m[0][:45] for m in MAKES_NOT])
def test_other_sense_of_added_word_makes_no_claim(extract, text, predicate):
    doc = extract(text)
    assert not [c for c in doc.claims if c.predicate == predicate], listing(doc)


def test_modality_of_an_added_word_follows_its_cues(extract):
    """The new words carry the sentence's epistemic status like the old ones."""
    doc = extract("Israel accused Iran of bankrolling Hezbollah and of outfitting the Houthis with drones.")
    assert claim(doc, "Iran", "arms", "Houthis").modality == "alleged"
    doc = extract("Iran may have earmarked $5 million for Hamas.")
    assert claim(doc, "Iran", "funds", "Hamas").modality == "speculative"
    doc = extract("Hezbollah did not feud with Amal.")
    assert claim(doc, "Hezbollah", "opposes", "Amal Movement").modality == "negated"
