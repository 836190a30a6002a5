"""Analysts' actions in the store: corrections beside the machine's reading, rejections listed and
restored, undo that says whose action it takes back, redo, the review queue and the audit log in
words. A real store (SQLite file, and PostgreSQL when a server is given) built by the pipeline."""
from __future__ import annotations

import pytest
from review_docs import DOCS, KILLED, make_store
from sqlalchemy import select
from sqlalchemy.orm import Session

from claimgraph import query
from claimgraph.query.view import StoreView
from claimgraph.resolve import ResolutionError, Resolver
from claimgraph.resolve.resolver import NotYours
from claimgraph.review import ReadingError, Readings, ReviewError, Reviews, queue
from claimgraph.store.schema import ClaimRow

AMAL_FOUNDATION, AMAL_FUND = "Amal Relief Foundation", "Amal Relief Fund"


@pytest.fixture()
def store(extractor, db_url):
    s = make_store(extractor, db_url)
    yield s
    s.close()


def claim(store, predicate: str, subject: str | None = None, **filters) -> dict:
    rows = [r for r in query.claims(store, predicate=predicate, **filters)
            if subject is None or r["subject"]["name"] == subject]
    assert len(rows) == 1, rows
    return rows[0]


def machine(store, claim_id: str) -> tuple:
    with Session(store.engine) as session:
        r = session.get(ClaimRow, claim_id)
        return r.subject, r.predicate, r.object, r.modality


def test_a_correction_is_what_the_queries_read_and_the_machines_reading_stays(store):
    leads = claim(store, "leads")
    before = machine(store, leads["claim"])
    entry = Readings(store).correct(leads["claim"], "maria", "he is a member, not its head",
                                    predicate="member_of", modality="reported")
    assert entry.action == "correct" and entry.actor == "maria"
    assert query.claims(store, predicate="leads") == []
    row = claim(store, "member_of")
    assert (row["subject"]["name"], row["object"]["name"], row["modality"]) == (
        "Karim Haddad", "Zarqa Brigade", "reported")
    assert row["evidence"][0]["excerpt"] == "Karim Haddad leads the Zarqa Brigade."
    assert machine(store, leads["claim"]) == before  # the machine's reading is kept as it was
    assert Readings(store).of(leads["claim"])["analyst"] == "maria"
    words = Resolver(store).audit_page()[1][0]["description"]
    assert "Karim Haddad leads Zarqa Brigade \u2192 Karim Haddad member_of Zarqa Brigade (reported)" in words

    funds = claim(store, "funds")
    Readings(store).correct(funds["claim"], "maria", reverse=True)
    assert claim(store, "funds")["subject"]["name"] == "Zarqa Brigade"
    assert claim(store, "funds")["object"]["name"] == AMAL_FOUNDATION

    Resolver(store).undo("maria", force=False)  # the reversal
    assert claim(store, "funds")["subject"]["name"] == AMAL_FOUNDATION
    Resolver(store).undo("maria", force=False)  # the new predicate
    assert claim(store, "leads")["claim"] == leads["claim"]
    Resolver(store).redo("maria", force=False)
    assert claim(store, "member_of")["modality"] == "reported"


def test_impossible_corrections_are_refused(store):
    leads = claim(store, "leads")["claim"]
    with pytest.raises(ReadingError, match="a relation predicate is one of .*member_of"):
        Readings(store).correct(leads, predicate="ASSAULT")
    with pytest.raises(ReadingError, match="a modality is one of"):
        Readings(store).correct(leads, modality="rumoured")
    with pytest.raises(ReadingError, match="nothing to correct"):
        Readings(store).correct(leads)
    with pytest.raises(ReadingError, match="already reads so"):
        Readings(store).correct(leads, predicate="leads")
    with pytest.raises(ReviewError, match="no claim"):
        Readings(store).correct("clm-nothing", predicate="leads")
    assert Resolver(store).audit() == [e for e in Resolver(store).audit() if e.action != "correct"]


def test_rejected_claims_are_listed_and_restored_by_an_action_of_their_own(store):
    leads = claim(store, "leads")["claim"]
    Reviews(store).reject(leads, "omar", "not in the text")
    assert query.claims(store, predicate="leads") == []
    total, rows = queue.rejected_items(store, 50, 0)
    assert total == 1 and rows[0]["claim"] == leads and rows[0]["analyst"] == "omar"
    assert rows[0]["subject"]["name"] == "Karim Haddad" and rows[0]["reason"] == "not in the text"
    assert rows[0]["evidence"]["excerpt"] == "Karim Haddad leads the Zarqa Brigade."
    with pytest.raises(ReviewError, match="is not rejected"):
        Reviews(store).restore(claim(store, "funds")["claim"], "omar")

    entry = Reviews(store).restore(leads, "omar", "it is there after all")
    assert entry.action == "restore"
    assert claim(store, "leads")["claim"] == leads and queue.rejected_items(store, 50, 0)[0] == 0
    assert [e.action for e in Resolver(store).audit()][-2:] == ["reject", "restore"]
    Resolver(store).undo("omar", force=False)  # the restore: rejected again
    assert query.claims(store, predicate="leads") == []
    Resolver(store).redo("omar", force=False)
    assert claim(store, "leads")["claim"] == leads


def test_undo_says_what_it_takes_back_and_whose_it_is(store):
    resolver = Resolver(store)
    resolver.merge(AMAL_FOUNDATION, AMAL_FUND, analyst="maria", reason="one charity")
    preview = resolver.undo_preview("omar")
    assert preview["action"] == "merge" and preview["actor"] == "maria" and preview["own"] is False
    assert AMAL_FOUNDATION in preview["description"] and AMAL_FUND in preview["description"]
    with pytest.raises(NotYours, match="not omar's: #\\d+ by maria, merged Amal Relief"):
        resolver.undo("omar", force=False)
    assert resolver.canonical(resolver.find(AMAL_FUND)) == resolver.canonical(resolver.find(AMAL_FOUNDATION))
    assert resolver.undo_preview("maria")["own"] is True
    entry = resolver.undo("omar", force=True)
    assert entry.payload["of"] == "maria" and entry.payload["action"] == "merge"
    assert resolver.canonical(resolver.find(AMAL_FUND)) != resolver.canonical(resolver.find(AMAL_FOUNDATION))
    undo_words = resolver.audit_page(1)[1][0]["description"]
    assert undo_words.startswith("undid #") and "(merge by maria): merged Amal Relief" in undo_words
    # an automatic pass is nobody's: undone without force, and the preview says what it is
    resolver.auto(threshold=0.8)
    preview = resolver.undo_preview("omar")
    assert preview["automatic"] and not preview["own"] and not preview["needs_force"]
    assert preview["description"].startswith("automatic resolution: 1 merge(s) (Amal Relief")
    assert resolver.undo("omar", force=False).payload["of"] == "auto"


def test_redo_brings_back_the_last_undos_until_a_new_action(store):
    resolver = Resolver(store)
    leads, funds = claim(store, "leads")["claim"], claim(store, "funds")["claim"]
    Reviews(store).confirm(leads, "maria")
    Reviews(store).reject(funds, "maria")
    resolver.undo("maria", force=False)
    resolver.undo("maria", force=False)
    assert resolver.redo_preview("maria")["description"].startswith("undid #")
    assert "confirmed the claim \u201cKarim Haddad leads Zarqa Brigade\u201d" in resolver.redo_preview("maria")["description"]
    resolver.redo("maria", force=False)  # the confirmation, undone last, comes back first
    assert claim(store, "leads")["review"] == "confirmed" and query.claims(store, predicate="funds")
    resolver.redo("maria", force=False)
    assert query.claims(store, predicate="funds") == []
    with pytest.raises(ResolutionError, match="nothing to redo"):
        resolver.redo("maria")
    resolver.undo("maria", force=False)  # the rejection, redone, can be undone again
    assert query.claims(store, predicate="funds")
    Reviews(store).confirm(funds, "maria")  # a new action: what was undone stays undone
    assert resolver.redo_preview("maria") is None
    with pytest.raises(ResolutionError, match="nothing to redo"):
        resolver.redo("maria")


def test_the_queue_holds_what_needs_a_person_until_it_is_decided(store):
    resolver = Resolver(store)
    with StoreView(store) as view:
        counts = queue.counts(view, resolver)
        total, contested = queue.claim_items(view, "contested", 50, 0)
    assert counts["contested"] == total == 2
    assert {(r["subject"]["name"], r["predicate"], r["modality"]) for r in contested} == {
        ("Iran", "arms", "negated"), ("Iran", "arms", "reported")}
    assert all(r["why"].startswith("contradicted \u2014 negation") for r in contested)
    total, pairs = queue.pair_items(store, resolver, 50, 0)
    [pair] = [p for p in pairs if {p["left"]["name"], p["right"]["name"]} == {AMAL_FOUNDATION, AMAL_FUND}]
    assert 0.8 <= pair["score"] < 0.92 and "amal relief" in pair["why"]
    assert pair["left"]["mentions"][0]["excerpt"][pair["left"]["mentions"][0]["start"]:
                                                  pair["left"]["mentions"][0]["end"]] == pair["left"]["name"]

    Reviews(store).confirm(contested[0]["claim"], "maria")
    resolver.distinct(pair["left_id"], pair["right_id"], analyst="maria", reason="two charities")
    with StoreView(store) as view:
        assert queue.claim_items(view, "contested", 50, 0)[0] == 1
    assert not [p for p in queue.pair_items(store, resolver, 50, 0)[1] if p["left_id"] == pair["left_id"]]
    resolver.auto(threshold=0.8)  # the analyst's "not the same" holds against the matcher
    assert resolver.canonical(pair["left_id"]) != resolver.canonical(pair["right_id"])
    with pytest.raises(ResolutionError, match="judged different"):
        resolver.merge(pair["left_id"], pair["right_id"], analyst="x")


def test_single_source_and_surface_queues_are_selected_in_sql(store):
    with StoreView(store) as view:
        total, weak = queue.claim_items(view, "single_source", 50, 0)
        assert total == len(weak) and all(r["independent"] <= 1 and r["credibility"] >= 4 for r in weak)
        total, surface = queue.claim_items(view, "surface", 50, 0)
    with Session(store.engine) as session:
        rules = dict(session.execute(select(ClaimRow.id, ClaimRow.rule)).all())
    assert {r["claim"] for r in surface} == {c for c, rule in rules.items() if rule.startswith("surface:")}
    assert all("surface fallback rule surface:" in r["why"] for r in surface)
    with pytest.raises(queue.QueueError, match="one of candidates"):
        queue.claim_conditions("everything")


def figures_rows(store) -> list[tuple]:
    from claimgraph.store.schema import ClaimFiguresRow, ClaimGroupRow
    with Session(store.engine) as session:
        claims = sorted((f.claim_id, f.group_key, f.subject, f.predicate, f.object, f.modality, f.independent,
                         f.credibility, f.contested, repr(sorted(f.data.items())))
                        for f in session.scalars(select(ClaimFiguresRow)))
        groups = sorted((g.key, g.contested, g.credibility) for g in session.scalars(select(ClaimGroupRow)))
        return claims + groups


def test_stored_figures_after_corrections_are_what_a_reindex_computes(store):
    resolver = Resolver(store)
    Readings(store).correct(claim(store, "leads")["claim"], "maria", predicate="member_of")
    iran = claim(store, "arms", modality="reported")["claim"]
    Readings(store).correct(iran, "maria", modality="negated")  # joins the other reading's group, one modality
    resolver.merge(AMAL_FOUNDATION, AMAL_FUND, analyst="maria")
    Readings(store).correct(claim(store, "funds")["claim"], "maria", reverse=True)
    resolver.undo("maria", force=False)
    Reviews(store).reject(claim(store, "supports")["claim"], "maria")
    kept = figures_rows(store)
    store.reindex()
    assert figures_rows(store) == kept
    row = claim(store, "arms")  # the two readings of "Iran arms" are now one negated claim, not contested
    assert (row["modality"], row["contested"], row["documents"]) == ("negated", False, 2)


def test_a_reading_of_a_fatal_event_moves_the_end_of_the_victims_relations(extractor, db_url):
    store = make_store(extractor, db_url, [*DOCS, KILLED])
    try:
        assert claim(store, "leads")["valid"]["to"] == "2021-04-04"  # his death ends his leading
        [killing] = [r for r in query.events(store, type="ASSAULT") if (r["object"] or {}).get("name") == "Karim Haddad"]
        Readings(store).correct(killing["claim"], "maria", "only alleged", modality="alleged")
        assert claim(store, "leads")["valid"]["to"] is None
        Resolver(store).undo("maria", force=False)
        assert claim(store, "leads")["valid"]["to"] == "2021-04-04"
        kept = figures_rows(store)
        store.reindex()
        assert figures_rows(store) == kept
    finally:
        store.close()
