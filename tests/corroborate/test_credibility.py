import pytest
from corroborate_texts import DENIAL, IRGC, OWN_STORY, REPRINT, THIRD_STORY, WIRE, claim, day, doc, fatalities

from claimgraph.corroborate.contradictions import contradictions
from claimgraph.corroborate.credibility import admiralty, grade
from claimgraph.corroborate.near_duplicates import clusters
from claimgraph.corroborate.sources import load_sources
from claimgraph.corroborate.support import group

SOURCES = load_sources(paths=[])  # the bundled list only, whatever the environment says


def graded(claims, docs):
    by_id = {d.id: d for d in docs}
    [g] = group(claims, by_id, clusters(docs), SOURCES)
    return grade(g, by_id, clusters(docs), contradictions(claims, docs, SOURCES), SOURCES)


def test_grade_rises_as_independent_sources_confirm_and_falls_when_a_negation_contradicts():
    wire = doc(WIRE, "Reuters", "2020-01-08")
    reprint = doc(REPRINT, "Arab News", "2020-01-09")
    post = doc(OWN_STORY, "The Washington Post", "2020-01-08")
    ap = doc(THIRD_STORY, "Associated Press", "2020-01-09")
    denial = doc(DENIAL, "Islamic Republic News Agency", "2020-01-09")  # rated D
    claims, docs = [claim(wire)], [wire]
    assert graded(claims, docs)[0] == 3
    claims, docs = claims + [claim(reprint)], docs + [reprint]
    assert graded(claims, docs)[0] == 3  # a reprint is no confirmation
    claims, docs = claims + [claim(post)], docs + [post]
    assert graded(claims, docs)[0] == 2
    claims, docs = claims + [claim(ap)], docs + [ap]
    score, reason = graded(claims, docs)
    assert score == 1 and reason.startswith("confirmed: 3 independent sources")
    # a less reliable source's negation costs one step; one rated as well as the best, a 5
    assert graded(claims + [claim(denial, modality="negated")], docs + [denial])[0] == 2
    denial.source = "BBC"
    score, reason = graded(claims + [claim(denial, modality="negated")], docs + [denial])
    assert score == 5 and "BBC" in reason


def test_interested_denial_does_not_count():
    wire, post = doc(WIRE, "Reuters"), doc(OWN_STORY, "The Washington Post")
    denial = doc(DENIAL, "BBC")
    claims = [claim(wire), claim(post), claim(denial, modality="negated", attributed_to=IRGC)]
    assert graded(claims, [wire, post, denial])[0] == 2
    assert graded(claims[2:], [denial]) == (6, "truth cannot be judged: only denied by a party to it")


def test_negated_by_most_is_improbable_even_by_unrated_sources():
    a, b, c = doc(WIRE, "Blog One"), doc(OWN_STORY, "Blog Two"), doc(THIRD_STORY, "Blog Three")
    claims = [claim(a), claim(b, modality="negated"), claim(c, modality="negated")]
    assert graded(claims, [a, b, c])[0] == 5
    # one unrated negation against two unrated assertions does not make it improbable
    claims = [claim(a), claim(b), claim(c, modality="negated")]
    assert graded(claims, [a, b, c])[0] == 3


@pytest.mark.parametrize("source, modality, expected", [
    ("Reuters", "asserted", 3),
    ("Some Blog", "asserted", 3),
    ("Reuters", "reported", 3),
    ("Press TV", "reported", 4),
    ("Some Blog", "reported", 4),
    ("Reuters", "alleged", 4),
    ("U.S. Department of Justice", "speculative", 4),
])
def test_one_source(source, modality, expected):
    d = doc(WIRE, source)
    assert graded([claim(d, modality=modality)], [d])[0] == expected


def test_attributed_source_is_rated_by_its_own_name():
    d = doc(WIRE, "Some Blog")
    quoted = claim(d, modality="reported", attributed_to="ent-treasury")
    by_id = {d.id: d}
    names = {"ent-treasury": "U.S. Department of the Treasury"}
    assert grade([quoted], by_id, {}, sources=SOURCES)[0] == 4
    assert grade([quoted], by_id, {}, sources=SOURCES, names=names)[0] == 3


def test_disputed_details_keep_a_confirmed_claim_at_two():
    docs = [doc(WIRE, "Reuters"), doc(OWN_STORY, "BBC"), doc(THIRD_STORY, "Associated Press")]
    claims = [claim(d, quantity=fatalities(n), date=day("2020-01-08")) for d, n in zip(docs, (7, 7, 10))]
    score, reason = graded(claims, docs)
    assert score == 2 and "quantity" in reason


def test_no_evidence_cannot_be_judged():
    c = claim(doc(WIRE))
    c.evidence = []
    assert grade([c], {}, {}, sources=SOURCES)[0] == 6


def test_admiralty_rating():
    assert admiralty("b", 2) == "B2"
    assert admiralty("F", 6) == "F6"
    with pytest.raises(ValueError):
        admiralty("G", 1)
    with pytest.raises(ValueError):
        admiralty("A", 7)
