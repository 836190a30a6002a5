"""`export --format gexf` and `--format graphml`: read back by networkx with the store's nodes and
claim groups, edge attributes as the store grades them, GEXF dynamic time from validity spans and
event dates, filters, names that need escaping, the same bytes twice."""
from __future__ import annotations

import io
import json
import sqlite3
from collections import defaultdict

import networkx as nx
import pytest

from claimgraph.export.graph import Edges, day, nodes, union
from claimgraph.export.read import StoreRead
from claimgraph.model import MODALITIES
from claimgraph.store import Store

from demo_store import run

READERS = {"gexf": nx.read_gexf, "graphml": nx.read_graphml}


def export(db: str, fmt: str, path, *filters: str) -> nx.MultiDiGraph:
    result = run("export", "--db", db, "--format", fmt, *filters, "-o", path)
    assert result.exit_code == 0, result.output
    return READERS[fmt](str(path))


@pytest.fixture(scope="module")
def graphs(demo_db, tmp_path_factory) -> dict[str, nx.MultiDiGraph]:
    folder = tmp_path_factory.mktemp("graphs")
    return {fmt: export(demo_db, fmt, folder / f"demo.{fmt}") for fmt in READERS}


def edge_data(g: nx.MultiDiGraph) -> dict[str, tuple[str, str, dict]]:
    """Edges by their id (the claim group's key; a graph without parallel edges is read as a
    DiGraph, the id then in the edge's data)."""
    if g.is_multigraph():
        return {key: (u, v, d) for u, v, key, d in g.edges(keys=True, data=True)}
    return {d["id"]: (u, v, d) for u, v, d in g.edges(data=True)}


def group_rows(db: sqlite3.Connection, where: str = "1", params=()) -> dict[str, list[sqlite3.Row]]:
    """The claim_figures rows with a target, by group."""
    out = defaultdict(list)
    for r in db.execute(f"select * from claim_figures where object is not null and {where} order by claim_id", params):
        out[r["group_key"]].append(r)
    return out


@pytest.fixture(scope="module")
def db(demo_db):
    conn = sqlite3.connect(demo_db)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


@pytest.mark.parametrize("fmt", list(READERS))
def test_a_node_per_actor_and_an_edge_per_claim_group_with_a_target(fmt, graphs, db):
    g = graphs[fmt]
    actors = {r[0] for r in db.execute("select id from entities where canonical is null")}
    assert set(g.nodes) == actors
    groups = group_rows(db)
    assert len(groups) > 100 and g.number_of_edges() == len(groups)
    assert set(edge_data(g)) == set(groups)
    for key, (u, v, _) in edge_data(g).items():
        assert (u, v) == (groups[key][0]["subject"], groups[key][0]["object"])
    node = g.nodes["ent-quds-force"]
    assert node["label"] == "Quds Force" and node["type"] == "organization" and node["country"] == "IRN"
    assert node["mentions"] == db.execute("select count(*) from mentions m join entities e on e.id = m.entity_id "
                                          "where coalesce(e.canonical, e.id) = 'ent-quds-force'").fetchone()[0]


@pytest.mark.parametrize("fmt", list(READERS))
def test_edge_attributes_are_what_the_store_says(fmt, graphs, db, demo_db):
    shown = json.loads(run("claims", "--db", demo_db, "--format", "json", "--limit", "10000").stdout)
    by_claim = {c["claim"]: c for c in shown}
    edges = edge_data(graphs[fmt])
    groups = group_rows(db)
    several = [k for k, rows in groups.items() if len(rows) > 1]
    assert several, "the demo store has groups of several claims"
    for key in [*several, *sorted(groups)[:20]]:
        rows, (_, _, d) = groups[key], edges[key]
        first = rows[0]
        assert d["kind"] == first["kind"] and d["predicate"] == first["predicate"] == d["label"]
        assert d["claims"] == len(rows) and d["claim_ids"].split("; ") == [r["claim_id"] for r in rows]
        modalities = by_claim[first["claim_id"]]["modalities"]
        assert {m: d[m] for m in MODALITIES} == {m: modalities.get(m, 0) for m in MODALITIES}
        assert d["modality"] == max(MODALITIES, key=lambda m: (modalities.get(m, 0), -MODALITIES.index(m)))
        assert d["independent"] == max(r["independent"] for r in rows) == int(d["weight"])
        assert d["credibility"] == min(r["credibility"] for r in rows)
        assert d["admiralty"] == by_claim[first["claim_id"]]["admiralty"]
        assert d["contested"] is any(bool(r["contested"]) for r in rows)
        assert max(r["documents"] for r in rows) <= d["documents"] <= sum(r["documents"] for r in rows)
        if len(rows) == 1:
            assert (d["documents"], d["sources"]) == (first["documents"], first["sources"])
        sentences = {r[0] for r in db.execute(
            "select e.text from evidence e join claims c on c.id = e.claim_id where coalesce(c.canonical, c.id) in "
            f"({','.join('?' * len(rows))})", [r["claim_id"] for r in rows])}
        assert d["sentence"] in sentences
        assert d["evidence"] == sum(len(by_claim[r["claim_id"]]["evidence"]) for r in rows)


def test_gexf_is_dynamic_with_the_claims_dates(graphs, db):
    g = graphs["gexf"]
    assert g.graph["mode"] == "dynamic"
    edges = edge_data(g)
    single = {k: rows[0] for k, rows in group_rows(db).items() if len(rows) == 1}
    # an event with a day of its own: the edge starts and ends on it
    dated = [(k, json.loads(a)) for k, a in db.execute(
        "select f.group_key, c.attrs from claim_figures f join claims c on c.id = f.claim_id "
        "where f.kind = 'event' and f.object is not null and json_extract(c.attrs, '$.date.precision') = 'day'")
        if k in single]
    assert dated
    for key, attrs in dated:
        assert (edges[key][2]["start"], edges[key][2]["end"]) == (attrs["date"]["start"], attrs["date"]["end"])
    # an event dated only "by the day it was published" yields to a claim of its group with a date of its own
    spans = defaultdict(lambda: {"own": set(), "implied": 0})
    for key, attrs in db.execute("select f.group_key, c.attrs from claim_figures f join claims c on c.id = f.claim_id "
                                 "where f.kind = 'event' and f.object is not null"):
        d = json.loads(attrs).get("date") or {}
        if d.get("implied"):
            spans[key]["implied"] += 1
        elif d.get("start") or d.get("end"):
            spans[key]["own"].add((d.get("start"), d.get("end")))
    mixed = {k: s["own"].pop() for k, s in spans.items() if s["implied"] and len(s["own"]) == 1}
    assert mixed
    for key, (start, end) in mixed.items():
        assert (edges[key][2].get("start"), edges[key][2].get("end")) == (start, end)
    # a relation that ended: the edge ends on that day, and its unknown start is left off
    ended = [r for r in single.values() if r["kind"] == "relation" and r["valid_to"]]
    assert ended
    for r in ended:
        d = edges[r["group_key"]][2]
        assert d["end"] == r["valid_to"] and ("start" in d) == bool(r["valid_from"])
    # an undated relation is static
    undated = next(r for r in single.values() if r["kind"] == "relation" and not r["valid_to"] and not r["valid_from"])
    assert "start" not in edges[undated["group_key"]][2] and "end" not in edges[undated["group_key"]][2]
    for _, _, d in edges.values():
        for side in ("start", "end"):
            assert side not in d or day(d[side]) == d[side]  # a full YYYY-MM-DD


def test_a_group_dated_twice_holds_over_two_spells(demo_copy, tmp_path):
    db = sqlite3.connect(demo_copy)
    key, a, b = db.execute(
        "select group_key, min(claim_id), max(claim_id) from claim_figures where kind = 'event' "
        "and object is not null group by group_key having count(*) = 2 order by group_key").fetchone()
    for claim, when in ((a, "2019-03"), (b, "2019-06-05")):
        db.execute("update claims set attrs = json_set(attrs, '$.date', json(?)) where id = ?",
                   (json.dumps({"start": when, "end": when, "precision": "day", "text": when}), claim))
    db.commit()
    db.close()
    d = edge_data(export(demo_copy, "gexf", tmp_path / "g.gexf"))[key][2]
    assert d["spells"] == [("2019-03-01", "2019-03-31"), ("2019-06-05", "2019-06-05")]
    assert "start" not in d
    d = edge_data(export(demo_copy, "graphml", tmp_path / "g.graphml"))[key][2]
    assert (d["start"], d["end"]) == ("2019-03-01", "2019-06-05")


@pytest.mark.parametrize("fmt", list(READERS))
def test_a_filter_shrinks_the_graph(fmt, demo_db, db, tmp_path, graphs):
    g = export(demo_db, fmt, tmp_path / f"alleged.{fmt}", "--modality", "alleged")
    groups = group_rows(db, "modality = ?", ("alleged",))
    assert 0 < g.number_of_edges() == len(groups) < graphs[fmt].number_of_edges()
    assert set(edge_data(g)) == set(groups)
    named = {x for r in db.execute("select subject, object, location from claim_figures where modality = 'alleged'")
             for x in r if x}
    named |= {r[0] for r in db.execute(
        "select coalesce(e.canonical, e.id) from claim_figures f join claims c on c.id = f.claim_id "
        "join entities e on e.id = c.attributed_to_entity where f.modality = 'alleged'")}
    assert set(g.nodes) == named and len(named) < graphs[fmt].number_of_nodes()
    for _, _, d in g.edges(data=True):
        assert d["alleged"] >= 1


NAME = 'Kata\'ib "Ḥizb" <Allah> & Söhne \u0007— 真主'


@pytest.mark.parametrize("fmt", list(READERS))
def test_names_that_need_escaping_survive(fmt, demo_copy, tmp_path):
    db = sqlite3.connect(demo_copy)
    eid = db.execute("select object from claim_figures where object is not null order by claim_id").fetchone()[0]
    db.execute("update entities set name = ? where id = ?", (NAME, eid))
    db.execute("insert into entity_aliases (entity_id, alias) values (?, ?)", (eid, "A&B <\"x\"> 'y' ü"))
    db.commit()
    db.close()
    g = export(demo_copy, fmt, tmp_path / f"names.{fmt}")
    node = g.nodes[eid]
    assert node["label"] == NAME.replace("\u0007", "")  # a character XML cannot hold is dropped
    assert "A&B <\"x\"> 'y' ü" in node["aliases"].split("; ")


@pytest.mark.parametrize("fmt", list(READERS))
def test_the_same_store_exports_the_same_bytes(fmt, demo_db, tmp_path):
    first, second = tmp_path / f"1.{fmt}", tmp_path / f"2.{fmt}"
    export(demo_db, fmt, first)
    export(demo_db, fmt, second)
    assert first.read_bytes() == second.read_bytes()


def test_an_edge_to_an_actor_not_exported_is_dropped(demo_db, db):
    with Store(demo_db) as store:
        read = StoreRead(store)
        known = {n.id for n in nodes(read)}
        edges = Edges(read, known - {"ent-quds-force"})
        kept = list(edges)
    touching = {k for k, rows in group_rows(db).items()
                if "ent-quds-force" in (rows[0]["subject"], rows[0]["object"])}
    assert touching and edges.dropped == len(touching)
    assert len(kept) == len(group_rows(db)) - len(touching)


def test_dates_are_normalised_and_spans_joined():
    assert [day("2019"), day("2019", last=True), day("2020-02", last=True), day("2019-10-05T12:00")] == \
        ["2019-01-01", "2019-12-31", "2020-02-29", "2019-10-05"]
    assert day("2019-02-30") is None and day("soon") is None and day(None) is None
    assert union([("2019-01-01", "2019-03-31"), ("2019-02-01", "2019-05-31"), ("2020-01-01", None)]) == \
        [("2019-01-01", "2019-05-31"), ("2020-01-01", None)]
    assert union([(None, "2019-01-31"), ("2019-01-05", "2019-02-01")]) == [(None, "2019-02-01")]
    assert union([("2019-01-01", None), ("2021-01-01", "2021-02-01")]) == [("2019-01-01", None)]


def test_gexf_declares_typed_attributes_before_nodes_and_edges(demo_db):
    from xml.etree import ElementTree

    from claimgraph.export import gexf
    fh = io.BytesIO()
    with Store(demo_db) as store:
        counts = gexf.export(StoreRead(store), fh)
    graph = ElementTree.fromstring(fh.getvalue()).find("{http://www.gexf.net/1.2draft}graph")
    assert [c.tag.split("}")[1] for c in graph] == ["attributes", "attributes", "nodes", "edges"]
    assert graph.get("timeformat") == "date" and graph.get("defaultedgetype") == "directed"
    types = {a.get("title"): a.get("type") for a in graph.iter("{http://www.gexf.net/1.2draft}attribute")}
    assert types["asserted"] == "integer" and types["contested"] == "boolean" and types["confidence"] == "double"
    assert counts["nodes"] == len(graph.find("{http://www.gexf.net/1.2draft}nodes"))
    assert counts["edges"] == len(graph.find("{http://www.gexf.net/1.2draft}edges"))


@pytest.mark.parametrize("fmt", list(READERS))
def test_a_listed_actor_shows_its_list(fmt, demo_copy, tmp_path):
    listing = tmp_path / "list.ftm.json"
    listing.write_text(json.dumps({"id": "test-qf", "schema": "Organization", "properties": {
        "name": ["Quds Force"], "country": ["ir"], "topics": ["sanction", "crime.terror"]}}) + "\n")
    result = run("kb", "import", listing, "--db", demo_copy, "--title", "Test <List> & Co")
    assert result.exit_code == 0, result.output
    g = export(demo_copy, fmt, tmp_path / f"listed.{fmt}")
    assert g.nodes["ent-quds-force"]["listed"] == "Test <List> & Co (crime.terror, sanction)"
    assert sum("listed" in d for _, d in g.nodes(data=True)) == 1
    listed = export(demo_copy, fmt, tmp_path / f"only.{fmt}", "--listed")
    assert listed.number_of_edges() and all("ent-quds-force" in (u, v) for u, v in listed.edges())
