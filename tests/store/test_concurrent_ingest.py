"""Two `claimgraph ingest` processes at once, on overlapping corpora, into one database (SQLite
and PostgreSQL): every document, entity, mention, claim and piece of evidence is stored once and
nothing is missing, the same rows as one process ingesting the union into a new store."""
from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pytest
from db_rows import rows

from claimgraph.ingest.reader import read_paths
from claimgraph.store import Store
from claimgraph.store.ingest import ingest_documents

# The actors recur across documents (one entity row, claims read again with new evidence); the
# last two are one story and its reprint (one near-duplicate cluster), one for each process.
STORY = ("Kata'ib Hezbollah fired rockets at a base near Baghdad on Sunday, Iraqi officials said. "
         "The militia denied any role in the attack and said the Quds Force had not armed it. "
         "A Pentagon spokesman said the United States would respond at a time of its choosing. "
         "Two contractors were wounded and a hangar was damaged, according to the coalition. "
         "Iraqi security forces found the launchers in a field east of the city.")
TEXTS = [
    "The Quds Force trains Kata'ib Hezbollah fighters in Iraq, US officials said.",
    "Qasem Soleimani commanded the Quds Force until January 2020.",
    "Hezbollah fighters crossed into Syria, according to the Syrian Observatory for Human Rights.",
    "The Islamic Revolutionary Guard Corps funds Hezbollah, the State Department said.",
    "Iran arms the Houthis in Yemen, a United Nations panel of experts found.",
    "The Houthis fired a missile at Riyadh on Tuesday, Saudi officials said.",
    "Kata'ib Hezbollah fighters are trained by the Quds Force, the Pentagon alleged.",
    "The United States imposed sanctions on Kata'ib Hezbollah and its leader.",
    "Saudi Arabia accused Iran of arming the Houthis.",
    "Hezbollah denied that the Islamic Revolutionary Guard Corps funds it.",
    STORY,
    STORY + " (Reuters)",
]
FIRST = [0, 1, 2, 3, 4, 5, 6, 10]  # the two corpora share documents 3 to 6
SECOND = [3, 4, 5, 6, 7, 8, 9, 11]

TABLES = {
    "documents": "SELECT id, sha256 FROM documents",
    "entities": "SELECT id, type FROM entities",
    "mentions": 'SELECT doc_id, entity_id, start, "end", text FROM mentions',
    "claims": "SELECT id, kind, subject, predicate, object, modality, confidence FROM claims",
    "evidence": 'SELECT claim_id, doc_id, start, "end", text FROM evidence',
}


def write_corpus(folder, indexes) -> None:
    folder.mkdir()
    for i in indexes:
        (folder / f"doc{i:02d}.txt").write_text(TEXTS[i] + "\n", encoding="utf-8")


def stored(url: str) -> dict[str, Counter]:
    """Each table's rows, counted (a row stored twice counts 2), and the near-duplicate clusters
    (as sets of documents: which one names a cluster depends on the order they came in)."""
    found = {table: Counter(rows(url, sql)) for table, sql in TABLES.items()}
    clusters: dict[str, set[str]] = {}
    for doc_id, cluster in rows(url, "SELECT id, cluster FROM documents"):
        clusters.setdefault(cluster, set()).add(doc_id)
    found["clusters"] = Counter(frozenset(c) for c in clusters.values())
    return found


@pytest.fixture(scope="module")
def reference(extractor, tmp_path_factory) -> dict[str, Counter]:
    """One process, the union of both corpora, a new store."""
    folder = tmp_path_factory.mktemp("union")
    write_corpus(folder / "all", sorted(set(FIRST) | set(SECOND)))
    url = f"sqlite:///{folder / 'reference.db'}"
    with Store(url) as store:
        tally = ingest_documents(store, read_paths([folder / "all"]), extractor)
    assert tally["stored"] == len(TEXTS) and not tally.errors
    return stored(url)


def test_two_ingests_at_once_store_each_row_once(db_url, tmp_path, reference):
    write_corpus(tmp_path / "first", FIRST)
    write_corpus(tmp_path / "second", SECOND)
    Store(db_url).close()  # a store that exists: both processes read the same (empty) state at start
    procs = [subprocess.Popen([sys.executable, "-m", "claimgraph.cli.main", "ingest", str(tmp_path / name), "--db", db_url],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name in ("first", "second")]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    found = stored(db_url)
    for table, counted in found.items():
        assert [row for row, n in counted.items() if n > 1] == [], f"{table}: rows stored twice"
        assert counted == reference[table], f"{table}: not the rows of one ingest of both corpora"
    assert len(found["documents"]) == len(TEXTS)
    assert len(found["clusters"]) == len(TEXTS) - 1  # the reprint joined its story


def test_two_first_ingests_into_a_new_store_wait_for_each_other(db_url, tmp_path, extractor):
    """No store yet: both processes migrate it at once (one does, under the write lock; the other
    waits and finds it done), then write distinct documents: all stored, none fails with
    "database is locked", the rows of one process ingesting both."""
    write_corpus(tmp_path / "first", [0, 1, 2, 3, 4])
    write_corpus(tmp_path / "second", [5, 6, 7, 8, 9])
    procs = [subprocess.Popen([sys.executable, "-m", "claimgraph.cli.main", "ingest", str(tmp_path / name), "--db", db_url,
                               "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name in ("first", "second")]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert not any("locked" in out + err for out, err in outputs), outputs
    write_corpus(tmp_path / "both", range(10))
    url = f"sqlite:///{tmp_path / 'one.db'}"
    with Store(url) as store:
        assert ingest_documents(store, read_paths([tmp_path / "both"]), extractor)["stored"] == 10
    found, expected = stored(db_url), stored(url)
    assert len(found["documents"]) == 10
    assert found == expected
