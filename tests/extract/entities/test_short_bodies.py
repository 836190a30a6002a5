"""A body named in full and then by one word of its name ("the Commission of Inquiry ... the
Commission") is one entity; a word two bodies share names neither."""
from __future__ import annotations


def _orgs(doc):
    return sorted(e.name for e in doc.entities if e.type == "organization")


def test_one_word_of_a_longer_name_after_the_is_that_body(extract):
    doc = extract("The findings confirmed reports by the Commission of Inquiry on Syria, which documented "
                  "attacks. The Commission has called on the Government to cooperate.")
    assert len([n for n in _orgs(doc) if "Commission" in n]) == 1


def test_a_word_two_named_bodies_share_is_left_alone(extract):
    doc = extract("Reporters met the Electoral Commission of Ghana and the Human Rights Commission of Kenya. "
                  "Later the Commission spoke.")
    holders = [e for e in doc.entities if any(m.text == "Commission" for m in e.mentions)]
    assert len(holders) != 1 or holders[0].name == "Commission"
