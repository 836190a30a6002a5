"""`export --format stix` on the demo store: the bundle is checked by stix2-validator and parsed back
by stix2, its relationship types are those OpenCTI accepts, the evidence, modality, grade and
denials of the store's claims are found again, ids follow pycti's formula, and two exports are
the same bytes."""
from __future__ import annotations

import json
import uuid
from collections import Counter

import pytest
import stix2
from demo_store import run
from stix2.canonicalization.Canonicalize import canonicalize
from stix2validator import ValidationOptions, validate_instance

from claimgraph.export.read import StoreRead, fragment
from claimgraph.export.stix_map import ACCEPTED, accepted, relationship_type
from claimgraph.store import Store

NAMESPACE = uuid.UUID("00abedb4-aa42-466c-9c01-fed23315a9b7")  # pycti's, as OpenCTI's client uses it
# STIX 2.1 Appendix A, Admiralty information credibility → confidence (6: no value)
ADMIRALTY = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}
# The validator checks we turn off, each for something OpenCTI needs:
# 101/102: OpenCTI's own names without an x_ prefix (an incident's `first_seen`, the `event` object);
# 103: ids are UUIDv5 (OpenCTI's deterministic ids), the spec suggests v4 for SDOs;
# 202: relationship types and pairs from OpenCTI's matrix that the spec does not suggest
#      (part-of, cooperates-with, incident attributed-to …);
# 401: custom properties at the top level (x_opencti_reliability, x_opencti_location_type), which
#      OpenCTI reads there and not from extensions.
DISABLED = "101,102,103,202,401"


@pytest.fixture(scope="module")
def bundle_path(demo_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("stix") / "bundle.json"
    result = run("export", "--db", demo_db, "--format", "stix", "-o", path)
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def bundle(bundle_path) -> dict:
    return json.loads(bundle_path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def objects(bundle) -> dict[str, dict]:
    return {o["id"]: o for o in bundle["objects"]}


@pytest.fixture(scope="module")
def claims(demo_db) -> list[dict]:
    with Store(demo_db) as store:
        return list(StoreRead(store).claims())


def _kind(o: dict) -> str:
    """The OpenCTI entity type of a bundle object, read from the object itself."""
    if o["type"] == "identity":
        return {"individual": "Individual", "organization": "Organization", "class": "Sector",
                "system": "System"}[o["identity_class"]]
    if o["type"] == "threat-actor":
        return "Threat-Actor-Individual" if o.get("resource_level") == "individual" else "Threat-Actor-Group"
    if o["type"] == "location":
        return o["x_opencti_location_type"]
    return {"incident": "Incident", "event": "Event"}[o["type"]]


def _refs(value):
    """Every id an object refers to (`*_ref` and `*_refs` properties, at any depth)."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k.endswith("_ref") and isinstance(v, str):
                yield v
            elif k.endswith("_refs") and isinstance(v, list):
                yield from v
            else:
                yield from _refs(v)
    elif isinstance(value, list):
        for v in value:
            yield from _refs(v)


def _pycti(stix_type: str, data: dict) -> str:
    return f"{stix_type}--{uuid.uuid5(NAMESPACE, canonicalize(data, utf8=False))}"


def _by_claim(objects: dict, stix_type: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for o in objects.values():
        if o["type"] == stix_type:
            for ref in o.get("external_references", []):
                if ref.get("external_id", "").startswith("clm-"):
                    out.setdefault(ref["external_id"], []).append(o)
    return out


def test_valid_under_the_validator_and_parsed_back(bundle, bundle_path):
    result = validate_instance(bundle, ValidationOptions(version="2.1", strict=True, enforce_refs=True,
                                                         disabled=DISABLED))
    assert result.is_valid, [str(e) for e in result.errors][:10]
    parsed = stix2.parse(bundle_path.read_text(encoding="utf-8"), allow_custom=True)
    assert len(parsed.objects) == len(bundle["objects"])
    types = Counter(o["type"] for o in bundle["objects"])
    for t in ("identity", "threat-actor", "location", "relationship", "incident", "event", "note", "opinion",
              "report"):
        assert types[t] > 0, t
    assert {type(o).__name__ for o in parsed.objects if o["type"] == "incident"} == {"Incident"}


def test_a_filtered_export_is_valid_too(demo_db, tmp_path):
    path = tmp_path / "located.json"
    result = run("export", "--db", demo_db, "--format", "stix", "--predicate", "operates_in", "-o", path)
    assert result.exit_code == 0, result.output
    bundle = json.loads(path.read_text(encoding="utf-8"))
    assert validate_instance(bundle, ValidationOptions(version="2.1", strict=True, enforce_refs=True,
                                                       disabled=DISABLED)).is_valid
    rels = Counter(o["relationship_type"] for o in bundle["objects"] if o["type"] == "relationship")
    assert rels["located-at"] > 0
    assert not [o for o in bundle["objects"] if o["type"] in ("incident", "event")]


def test_the_table_of_accepted_relationships():
    # as OpenCTI's stixCoreRelationshipsMapping has them
    assert accepted("Individual", "part-of", "Organization")
    assert accepted("Threat-Actor-Individual", "part-of", "Threat-Actor-Group")
    assert accepted("Threat-Actor-Group", "targets", "Organization")
    assert accepted("Threat-Actor-Group", "located-at", "Country")
    assert accepted("Incident", "attributed-to", "Threat-Actor-Group")
    assert accepted("Country", "related-to", "Threat-Actor-Group")  # related-to: between any two
    assert not accepted("Individual", "part-of", "Threat-Actor-Group")
    assert not accepted("Organization", "targets", "Individual")
    assert not accepted("Incident", "attributed-to", "Organization")
    assert accepted("Threat-Actor-Individual", "located-at", "City")
    assert not accepted("Threat-Actor-Individual", "citizen-of", "City")
    assert not accepted("Sector", "part-of", "Organization")
    assert not accepted("Country", "part-of", "Organization")
    assert not accepted("Threat-Actor-Individual", "employed-by", "Individual")
    assert not accepted("Event", "located-at", "Administrative-Area")
    assert relationship_type("member_of", "Individual", "Organization") == ("part-of", False)
    assert relationship_type("member_of", "Individual", "Threat-Actor-Group") == ("related-to", False)
    assert relationship_type("opposes", "Organization", "Threat-Actor-Group") == ("targets", True)
    assert relationship_type("controls", "Organization", "Threat-Actor-Group") == ("attributed-to", True)
    assert relationship_type("allied_with", "Threat-Actor-Group", "Threat-Actor-Group") == ("cooperates-with", False)
    assert relationship_type("funds", "Country", "Threat-Actor-Group") == ("related-to", False)
    assert relationship_type("operates_in", "Threat-Actor-Group", "City") == ("located-at", False)
    assert all(types and "related-to" not in types for types in ACCEPTED.values())


def test_relationship_types_are_accepted_for_their_pair(objects):
    seen = Counter()
    for o in objects.values():
        if o["type"] != "relationship":
            continue
        s, t, rel = _kind(objects[o["source_ref"]]), _kind(objects[o["target_ref"]]), o["relationship_type"]
        seen[rel] += 1
        assert any(label.startswith("claimgraph:predicate=") for label in o["labels"]), o
        if rel != "related-to":
            assert rel in ACCEPTED.get((s, t), ()), (s, rel, t)
    for rel in ("part-of", "located-at", "targets", "attributed-to", "related-to"):
        assert seen[rel] > 0, (rel, seen)


def test_every_ref_resolves_to_an_earlier_object(bundle):
    index = {o["id"]: n for n, o in enumerate(bundle["objects"])}
    assert len(index) == len(bundle["objects"])  # no id twice
    for n, o in enumerate(bundle["objects"]):
        for ref in _refs(o):
            assert ref in index, (o["id"], ref)
            assert index[ref] < n, (o["id"], ref)  # entities before what refers to them


def test_evidence_modality_and_grade_found_again(objects, claims):
    notes, rels = _by_claim(objects, "note"), _by_claim(objects, "relationship")
    events = {**_by_claim(objects, "incident"), **_by_claim(objects, "event")}
    affirmed = [c for c in claims if c["modality"] != "negated" and (c["kind"] == "event" or c["object"])]
    checked = Counter()
    for c in affirmed[::3]:
        if c["claim"] not in notes:  # a claim of a place STIX cannot hold (no country, no coordinates)
            continue
        for ev in c["evidence"]:
            sentence = ev["excerpt"].strip()
            note = [n for n in notes[c["claim"]]
                    if n["content"] == sentence and n["external_references"][0]["url"] == fragment(ev)]
            assert len(note) == 1, (c["claim"], sentence)
            note = note[0]
            assert f"claimgraph:modality={c['modality']}" in note["labels"]
            assert note["abstract"].startswith(c["modality"])
            assert f'admiralty-scale:information-credibility="{c["credibility"]}"' in note["labels"]
            assert f'admiralty-scale:source-reliability="{c["reliability"].lower()}"' in note["labels"]
            assert note.get("confidence") == ADMIRALTY.get(c["credibility"])
            who = c["attributed_to"]
            assert note["authors"] == [who["name"] if isinstance(who, dict) else who or objects[
                note["created_by_ref"]]["name"]]
            carrier = (rels if c["kind"] == "relation" else events)[c["claim"]]
            assert note["object_refs"] == [carrier[0]["id"]]
            assert {"source_name": objects[note["created_by_ref"]]["name"], "url": fragment(ev),
                    "description": sentence, "external_id": c["claim"],
                    "hashes": {"SHA-256": ev["sha256"]}} in carrier[0]["external_references"]
            assert f"claimgraph:modality={c['modality']}" in carrier[0]["labels"]
            checked[c["kind"]] += 1
    assert checked["relation"] >= 10 and checked["event"] >= 10, checked


def test_confidence_follows_the_admiralty_table(objects, claims):
    grade = {c["claim"]: c["credibility"] for c in claims}
    said = {**_by_claim(objects, "note"), **_by_claim(objects, "opinion")}  # a claim has notes or opinions
    by_grade = Counter()
    for claim, found in said.items():
        for o in found:
            assert o.get("confidence") == ADMIRALTY.get(grade[claim]), (claim, grade[claim])
            by_grade[grade[claim]] += 1
    assert by_grade[6] > 0 and len(by_grade) >= 5, by_grade  # the demo store has cases of no confidence


def test_a_denial_becomes_an_opinion(objects, claims):
    opinions = _by_claim(objects, "opinion")
    events = {**_by_claim(objects, "incident"), **_by_claim(objects, "event")}
    rels = _by_claim(objects, "relationship")
    denials = [c for c in claims if c["modality"] == "negated"]
    assert len(denials) >= 5
    on_a_claim = 0
    for c in denials:
        found = opinions.get(c["claim"], [])
        assert len(found) == len(c["evidence"]), c["claim"]
        for o in found:
            assert o["opinion"] in ("disagree", "strongly-disagree")
            assert o["explanation"] in {ev["excerpt"].strip() for ev in c["evidence"]}
            assert "claimgraph:modality=negated" in o["labels"]
        denied = {x for k in c["contradictions"] for x in k["claims"] if x != c["claim"]}
        carriers = {obj["id"] for x in denied for obj in events.get(x, []) + rels.get(x, [])}
        if carriers:  # the denied claim is in the bundle: the opinion is on it
            assert all(set(o["object_refs"]) <= carriers for o in found), c["claim"]
            on_a_claim += 1
        else:  # else on what the claim names, or on the relationship of the same triple
            for o in found:
                assert {objects[r]["type"] for r in o["object_refs"]} <= {
                    "identity", "threat-actor", "location", "relationship", "incident", "event"}
    assert on_a_claim >= 1
    assert not [n for c in denials for n in _by_claim(objects, "note").get(c["claim"], [])]


def test_outlets_carry_their_reliability(objects, demo_db):
    from claimgraph.query.outlets import sources
    with Store(demo_db) as store:
        graded = {s["source"]: s["reliability"] for s in sources(store)}
    words = {"A": "Completely reliable", "B": "Usually reliable", "F": "Reliability cannot be judged"}
    authors = {o["created_by_ref"] for o in objects.values() if o["type"] in ("note", "report")}
    assert len(authors) >= 5
    for ref in authors:
        outlet = objects[ref]
        grade = graded[outlet["name"]]
        assert outlet["x_opencti_reliability"] == f"{grade} - {words[grade]}"
        assert f'admiralty-scale:source-reliability="{grade.lower()}"' in outlet["labels"]
    assert {graded[objects[r]["name"]] for r in authors} >= {"B", "F"}


def test_reports_per_document(objects, demo_db):
    with Store(demo_db) as store:
        docs = {d["id"]: d for d in StoreRead(store).documents()}
    reports = [o for o in objects.values() if o["type"] == "report"]
    assert len(reports) == len(docs)  # every demo document has claims
    for r in reports:
        ref = r["external_references"][0]
        doc = docs[ref["external_id"]]
        assert r["name"] == doc["title"] and ref["hashes"] == {"SHA-256": doc["sha256"]}
        assert ref.get("url") == doc["url"]
        assert r["published"].startswith(doc["published"])
        assert r["id"] == _pycti("report", {"name": r["name"].lower().strip(), "published": r["published"]})
        cited = {n["object_refs"][0] for n in objects.values() if n["type"] == "note" and any(
            e.get("hashes") == ref["hashes"] for e in n["external_references"])}
        assert cited <= set(r["object_refs"])


def test_ids_follow_pyctis_formula(objects):
    kinds = Counter()
    for o in objects.values():
        name = o.get("name", "").lower().strip()
        if o["type"] == "identity":
            expected = _pycti("identity", {"name": name, "identity_class": o["identity_class"]})
        elif o["type"] == "threat-actor":
            expected = _pycti("threat-actor", {"name": name, "opencti_type": _kind(o)})
        elif o["type"] == "location":
            expected = _pycti("location", {"name": name, "x_opencti_location_type": o["x_opencti_location_type"]})
        else:
            continue
        kinds[o["type"]] += 1
        assert o["id"] == expected, o
    assert min(kinds.values()) > 0 and len(kinds) == 3
    typed = [o for o in objects.values() if o["type"] == "relationship" and "start_time" not in o]
    same = [o for o in typed if o["id"] == _pycti("relationship", {
        "relationship_type": o["relationship_type"], "source_ref": o["source_ref"], "target_ref": o["target_ref"]})]
    assert len(same) >= 0.9 * len(typed)  # the rest: pairs pycti's keys would make one (made unique)


def test_actors_militant_or_not(objects):
    by_name = {o["name"]: o for o in objects.values() if o["type"] in ("identity", "threat-actor")}
    assert by_name["Hezbollah"]["type"] == "threat-actor"
    assert by_name["Hezbollah"]["threat_actor_types"] == ["terrorist"]
    assert by_name["Hassan Nasrallah"]["resource_level"] == "individual"
    assert by_name["Qassem Soleimani"]["identity_class"] == "individual"  # a state's general
    assert by_name["Islamic Revolutionary Guard Corps"]["sectors"] == ["defense", "government-national"]
    iran = [o for o in objects.values() if o["type"] == "location" and o["name"] == "Iran"]
    assert iran and iran[0]["country"] == "IR" and iran[0]["x_opencti_location_type"] == "Country"


def test_two_exports_are_the_same_bytes(demo_db, bundle_path, tmp_path):
    again = tmp_path / "again.json"
    assert run("export", "--db", demo_db, "--format", "stix", "-o", again).exit_code == 0
    assert again.read_bytes() == bundle_path.read_bytes()
