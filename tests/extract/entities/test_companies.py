"""A company's name is the capitalised words joined to its legal form ("S.A.", "LLC", "Co."),
whatever spaCy tagged in it: sentences written for these tests."""
from __future__ import annotations

from claim_lookup import claim


def named(doc, name):
    hits = [e for e in doc.entities if e.name == name]
    assert hits, f"no entity named {name!r}; got {[e.name for e in doc.entities]}"
    return hits[0]


def test_a_legal_form_ends_a_company_name(extract):
    doc = extract("Holcim Ltd. and its Egyptian subsidiary, Holcim Cement Egypt S.A. (HCE), paid the Islamic State.")
    sub = named(doc, "Holcim Cement Egypt S.A.")
    assert (sub.type, sub.subtype) == ("organization", "company")
    assert "HCE" in [m.text for m in sub.mentions]
    assert sub.id != named(doc, "Holcim Ltd.").id
    assert "Egypt" not in [m.text for e in doc.entities for m in e.mentions]  # a word of the name, not the state
    claim(doc, "Holcim Cement Egypt S.A.", "funds", "Islamic State")


def test_a_legal_form_before_the_name_and_forms_inside(extract):
    doc = extract("OFAC designated LLC Sahara Gold and Tanger Logistics Co., Ltd. on Monday.")
    assert named(doc, "LLC Sahara Gold").type == "organization"
    assert named(doc, "Tanger Logistics Co., Ltd.").type == "organization"
    claim(doc, "Office of Foreign Assets Control", "SANCTION", "LLC Sahara Gold")


def test_of_inside_and_nothing_before_the_sentence_start(extract):
    doc = extract("Today Bank of Tripoli S.A.L. wired money to Hezbollah.")
    assert named(doc, "Bank of Tripoli S.A.L.").type == "organization"
    assert not [e for e in doc.entities if e.name.startswith("Today")]


def test_treasury_alone_is_the_us_treasury(extract):
    doc = extract("Treasury sanctioned Tanger Logistics Co. on Tuesday.")
    claim(doc, "U.S. Department of the Treasury", "SANCTION", "Tanger Logistics Co.")


def test_capitalised_words_ending_in_an_organization_word(extract):
    """"the March 23 Movement": spaCy reads "March 23" as a date; its last word says it is a body."""
    doc = extract("The March 23 Movement (M23), an armed group, seized Goma. Rwanda arms the M23.")
    m23 = named(doc, "March 23 Movement")
    assert m23.type == "organization" and "M23" in [m.text for m in m23.mentions]
    claim(doc, "Rwanda", "arms", "March 23 Movement")
    doc = extract("Israel struck the Popular Resistance Committees in Gaza.")
    claim(doc, "Israel", "ASSAULT", "Popular Resistance Committees")


def test_an_organization_word_alone_is_no_name(extract):
    doc = extract("Movement across the border slowed. The Front line held.")
    assert not [e for e in doc.entities if e.type == "organization"], [e.name for e in doc.entities]


def test_a_companys_first_word_alone_is_the_company(extract):
    doc = extract("Tanger Minerals SARLU, a mining firm, holds permits. Tanger is owned by Wagner.")
    firm = named(doc, "Tanger Minerals SARLU")
    assert "Tanger" in [m.text for m in firm.mentions]
    claim(doc, "Wagner", "controls", "Tanger Minerals SARLU")
    # two companies of one first word: the one named by that word and its form alone
    doc = extract("Holcim Ltd. owns Holcim Cement Egypt S.A. Holcim paid the Islamic State.")
    claim(doc, "Holcim Ltd.", "funds", "Islamic State")
