"""`claimgraph events` shows each event's status: a planned attack or a conditional threat never
reads as one that happened. On sentences written for this test."""
from __future__ import annotations

from typer.testing import CliRunner

from claimgraph.cli.main import app
from claimgraph.model import Document
from claimgraph.store import Store
from claimgraph.store.ingest import ingest_documents

TEXT = ("If Israel attacks Lebanon, Hezbollah will strike Israel. Kataib Hezbollah plans to attack the US embassy "
        "in Baghdad. Kataib Hezbollah attacked a US base near Baghdad in March 2018.")


def test_the_events_table_has_a_status_column(extractor, tmp_path):
    db = tmp_path / "store.db"
    with Store(str(db)) as store:
        ingest_documents(store, [Document(text=TEXT, title="Warnings", source="riverdesk", published="2021-05-10")],
                         extractor)
    result = CliRunner().invoke(app, ["events", "--db", str(db), "--type", "ASSAULT"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "status" in next(line for line in lines if "predicate" in line)
    cells = [[c.strip() for c in line.split("\u2502")[1:-1]] for line in lines if line.count("\u2502") > 5]
    status = {(row[1], row[4]): row[3] for row in cells if row[2] == "ASSAULT"}  # (subject, object) -> status
    assert [s for (a, b), s in status.items() if a == "Kata'ib Hizballah" and b.startswith("U.S.")] == ["planned"]
    assert status[("Hezbollah", "Israel")] == "threatened"
    assert status[("Israel", "Lebanon")] == "if ... (condition)"
    assert status[("Kata'ib Hizballah", "United States")] == "happened"
