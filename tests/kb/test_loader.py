"""Loading the knowledge base: the bundled files and an analyst's own."""
from __future__ import annotations

import textwrap

import pytest

from claimgraph.kb.loader import KBError, default_kb, load


def write(tmp_path, name, body):
    p = tmp_path / name
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return p


def test_every_iso_state_is_known_with_its_demonyms():
    import pycountry
    kb = default_kb()
    states = [a for a in kb.actors.values() if a.type == "country"]
    assert len(states) == len(pycountry.countries)
    iran = kb.state("IRN")
    assert iran.name == "Iran" and "Iranian" in iran.demonyms


def test_bundled_kb_has_the_domain_actors():
    kb = default_kb()
    non_states = [a for a in kb.actors.values() if a.type != "country"]
    assert len(non_states) >= 300
    names = {a.name for a in kb.actors.values()}
    assert {"Quds Force", "Qassem Soleimani", "Popular Mobilization Forces"} <= names
    for a in non_states:
        assert a.reference or a.type == "location", f"{a.id} has no public reference"


def test_state_forms_are_patterns():
    kb = default_kb()
    pats = {(text, aid) for text, aid, kind in kb.patterns() if kind == "form"}
    assert ("Iranian regime", "irn") in pats


def test_an_analyst_file_is_added(tmp_path):
    extra = write(tmp_path, "mine.yaml", """
        actors:
          - id: tigris-watch
            name: Tigris Watch Brigade
            type: organization
            subtype: militia
            country: IRQ
            aliases: [TWB]
            reference: https://example.org/twb
        """)
    kb = load([extra])
    assert kb.actors["tigris-watch"].aliases == ["TWB"]
    assert "quds-force" in kb.actors  # the bundled ones are still there


def test_a_folder_from_the_environment_is_added(tmp_path, monkeypatch):
    write(tmp_path, "a.yaml", "actors:\n  - {id: x-front, name: X Front, type: organization}\n")
    monkeypatch.setenv("CLAIMGRAPH_KB_PATH", str(tmp_path))
    assert "x-front" in load().actors


def test_bad_yaml_names_the_file(tmp_path):
    bad = write(tmp_path, "bad.yaml", "actors: [ {id: a, name: A, type: organization\n")
    with pytest.raises(KBError, match="bad.yaml: not valid YAML"):
        load([bad])


def test_a_wrong_type_names_the_actor(tmp_path):
    bad = write(tmp_path, "bad.yaml", "actors:\n  - {id: a, name: Alpha Unit, type: army}\n")
    with pytest.raises(KBError, match="'Alpha Unit' has type 'army'"):
        load([bad])


def test_a_duplicate_id_is_a_problem_not_a_crash(tmp_path):
    dup = write(tmp_path, "dup.yaml", "actors:\n  - {id: quds-force, name: Another Force, type: organization}\n")
    kb = load([dup])
    assert any("duplicate id 'quds-force'" in p for p in kb.problems)
    assert kb.actors["quds-force"].name == "Quds Force"


def test_a_bare_congo_is_the_dr_congo():
    """pycountry names the Republic of the Congo "Congo"; in news a bare "Congo" is the DR Congo
    (states.yaml: the Republic keeps `not_names: [Congo]`, the DR Congo has it as an alias)."""
    kb = default_kb()
    assert "Congo" in kb.actors["cod"].aliases
    assert "Congo" not in kb.actors["cog"].aliases and kb.actors["cog"].name != "Congo"
