"""Outlets are one whatever their spelling, and an analyst's grade of an outlet (kept in the store,
over the sources YAML) regrades the claims it rates as a reindex would; on real stores, SQLite
and PostgreSQL."""
from __future__ import annotations

import pytest
from figures_reference import recomputed, stored
from sqlalchemy import select
from sqlalchemy.orm import Session

from claimgraph import query
from claimgraph.corroborate.outlet_grades import GradeError, grade_outlet
from claimgraph.corroborate.sources import Sources, SourceGrade, outlet_key
from claimgraph.model import Document
from claimgraph.resolve import Resolver
from claimgraph.store import Store
from claimgraph.store.schema import ClaimFiguresRow, ClaimRow, SourceGradeRow

SENTENCE = "Hezbollah trained Kataib Hezbollah fighters in the Bekaa Valley"
# four stories of one outlet in four spellings, each its own text (no two are near-duplicates)
ONE_OUTLET = [
    ("meridianwire", f"{SENTENCE} last spring. Local farmers described convoys of trucks arriving at night, "
                     "and a school near the camp closed for two weeks while the exercises went on."),
    ("Meridian Wire", "The drills ran for most of the summer, residents told reporters in Baalbek. "
                      f"{SENTENCE}, two former recruits said in long interviews at a cafe in the town."),
    ("MERIDIAN-WIRE", "A third account came from a shepherd who grazes his flock near the ridge. "
                      f"{SENTENCE}, he said, describing gunfire that echoed across the plain every morning."),
    ("meridian wire ", f"Satellite pictures taken in July show rows of new tents. {SENTENCE}, "
                       "a regional security official said, adding that the camp was dismantled in October."),
]
OTHERS = [
    ("Northline News", f"{SENTENCE}, according to a defector who reached Cyprus by boat in the autumn "
                       "and spoke to this newspaper over several days about his months in the camp."),
    ("Cedar Post", "Officials in Beirut declined to comment on the reports on Thursday evening. "
                   f"{SENTENCE} during a programme that began in April, a lawmaker told parliament."),
]
YAML = """sources:
  - name: Meridian Wire
    aliases: [meridianwire.example]
    reliability: B
    note: a wire agency of the test corpus
"""


@pytest.fixture()
def sources_file(tmp_path, monkeypatch):
    path = tmp_path / "sources.yaml"
    path.write_text(YAML, encoding="utf-8")
    monkeypatch.setenv("CLAIMGRAPH_SOURCES_PATH", str(path))
    return path


def make_store(extractor, url, stories) -> Store:
    store = Store(url)
    docs = [Document(text=text, title=f"story {n}", source=source, published=f"2021-0{n + 1}-01", genre="news")
            for n, (source, text) in enumerate(stories)]
    for doc in extractor(docs):
        assert store.add_document(doc)
    return store


def trains_figures(store) -> list[ClaimFiguresRow]:
    """The stored figures of the joined claims (one per modality) of the group "Hezbollah trains KH"."""
    with Session(store.engine) as session:
        ids = select(ClaimRow.id).where(ClaimRow.predicate == "trains")
        return list(session.scalars(select(ClaimFiguresRow).where(ClaimFiguresRow.claim_id.in_(ids))))


def trains_claim(store) -> dict:
    """The group's grade as the claim rows show it (the same on each of its rows)."""
    rows = [c for c in query.claims(store) if c["predicate"] == "trains"]
    assert rows and all(r["credibility_reason"] == rows[0]["credibility_reason"] for r in rows)
    return rows[0]


def test_the_key_of_an_outlet_ignores_case_spaces_punctuation_accents_and_the():
    keys = {outlet_key(s) for s in ("meridianwire", "Meridian Wire", "MERIDIAN-WIRE", "meridian wire ",
                                    "The Meridian Wire", "Méridian_Wire")}
    assert keys == {"meridianwire"}
    assert outlet_key("Northline News") != outlet_key("Northline")


def test_spellings_of_one_outlet_are_one_source_with_the_yaml_grade(db_url, extractor, sources_file):
    store = make_store(extractor, db_url, ONE_OUTLET)
    figures = trains_figures(store)
    assert sum(f.documents for f in figures) == 4
    assert {(f.sources, f.independent) for f in figures} == {(1, 1)}  # per modality: one source
    claim = trains_claim(store)
    assert set(claim["modalities"].values()) == {1} and claim["reliability"] == "B"
    assert claim["credibility"] == 3, claim["credibility_reason"]  # one source: possibly true, not probably
    assert claim["credibility_reason"].endswith("(Meridian Wire)")
    [row] = [r for r in query.sources(store) if r["key"] == "meridianwire"]
    assert (row["source"], row["documents"], row["reliability"], row["origin"]) == ("Meridian Wire", 4, "B", "yaml")
    assert row["spellings"] == ["MERIDIAN-WIRE", "Meridian Wire", "meridian wire", "meridianwire"]
    assert len(query.sources(store)) == 1
    store.close()


def test_an_outlet_not_in_the_yaml_is_named_by_its_most_common_spelling(db_url, extractor):
    store = make_store(extractor, db_url, ONE_OUTLET[:3] + [("meridianwire", ONE_OUTLET[3][1])])
    [row] = query.sources(store)
    assert (row["source"], row["documents"], row["reliability"], row["origin"]) == ("meridianwire", 4, "F", "default")
    assert "Meridian Wire, meridianwire" not in trains_claim(store)["credibility_reason"]
    store.close()


def test_an_analyst_grade_regrades_the_outlets_claims_as_a_reindex_would(db_url, extractor, sources_file):
    store = make_store(extractor, db_url, ONE_OUTLET[:2] + OTHERS)
    before = trains_claim(store)
    # three independent outlets assert it, only Meridian Wire (B) rated A-C: probably true
    assert (before["independent"], before["credibility"], before["reliability"]) == (3, 2, "B")
    entry = grade_outlet(store, "northline news", "a", "its defector stories held up", "ann")
    assert entry.action == "reliability" and entry.actor == "ann"
    assert {k: entry.payload[k] for k in ("outlet", "old", "old_origin", "new", "reason")} == {
        "outlet": "Northline News", "old": "F", "old_origin": "default", "new": "A",
        "reason": "its defector stories held up"}
    after = trains_claim(store)
    assert (after["credibility"], after["reliability"], after["admiralty"]) == (1, "A", "A1")
    [row] = [r for r in query.sources(store) if r["key"] == "northlinenews"]
    assert (row["reliability"], row["origin"], row["reason"], row["analyst"], row["default"]) == (
        "A", "analyst", "its defector stories held up", "ann", "F")
    assert stored(store) == recomputed(store)
    kept = stored(store)
    store.reindex()
    assert stored(store) == kept
    store.close()


def test_an_analyst_grade_over_the_yaml_its_undo_and_redo(db_url, extractor, sources_file):
    store = make_store(extractor, db_url, ONE_OUTLET[:2] + OTHERS)
    grade_outlet(store, "MERIDIAN-WIRE", "E", "two retractions this year", "ann")
    [row] = [r for r in query.sources(store) if r["key"] == "meridianwire"]
    assert (row["source"], row["reliability"], row["origin"], row["default"]) == ("Meridian Wire", "E", "analyst", "B")
    assert trains_claim(store)["reliability"] == "E"  # no outlet behind it is rated better now
    undo = Resolver(store).undo("bob")
    assert undo.payload["action"] == "reliability" and undo.payload["grades"]
    [row] = [r for r in query.sources(store) if r["key"] == "meridianwire"]
    assert (row["reliability"], row["origin"]) == ("B", "yaml")
    assert trains_claim(store)["reliability"] == "B"
    assert stored(store) == recomputed(store)
    with Session(store.engine) as session:
        assert session.scalar(select(SourceGradeRow.undone_at)) is not None  # kept, marked undone
    redo = Resolver(store).redo("bob")
    assert redo.payload["action"] == "reliability" and redo.payload["grades"] == undo.payload["grades"]
    assert trains_claim(store)["reliability"] == "E"
    assert [r["reliability"] for r in query.sources(store) if r["key"] == "meridianwire"] == ["E"]
    assert stored(store) == recomputed(store)
    store.close()


@pytest.mark.parametrize("grade", ["G", "", "AB", "1", None])
def test_a_grade_outside_a_to_f_is_refused_and_nothing_is_written(tmp_path, grade):
    store = Store(tmp_path / "store.db")
    with pytest.raises(GradeError, match="one of A, B, C, D, E, F"):
        grade_outlet(store, "Meridian Wire", grade, "no", "ann")
    with Session(store.engine) as session:
        assert session.scalar(select(SourceGradeRow.id)) is None
    assert [e for e in Resolver(store).audit() if e.action == "reliability"] == []
    store.close()


def test_analyst_grades_go_over_the_table_and_keep_its_names():
    table = Sources([SourceGrade("Meridian Wire", "B", "wire", ["meridianwire.example"], "test.yaml")])
    graded = table.with_grades([("MERIDIAN-WIRE", "D", "retractions", "ann"), ("Gulf Dispatch", "C", None, "bob")])
    wire = graded.lookup("meridianwire.example")
    assert (wire.name, wire.reliability, wire.origin, wire.default, wire.analyst) == ("Meridian Wire", "D", "analyst",
                                                                                      "B", "ann")
    assert graded.reliability("gulf-dispatch") == "C" and graded.lookup("gulfdispatch").default is None
    assert table.reliability("Meridian Wire") == "B"  # the table itself is unchanged


def test_a_stix_export_has_one_identity_per_outlet_with_the_analysts_grade(tmp_path, extractor):
    import io
    import json

    from claimgraph.export.read import StoreRead
    from claimgraph.export.stix import export

    store = make_store(extractor, tmp_path / "store.db", ONE_OUTLET[:3] + OTHERS[:1])
    grade_outlet(store, "meridian wire", "C", "fair", "ann")
    fh = io.BytesIO()
    export(StoreRead(store), fh)
    bundle = json.loads(fh.getvalue())
    outlets = [o for o in bundle["objects"] if o["type"] == "identity" and o.get("identity_class") == "organization"]
    # three spellings, one document each: a tie, the first in order names the outlet
    assert sorted(o["name"] for o in outlets) == ["MERIDIAN-WIRE", "Northline News"]
    [wire] = [o for o in outlets if o["name"] == "MERIDIAN-WIRE"]
    assert "reliability C" in wire["description"]
    store.close()


def test_a_web_address_is_the_outlet_of_its_bare_name_and_keeps_its_key_when_graded(tmp_path, extractor):
    stories = [("https://www.meridianwire.com/", ONE_OUTLET[0][1]), ("https://www.meridianwire.com/", ONE_OUTLET[1][1]),
               ("Meridian Wire", ONE_OUTLET[2][1])]
    store = make_store(extractor, tmp_path / "store.db", stories)
    [row] = query.sources(store)
    assert (row["key"], row["documents"], row["source"]) == ("meridianwire", 3, "https://www.meridianwire.com/")
    entry = grade_outlet(store, "meridian wire", "C", "checked", "ann")
    assert (entry.payload["key"], entry.payload["outlet"]) == ("meridianwire", "https://www.meridianwire.com/")
    [row] = query.sources(store)
    assert (row["key"], row["documents"], row["reliability"], row["origin"]) == ("meridianwire", 3, "C", "analyst")
    assert trains_claim(store)["reliability"] == "C"
    store.close()
