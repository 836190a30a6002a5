"""`claimgraph kb import`: lists written for these tests (tests/data/lists/, FollowTheMoney lines
in OpenSanctions' form and a CSV) imported into a store built from our own sentences by the real
pipeline, on SQLite and PostgreSQL: the actor listed under a variant spelling shows as listed with
the list's aliases, `undo` takes the match back, a re-import changes nothing, a newer version
updates, and actors of another type or country are left alone."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_store import store_from
from db_copies import copied
from db_rows import contents, rows
from typer.testing import CliRunner

from claimgraph.cli.main import app
from claimgraph.query import claims, dossier, find_actor
from claimgraph.store import Store

LISTS = Path(__file__).parent.parent / "data" / "lists"
SDN, SDN_V2, BROKEN, CSV = (LISTS / n for n in ("sdn_sample.ftm.json", "sdn_sample_v2.ftm.json", "broken.ftm.json",
                                                 "watchlist.csv"))
DOCS = [
    "Golden Crescent Trading Company shipped drones to Kataib Hezbollah in 2022, according to a United Nations "
    "report. Qasim al-Rahmany owns Golden Crescent Trading Company, the report said.",
    "Police in Beirut arrested Nadim Farhat, a Lebanese businessman, who had supplied weapons to Hezbollah, "
    "officials said.",
]


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def base(extractor, module_db_url):
    docs = [{"text": t, "title": f"Story {i}", "source": f"wire{i}", "published": f"2023-0{i + 1}-01"}
            for i, t in enumerate(DOCS)]
    store_from(extractor, module_db_url, docs).engine.dispose()
    return module_db_url


@pytest.fixture
def db(base, tmp_path):
    with copied(base, tmp_path) as url:
        yield url


def _actor(db, name):
    with Store(db) as store:
        found = find_actor(store, name)
        assert not isinstance(found, list), found
        return dossier(store, found.id)


def _import(db, path, *args):
    result = run("kb", "import", path, "--db", db, "--format", "json", *args)
    return result, json.loads(result.stdout) if result.stdout.strip().startswith("{") else None


def test_variant_spelling_listed_with_aliases_and_undo_takes_it_back(db):
    before = _actor(db, "Qasim al-Rahmany")
    assert before["listings"] == [] and "Abu Hadi al-Basri" not in before["aliases"]
    result, counts = _import(db, SDN, "--title", "OFAC SDN")
    assert result.exit_code == 0, result.output
    assert counts["list"] == "test_sdn" and counts["targets"] == 3 and counts["listed"] == 2
    assert counts["unknown_schemata"] == 1 and counts["other_schemata"] == 1 and counts["not_targets"] == 1

    d = _actor(db, "Qasim al-Rahmany")
    [listing] = d["listings"]
    assert listing["title"] == "OFAC SDN" and listing["listed_id"] == "tst-per-0001"
    assert listing["topics"] == ["crime.terror", "sanction"]
    assert listing["programs"] == [{"authority": "Office of Foreign Assets Control", "program": "SDGT",
                                    "start": "2024-01-05"}]
    assert listing["rule"] == "auto:list-translit" and 0.92 <= listing["score"] < 1.0
    assert "Qassim al-Rahmani" in d["aliases"] and "Abu Hadi al-Basri" in d["aliases"]
    assert "Abu Hadi" not in d["aliases"]  # a weak alias is not searched for
    # the added alias finds the actor, as search and resolution see it
    assert _actor(db, "Abu Hadi al-Basri")["id"] == d["id"]
    shown = run("actor", "Qasim al-Rahmany", "--db", db)
    assert "listed" in shown.stdout and "OFAC SDN (crime.terror, sanction)" in shown.stdout

    undo = run("undo", "--db", db)
    assert undo.exit_code == 0 and "2 list match(es) taken back" in " ".join(undo.stdout.split()), undo.output
    after = _actor(db, "Qasim al-Rahmany")
    assert after["listings"] == [] and sorted(after["aliases"]) == sorted(before["aliases"])
    assert rows(db, "SELECT count(*) FROM listings WHERE undone_at IS NULL") == [(0,)]
    assert rows(db, "SELECT count(*) FROM listed_entities") == [(3,)]  # the list stays; the match went
    assert "OFAC SDN" not in run("actor", "Qasim al-Rahmany", "--db", db).stdout


def test_other_type_left_alone(db):
    _import(db, SDN)
    # "Nadim Farhat" is listed as a Company; the store's Nadim Farhat is a person
    assert _actor(db, "Nadim Farhat")["listings"] == []
    company = _actor(db, "Golden Crescent Trading Company")  # "... Company LLC": the legal form goes
    assert [x["listed_id"] for x in company["listings"]] == ["tst-org-0002"]
    assert company["listings"][0]["rule"] == "auto:list-name" and company["listings"][0]["score"] == 1.0


def test_reimport_changes_nothing_and_a_newer_version_updates(db):
    _import(db, SDN)
    first = contents(db)
    result, counts = _import(db, SDN)
    assert result.exit_code == 0 and counts["unchanged"] == 3 and counts["listed"] == 0
    assert contents(db) == first

    result, counts = _import(db, SDN_V2)
    assert (counts["updated"], counts["removed"], counts["unchanged"]) == (1, 1, 1)
    person = _actor(db, "Qasim al-Rahmany")
    assert "Qassem Rahmani" in person["aliases"] and len(person["listings"]) == 1
    assert _actor(db, "Golden Crescent Trading Company")["listings"] == []  # no longer on the list
    # undoing the newer version brings the older one's matches back
    assert run("undo", "--db", db).exit_code == 0
    assert "Qassem Rahmani" not in _actor(db, "Qasim al-Rahmany")["aliases"]
    assert [x["listed_id"] for x in _actor(db, "Golden Crescent Trading Company")["listings"]] == ["tst-org-0002"]


def test_csv_import(db):
    result, counts = _import(db, CSV, "--title", "Test watch list")
    assert result.exit_code == 1  # the row of an unknown type is reported
    assert "watchlist.csv:4:" in result.stderr and counts["targets"] == 2
    d = _actor(db, "Nadim Farhat")
    assert [(x["title"], x["topics"]) for x in d["listings"]] == [("Test watch list", ["crime.traffick", "role.pep"])]
    assert "Nadim Farhet" in d["aliases"]


def test_bad_lines_named_and_the_rest_read(db):
    result, counts = _import(db, BROKEN)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "broken.ftm.json:" in line]
    assert len(errors) == 2 and "broken.ftm.json:2:" in errors[0] and "broken.ftm.json:4:" in errors[1]
    assert counts["bad_lines"] == 2 and counts["unknown_schemata"] == 1 and counts["targets"] == 2
    assert _actor(db, "Nadim Farhat")["listings"][0]["topics"] == ["role.pep"]


def test_listed_filters(db):
    with Store(db) as store:
        everything = claims(store)
        assert everything and claims(store, listed=True) == []
    _import(db, SDN, "--title", "OFAC SDN")
    person = _actor(db, "Qasim al-Rahmany")["id"]
    company = _actor(db, "Golden Crescent Trading Company")["id"]
    with Store(db) as store:
        listed = claims(store, listed=True)
        assert listed and all({person, company} & {r["subject"]["id"], (r["object"] or {}).get("id")} for r in listed)
        assert len(listed) < len(everything)
        # an actor's lines whose other actor is listed: the company's owner
        d = dossier(store, company, listed=True)
        others = {line["other"]["id"] for g in d["relations"].values() for side in ("as_subject", "as_object")
                  for line in g[side]}
        assert others == {person}
        full = dossier(store, company)
        assert sum(len(g[s]) for g in full["relations"].values() for s in ("as_subject", "as_object")) > len(others)
    cli = run("claims", "--db", db, "--listed", "--format", "json")
    assert cli.exit_code == 0 and {r["claim"] for r in json.loads(cli.stdout)} == {r["claim"] for r in listed}
    cli = run("actor", "Golden Crescent Trading Company", "--db", db, "--listed", "--format", "json")
    assert {line["other"]["id"] for g in json.loads(cli.stdout)["relations"].values()
            for side in ("as_subject", "as_object") for line in g[side]} == {person}


def test_layer_file_for_the_ruler(db, tmp_path):
    from claimgraph.extract.pipeline import Extractor
    from claimgraph.kb.check import check
    from claimgraph.kb.loader import load
    from claimgraph.model import Document

    result, counts = _import(db, SDN, "--layer", tmp_path / "layer")
    assert result.exit_code == 0, result.output
    path = Path(counts["layer"])
    assert path.name == "test-sdn.yaml"
    written = path.read_bytes()
    _import(db, SDN, "--layer", tmp_path / "layer")
    assert path.read_bytes() == written  # the same list writes the same file
    kb = load([path])
    assert check(kb) == []
    person = kb.get("test-sdn-tst-per-0001")
    assert person.type == "person" and person.country == "IRQ" and "Abu Hadi al-Basri" in person.aliases
    [doc] = list(Extractor(kb_paths=(str(path),))([Document(text="Abu Hadi al-Basri met the envoy in Basra.")]))
    assert any(e.kb_id == "test-sdn-tst-per-0001" for e in doc.entities)


def test_export_read_carries_listings(db):
    from claimgraph.export.read import Selection, StoreRead

    _import(db, SDN, "--title", "OFAC SDN")
    person = _actor(db, "Qasim al-Rahmany")["id"]
    with Store(db) as store:
        read = StoreRead(store, Selection(listed=True))
        kept = list(read.claims())
        assert kept and len(kept) == len(claims(store, listed=True))
        actors = {a["id"]: a for a in read.actors()}
        assert [x["title"] for x in actors[person]["listings"]] == ["OFAC SDN"]
        company = find_actor(store, "Golden Crescent Trading Company").id
        assert {i for i, a in actors.items() if a["listings"]} == {person, company}


def test_api_shows_the_listing_and_filters_claims(db):
    from fastapi.testclient import TestClient

    from claimgraph.api import create_app

    _import(db, SDN, "--title", "OFAC SDN")
    with TestClient(create_app(db)) as api:
        d = api.get("/api/actors/Qasim al-Rahmany").json()
        assert [(x["title"], x["topics"]) for x in d["listings"]] == [("OFAC SDN", ["crime.terror", "sanction"])]
        assert api.get("/api/actors/Nadim Farhat").json()["listings"] == []
        page = api.get("/api/claims", params={"listed": "true"}).json()
        everything = api.get("/api/claims").json()
    with Store(db) as store:
        assert {r["claim"] for r in page["items"]} == {r["claim"] for r in claims(store, listed=True)}
    assert 0 < len(page["items"]) < len(everything["items"])


def test_a_lower_score_is_left_for_review(db, tmp_path):
    # "Golden Crescent Shipping Company" may be the trading company, or another of the brand
    line = {"id": "tst-org-0201", "schema": "Company", "properties": {"name": ["Golden Crescent Shipping Company"]},
            "datasets": ["test_review"], "target": True}
    path = tmp_path / "review.ftm.json"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result, counts = _import(db, path, "--review", "0.80")
    assert result.exit_code == 0 and counts["listed"] == 0 and counts["unsure"] == 1
    assert _actor(db, "Golden Crescent Trading Company")["listings"] == []
    queue = run("kb", "listings", "--unsure", "--db", db, "--format", "json")
    [row] = json.loads(queue.stdout)
    assert row["name"] == "Golden Crescent Trading Company" and row["judgement"] == "unsure"
    assert 0.80 <= row["score"] < 0.92 and row["rule"].startswith("auto:list-")


def test_entities_table_says_listed(db):
    assert "listed" not in CliRunner().invoke(app, ["entities", "--db", db], env={"COLUMNS": "250"}).stdout
    _import(db, SDN, "--title", "OFAC SDN")
    rows = {r["name"]: r for r in json.loads(run("entities", "--db", db, "--format", "json").stdout)}
    assert rows["Qasim al-Rahmany"]["listed"] == ["OFAC SDN (crime.terror, sanction)"]
    assert rows["Nadim Farhat"]["listed"] == []
    table = CliRunner().invoke(app, ["entities", "--db", db], env={"COLUMNS": "250"})
    assert "listed" in table.stdout and "OFAC SDN (crime.terror, sanction)" in table.stdout


def test_analyst_confirms_or_rejects_an_unsure_match(db, tmp_path):
    line = {"id": "tst-org-0301", "schema": "Company", "properties": {"name": ["Golden Crescent Shipping Company"],
                                                                      "alias": ["GC Shipping"]},
            "datasets": ["test_review"], "target": True}
    path = tmp_path / "review.ftm.json"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    _import(db, path, "--title", "Review list")
    [row] = json.loads(run("kb", "listings", "--unsure", "--db", db, "--format", "json").stdout)
    confirmed = run("kb", "confirm", str(row["listing"]), "--db", db, "--analyst", "maria")
    assert confirmed.exit_code == 0, confirmed.output
    d = _actor(db, "Golden Crescent Trading Company")
    assert [(x["title"], x["rule"]) for x in d["listings"]] == [("Review list", "analyst:maria")]
    assert "GC Shipping" in d["aliases"]
    assert run("undo", "--db", db).exit_code == 1  # maria's, not this login's: it needs saying so
    assert run("undo", "--db", db, "--analyst", "maria").exit_code == 0  # back to the unsure match
    assert _actor(db, "Golden Crescent Trading Company")["listings"] == []
    assert "GC Shipping" not in _actor(db, "Golden Crescent Trading Company")["aliases"]
    [again] = json.loads(run("kb", "listings", "--unsure", "--db", db, "--format", "json").stdout)
    assert again["listing"] == row["listing"]
    # a rejected pair stays apart when the list is imported again
    assert run("kb", "reject", str(row["listing"]), "--db", db).exit_code == 0
    result, counts = _import(db, path)
    assert counts["unsure"] == 0 and counts["listed"] == 0
    assert json.loads(run("kb", "listings", "--unsure", "--db", db, "--format", "json").stdout) == []
    assert run("kb", "reject", str(row["listing"]), "--db", db).exit_code == 1  # no longer stands


def test_audit_log_counts_an_imports_listings(db):
    _import(db, SDN)
    [entry] = json.loads(run("audit", "--db", db, "--format", "json").stdout)
    assert entry["action"] == "kb-import" and len(entry["payload"]["listings"]) == 2
    shown = CliRunner().invoke(app, ["audit", "--db", db], env={"COLUMNS": "250"}).stdout
    assert "kb-import" in shown and "listings: 2" in shown


def test_undo_takes_back_an_import_that_only_dropped_targets(db, tmp_path):
    # a newer list that drops a target no actor matched makes no listing: undo still takes that
    # import back (the target returns to the list), not the older import's matches
    _import(db, SDN)
    lines = [line for line in SDN.read_text(encoding="utf-8").splitlines() if '"tst-org-0003"' not in line]
    newer = tmp_path / "sdn_newer.ftm.json"
    newer.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, counts = _import(db, newer)
    assert result.exit_code == 0 and (counts["removed"], counts["listed"]) == (1, 0)
    assert rows(db, "SELECT count(*) FROM listed_entities WHERE removed_at IS NOT NULL") == [(1,)]
    assert run("undo", "--db", db).exit_code == 0
    assert rows(db, "SELECT count(*) FROM listed_entities WHERE removed_at IS NOT NULL") == [(0,)]
    assert len(_actor(db, "Qasim al-Rahmany")["listings"]) == 1  # the first import's match stands


def test_undo_takes_back_an_import_that_only_updated_unmatched_targets(db, tmp_path):
    _import(db, SDN)
    text = SDN.read_text(encoding="utf-8").replace('"name": ["Nadim Farhat"]', '"name": ["Nadim Farhat"], '
                                                   '"alias": ["N. Farhat"]')
    newer = tmp_path / "sdn_newer.ftm.json"
    newer.write_text(text, encoding="utf-8")
    result, counts = _import(db, newer)
    assert result.exit_code == 0 and (counts["updated"], counts["listed"], counts["removed"]) == (1, 0, 0)
    [(newest,)] = rows(db, "SELECT max(id) FROM audit_log WHERE action = 'kb-import'")
    undo = run("undo", "--db", db)
    assert undo.exit_code == 0 and f"undid action #{newest} " in undo.stdout, undo.output
    assert len(_actor(db, "Qasim al-Rahmany")["listings"]) == 1  # the first import's match stands


@pytest.mark.parametrize("suffix", [".ftm.json", ".csv"])
def test_a_file_that_is_not_utf8_is_one_clear_error(db, tmp_path, suffix):
    path = tmp_path / f"packed{suffix}"
    path.write_bytes(SDN.read_bytes()[:200] + b"\n\x1f\x8b\x08\xd0\xff\n")
    before = contents(db)
    result = run("kb", "import", path, "--db", db)
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.exception
    assert "not UTF-8" in result.output
    assert contents(db) == before


@pytest.mark.parametrize("source", [CSV, SDN])
def test_a_file_saved_with_a_byte_order_mark_reads_alike(db, tmp_path, source):
    # spreadsheet programs save "CSV UTF-8" with a BOM before the header
    path = tmp_path / source.name
    path.write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    plain_bad = 1 if source == CSV else 0  # the CSV's row of an unknown type
    result, counts = _import(db, path)
    assert counts is not None and counts["bad_lines"] == plain_bad, result.output
    assert counts["targets"] == (2 if source == CSV else 3)
