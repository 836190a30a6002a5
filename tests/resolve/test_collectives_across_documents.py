"""Documents written for these tests, read by the real pipeline into one store (SQLite, PostgreSQL): a generic
collective of one class and qualifier is one actor in the store, and generic words and datelines
never become a named actor's aliases."""
from __future__ import annotations

import pytest
from corpus_store import store_from

from claimgraph.resolve import Resolver, resolved_graph

DOCS = [
    "Iraqi militias fired rockets at the airbase on Sunday, officials said. Kataib Hezbollah, an Iraqi "
    "Shia militia, denied any role.",
    "Militias to leave Baghdad\n\nTEHRAN, Iran - The prime minister said Iraqi Shiite militia groups "
    "would leave the capital. Iran said it had no say over them.",
    "Iran-backed militias launched drones at the embassy. The militias have grown bolder since spring.",
    "A spokesman blamed Iran-backed militia groups for the ambush on the convoy.",
    "The militias withdrew from the town after the elections, residents said.",
]


@pytest.fixture(scope="module")
def store(extractor, module_db_url):
    docs = [{"text": t, "title": f"Story {i}", "source": f"wire{i}", "published": f"2023-0{i + 1}-01"}
            for i, t in enumerate(DOCS)]
    with store_from(extractor, module_db_url, docs) as s:
        Resolver(s).auto()
        yield s


def _groups(store):
    _, entities, _ = resolved_graph(store)
    return [e for e in entities if e.type == "group"]


def test_one_qualified_collective_is_one_actor_across_documents(store):
    groups = _groups(store)
    iraqi = [g for g in groups if g.country == "IRQ"]
    assert len(iraqi) == 1
    assert len({m.doc_id for m in iraqi[0].mentions}) == 2
    backed = [g for g in groups if any("Iran-backed" in m.text for m in g.mentions)]
    assert len(backed) == 1 and len({m.doc_id for m in backed[0].mentions}) == 2
    assert backed[0].id != iraqi[0].id


def test_collectives_with_no_qualifier_stay_in_their_document(store):
    groups = _groups(store)
    for g in groups:
        bare = {m.doc_id for m in g.mentions if m.text.lower() == "militias" and m.rule == "collective"}
        assert len(bare) <= 1, g
    # "the militias" of the third story joined its Iran-backed militias, those of the last stayed alone
    lone = [g for g in groups if {m.text for m in g.mentions if m.rule.startswith("collective")} == {"militias"}]
    assert len(lone) == 1


def test_named_actors_collect_no_generic_words_and_states_no_capitals(store):
    _, entities, _ = resolved_graph(store)
    kh = next(e for e in entities if e.kb_id == "kataib-hizballah")
    assert not any("militia" in a.lower() for a in kh.aliases)
    assert any(m.text == "Iraqi Shia militia" for m in kh.mentions)
    iran = next(e for e in entities if e.kb_id == "irn")
    assert not any(a.isupper() for a in iran.aliases if len(a) > 3)  # no dateline "TEHRAN"
