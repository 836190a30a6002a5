"""A `batch` output folder used twice holds the second run only, and a run that stops half-way
leaves no manifest, so `load` refuses the folder instead of loading an earlier run's shards."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimgraph.batch.run import run_batch
from claimgraph.cli.main import app

TEXTS = ["The Harbour Authority of Mombasa signed a dredging contract with a Dutch firm in May 2023.",
         "Police in Kisumu arrested two smugglers who had moved fuel across the lake, officials said.",
         "The Ministry of Energy of Uganda accused a Kenyan trader of supplying forged permits."]


def jsonl(path, texts):
    path.write_text("".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
                    encoding="utf-8")
    return path


def parts(out):
    return sorted(p.relative_to(out).as_posix() for p in out.glob("*/part-*"))


def test_a_second_run_into_the_folder_replaces_the_first(tmp_path):
    out = tmp_path / "out"
    first = run_batch([jsonl(tmp_path / "a.jsonl", TEXTS)], out, "local", 1, shard_docs=1)
    assert len(first["shards"]) == 3 and len(parts(out)) == 15
    import spacy
    assert first["model"] and first["model_version"] == spacy.util.get_package_version(first["model"])
    second = run_batch([jsonl(tmp_path / "b.jsonl", TEXTS[:1])], out, "local", 1, shard_docs=1)
    assert [s["part"] for s in second["shards"]] == ["part-00000.parquet"]
    assert parts(out) == sorted(f"{t}/part-00000.parquet" for t in
                                ("documents", "entities", "mentions", "claims", "evidence"))
    r = CliRunner().invoke(app, ["load", str(out), "--db", str(tmp_path / "s.db"), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout[r.stdout.index("{"):])["stored"] == 1


def test_a_run_that_stops_leaves_no_manifest_and_load_says_so(tmp_path):
    out = tmp_path / "out"
    run_batch([jsonl(tmp_path / "a.jsonl", TEXTS)], out, "local", 1, shard_docs=1)
    assert (out / "manifest.json").exists()
    seen = []

    def stop(doc):
        seen.append(doc)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch([jsonl(tmp_path / "b.jsonl", TEXTS[::-1])], out, "local", 1, shard_docs=1, on_document=stop)
    assert not (out / "manifest.json").exists()
    r = CliRunner().invoke(app, ["load", str(out), "--db", str(tmp_path / "s.db")])
    assert r.exit_code == 2
    assert "did not finish" in r.output and str(out) in r.output
    assert not (tmp_path / "s.db").exists()
