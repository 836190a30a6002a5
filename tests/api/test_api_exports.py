"""Exports over HTTP: the whole store in each format, read back with that format's own library
(the exchange format's keys, followthemoney, stix2, networkx, pyarrow, zipfile) and equal to what
`claimgraph export` writes; filters shrink the output; an actor's network and the events table
export what their pages show; the answer is streamed as it is written, and a client that goes
away stops the writer."""
from __future__ import annotations

import csv
import io
import json
import threading
import time
import zipfile

import networkx as nx
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from api_corpus import IRAN, KH, SOLEIMANI
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from claimgraph.api import export_stream
from claimgraph.cli.main import app as cli
from claimgraph.export import FORMATS, tables

SINGLE = {"json": ".json", "ftm": ".ftm.json", "stix": ".stix.json", "gexf": ".gexf", "graphml": ".graphml"}
FOLDERS = {"csv": {"actors.csv", "events.csv", "evidence.csv", "relations.csv"},
           "parquet": {"actors.parquet", "events.parquet", "evidence.parquet", "relations.parquet"},
           "neo4j": {"actors.csv", "documents.csv", "events.csv", "claims.csv", "event_actors.csv",
                     "event_evidence.csv", "import.sh"}}


def sql(url: str, query: str, **params):
    engine = create_engine(url)
    try:
        with engine.connect() as con:
            return con.execute(text(query), params).all()
    finally:
        engine.dispose()


def cli_export(db: str, tmp_path, format: str, *args: str) -> bytes:
    out = tmp_path / f"cli.{format}"
    result = CliRunner().invoke(cli, ["export", "--db", db, "--format", format, "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def get(api, path: str, **params):
    r = api.get(path, params=params)
    assert r.status_code == 200, r.text
    return r


def members(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return {name: z.read(name) for name in z.namelist()}


# -- the whole store, each format --------------------------------------------------------------

def test_every_format_is_listed_with_its_media_type(api):
    listed = {f["format"]: f for f in get(api, "/api/exports").json()}
    assert set(listed) == set(FORMATS)
    assert {f for f, x in listed.items() if x["folder"]} == set(FOLDERS)
    assert all(listed[f]["media_type"] == "application/zip" for f in FOLDERS)


def test_json_is_the_exchange_format_of_the_whole_store_as_the_cli_writes_it(api, api_db, tmp_path):
    r = get(api, "/api/export", format="json")
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["content-disposition"] == 'attachment; filename="claimgraph.json"'
    data = json.loads(r.content)
    assert set(data) == {"format", "documents", "entities", "claims"} and data["format"] == "claimgraph/1"
    [(claims,)] = sql(api_db, "SELECT count(*) FROM claim_figures")
    [(docs,)] = sql(api_db, "SELECT count(*) FROM documents")
    assert len(data["claims"]) == claims and len(data["documents"]) == docs == 4
    assert {"subject", "predicate", "modality", "evidence"} <= set(data["claims"][0])
    assert r.content == cli_export(api_db, tmp_path, "json")


def test_ftm_lines_are_followthemoney_entities(api, api_db, tmp_path):
    from followthemoney import model

    r = get(api, "/api/export", format="ftm")
    assert r.headers["content-disposition"].endswith('filename="claimgraph.ftm.json"')
    lines = r.content.decode("utf-8").splitlines()
    proxies = [model.get_proxy(json.loads(line)) for line in lines]
    assert proxies and all(p.schema is not None and p.id for p in proxies)
    schemata = {p.schema.name for p in proxies}
    assert {"Person", "Article"} <= schemata
    assert r.content == cli_export(api_db, tmp_path, "ftm")
    v3 = get(api, "/api/export", format="ftm", ftm_version=3).content
    assert v3 == cli_export(api_db, tmp_path, "ftm", "--ftm-version", "3")


def test_stix_is_a_bundle_stix2_parses(api, api_db):
    import stix2

    r = get(api, "/api/export", format="stix")
    assert r.headers["content-type"].startswith("application/stix+json")
    bundle = stix2.parse(r.content.decode("utf-8"), allow_custom=True)
    types = {o["type"] for o in bundle.objects}
    assert {"identity", "relationship", "report", "note"} <= types
    [(docs,)] = sql(api_db, "SELECT count(*) FROM documents")
    assert sum(o["type"] == "report" for o in bundle.objects) == docs


@pytest.mark.parametrize("format", ["gexf", "graphml"])
def test_gexf_and_graphml_are_read_by_networkx_with_every_actor_and_claim_group(api, api_db, tmp_path, format):
    r = get(api, "/api/export", format=format)
    assert r.headers["content-disposition"].endswith(f'filename="claimgraph.{format}"')
    graph = (nx.read_gexf if format == "gexf" else nx.read_graphml)(io.BytesIO(r.content))
    [(actors,)] = sql(api_db, "SELECT count(*) FROM entities WHERE canonical IS NULL")
    [(groups,)] = sql(api_db, "SELECT count(DISTINCT group_key) FROM claim_figures WHERE object IS NOT NULL")
    assert graph.number_of_nodes() == actors and graph.number_of_edges() == groups > 0
    assert {SOLEIMANI, KH, IRAN} <= set(graph.nodes)
    assert r.content == cli_export(api_db, tmp_path, format)


@pytest.mark.parametrize("format", ["csv", "parquet"])
def test_csv_and_parquet_come_zipped_and_pyarrow_reads_the_four_tables(api, api_db, format):
    r = get(api, "/api/export", format=format)
    assert r.headers["content-type"] == "application/zip"
    assert r.headers["content-disposition"].endswith(f'filename="claimgraph-{format}.zip"')
    files = members(r.content)
    assert set(files) == {f"claimgraph-{format}/{name}" for name in FOLDERS[format]}
    read = pacsv.read_csv if format == "csv" else pq.read_table
    got = {name.split("/")[1].split(".")[0]: read(io.BytesIO(body)) for name, body in files.items()}
    for name, table in got.items():
        assert table.column_names == [c.name for c in tables.TABLES[name]], name
    [(events,)] = sql(api_db, "SELECT count(*) FROM claim_figures WHERE kind = 'event'")
    [(relations,)] = sql(api_db, "SELECT count(*) FROM claim_figures WHERE kind <> 'event'")
    assert got["events"].num_rows == events > 0 and got["relations"].num_rows == relations > 0
    sentences = set(got["evidence"].column("sentence").to_pylist())
    assert any("armed Kata'ib Hizballah" in s for s in sentences)


def test_neo4j_comes_zipped_with_its_import_command(api):
    files = members(get(api, "/api/export", format="neo4j").content)
    assert set(files) == {f"claimgraph-neo4j/{name}" for name in FOLDERS["neo4j"]}
    assert b"neo4j-admin database import full" in files["claimgraph-neo4j/import.sh"]
    header = next(csv.reader(io.StringIO(files["claimgraph-neo4j/actors.csv"].decode())))
    assert header[0] == "actor_id:ID(Actor)" and ":LABEL" in header
    with zipfile.ZipFile(io.BytesIO(get(api, "/api/export", format="neo4j").content)) as z:
        assert z.getinfo("claimgraph-neo4j/import.sh").external_attr >> 16 & 0o100  # still executable


# -- filters ----------------------------------------------------------------------------------

def claim_ids(api, path="/api/export", **params) -> list[str]:
    return [c["id"] for c in json.loads(get(api, path, format="json", **params).content)["claims"]]


def test_the_filters_of_the_cli_shrink_the_export(api, api_db, tmp_path):
    everything = claim_ids(api)
    arms = json.loads(get(api, "/api/export", format="json", predicate="arms").content)
    assert arms["claims"] and {c["predicate"] for c in arms["claims"]} == {"arms"}
    assert len(arms["claims"]) < len(everything) and len(arms["entities"]) < len(
        json.loads(get(api, "/api/export", format="json").content)["entities"])
    denied = claim_ids(api, modality="negated")
    assert denied and set(denied) < set(everything)
    [(contested,)] = sql(api_db, "SELECT count(*) FROM claim_figures WHERE contested")
    assert len(claim_ids(api, contested=True)) == contested < len(everything)
    his = claim_ids(api, actor="Qasem Soleimani")  # a name, as on the command line
    assert his and set(his) < set(everything)
    assert his == [c["id"] for c in json.loads(cli_export(api_db, tmp_path, "json", "--actor", SOLEIMANI))["claims"]]
    assert len(claim_ids(api, date_from="2019", date_to="2019-12-31")) < len(everything)
    graph = nx.read_graphml(io.BytesIO(get(api, "/api/export", format="graphml", predicate="arms").content))
    assert 0 < graph.number_of_edges() < nx.read_graphml(io.BytesIO(
        get(api, "/api/export", format="graphml").content)).number_of_edges()


def test_ftm_leaves_denials_out_unless_asked_for(api):
    def lines(**params):
        return get(api, "/api/export", format="ftm", **params).content.decode().splitlines()
    assert len(lines()) < len(lines(include_negated=True))

    def denial_schemata(**params):  # the sentence of the denial: Tehran's REJECT (an Event), and the tie it negates
        return {json.loads(line)["schema"] for line in lines(**params) if "Tehran denied" in line}
    assert denial_schemata() == {"Event"}
    assert denial_schemata(include_negated=True) - {"Event"}


def test_a_bad_format_or_filter_is_a_clear_error(api):
    r = api.get("/api/export", params={"format": "xlsx"})
    assert r.status_code == 400 and all(f in r.json()["detail"] for f in FORMATS)
    assert api.get("/api/export", params={"predicate": "befriends"}).status_code == 400
    assert api.get("/api/export", params={"date_from": "2020-02-31"}).status_code == 400
    assert api.get("/api/export", params={"actor": "Narnia Liberation Front"}).status_code == 404
    assert api.get("/api/export", params={"ftm_version": 5}).status_code == 422
    r = api.get(f"/api/actors/{KH}/export", params={"format": "pdf"})
    assert r.status_code == 400 and "graphml" in r.json()["detail"]
    r = api.get("/api/export/events", params={"format": "graphml"})
    assert r.status_code == 400 and "csv, json, parquet" in r.json()["detail"]


# -- what a page shows ------------------------------------------------------------------------

def test_an_actors_network_exports_what_the_neighbors_route_shows(api):
    for depth in (1, 2):
        shown = get(api, f"/api/actors/{KH}/neighbors", depth=depth).json()
        data = json.loads(get(api, f"/api/actors/{KH}/export", format="json", depth=depth).content)
        assert {c["id"] for c in data["claims"]} == {e["claim"] for e in shown["edges"]}
        assert {KH} | {n["id"] for n in shown["nodes"]} <= {e["id"] for e in data["entities"]}
    narrow = get(api, f"/api/actors/{KH}/neighbors", depth=2, modality="negated").json()
    data = json.loads(get(api, f"/api/actors/{KH}/export", format="json", depth=2, modality="negated").content)
    assert {c["id"] for c in data["claims"]} == {e["claim"] for e in narrow["edges"]}
    assert 0 < len(data["claims"]) < len(claim_ids(api, f"/api/actors/{KH}/export", depth=2))
    graph = nx.read_graphml(io.BytesIO(get(api, f"/api/actors/{KH}/export", format="graphml", depth=2).content))
    assert KH in graph.nodes and IRAN in graph.nodes
    files = members(get(api, f"/api/actors/{KH}/export", format="csv", depth=1).content)
    assert set(files) == {f"{KH}-csv/{name}" for name in FOLDERS["csv"]}


def test_without_depth_an_actor_export_is_its_own_claims_with_the_claim_filters(api, api_db, tmp_path):
    mine = claim_ids(api, f"/api/actors/{SOLEIMANI}/export")
    assert mine == claim_ids(api, actor=SOLEIMANI)
    assert claim_ids(api, f"/api/actors/{SOLEIMANI}/export", predicate="leads") == claim_ids(
        api, actor=SOLEIMANI, predicate="leads") != []


def test_claims_named_by_id_export_those_claims_and_what_they_name(api):
    network = get(api, f"/api/actors/{KH}/neighbors", depth=2).json()
    some = sorted(e["claim"] for e in network["edges"])[:2]
    data = json.loads(get(api, "/api/export", format="json", claim=[*some, "clm-not-in-the-store"]).content)
    assert sorted(c["id"] for c in data["claims"]) == some
    named = {x for c in data["claims"] for x in (c["subject"], c.get("object")) if x}
    assert named <= {e["id"] for e in data["entities"]} and len(data["entities"]) < len(
        json.loads(get(api, "/api/export", format="json").content)["entities"])
    r = api.get("/api/export", params={"claim": [f"clm-{n}" for n in range(401)]})
    assert r.status_code == 400 and "at most 400" in r.json()["detail"]


def test_the_events_table_holds_the_events_the_events_route_lists_in_its_order(api):
    listed = get(api, "/api/events", limit=500).json()["items"]
    assert listed
    r = get(api, "/api/export/events", format="csv")
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == 'attachment; filename="events.csv"'
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8"))))
    assert [row["event_id"] for row in rows] == [e["claim"] for e in listed]
    assert list(rows[0]) == [c.name for c in tables.EVENTS]
    assert {row["event_type"] for row in rows} == {e["predicate"] for e in listed}
    as_json = json.loads(get(api, "/api/export/events", format="json").content)
    assert [row["event_id"] for row in as_json] == [e["claim"] for e in listed]
    parquet = pq.read_table(io.BytesIO(get(api, "/api/export/events", format="parquet").content))
    assert parquet.column("event_id").to_pylist() == [e["claim"] for e in listed]
    assert parquet.column_names == [c.name for c in tables.EVENTS]


def test_the_events_table_takes_the_filters_of_the_events_route(api):
    everything = json.loads(get(api, "/api/export/events", format="json").content)
    for params in ({"type": "ASSAULT"}, {"actor": KH}, {"date_from": "2020"}):
        listed = get(api, "/api/events", limit=500, **params).json()["items"]
        rows = json.loads(get(api, "/api/export/events", format="json", **params).content)
        assert [r["event_id"] for r in rows] == [e["claim"] for e in listed], params
        assert 0 < len(rows) < len(everything), params
    assert api.get("/api/export/events", params={"type": "PICNIC"}).status_code == \
        api.get("/api/events", params={"type": "PICNIC"}).status_code


def test_the_events_table_takes_every_page_of_the_events_route(api, monkeypatch):
    from claimgraph.api import exports

    listed = [e["claim"] for e in get(api, "/api/events", limit=500, sort="type", order="desc").json()["items"]]
    assert len(listed) > 4
    monkeypatch.setattr(exports, "MAX_LIMIT", 2)  # pages of 2: the route asks for them one after another
    rows = json.loads(get(api, "/api/export/events", format="json", sort="type", order="desc").content)
    assert [r["event_id"] for r in rows] == listed


def test_the_export_routes_take_the_read_token(serve):
    server = serve(token="reader", analyst_token="writer")
    with server.client() as client:
        for path in ("/api/export", f"/api/actors/{KH}/export", "/api/export/events", "/api/exports"):
            assert client.get(path).status_code == 401, path
            assert client.get(path, params={"token": "reader"}).status_code == 200, path
            assert client.get(path, headers={"Authorization": "Bearer reader"}).status_code == 200, path


# -- streamed, in bounded memory ----------------------------------------------------------------

def test_the_answer_is_streamed_in_chunks_not_sent_whole(api):
    with api.stream("GET", "/api/export", params={"format": "stix"}) as r:
        assert r.status_code == 200
        assert r.headers.get("transfer-encoding") == "chunked" and "content-length" not in r.headers
        body = b"".join(r.iter_bytes())
    assert body == get(api, "/api/export", format="stix").content


def test_a_writer_waits_for_its_reader_and_holds_a_bounded_number_of_chunks():
    pipe = export_stream.Pipe()
    total = (export_stream.DEPTH * 20) * export_stream.CHUNK

    def write(fh):
        for _ in range(total // 1000):
            fh.write(b"x" * 1000)

    writer = threading.Thread(target=pipe.run, args=(write,))
    writer.start()
    first = pipe.take()
    deadline = time.monotonic() + 30
    while not pipe.queue.full() and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)
    assert pipe.queue.full() and writer.is_alive()  # the writer waits: it is far from done
    # what it holds is bounded: the chunks queued, the one taken, the one it waits to queue, its buffer
    assert pipe.written <= (export_stream.DEPTH + 3) * export_stream.CHUNK
    got = len(first)
    while (block := pipe.take()) is not None:
        got += len(block)
    writer.join(10)
    assert got == pipe.written == total // 1000 * 1000 and not writer.is_alive()


def test_a_download_given_up_stops_its_writer(read_server, monkeypatch):
    """A writer that never ends stands for an export larger than every buffer on the way."""
    from claimgraph.export import exchange_file

    def endless(read, fh, options=None):
        while True:
            fh.write(b" " * 4096)

    monkeypatch.setattr(exchange_file, "export", endless)
    with read_server.client() as client:
        with client.stream("GET", "/api/export", params={"format": "json"}) as r:
            got = 0
            for block in r.iter_raw():
                got += len(block)
                if got > 4_000_000:
                    break
    assert got > 4_000_000
    deadline = time.monotonic() + 30
    while any(t.name == "claimgraph-export" for t in threading.enumerate()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(t.name == "claimgraph-export" for t in threading.enumerate())


def test_a_writer_that_fails_before_its_first_chunk_is_an_error_answer(read_server, monkeypatch):
    from claimgraph.export import graphml

    def broken(read, fh, options=None):
        fh.write(b"<graphml>")
        raise RuntimeError("the disk is gone")

    monkeypatch.setattr(graphml, "export", broken)
    with read_server.client() as client:
        r = client.get("/api/export", params={"format": "graphml"})
    assert r.status_code == 500 and r.json()["detail"] == "internal error: RuntimeError"
