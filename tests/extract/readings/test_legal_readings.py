"""Court and investigative texts: liability held in a coordination, suits whose "against" the
parser hung on an adjunct, the use of chemical weapons as an attack."""
from __future__ import annotations

from claim_lookup import claim, find


def test_jointly_and_severally_liable_is_a_verdict(extract):
    doc = extract("The Justice Department holds Libya and Syria jointly and severally liable for the hijacking.")
    claim(doc, "Justice Department", "ACCUSE", "Libya")
    claim(doc, "Justice Department", "ACCUSE", "Syria")
    assert not find(doc, "Justice Department", "ASSAULT")


def test_against_hung_on_the_adjunct_of_a_suit(extract):
    doc = extract("The plaintiffs brought suit under the federal statute against Libya.")
    claim(doc, "plaintiffs", "ACCUSE", "Libya")
    doc = extract("The plaintiffs filed a complaint in federal court against Syria.")
    claim(doc, "plaintiffs", "ACCUSE", "Syria")


def test_a_state_by_its_formal_style(extract):
    doc = extract("The plaintiffs brought this action against the Republic of Chad.")
    claim(doc, "plaintiffs", "ACCUSE", "Chad")


def test_using_chemical_weapons_is_an_attack(extract):
    doc = extract("Inspectors said that the Syrian army used chlorine against the town of Saraqib.")
    attack = claim(doc, "Syrian Arab Army", "ASSAULT", None)
    assert attack.modality == "reported"
    doc = extract("The inquiry concluded that the Islamic State was responsible for the use of mustard gas near Mosul.")
    claim(doc, "Islamic State", "ASSAULT", None)
    doc = extract("The commission found that the release of sarin by Syrian Air Force helicopters killed 30 people.")
    claim(doc, "Syrian Air Force", "ASSAULT", None)


def test_using_other_things_is_no_attack(extract):
    doc = extract("Iran used front companies to buy engines. The Syrian army used the airport for supplies.")
    assert not [c for c in doc.claims if c.predicate == "ASSAULT"]


def test_a_long_list_against_whom_a_suit_is_brought(extract):
    doc = extract("The plaintiffs bring these claims under the terrorism provision of the Anti-Terrorism Act against "
                  "the Republic of Chad, the Syrian Arab Republic and the Libyan Ministry of the Interior (LMI).")
    for accused in ("Chad", "Syria", "Libyan Ministry of the Interior"):
        claim(doc, "plaintiffs", "ACCUSE", accused)


def test_liable_parsed_as_an_adverbial_clause_of_holding(extract):
    doc = extract("The Court therefore holds Libya, Syria and Sudan jointly and severally liable and will award "
                  "damages to the plaintiffs in amounts to be set later.")
    for accused in ("Libya", "Syria", "Sudan"):
        claim(doc, "Court", "ACCUSE", accused)
    assert not [c for c in doc.claims if c.predicate == "ASSAULT"]


def test_a_court_opinions_own_liability_holding(extract):
    doc = extract("The Court held a hearing in May. Libya and its intelligence service are liable to the "
                  "plaintiffs under the statute.")
    claim(doc, "Court", "ACCUSE", "Libya")
    doc = extract("Libya is liable for the bombing, the lawyers argued.")
    assert not [c for c in doc.claims if c.predicate == "ACCUSE"]


def test_a_list_of_defendants_hung_on_the_action(extract):
    """"brought this action against A, its Ministry of X, B and C": the parser hangs the rest of the
    list on "action" as an apposition; every defendant is accused, and the plaintiffs' own
    description ("victims of the bombings") charges nobody with the bombings."""
    doc = extract("Plaintiffs, survivors of the 1983 bombings, brought this action against the Syrian Arab "
                  "Republic, its Ministry of Defense, the Islamic Republic of Iran and Hezbollah.")
    for defendant in ("Syria", "Ministry of Defense", "Iran", "Hezbollah"):
        claim(doc, "Plaintiffs", "ACCUSE", defendant)
    assert not [c for c in doc.claims if c.predicate == "ASSAULT"], [(c.subject, c.rule) for c in doc.claims]
