"""`claimgraph export --format ftm`: every line read back by followthemoney (schema, values,
required properties, references and their ranges), the FtM 3.5 profile, each claim's evidence
and modality found again, negated claims, deterministic bytes."""
from __future__ import annotations

import json
import sqlite3

import pytest
import yaml
from demo_store import ROOT, run
from followthemoney import model
from followthemoney.types import registry
from followthemoney.util import make_entity_id

from claimgraph.export.ftm_profile import ftm3


def _export(db: str, path, *args: str) -> list[dict]:
    result = run("export", "--db", db, "--format", "ftm", "-o", path, *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def ftm4(demo_db, tmp_path_factory) -> list[dict]:
    return _export(demo_db, tmp_path_factory.mktemp("ftm") / "graph.ftm.json")


@pytest.fixture(scope="module")
def ftm3_lines(demo_db, tmp_path_factory) -> list[dict]:
    return _export(demo_db, tmp_path_factory.mktemp("ftm3") / "graph.ftm.json", "--ftm-version", "3")


@pytest.fixture(scope="module")
def claims(demo_db) -> list[dict]:
    """Every claim of the demo store as `claimgraph claims --format json` shows it."""
    result = run("claims", "--db", demo_db, "--format", "json", "--limit", "100000")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def doc_urls(demo_db) -> dict[str, str | None]:
    with sqlite3.connect(demo_db) as conn:
        return dict(conn.execute("SELECT id, url FROM documents"))


def _by_record(lines: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for d in lines:
        for record in d["properties"].get("recordId", []):
            out.setdefault(record, []).append(d)
    return out


def check_readable(lines: list[dict]) -> None:
    """What the issue asks of every FtM line; `schema.validate` alone misses required properties
    and references."""
    assert lines
    entities = {d["id"]: d for d in lines}
    assert len(entities) == len(lines), "ids repeat"
    for d in lines:
        proxy = model.get_proxy(d, cleaned=False)  # re-cleans every value
        schema = model.get(d["schema"])
        assert schema is not None and not schema.abstract, d["schema"]
        schema.validate(d)
        assert proxy.to_dict()["properties"] == d["properties"], f"cleaning changed {d['id']}"
        for name in schema.required:
            assert d["properties"].get(name), f"{d['schema']} {d['id']} lacks required {name}"
        for prop in schema.properties.values():
            if prop.type != registry.entity:
                continue
            for ref in d["properties"].get(prop.name, []):
                assert ref in entities, f"{d['schema']}.{prop.name} → {ref}: not in the file"
                target = model[entities[ref]["schema"]]
                assert target.is_a(prop.range), f"{d['schema']}.{prop.name} → {target.name}, not {prop.range.name}"


def test_every_line_read_back_by_followthemoney(ftm4):
    check_readable(ftm4)
    schemata = {d["schema"] for d in ftm4}
    assert {"Person", "PublicBody", "Organization", "LegalEntity", "Address", "Article", "PlainText", "Event",
            "Sanction", "Membership", "Directorship", "Control", "UnknownLink"} <= schemata


def test_ftm_version_3_only_what_followthemoney_3_5_knows(ftm3_lines, ftm4):
    check_readable(ftm3_lines)
    profile = ftm3()
    assert profile["version"].startswith("3.5")
    for d in ftm3_lines:
        spec = profile["schemata"].get(d["schema"])
        assert spec is not None and not spec["abstract"], d["schema"]
        unknown = set(d["properties"]) - set(spec["properties"])
        assert not unknown, (d["schema"], unknown)
        for name in spec["required"]:
            assert d["properties"].get(name), f"{d['schema']} lacks {name}, required by FtM 3.5"
        assert set(d["properties"].get("topics", [])) <= set(profile["topics"])
    assert not {"Control", "Risk", "Territory", "Documentation"} & {d["schema"] for d in ftm3_lines}
    assert "proof" in {p for d in ftm4 if d["schema"] == "Membership" for p in d["properties"]}
    relations = [d for d in ftm3_lines if model[d["schema"]].is_a("Interval") and not model[d["schema"]].is_a("Thing")]
    assert relations and not any("proof" in d["properties"] for d in relations)  # Event is a Thing: it keeps it
    # the same claims, nothing dropped on the way: one entity per claim (and a Sanction beside some)
    assert _by_record(ftm3_lines).keys() == _by_record(ftm4).keys()
    assert len(ftm3_lines) == len(ftm4)


def test_the_evidence_modality_and_grade_of_each_claim_found_again(ftm4, claims, doc_urls):
    records = _by_record(ftm4)
    entities = {d["id"]: d for d in ftm4}
    kept = [c for c in claims if c["modality"] != "negated"]
    assert len(kept) > 100
    for c in kept:
        found = [d for d in records.get(c["claim"], []) if d["schema"] != "Sanction"]
        assert len(found) == 1, c["claim"]
        props = found[0]["properties"]
        [summary] = props["summary"]
        assert summary.startswith(c["modality"] + ";")
        said = c["attributed_to"]
        assert f"attributed to: {said['name'] if isinstance(said, dict) else said or 'the author'}" in summary
        assert f"Admiralty {c['admiralty']} ({c['credibility_label']})" in summary
        for ev in c["evidence"]:
            assert ev["excerpt"].strip() in props["description"]
            url = doc_urls[ev["doc"]]
            place = f"{url or 'claimgraph:doc:' + ev['doc']}#char={ev['start']},{ev['end']}"
            if url:
                assert place in props["sourceUrl"]
            else:  # FtM's url type takes no other scheme: the place goes in words
                assert place in summary
            assert ev["source"] in props["publisher"]
        sources = {entities[p]["properties"].get("sourceUrl", [None])[0] for p in props["proof"]}
        assert {doc_urls[ev["doc"]] for ev in c["evidence"]} == sources


def test_predicates_and_types_mapped(ftm4, claims, demo_db):
    records = _by_record(ftm4)
    entities = {d["id"]: d for d in ftm4}
    expected = {"leads": "Directorship", "member_of": "Membership", "controls": "Control",
                "subordinate_to": "Control", "arms": "UnknownLink", "operates_in": "UnknownLink"}
    seen = set()
    for c in claims:
        if c["modality"] == "negated":
            continue
        [entity] = [d for d in records[c["claim"]] if d["schema"] != "Sanction"]
        if c["kind"] == "event":
            assert entity["schema"] == "Event" and c["predicate"] in entity["properties"]["keywords"]
            if c["predicate"] == "SANCTION" and c["object"]:
                [sanction] = [d for d in records[c["claim"]] if d["schema"] == "Sanction"]
                target = entities[sanction["properties"]["entity"][0]]
                assert target["properties"]["name"] == [c["object"]["name"]]
                seen.add("Sanction")
        elif entity["schema"] == "UnknownLink":
            assert entity["properties"]["role"] == [c["predicate"]]
            seen.add((c["predicate"], "UnknownLink"))
        else:
            seen.add((c["predicate"], entity["schema"]))
    assert set(expected.items()) <= seen and "Sanction" in seen
    with sqlite3.connect(demo_db) as conn:
        types = dict(conn.execute("SELECT id, type FROM entities WHERE canonical IS NULL"))
        mentioned: dict[str, set[str]] = {}
        for eid, doc in conn.execute("SELECT coalesce(e.canonical, e.id), m.doc_id FROM mentions m "
                                     "JOIN entities e ON e.id = m.entity_id"):
            mentioned.setdefault(eid, set()).add(make_entity_id("claimgraph", "document", doc))
    schema_of = {"person": "Person", "country": "PublicBody", "location": "Address", "group": "LegalEntity"}
    actors = 0
    for eid, kind in types.items():
        d = entities.get(make_entity_id("claimgraph", "actor", eid))  # the documented id
        if d is None:
            continue
        actors += 1
        proof = set(d["properties"].get("proof", []))
        assert proof and proof <= mentioned[eid]  # the documents that mention it
        if kind in schema_of:
            assert d["schema"] == schema_of[kind], (eid, d["schema"])
        if kind == "country":
            assert d["properties"]["topics"] == ["gov.national"] and len(d["properties"]["country"][0]) == 2
    assert actors == sum(1 for d in ftm4 if model[d["schema"]].is_a("LegalEntity") or d["schema"] == "Address")


def test_a_payment_and_an_associate(demo_copy, tmp_path):
    """Our own text: money given (→ Payment with amount and currency), two persons allied (→ Associate)."""
    corpus = tmp_path / "wire"
    corpus.mkdir()
    (corpus / "2021-05-04_testwire_funding.txt").write_text(
        "Iran funds Hezbollah with $700 million a year, the U.S. State Department said on Tuesday.\n"
        "Hezbollah leader Hassan Nasrallah is allied with Qassem Soleimani, according to the report.\n")
    assert run("ingest", corpus, "--db", demo_copy, "--workers", "1").exit_code == 0
    lines = _export(demo_copy, tmp_path / "graph.ftm.json")
    check_readable(lines)
    [payment] = [d for d in lines if d["schema"] == "Payment"]
    assert payment["properties"]["amount"] == ["700000000"] and payment["properties"]["currency"] == ["USD"]
    [associate] = [d for d in lines if d["schema"] == "Associate"
                   and "Nasrallah is allied with Qassem Soleimani" in d["properties"]["description"][0]]
    names = {n for d in lines if d["id"] in associate["properties"]["person"] + associate["properties"]["associate"]
             for n in d["properties"]["name"]}
    assert names == {"Hassan Nasrallah", "Qassem Soleimani"}


def test_negated_claims_only_when_asked(demo_db, ftm4, claims, tmp_path):
    negated = {c["claim"] for c in claims if c["modality"] == "negated"}
    assert negated
    assert not negated & _by_record(ftm4).keys()
    assert not any(s.startswith("negated;") for d in ftm4 for s in d["properties"].get("summary", []))
    lines = _export(demo_db, tmp_path / "all.ftm.json", "--include-negated")
    check_readable(lines)
    records = _by_record(lines)
    assert negated <= records.keys()
    for claim in negated:
        assert all(d["properties"]["summary"][0].startswith("negated;") for d in records[claim])


@pytest.mark.parametrize("version", ["4", "3"])
def test_same_store_same_bytes(demo_db, tmp_path, version):
    first, second = tmp_path / "a.ftm.json", tmp_path / "b.ftm.json"
    for path in (first, second):
        assert run("export", "--db", demo_db, "--format", "ftm", "--ftm-version", version, "-o", path).exit_code == 0
    assert first.read_bytes() == second.read_bytes() and first.stat().st_size > 0


def test_the_profile_generator_reads_yml_inheritance_and_topics(tmp_path):
    """tools/ftm3_schemata.py on a small package of our own: inherited properties and required
    ones, a .yml file, abstract schemata, the topic keys."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("ftm3_schemata", ROOT / "tools" / "ftm3_schemata.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    (tmp_path / "schema").mkdir()
    (tmp_path / "types").mkdir()
    (tmp_path / "schema" / "Thing.yaml").write_text(yaml.safe_dump(
        {"Thing": {"abstract": True, "required": ["name"], "properties": {"name": {}, "country": {}}}}))
    (tmp_path / "schema" / "Note.yml").write_text(yaml.safe_dump(
        {"Note": {"extends": "Thing", "required": ["entity"], "properties": {"entity": {}}}}))
    (tmp_path / "types" / "topic.py").write_text(
        'class TopicType:\n    _TOPICS = {\n        "mil": _("Military"),\n        "crime": _("Crime"),\n    }\n')
    assert tool.schemata(tmp_path) == {
        "Note": {"abstract": False, "properties": ["country", "entity", "name"], "required": ["entity", "name"]},
        "Thing": {"abstract": True, "properties": ["country", "name"], "required": ["name"]}}
    assert tool.topics(tmp_path) == ["crime", "mil"]


def test_listed_actor_carries_the_lists_topics(demo_copy, tmp_path):
    """An FtM line of our own lists Kata'ib Hizballah under a variant spelling; after `kb import`
    the actor's entity has the list's topics (those FtM 3.5 lacks left out in version 3)."""
    listing = {"id": "test-wl-0001", "schema": "Organization", "datasets": ["test_watchlist"],
               "properties": {"name": ["Kataib Hizballah"], "country": ["iq"],
                              "topics": ["sanction", "crime.terror", "sanction.counter"]}}
    source = tmp_path / "watchlist.ftm.json"
    source.write_text(json.dumps(listing) + "\n")
    result = run("kb", "import", source, "--db", demo_copy, "--title", "Test watch list")
    assert result.exit_code == 0, result.output
    target = make_entity_id("claimgraph", "actor", "ent-kataib-hizballah")
    wanted = {"4": {"sanction", "crime.terror", "sanction.counter"}, "3": {"sanction", "crime.terror"}}
    for version, topics in wanted.items():
        lines = _export(demo_copy, tmp_path / f"v{version}.ftm.json", "--ftm-version", version)
        [actor] = [d for d in lines if d["id"] == target]
        assert set(actor["properties"]["topics"]) == topics
        assert any(n.startswith("listed: Test watch list") for n in actor["properties"]["notes"])
