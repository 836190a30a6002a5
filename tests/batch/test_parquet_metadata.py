"""Parquet columns of types JSON has no word for (decimals, dates and times, durations, bytes, NaN)
become plain metadata values: the shard is written and the values read back as the store keeps them."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq

from claimgraph.batch.inputs import read_parquet
from claimgraph.batch.run import run_batch
from claimgraph.batch.shards import read_manifest, read_shard

ROW = {"text": "The customs service of Djibouti seized a shipment of rifles bound for Yemen in 2022.",
       "amount": Decimal("1250000.75"), "filed": dt.date(2022, 3, 4),
       "seen_at": dt.datetime(2022, 3, 4, 9, 30, tzinfo=dt.timezone.utc), "at": dt.time(9, 30),
       "took": dt.timedelta(minutes=90), "raw": b"\xff\x00", "label": b"wire", "score": float("nan"),
       "tags": ["port", "arms"]}


def test_odd_column_types_become_json_metadata_and_the_shard_is_written(tmp_path):
    table = pa.Table.from_pylist([ROW], schema=pa.schema([
        ("text", pa.string()), ("amount", pa.decimal128(12, 2)), ("filed", pa.date32()),
        ("seen_at", pa.timestamp("us", tz="UTC")), ("at", pa.time64("us")), ("took", pa.duration("us")),
        ("raw", pa.binary()), ("label", pa.binary()), ("score", pa.float64()), ("tags", pa.list_(pa.string()))]))
    pq.write_table(table, tmp_path / "in.parquet")
    (doc,) = read_parquet(str(tmp_path / "in.parquet"))
    extra = json.loads(json.dumps(doc.extra, allow_nan=False))  # strict JSON: no NaN, nothing unknown
    assert extra["amount"] == "1250000.75" and extra["filed"] == "2022-03-04"
    assert extra["seen_at"] == "2022-03-04T09:30:00+00:00" and extra["at"] == "09:30:00"
    assert extra["took"] == 5400.0 and extra["raw"] == "ff00" and extra["label"] == "wire"
    assert extra["score"] is None and extra["tags"] == ["port", "arms"]
    out = tmp_path / "out"
    manifest = run_batch([tmp_path / "in.parquet"], out, "local", 1)
    assert manifest["errors"] == [] and manifest["documents"] == 1
    (back,) = read_shard(out, read_manifest(out)["shards"][0])
    assert back.extra == doc.extra
