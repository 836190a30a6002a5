import pytest

from claimgraph.corroborate import sources as sources_module
from claimgraph.corroborate.sources import ENV, load_sources, reliability


def test_bundled_list_loads_with_aliases():
    table = load_sources(paths=[])
    assert len(table) >= 25
    assert len(list(table)) == len(table)
    assert all(entry.reliability in "ABCDEF" and entry.note for entry in table)
    assert table.reliability("arabnews") == table.reliability("Arab News") == table.reliability("www.arabnews.com")
    assert table.reliability("Reuters") == "B"
    treasury = table.reliability("U.S. Department of the Treasury")
    assert table.reliability("US Department of the Treasury") == treasury == "B"
    assert table.reliability("Press TV") in "DE"
    assert table.canonical("the pentagon") == "U.S. Department of Defense"
    assert table.key("AP") == table.key("The Associated Press")


def test_unknown_or_missing_source_is_F():
    table = load_sources(paths=[])
    assert table.reliability("The Daily Unknown") == "F"
    assert table.reliability(None) == "F"
    assert table.reliability("") == "F"


def test_analyst_file_overrides_and_extends(tmp_path, monkeypatch):
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "sources:\n"
        "  - name: Reuters\n    reliability: a\n    note: our own review\n"
        "  - name: Kurdistan24\n    aliases: [kurdistan24.net]\n    reliability: C\n",
        encoding="utf-8")
    monkeypatch.setenv(ENV, str(mine))
    assert reliability("Thomson Reuters") == "A"  # the override keeps the old aliases
    assert reliability("https://www.kurdistan24.net") == "C"
    assert reliability("Arab News") == "C"  # the rest of the bundled list stays
    monkeypatch.delenv(ENV)
    assert reliability("Reuters") == "B"


def test_analyst_folder_is_read_in_name_order(tmp_path):
    (tmp_path / "a.yaml").write_text("sources:\n  - name: Arab News\n    reliability: D\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("- name: arabnews\n  reliability: E\n", encoding="utf-8")
    assert load_sources([tmp_path]).reliability("Arab News") == "E"


@pytest.mark.parametrize("body, message", [
    ("sources:\n  - name: X\n    reliability: G\n", "A-F"),
    ("sources:\n  - reliability: B\n", "needs a name"),
])
def test_bad_analyst_file_is_refused_with_its_name(tmp_path, body, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as err:
        load_sources([bad])
    assert "bad.yaml" in str(err.value)


def test_missing_analyst_path_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_sources([tmp_path / "nowhere.yaml"])


def test_bundled_file_says_it_is_a_starting_list():
    text = (sources_module.Path(sources_module.__file__).parent / "data" / "sources.yaml").read_text(encoding="utf-8")
    assert "STARTING VALUES FOR AN ANALYST TO REVIEW" in text
