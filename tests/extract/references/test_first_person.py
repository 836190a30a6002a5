"""First person: the speaker of a quotation or statement, or the body that issues a release."""
from __future__ import annotations

import pytest

from claim_lookup import claim, find


def who(found, words: str, n: int = 0):
    hit = found.get((words, n))
    return hit[0] if hit and hit[1] == "coref:first-person" else None


def test_press_release_we_is_the_issuing_agency(refs):
    text = ("The Department of the Treasury today designated two financiers of Kata'ib Hizballah. "
            "We will continue to target the group's financial networks.")
    assert who(refs(text, genre="press_release"), "We") == ("U.S. Department of the Treasury",)


def test_press_release_we_makes_the_agency_the_subject(claims_of):
    doc = claims_of("The Department of the Treasury today designated two financiers of Kata'ib Hizballah. "
                    "We will continue to target Kata'ib Hizballah and its financial networks.",
                    genre="press_release")
    # a civil authority's "target" is a sanction (extract/readings/authority.py)
    hits = [c for c in find(doc, "U.S. Department of the Treasury", "SANCTION", "Kata'ib Hizballah")
            if c.attrs["trigger"] == "target"]
    assert hits and hits[0].modality == "asserted"  # the issuer's own voice


def test_the_document_source_names_the_issuer(refs):
    text = "Hezbollah fired rockets at Israel on Monday. We condemn this attack on our citizens."
    found = refs(text, genre="press_release", source="Israel")
    assert who(found, "We") == ("Israel",) and who(found, "our") == ("Israel",)


def test_quotation_of_a_spokesman_is_his_organization(refs, claims_of):
    text = "\u201cWe attacked the Israeli convoy near the border,\u201d said a spokesman for Kata'ib Hizballah."
    assert who(refs(text), "We") == ("Kata'ib Hizballah",)
    c = claim(claims_of(text), "Kata'ib Hizballah", "ASSAULT", "Israel")
    assert c.modality == "reported"


def test_named_spokesman_speaks_for_his_group(refs):
    found = refs('Hezbollah spokesman Mohammad Afif said: "We fired rockets at the base."')
    assert who(found, "We") == ("Hezbollah",)


def test_quoted_person_is_we_and_i(refs):
    found = refs("\u201cWe will make them pay,\u201d Hassan Nasrallah said. \u201cI promise it.\u201d")
    assert who(found, "We") == ("Hassan Nasrallah",)
    assert who(found, "I") == ("Hassan Nasrallah",)


def test_speaker_given_by_a_pronoun_after_the_quotation(refs):
    found = refs("Hassan Nasrallah spoke in Beirut on Friday. \u201cOur fighters are ready,\u201d he said.")
    assert who(found, "Our") == ("Hassan Nasrallah",)


def test_participle_of_speech_takes_its_clause_subject(refs):
    found = refs('Ismail Haniyeh praised the fighters, saying, "We will never surrender."')
    assert who(found, "We") == ("Ismail Haniyeh",)


def test_unquoted_statement_with_its_source_after_it(refs):
    found = refs("We will not allow Iran to arm the Houthis, Antony Blinken said on Tuesday.", genre="news")
    assert who(found, "We") == ("Antony Blinken",)


def test_third_person_in_the_statement_is_not_the_speaker(refs):
    text = ("The Department of the Treasury today designated Kata'ib Hizballah. "
            "We will continue to target its financiers.")
    found = refs(text, genre="press_release")
    assert found[("its", 0)][0] == ("Kata'ib Hizballah",)


# what stays unresolved: each case beside the same frame with what it lacks

@pytest.mark.parametrize("unresolved, resolved, genre", [
    # a news writer's "we" is nobody's; the same lead in a release is the agency's
    ("The Department of the Treasury today designated Hezbollah. We will act.", None, "news"),
    ("Hezbollah fired rockets at the base. \u201cWe will respond.\u201d",
     "Hezbollah fired rockets at the base. \u201cWe will respond,\u201d Hassan Nasrallah said.", "unknown"),
    ("\u201cI saw the rockets,\u201d said a spokesman for Hezbollah.",  # an unnamed spokesman's "I"
     "\u201cWe saw the rockets,\u201d said a spokesman for Hezbollah.", "unknown"),
    ("\u201cI will respond,\u201d Hezbollah said in a statement.",  # "I" is a person, never a group
     "\u201cWe will respond,\u201d Hezbollah said in a statement.", "unknown"),
    ("Antony Blinken said that we must act.",  # indirect speech: the writer's "we"
     "We must act, Antony Blinken said.", "news"),
])
def test_first_person_without_a_speaker(refs, unresolved, resolved, genre):
    assert not any(rule == "coref:first-person" for _, rule in refs(unresolved, genre=genre).values())
    control = refs(resolved or unresolved, genre=genre if resolved else "press_release")
    assert any(rule == "coref:first-person" for _, rule in control.values())


def test_a_new_paragraph_does_not_carry_the_speaker(refs):
    found = refs("\u201cWe fired the rockets,\u201d Hassan Nasrallah said.\n\n\u201cWe will win.\u201d")
    assert who(found, "We") == ("Hassan Nasrallah",)
    assert who(found, "We", 1) is None
