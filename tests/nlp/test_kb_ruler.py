"""The KB ruler inside the spaCy pipeline."""
from __future__ import annotations

from claimgraph.nlp.pipeline import choose_model, load_pipeline


def test_ruler_runs_after_ner_and_sets_kb_ids():
    nlp = load_pipeline()
    assert nlp.pipe_names.index("claimgraph_kb_ruler") == nlp.pipe_names.index("ner") + 1
    doc = nlp("Kataib Hezbollah and the Popular Mobilisation Forces met in Baghdad.")
    kb = nlp.get_pipe("claimgraph_kb_ruler").kb
    found = {e.text: kb.actors[e.kb_id_].name for e in doc.ents if e.kb_id_}
    assert found["Popular Mobilisation Forces"] == "Popular Mobilization Forces"
    assert found["Kataib Hezbollah"] == "Kata'ib Hizballah"
    assert found["Baghdad"] == "Baghdad"


def test_model_is_a_setting(monkeypatch):
    monkeypatch.setenv("CLAIMGRAPH_SPACY_MODEL", "xx_custom_model")
    assert choose_model() == "xx_custom_model"
    assert choose_model("en_other") == "en_other"
    monkeypatch.delenv("CLAIMGRAPH_SPACY_MODEL")
    assert choose_model().startswith("en_core_web")


def test_a_longer_proper_name_keeps_its_country_word():
    """An NER name of several capitalised words that merely contains a demonym stays whole."""
    from spacy.tokens import Span
    nlp = load_pipeline()
    ruler = nlp.get_pipe("claimgraph_kb_ruler")
    doc = nlp.make_doc("Officials of the Iraqi National Accord Movement met Iraqi envoys.")
    doc.ents = [Span(doc, 3, 7, label="ORG")]
    doc = ruler(doc)
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("Iraqi National Accord Movement", "ORG", ""), ("Iraqi", "GPE", "irq")]


def test_a_title_after_a_known_body_is_not_part_of_its_name():
    nlp = load_pipeline()
    kb = nlp.get_pipe("claimgraph_kb_ruler").kb
    doc = nlp("Pentagon Press Secretary John F. Kirby told reporters the strikes were over.")
    names = {e.text: (kb.actors[e.kb_id_].name if e.kb_id_ else None) for e in doc.ents}
    assert names.get("Pentagon") == "U.S. Department of Defense"
    assert not any("Press" in t for t in names)
