"""`claimgraph batch` then `claimgraph load` fills a store exactly as `ingest` in one process does,
on a local Ray instance and on the local process pool; loading twice changes nothing; bad input
and a damaged shard are reported and the rest goes on."""
from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from claimgraph.batch.tables import from_tables, to_tables
from claimgraph.cli.main import app
from db_copies import drop, new_url
from db_rows import contents

RECORDS = [
    {"id": "a1", "title": "Port talks", "source": "Harbour Post", "published": "2024-03-02",
     "text": "The Ministry of Transport of Kenya said on Monday that it had signed a port agreement with "
             "the Tanzania Ports Authority. Officials in Nairobi said the deal would cut fees."},
    {"id": "a2", "title": "Fishing dispute", "source": "Lake Wire", "published": "2024-03-05",
     "text": "Uganda accused Kenya of seizing three fishing boats near Migingo Island. The Kenyan police "
             "denied that officers had detained any fishermen, a spokesman told reporters in Kampala."},
    {"id": "a3", "title": "Aid pledge", "source": "Capital Daily", "published": "2024-03-09",
     "text": "The World Bank pledged $200 million to Ethiopia for road repairs, the finance minister "
             "Ahmed Shide said in Addis Ababa on Friday."},
]

run = CliRunner().invoke


def write_jsonl(path, records, bad_line: bool = False):
    lines = [json.dumps(r) for r in records]
    if bad_line:
        lines.insert(1, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def stored(url: str) -> dict:
    return {t: r for t, r in contents(url).items()
            if t in ("documents", "entities", "mentions", "claims", "evidence")}


@pytest.fixture
def reference(request, tmp_path):
    """What `ingest --workers 1` stores from the same input, on the same kind of database."""
    kind = request.node.callspec.params["db_url"]
    if kind == "postgresql":
        request.getfixturevalue("pg_server")  # skipped, or failed, as the store under test is

    def make(inputs):
        url = new_url(kind, tmp_path / "ref")
        try:
            r = run(app, ["ingest", *map(str, inputs), "--db", url, "--workers", "1"])
            assert r.exit_code in (0, 1), r.output
            return stored(url)
        finally:
            drop(url)
    (tmp_path / "ref").mkdir()
    return make


def batch_and_load(inputs, out, db, *engine_args):
    r = run(app, ["batch", *map(str, inputs), "-o", str(out), "--format", "json", *engine_args])
    assert r.exit_code in (0, 1), r.output
    summary = json.loads(r.stdout[r.stdout.index("{"):])
    r = run(app, ["load", str(out), "--db", db, "--format", "json"])
    assert r.exit_code == 0, r.output
    return summary, json.loads(r.stdout[r.stdout.index("{"):])


def test_local_engine_equals_ingest_and_load_twice_changes_nothing(tmp_path, db_url, reference):
    src = write_jsonl(tmp_path / "in.jsonl", RECORDS)
    summary, loaded = batch_and_load([src], tmp_path / "out", db_url, "--engine", "local", "--workers", "2")
    assert summary["documents"] == 3 and summary["claims"] > 0 and summary["evidence"] > 0
    assert loaded["stored"] == 3
    first = stored(db_url)
    assert first == reference([src])
    r = run(app, ["load", str(tmp_path / "out"), "--db", db_url, "--format", "json"])
    again = json.loads(r.stdout[r.stdout.index("{"):])
    assert (again["stored"], again["unchanged"]) == (0, 3)
    assert stored(db_url) == first


def test_ray_engine_equals_ingest(tmp_path, db_url, reference):
    ray = pytest.importorskip("ray")
    src = write_jsonl(tmp_path / "in.jsonl", RECORDS)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        _, loaded = batch_and_load([src], tmp_path / "out", db_url, "--engine", "ray", "--workers", "2")
    finally:
        ray.shutdown()
    assert loaded["stored"] == 3
    assert stored(db_url) == reference([src])


def test_bad_line_and_damaged_shard_are_reported_and_the_rest_loads(tmp_path, db_url):
    src = write_jsonl(tmp_path / "in.jsonl", RECORDS, bad_line=True)
    out = tmp_path / "out"
    r = run(app, ["batch", str(src), "-o", str(out), "--engine", "local", "--workers", "1", "--format", "json"])
    assert r.exit_code == 1
    assert f"{src}:2: malformed JSON" in r.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["documents"] == 3 and len(manifest["errors"]) == 1
    # a second shard of one document, then the first shard's claims table damaged
    from claimgraph.batch.shards import read_shard, write_manifest, write_shard
    docs = read_shard(out, manifest["shards"][0])
    manifest["shards"] = [write_shard(out, 0, docs[:2]), write_shard(out, 1, docs[2:])]
    write_manifest(out, {k: v for k, v in manifest.items() if k != "format"})
    (out / "claims" / "part-00000.parquet").write_bytes(b"not parquet")
    r = run(app, ["load", str(out), "--db", db_url, "--format", "json"])
    assert r.exit_code == 1
    assert "claims/part-00000.parquet" in r.output
    loaded = json.loads(r.stdout[r.stdout.index("{"):])
    assert (loaded["shards"], loaded["shard errors"], loaded["stored"]) == (1, 1, 1)


def test_parquet_input_with_a_text_column(tmp_path, db_url, reference):
    pq.write_table(pa.Table.from_pylist([{**r, "body": r["text"]} for r in RECORDS]).drop(["text"]),
                   tmp_path / "in.parquet")
    jsonl = write_jsonl(tmp_path / "same.jsonl", RECORDS)
    r = run(app, ["batch", str(tmp_path / "in.parquet"), "-o", str(tmp_path / "out"), "--engine", "local",
                  "--workers", "1", "--text-column", "body"])
    assert r.exit_code == 0, r.output
    r = run(app, ["load", str(tmp_path / "out"), "--db", db_url])
    assert r.exit_code == 0, r.output
    got, want = stored(db_url), reference([jsonl])
    assert len(got["documents"]) == 3
    for table in ("entities", "mentions", "claims", "evidence"):
        assert got[table] == want[table]
    r = run(app, ["batch", str(tmp_path / "in.parquet"), "-o", str(tmp_path / "out2"), "--engine", "local"])
    assert r.exit_code == 1 and 'no text column "text"' in r.output


def test_tables_round_trip_is_exact(extract):
    docs = [extract(r["text"]) for r in RECORDS]
    for d in docs:
        d.spacy_doc = None
        d.extra = {"nested": {"a": [1, 2]}, "n": 3}
    back = from_tables(to_tables(docs))
    assert back == docs
    assert sum(len(d.claims) for d in back) > 0
