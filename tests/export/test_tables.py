"""`export --format csv|parquet|neo4j` and the gazetteer: the tables read back by pyarrow and the
csv module and joined to the store's claims again; the Neo4j files checked against the rules of
`neo4j-admin database import full`'s header format; the same bytes twice; the queries' filters."""
from __future__ import annotations

import csv
import json
import re
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from claimgraph.export import csvfiles, tables
from claimgraph.export.read import StoreRead
from claimgraph.kb import gazetteer
from claimgraph.store import Store

from demo_store import run

TABLES = ("events", "relations", "actors", "evidence")


def export(demo_db: str, folder: Path, format: str, *filters: str) -> Path:
    r = run("export", "--db", demo_db, "--format", format, *filters, "-o", folder)
    assert r.exit_code == 0, r.output
    return folder


@pytest.fixture(scope="module")
def folders(demo_db, tmp_path_factory) -> dict[str, Path]:
    return {f: export(demo_db, tmp_path_factory.mktemp(f), f) for f in ("csv", "parquet", "neo4j")}


@pytest.fixture(scope="module")
def parquet(folders) -> dict[str, pa.Table]:
    return {name: pq.read_table(folders["parquet"] / f"{name}.parquet") for name in TABLES}


def plain(table: pa.Table) -> pa.Table:
    """The table with its dictionary-encoded columns decoded (joins take plain columns)."""
    return pa.table({name: (col.cast(pa.string()) if pa.types.is_dictionary(col.type) else col)
                     for name, col in zip(table.column_names, table.columns)})


def test_parquet_schema_is_fixed_and_typed(folders, parquet):
    events, relations, actors = parquet["events"].schema, parquet["relations"].schema, parquet["actors"].schema
    assert pa.types.is_dictionary(relations.field("predicate").type)
    assert pa.types.is_dictionary(events.field("modality").type) and pa.types.is_dictionary(events.field("event_type").type)
    assert actors.field("aliases").type == pa.list_(pa.string())
    assert events.field("event_date").type == pa.date32() and events.field("fatalities").type == pa.int64()
    assert events.field("notes").metadata[b"description"].startswith(b"the evidence sentence")
    # a row group per page of claims (the export is written as a stream)
    assert pq.ParquetFile(folders["parquet"] / "evidence.parquet").metadata.num_row_groups >= 1


def test_parquet_counts_equal_the_store(demo_db, parquet):
    db = sqlite3.connect(demo_db)
    kinds = dict(db.execute("select kind, count(*) from claim_figures group by kind"))
    assert parquet["events"].num_rows == kinds["event"] > 0
    assert parquet["relations"].num_rows == kinds["relation"] > 0
    spans = db.execute('select count(*) from (select distinct coalesce(c.canonical, c.id), e.doc_id, e.start, e."end" '
                       "from evidence e join claims c on c.id = e.claim_id)").fetchone()[0]
    assert parquet["evidence"].num_rows == spans == db.execute("select sum(evidence) from claim_figures").fetchone()[0]
    heads = {r[0] for r in db.execute("select id from entities where canonical is null")}
    assert set(parquet["actors"].column("actor_id").to_pylist()) == heads


def test_parquet_joins_back_to_the_stores_claims(demo_db, parquet):
    events, relations = plain(parquet["events"]), plain(parquet["relations"])
    evidence, actors = plain(parquet["evidence"]), plain(parquet["actors"])
    db = sqlite3.connect(demo_db)
    stored = {}  # claim id → (modality, {(doc, start, end): sentence})
    for claim, modality, doc, start, end, text in db.execute(
            'select f.claim_id, f.modality, e.doc_id, e.start, e."end", e.text from claim_figures f '
            "join claims c on coalesce(c.canonical, c.id) = f.claim_id join evidence e on e.claim_id = c.id"):
        stored.setdefault(claim, (modality, {}))[1][(doc, start, end)] = text
    claims = pa.concat_tables([events.select(["claim_id", "modality"]), relations.select(["claim_id", "modality"])])
    joined = claims.join(evidence, "claim_id").to_pylist()
    found: dict[str, tuple[str, dict]] = {}
    for row in joined:
        found.setdefault(row["claim_id"], (row["modality"], {}))[1][
            (row["doc_id"], row["char_start"], row["char_end"])] = row["sentence"]
    sample = sorted(stored)[::7]
    assert len(sample) > 20
    for claim in sample:
        assert found[claim] == stored[claim], claim
    assert found == stored
    # relations ⋈ actors: the subject's and object's names and the store's subject of each claim
    named = relations.join(actors.select(["actor_id", "name"]), "subject_id", "actor_id").to_pylist()
    assert len(named) == relations.num_rows and all(r["name"] == r["subject"] for r in named)
    subjects = dict(db.execute("select claim_id, subject from claim_figures"))
    assert all(subjects[r["claim_id"]] == r["subject_id"] for r in named)
    ids = set(actors.column("actor_id").to_pylist())
    assert set(relations.column("object_id").to_pylist()) <= ids
    for column in ("actor1_id", "actor2_id", "location_id", "attribution_id"):
        assert set(pc.drop_null(events.column(column)).to_pylist()) <= ids, column


def test_events_carry_the_acled_and_polecat_columns(demo_db, parquet):
    rows = parquet["events"].to_pylist()
    by_id = {r["claim_id"]: r for r in rows}
    db = sqlite3.connect(demo_db)
    for claim, predicate, subject, obj, location in db.execute(
            "select claim_id, predicate, subject, object, location from claim_figures where kind = 'event'"):
        row = by_id[claim]
        assert (row["event_type"], row["actor1_id"], row["actor2_id"], row["location_id"]) == (
            predicate, subject, obj, location)
        assert row["event_id"] == claim
    placed = [r for r in rows if r["location"] and r["latitude"] is not None]
    assert placed and all(-90 <= r["latitude"] <= 90 and r["geo_precision"] in (1, 3) for r in placed)
    baghdad = [r for r in placed if r["location"] == "Baghdad"]
    assert baghdad and all(r["country"] == "Iraq" and r["iso3"] == "IRQ" and 33 < r["latitude"] < 34 for r in baghdad)
    # fatalities only from quantities that count deaths
    quantities = {c: q for c, q in db.execute("select id, json_extract(attrs, '$.quantity') from claims")}
    dead = [r for r in rows if r["fatalities"] is not None]
    assert dead and all('"fatalities"' in quantities[r["claim_id"]] for r in dead)
    for r in rows:  # ACLED's time precision: 1 a day, 2 a span within a week, 3 a month, else none
        span = (r["event_date_end"] - r["event_date"]).days if r["event_date"] and r["event_date_end"] else None
        day = r["date_precision"] == "day"
        month = r["date_precision"] == "month" and span is not None and r["event_date"].month == r["event_date_end"].month
        assert r["time_precision"] == (1 if day and span == 0 else 2 if day and span is not None and span < 7
                                       else 3 if month else None)
        if r["event_date"] is not None:
            assert r["year"] == r["event_date"].year
    assert {r["time_precision"] for r in rows} >= {1, 3, None}
    week = {"claim": "clm-x", "kind": "event", "predicate": "PROTEST", "modality": "asserted", "evidence": [],
            "date": {"start": "2020-01-06", "end": "2020-01-12", "precision": "day", "text": "last week"}}
    assert tables.event_row(week, {})["time_precision"] == 2
    weekend = dict(week, date={"start": "2020-01-11", "end": "2020-01-12", "precision": "day", "text": "at the weekend"})
    assert tables.event_row(weekend, {})["time_precision"] == 2
    month = dict(week, date={"start": "2020-01-01", "end": "2020-01-31", "precision": "month", "text": "January"})
    assert tables.event_row(month, {})["time_precision"] == 3
    year = dict(week, date={"start": "2020-01-01", "end": "2020-12-31", "precision": "year", "text": "in 2020"})
    assert tables.event_row(year, {})["time_precision"] is None
    assert tables.event_row(dict(week, date={"start": "2020-01-06", "end": "2020-01-06", "precision": "day"}),
                            {})["time_precision"] == 1


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def test_csv_has_the_same_rows_as_parquet(folders, parquet):
    for name in TABLES:
        with (folders["csv"] / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            assert reader.fieldnames == parquet[name].column_names
            rows = list(reader)
        want = [{k: _csv_cell(v) for k, v in row.items()} for row in parquet[name].to_pylist()]
        assert rows == want, name
    # a list cell splits back into the list
    aliases = {r["actor_id"]: r["aliases"] for r in parquet["actors"].to_pylist()}
    assert any(len(a) > 1 for a in aliases.values())
    assert not any(";" in alias for a in aliases.values() for alias in a)


def test_csv_is_the_same_bytes_twice_and_in_small_pages(demo_db, folders, tmp_path):
    again = export(demo_db, tmp_path / "again", "csv")
    with Store(demo_db) as store:
        (tmp_path / "paged").mkdir()
        csvfiles.export(StoreRead(store, page=7), tmp_path / "paged")
    for name in TABLES:
        first = (folders["csv"] / f"{name}.csv").read_bytes()
        assert first == (again / f"{name}.csv").read_bytes(), name
        assert first == (tmp_path / "paged" / f"{name}.csv").read_bytes(), name
    neo = export(demo_db, tmp_path / "neo", "neo4j")
    for path in folders["neo4j"].iterdir():
        assert path.read_bytes() == (neo / path.name).read_bytes(), path.name


def test_a_filter_through_the_cli(demo_db, tmp_path):
    folder = export(demo_db, tmp_path / "funds", "csv", "--predicate", "funds")
    read = {name: list(csv.DictReader((folder / f"{name}.csv").open(encoding="utf-8", newline=""))) for name in TABLES}
    db = sqlite3.connect(demo_db)
    want = {r[0] for r in db.execute("select claim_id from claim_figures where predicate = 'funds'")}
    assert want and {r["claim_id"] for r in read["relations"]} == want
    assert {r["predicate"] for r in read["relations"]} == {"funds"} and read["events"] == []
    assert {r["claim_id"] for r in read["evidence"]} == want
    named = {x for r in read["relations"] for x in (r["subject_id"], r["object_id"], r["attribution_id"]) if x}
    assert named <= {r["actor_id"] for r in read["actors"]}
    assert len(read["actors"]) < db.execute("select count(*) from entities where canonical is null").fetchone()[0]


# --- Neo4j ---------------------------------------------------------------------------------------

NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
               "localtime", "time", "localdatetime", "datetime", "duration"}
KEYWORDS = {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"}
FIELD = re.compile(r"^(?P<name>[^:]*)(?::(?P<kind>[A-Za-z_]+)(?P<array>\[\])?(?:\((?P<space>[^()]+)\))?)?$")


def parse_header(fields: list[str]) -> list[dict]:
    """Each header field as name, kind (a keyword, a property type, or None = string), array, space;
    fails on a field that is not of the form name[:type] with a known type."""
    out = []
    for field in fields:
        m = FIELD.match(field)
        assert m, field
        kind = m["kind"]
        assert kind is None or kind in KEYWORDS or kind in NEO4J_TYPES, field
        assert not (m["space"] and kind not in ("ID", "START_ID", "END_ID")), field
        assert not (m["array"] and kind in KEYWORDS), field
        out.append({"name": m["name"], "kind": kind, "array": bool(m["array"]), "space": m["space"]})
    return out


def check_value(value: str, kind: str | None, array: bool, delimiter: str) -> None:
    if value == "":
        return  # no property (--ignore-empty-strings)
    for item in value.split(delimiter) if array else [value]:
        assert item != "" or not array
        if kind in ("int", "long"):
            int(item)
        elif kind in ("float", "double"):
            float(item)
        elif kind == "boolean":
            assert item in ("true", "false")
        elif kind == "date":
            date.fromisoformat(item)


def test_neo4j_files_follow_the_import_tools_rules(folders, parquet):
    folder = folders["neo4j"]
    script = (folder / "import.sh").read_text()
    assert subprocess.run(["sh", "-n", str(folder / "import.sh")]).returncode == 0
    line = re.sub(r"\s*\\\n\s*", " ", script)
    assert re.search(r'neo4j-admin database import full "\$DB" --', line)  # the database name first
    delimiter = re.search(r'--array-delimiter="(.)"', line)[1]
    nodes = re.findall(r'--nodes="\$HERE"/(\S+)', line)
    rels = re.findall(r'--relationships="\$HERE"/(\S+)', line)
    assert sorted(nodes + rels) == sorted(p.name for p in folder.glob("*.csv"))

    ids: dict[str, set[str]] = {}
    rows_of: dict[str, list[dict]] = {}
    for name in nodes + rels:
        with (folder / name).open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = parse_header(next(reader))
            rows = list(reader)
        assert all(len(r) == len(header) for r in rows), name
        props = [h["name"] for h in header if h["kind"] not in KEYWORDS]
        assert len(props) == len(set(props)) and all(props), name
        for i, h in enumerate(header):
            if h["kind"] not in KEYWORDS:
                for r in rows:
                    check_value(r[i], h["kind"], h["array"], delimiter)
        kinds = [h["kind"] for h in header]
        if name in nodes:
            assert kinds.count("ID") == 1 and kinds.count("LABEL") == 1, name
            assert not {"START_ID", "END_ID", "TYPE"} & set(kinds), name
            at, space = kinds.index("ID"), header[kinds.index("ID")]["space"]
            assert space and space not in ids, name
            ids[space] = {r[at] for r in rows}
            assert len(ids[space]) == len(rows), f"{name}: node ids are unique in their space"
            label = kinds.index("LABEL")
            assert all(r[label].split(delimiter)[0] in {"Actor", "Document", "Event"} for r in rows)
        else:
            assert [kinds.count(k) for k in ("START_ID", "END_ID", "TYPE", "ID", "LABEL")] == [1, 1, 1, 0, 0], name
            assert all(h["name"] == "" for h in header if h["kind"] in ("START_ID", "END_ID", "TYPE"))
        rows_of[name] = [dict(zip([h["name"] or f":{h['kind']}" for h in header], r)) | {
            ":start": r[kinds.index("START_ID")] if "START_ID" in kinds else None,
            ":end": r[kinds.index("END_ID")] if "END_ID" in kinds else None,
            ":space": (header[kinds.index("START_ID")]["space"], header[kinds.index("END_ID")]["space"])
            if "START_ID" in kinds else None} for r in rows]
    for name in rels:
        for r in rows_of[name]:
            start_space, end_space = r[":space"]
            assert start_space in ids and end_space in ids, name
            assert r[":start"] in ids[start_space] and r[":end"] in ids[end_space], (name, r[":start"], r[":end"])
            assert re.fullmatch(r"[A-Z][A-Z0-9_]*", r[":TYPE"])
    # the graph holds the tables: every actor and event, a relationship per relation claim typed by its predicate
    assert ids["Actor"] == set(parquet["actors"].column("actor_id").to_pylist())
    assert ids["Event"] == set(parquet["events"].column("claim_id").to_pylist())
    predicates = dict(zip(parquet["relations"].column("claim_id").to_pylist(),
                          parquet["relations"].column("predicate").cast(pa.string()).to_pylist()))
    assert {r["claim_id"]: r[":TYPE"] for r in rows_of["claims.csv"]} == {c: p.upper() for c, p in predicates.items()}
    # array columns split back into the lists of the tables
    aliases = {r["actor_id"]: r["aliases"] for r in parquet["actors"].to_pylist()}
    assert all((r["aliases"].split(delimiter) if r["aliases"] else []) == aliases[r["actor_id"]]
               for r in rows_of["actors.csv"])
    sentences = {(r["claim_id"], r["doc_id"], r["char_start"]): r["sentence"] for r in parquet["evidence"].to_pylist()}
    assert all(sentences[(r[":start"], r[":end"], int(r["char_start"]))] == r["sentence"]
               for r in rows_of["event_evidence.csv"])
    modality = {r["claim_id"]: r["modality"] for r in parquet["relations"].to_pylist()}
    assert all(modality[r["claim_id"]] == r["modality"] for r in rows_of["claims.csv"])


# --- gazetteer ------------------------------------------------------------------------------------

def test_gazetteer_places_a_city_and_a_country():
    mosul = gazetteer.coordinates("Mosul", "IRQ", "city")
    assert mosul and 36.0 < mosul.latitude < 36.6 and 42.9 < mosul.longitude < 43.4 and mosul.precision == "city"
    assert gazetteer.coordinates("Sana'a", "YEM").geonames_id == gazetteer.coordinates("Sanaa", "YEM").geonames_id
    iran = gazetteer.coordinates("Iran", "IRN", "state")  # by its capital, Tehran
    assert iran and 35.4 < iran.latitude < 36.0 and 51.0 < iran.longitude < 51.8 and iran.precision == "capital"
    assert gazetteer.coordinates("Islamic Republic", "IRN", "country") == iran
    assert gazetteer.coordinates("Iran") == iran  # a country's name, no subtype
    # the country decides between cities of one name; a name alone only a large city
    paris_tx = gazetteer.coordinates("Paris", "USA", "city")
    assert paris_tx and paris_tx.longitude < -50 and gazetteer.coordinates("Paris").longitude > 0
    assert gazetteer.coordinates("Virginia") is None and gazetteer.coordinates("Virginia", "ZAF") is not None
    assert gazetteer.coordinates("Nowhereabad Qxz", "IRQ") is None
    assert gazetteer.coordinates("Kirkuk", "IRQ", "province") is None
    assert gazetteer.coordinates("Xq Old Town", "IRQ", "city", aliases=["Basra"]) == gazetteer.coordinates("Basra", "IRQ")
    assert gazetteer.country_name("LBN") == "Lebanon" and gazetteer.country_name("XXX") is None



def test_a_listed_actor_carries_its_listing(demo_copy, tmp_path):
    line = {"id": "tbl-org-1", "schema": "Organization", "caption": "Kataib Hizbollah",
            "properties": {"name": ["Kataib Hizbollah"], "country": ["iq"], "topics": ["sanction", "crime.terror"]},
            "datasets": ["table_test_list"], "target": True}
    path = tmp_path / "list.ftm.json"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    r = run("kb", "import", path, "--db", demo_copy, "--title", "Table Test List")
    assert r.exit_code == 0, r.output
    folder = export(demo_copy, tmp_path / "listed", "parquet", "--listed")
    actors = pq.read_table(folder / "actors.parquet").to_pylist()
    listed = {a["name"]: a["listed"] for a in actors if a["listed"]}
    assert listed == {"Kata'ib Hizballah": ["Table Test List (crime.terror, sanction)"]}  # topics as the import sorts them
    relations = pq.read_table(folder / "relations.parquet").to_pylist()
    events = pq.read_table(folder / "events.parquet").to_pylist()
    assert relations or events
    assert all("ent-kataib-hizballah" in (r["subject_id"], r["object_id"]) for r in relations)
