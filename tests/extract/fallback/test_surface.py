"""The surface fallback: claims read from word order where the small parser misreads a sentence,
and the shapes where it must stay silent.

The first tests take sentences that en_core_web_sm misparses (verbs tagged as nouns in a list or
a headline, a passive list of verbs, "supply X with"): the claim must be in the document, and the
fallback alone must read it (where the parse-based readers come to read it too, theirs is kept); a
headline only the fallback reads shows its rule and lower confidence. The negative tests run the
fallback alone on every sentence, as if the parse had given nothing, so its own checks are tested.
"""
from __future__ import annotations

import copy

import pytest

from claim_lookup import claim, doc_name, find, listing
from claimgraph.extract.claims import MODALITY_WEIGHT, RULE_WEIGHT
from claimgraph.extract.codebook import default_codebook
from claimgraph.extract.fallback.surface import SurfaceReader
from claimgraph.extract.index import EntityIndex
from claimgraph.extract.modality.judge import ModalityJudge
from claimgraph.extract.readings.arguments import Arguments
from claimgraph.extract.readings.reader import Reader
from claimgraph.extract.references import coref
from claimgraph.extract.references.descriptions import link_descriptions
from claimgraph.model import Document


def surfaced(doc, surface_only, text: str, subject: str, predicate: str, obj: str):
    """The claim is in the document, and the fallback alone reads it (the parse may come to read it too)."""
    c = claim(doc, subject, predicate, obj)
    assert (doc_name(doc, c.subject), predicate, doc_name(doc, c.object)) in pairs(surface_only(text))
    return c


# -- the fallback alone, on every sentence ------------------------------------------------------
@pytest.fixture(scope="module")
def surface_only(extractor):
    """The fallback's readings of a text as if the parse had read nothing in it."""
    entities_only = copy.copy(extractor)
    entities_only.stages = [s for s in extractor.stages if s[0] == "entities"]
    cb = default_codebook()

    def run(text: str, scope: str = "sentence") -> set[tuple]:
        [doc] = list(entities_only([Document(text=text)]))
        index = EntityIndex(doc)
        link_descriptions(index)
        coref.apply(index)
        args = Arguments(index, cb)
        judge = ModalityJudge(args, cb)
        reader = SurfaceReader(args, cb, judge, scope=scope)
        out = set()
        for sent in doc.spacy_doc.sents:
            judge.start_sentence(sent)
            for r in reader.sentence(sent, []):
                out.add((r.subject.name, r.predicate, r.object.name if r.object else None,
                         judge.judge(r.trigger, r.predicate).modality))
        return out
    return run


def pairs(readings: set[tuple]) -> set[tuple]:
    return {r[:3] for r in readings}


# -- recovered from misparses -------------------------------------------------------------------
LIST = "Iran trains, funds and arms Hezbollah and Hamas."  # "funds", "arms" tagged as nouns
RUN = "The IRGC funds, trains, equips and directs Kata'ib Hizballah, Asa'ib Ahl al-Haq and Harakat al-Nujaba."
HEADLINE = "Iran Funds Hezbollah Militants In Syria."  # "Funds" tagged as a proper noun
PASSIVE = "Hezbollah was armed, trained and funded by Iran."  # only "trained" is read from the parse
SUPPLY = "Iran's Quds Force supplies Hezbollah with rockets, drones and money."


def test_verbs_tagged_as_nouns_in_a_list_of_verbs(extract, surface_only):
    doc = extract(LIST)
    for obj in ("Hezbollah", "Hamas"):
        surfaced(doc, surface_only, LIST, "Iran", "funds", obj)
        surfaced(doc, surface_only, LIST, "Iran", "arms", obj)


def test_a_run_of_verbs_reaches_every_name_of_the_object_list(extract, surface_only):
    doc = extract(RUN)
    for obj in ("Kata'ib Hizballah", "Asa'ib Ahl al-Haq", "Harakat Hizballah al-Nujaba"):
        for predicate in ("funds", "trains", "controls"):
            surfaced(doc, surface_only, RUN, "Islamic Revolutionary Guard Corps", predicate, obj)


def test_headline_in_title_case_is_read_by_the_fallback_at_a_lower_confidence(extract, surface_only):
    doc = extract(HEADLINE)
    c = surfaced(doc, surface_only, HEADLINE, "Iran", "funds", "Hezbollah")
    assert c.rule == "surface:fund"
    assert c.confidence == pytest.approx(RULE_WEIGHT["surface"] * MODALITY_WEIGHT["asserted"])
    assert RULE_WEIGHT["surface"] < min(w for k, w in RULE_WEIGHT.items() if k != "surface")


def test_passive_list_of_verbs_with_its_agent(extract, surface_only):
    doc = extract(PASSIVE)
    surfaced(doc, surface_only, PASSIVE, "Iran", "funds", "Hezbollah")
    surfaced(doc, surface_only, PASSIVE, "Iran", "arms", "Hezbollah")
    assert ("Iran", "funds", "Hezbollah", "asserted") in surface_only(PASSIVE)


def test_supply_with_a_theme_after_the_recipient(extract, surface_only):
    doc = extract(SUPPLY)
    surfaced(doc, surface_only, SUPPLY, "Quds Force", "arms", "Hezbollah")


# -- where it must stay silent ------------------------------------------------------------------
def test_plain_clauses_are_read(surface_only):
    got = pairs(surface_only("Hezbollah denounced Saudi Arabia, and Iran praised Hezbollah."))
    assert got == {("Hezbollah", "ACCUSE", "Saudi Arabia"), ("Iran", "SUPPORT", "Hezbollah")}


def test_no_actor_from_the_next_clause(surface_only):
    got = pairs(surface_only("Iran praised Hezbollah while Israel attacked Hamas."))
    assert ("Israel", "ASSAULT", "Hamas") in got
    assert not any(s in ("Iran", "Hezbollah") and o == "Hamas" for s, _, o in got)


def test_no_reading_across_a_semicolon(surface_only):
    assert not pairs(surface_only("Israel struck; Hezbollah attacked hours later."))


def test_actor_inside_another_phrase_is_no_subject(surface_only):
    assert not pairs(surface_only("The son of Hassan Nasrallah attacked Israel."))
    assert not pairs(surface_only("Supporters of Hezbollah met Iranian officials."))


def test_object_must_end_its_phrase(surface_only):
    assert not pairs(surface_only("Iran funds Hezbollah's rivals."))
    assert not pairs(surface_only("Hezbollah answers to the Iranian supreme leader."))


def test_apposition_is_not_a_list_member(surface_only):
    got = pairs(surface_only("Police arrested Ahmed Salem, a Hezbollah operative, in Paris."))
    assert not any(o == "Hezbollah" for _, _, o in got)


def test_types_must_fit_the_predicate(surface_only):
    assert not pairs(surface_only("Iran heads Hezbollah."))  # leads: a person leads
    assert not pairs(surface_only("Israel struck Gaza."))  # an attack on a place names no target actor


def test_infinitive_after_another_verb_gives_nothing(surface_only):
    assert not pairs(surface_only("Iran wants Hezbollah to attack Israel."))


def test_theme_verbs_need_their_theme(surface_only):
    assert not pairs(surface_only("Iran sent Hezbollah."))
    assert ("Iran", "funds", "Hamas") in pairs(surface_only("Iran sent millions of dollars to Hamas."))


def test_modality_is_the_judges(surface_only):
    got = surface_only("Iran did not fund Hamas.")
    assert got == {("Iran", "funds", "Hamas", "negated")}


def test_sentence_scope_leaves_a_parsed_sentence_alone(extract, surface_only):
    doc = extract("Iran trains, funds and arms Hezbollah and Hamas.")
    assert find(doc, "Iran", "trains", "Hezbollah"), listing(doc)
    index = EntityIndex(doc)
    cb = default_codebook()
    args = Arguments(index, cb)
    judge = ModalityJudge(args, cb)
    sent = next(iter(doc.spacy_doc.sents))
    judge.start_sentence(sent)
    parsed = Reader(args, cb).sentence(sent)
    assert parsed
    assert SurfaceReader(args, cb, judge, scope="sentence").sentence(sent, parsed) == []
    assert SurfaceReader(args, cb, judge, scope="trigger").sentence(sent, parsed)


def test_holding_someone_without_hostage_is_no_abduction(extract):
    doc = extract("The Court therefore holds Libya, Syria and Sudan jointly and severally liable and will award "
                  "damages to the plaintiffs in amounts to be set later.")
    assert not [c for c in doc.claims if c.predicate == "ASSAULT"]
