"""Misspelt knowledge-base names of groups and organizations."""
from __future__ import annotations

import pytest

from claimgraph.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def found():
    nlp = load_pipeline()
    kb = nlp.get_pipe("claimgraph_kb_ruler").kb

    def run(text: str) -> dict[str, str]:
        return {e.text: kb.actors[e.kb_id_].name for e in nlp(text).ents if e.kb_id_}
    return run


def test_a_misspelt_militia_name_is_the_militia_not_the_name_inside_it(found):
    names = found("Rockets were fired by Kaitaib Hezbollah and Katayib Sayyid al-Shuhada overnight.")
    assert names.get("Kaitaib Hezbollah") == "Kata'ib Hizballah"
    assert names.get("Katayib Sayyid al-Shuhada") == "Kata'ib Sayyid al-Shuhada"
    assert "Hezbollah" not in names


def test_another_state_s_ministry_is_not_a_misspelling(found):
    names = found("The Indian Defense Ministry and the Iranian Defense Ministry both spoke.")
    assert "Indian Defense Ministry" not in names
    assert names.get("Iranian Defense Ministry")


def test_numbered_units_are_not_misspellings_of_each_other(tmp_path):
    (tmp_path / "brigades.yaml").write_text(
        "actors:\n  - id: test-brigade-45\n    name: Harakat Brigade 45\n    type: organization\n", encoding="utf-8")
    nlp = load_pipeline(kb_paths=(str(tmp_path),))
    kb = nlp.get_pipe("claimgraph_kb_ruler").kb
    names = {e.text: e.kb_id_ for e in nlp("Harakat Brigade 45 and Harakat Brigade 46 were deployed.").ents}
    assert names.get("Harakat Brigade 45") == "test-brigade-45" and kb.actors["test-brigade-45"]
    assert names.get("Harakat Brigade 46") != "test-brigade-45"


def test_lower_case_words_are_not_names(found):
    assert "kaitaib hezbollah" not in found("the so-called kaitaib hezbollah cell was never seen")


def test_a_title_is_not_a_misspelt_ministry(found):
    names = found("Israeli Defense Minister Yoav Gallant spoke on Sunday.")
    assert "Israeli Defense Minister" not in names
