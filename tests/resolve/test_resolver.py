"""Judgements over a real store: automatic merges, analysts' merges and splits, undo, the audit log."""
from __future__ import annotations

import pytest
from resolve_docs import actor, document
from sqlalchemy import func, select

from claimgraph.extract.entities.actors import entity_id
from claimgraph.resolve import ResolutionError, Resolver
from claimgraph.store.schema import AuditRow, JudgementRow

QASEM, QASSIM = entity_id("person", "Qasem Suleimani"), entity_id("person", "Qassim Soleimani")
ALI_IRQ, ALI_LBN, ALY = entity_id("person", "Ali Hassan"), entity_id("person", "Ali Hasan"), entity_id("person", "Aly Hassan")
GEORGIA_BROWN, AMIR_S, AMIR = entity_id("person", "Georgia Brown"), entity_id("person", "Amir S."), entity_id("person", "Amir Saadouni")


def count(store, row) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(row))


def test_two_spellings_of_one_commander_become_one_cluster(people):
    resolver = Resolver(people)
    assert resolver.canonical(QASEM) == QASEM != resolver.canonical(QASSIM)
    assert resolver.auto(threshold=0.92) >= 1
    assert resolver.canonical(QASEM) == resolver.canonical(QASSIM)
    [j] = [j for j in resolver.judgements() if {j.left_id, j.right_id} == {QASEM, QASSIM}]
    assert j.judgement == "positive" and j.decided_by == "auto:translit" and j.score >= 0.92


def test_an_initial_that_fits_one_person_is_that_person(people):
    resolver = Resolver(people)
    resolver.auto()
    assert resolver.canonical(AMIR_S) == resolver.canonical(AMIR)


def test_namesakes_of_different_countries_stay_apart(people):
    resolver = Resolver(people)
    resolver.auto()
    assert resolver.canonical(ALI_IRQ) != resolver.canonical(ALI_LBN)
    # the Ali Hassan of no country fits both: he joins neither, an analyst is asked
    assert len({resolver.canonical(ALI_IRQ), resolver.canonical(ALI_LBN), resolver.canonical(ALY)}) == 3
    unsure = [j for j in resolver.judgements() if j.judgement == "unsure"]
    assert {frozenset(j.pair) for j in unsure} == {frozenset((ALY, ALI_IRQ)), frozenset((ALY, ALI_LBN))}


def test_a_state_never_merges_with_a_person(people):
    resolver = Resolver(people)
    resolver.auto(threshold=0.5)
    assert resolver.cluster("ent-GEO") == ["ent-GEO"]
    assert resolver.canonical(GEORGIA_BROWN) == GEORGIA_BROWN


def test_merge_then_undo_restores_the_clusters_and_loses_nothing(people):
    resolver = Resolver(people)
    resolver.auto()
    before = resolver.clusters()
    resolver.merge("Ali Hassan", "Aly Hassan", analyst="maria")
    assert resolver.canonical(ALY) == resolver.canonical(ALI_IRQ)
    assert resolver.clusters() != before
    kept = count(people, JudgementRow)
    entry = resolver.undo(analyst="maria")
    assert entry.payload["action"] == "merge"
    assert resolver.clusters() == before
    assert count(people, JudgementRow) == kept  # nothing deleted
    [merge] = [j for j in resolver.judgements() if j.decided_by == "analyst:maria"]
    assert merge.undone_at is not None and merge.judgement == "positive"
    actions = [(e.actor, e.action) for e in resolver.audit()]
    assert actions == [("auto", "auto"), ("maria", "merge"), ("maria", "undo")]


def test_undo_takes_back_one_action_at_a_time(people):
    resolver = Resolver(people)
    resolver.auto()
    resolver.merge(ALY, ALI_LBN, analyst="maria")
    resolver.undo()
    assert resolver.canonical(QASSIM) == resolver.canonical(QASEM)  # the automatic merges are still there
    resolver.undo()
    assert resolver.clusters() == []
    with pytest.raises(ResolutionError, match="nothing to undo"):
        resolver.undo()


def test_split_keeps_two_apart_even_after_auto_runs_again(people):
    resolver = Resolver(people)
    resolver.auto()
    made = resolver.split(QASSIM, analyst="omar")
    assert [j.judgement for j in made] == ["negative"]
    assert resolver.canonical(QASSIM) != resolver.canonical(QASEM)
    resolver.auto()
    resolver.auto(threshold=0.5)
    assert resolver.canonical(QASSIM) != resolver.canonical(QASEM)


def test_a_merge_across_a_negative_judgement_is_refused_with_the_reason(people):
    resolver = Resolver(people)
    resolver.merge(QASEM, QASSIM, analyst="omar")
    resolver.split(QASSIM, analyst="omar")
    with pytest.raises(ResolutionError, match="judged different by analyst:omar"):
        resolver.merge("Qassim Soleimani", "Qasem Suleimani", analyst="maria")
    with pytest.raises(ResolutionError, match="already one actor"):
        resolver.merge(AMIR, AMIR, analyst="maria")


def test_split_of_the_entity_that_held_a_cluster_together_keeps_the_rest_together(people):
    resolver = Resolver(people)
    resolver.merge(QASEM, ALY, analyst="x")  # ALY links QASEM and QASSIM
    resolver.merge(ALY, QASSIM, analyst="x")
    resolver.split(ALY, analyst="x")
    assert resolver.cluster(QASEM) == sorted([QASEM, QASSIM])
    assert resolver.cluster(ALY) == [ALY]


def test_a_cluster_with_a_knowledge_base_actor_is_known_by_its_id(people):
    resolver = Resolver(people)
    org = entity_id("organization", "Qods Force")
    text = "The Qods Force armed the brigade."
    people.add_document(document(text, actor(text, "Qods Force", "organization")))
    resolver.merge(org, "ent-quds-force", analyst="x")
    assert resolver.canonical(org) == "ent-quds-force"
    assert resolver.find("Qods Force") == org  # a name gives its entity; canonical() its actor


def test_unknown_and_ambiguous_names_are_errors(people):
    resolver = Resolver(people)
    with pytest.raises(ResolutionError, match="no entity"):
        resolver.find("Nobody Known")
    assert resolver.find("Amir S.") == AMIR_S


def test_every_action_is_in_the_audit_log(people):
    resolver = Resolver(people)
    resolver.auto()
    resolver.split(QASSIM, analyst="omar")
    resolver.undo(analyst="omar")
    log = resolver.audit()
    assert [e.action for e in log] == ["auto", "split", "undo"]
    assert log[2].payload["undoes"] == log[1].id
    assert all(e.at is not None for e in log)
    assert count(people, AuditRow) == 3
