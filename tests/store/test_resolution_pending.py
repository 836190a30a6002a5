"""Resolution's pending work is recorded in the store, not inferred from "this run stored
something": documents stored without resolving (a run killed after its last document and before
`Resolver.auto` committed, or `--no-resolve`) are resolved by the next run, though it stores nothing."""
from __future__ import annotations

from db_rows import contents

from claimgraph.ingest.reader import read_paths
from claimgraph.store import Store
from claimgraph.store.ingest import ingest_documents

# "Ahmed Karimov" and "Karimov" are one person: automatic resolution merges them
TEXTS = [
    "General Ahmed Karimov, the commander of the Northern Brigade, said on Monday that his forces had taken "
    "the town of Dalvar. The Northern Brigade denied shelling civilians.",
    "Karimov met the governor of Dalvar on Tuesday, according to local officials. The United Nations said "
    "the Northern Brigades had blocked aid convoys.",
    "Ahmed Karimov accused the Southern Front of attacking a hospital in Dalvar. The Southern Front said it "
    "had not fired on the hospital.",
]


def corpus(folder):
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"doc{i}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def test_documents_stored_without_resolving_are_resolved_by_the_next_run(tmp_path, extractor):
    folder = corpus(tmp_path / "corpus")
    clean = tmp_path / "clean.db"
    with Store(clean) as store:
        reference = ingest_documents(store, read_paths([folder]), extractor)
        assert reference["stored"] == len(TEXTS) and reference["merged"] >= 1
        assert not store.resolution_pending()

    interrupted = tmp_path / "interrupted.db"
    with Store(interrupted) as store:
        # what a run killed between its last document's commit and resolution's leaves behind
        first = ingest_documents(store, read_paths([folder]), extractor, resolve=False)
        assert first["stored"] == len(TEXTS) and "merged" not in first
        assert store.resolution_pending()
    with Store(interrupted) as store:
        again = ingest_documents(store, read_paths([folder]), extractor)
        assert again["stored"] == 0 and again["unchanged"] == len(TEXTS)
        assert again["merged"] == reference["merged"]
        assert not store.resolution_pending()
        third = ingest_documents(store, read_paths([folder]), extractor)
        assert third["stored"] == 0 and third["merged"] == 0
    assert contents(f"sqlite:///{interrupted}") == contents(f"sqlite:///{clean}")
