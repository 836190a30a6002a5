"""`kb check` finds what would make matching go wrong."""
from __future__ import annotations

from claimgraph.kb.check import check
from claimgraph.kb.loader import default_kb, load


def test_the_bundled_kb_is_clean():
    assert check(default_kb()) == []


def test_an_alias_naming_two_actors_is_found(tmp_path):
    f = tmp_path / "clash.yaml"
    f.write_text("actors:\n"
                 "  - {id: one, name: Sadr Brigades, type: organization, aliases: [Tigris Lions Companies]}\n"
                 "  - {id: two, name: Saraya Alpha, type: organization, aliases: [tigris-lions companies]}\n",
                 encoding="utf-8")
    problems = check(load([f]))
    assert any("alias 'tigris lions companies' names 2 actors: one, two" in p for p in problems)


def test_an_acronym_and_a_word_do_not_clash(tmp_path):
    f = tmp_path / "ok.yaml"
    f.write_text("actors:\n"
                 "  - {id: aaa, name: Alpha Alpha Army, type: organization, aliases: [AAA]}\n"
                 "  - {id: aaa-town, name: Aaa, type: location}\n", encoding="utf-8")
    assert not [p for p in check(load([f])) if "names 2 actors" in p]


def test_common_words_bad_codes_and_subtypes_are_found(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("actors:\n"
                 "  - {id: c1, name: Coalition Unit, type: organization, subtype: army, country: XXX,"
                 " aliases: [Coalition]}\n", encoding="utf-8")
    problems = check(load([f]))
    assert any("'Coalition' is a common word" in p for p in problems)
    assert any("'XXX' is not an ISO 3166-1 alpha-3 code" in p for p in problems)
    assert any("subtype 'army'" in p for p in problems)
