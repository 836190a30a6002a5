"""The cache of objects built from data files (data_cache): the knowledge base and the codebook are
read back when their files are unchanged, built again when a file changes or the entry is damaged,
and a codebook with a problem is refused every time."""
from dataclasses import asdict

import pytest

from claimgraph import data_cache
from claimgraph.extract.codebook import CodebookError, load_codebook
from claimgraph.kb.loader import KBError, load

RELATIONS = """
relations:
  funds:
    examples: ["Iran bankrolls the militia"]
    verbs:
      bankroll: {}
themes:
  money: [money, cash]
"""
EVENTS = """
events:
  ASSAULT:
    examples: ["the militia shelled the town"]
    verbs:
      shell: {mode: other}
"""


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLAIMGRAPH_CACHE_DIR", str(folder))
    return folder


def _kb_file(tmp_path, name="Zarvani Lantern Brigade"):
    path = tmp_path / "mine.yaml"
    path.write_text(f"actors:\n  - name: {name}\n    type: group\n", encoding="utf-8")
    return path


def _codebook(folder, relations=RELATIONS, events=EVENTS):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "relations.yaml").write_text(relations, encoding="utf-8")
    (folder / "events.yaml").write_text(events, encoding="utf-8")
    return folder


def test_a_cached_kb_is_the_kb_its_files_give(tmp_path, cache):
    path = _kb_file(tmp_path)
    first = load([path])
    assert len(list(cache.glob("kb-*.pickle"))) == 1
    second = load([path])
    assert second is not first
    assert asdict(second) == asdict(first)
    assert "zarvani-lantern-brigade" in second.actors and second.files[-1] == str(path)


def test_an_edited_kb_file_is_read_at_once(tmp_path, cache):
    path = _kb_file(tmp_path)
    load([path])
    _kb_file(tmp_path, "Oskerran Tide Movement")
    kb = load([path])
    assert "oskerran-tide-movement" in kb.actors and "zarvani-lantern-brigade" not in kb.actors


def test_a_bad_kb_file_is_reported_every_time(tmp_path, cache):
    path = tmp_path / "bad.yaml"
    path.write_text("actors:\n  - type: group\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(KBError, match="without a name"):
            load([path])
    assert not list(cache.glob("kb-*.pickle"))
    with pytest.raises(KBError, match="cannot read"):
        load([tmp_path / "missing.yaml"])


@pytest.mark.parametrize("junk", [b"", b"not a pickle at all", b"\x80\x05\x95garbage"])
def test_a_damaged_entry_is_built_again(tmp_path, cache, junk):
    path = _kb_file(tmp_path)
    good = load([path])
    (entry,) = cache.glob("kb-*.pickle")
    entry.write_bytes(junk)
    assert asdict(load([path])) == asdict(good)
    assert entry.read_bytes() != junk  # replaced by a good one


def test_a_cache_path_that_is_a_file_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    monkeypatch.setenv("CLAIMGRAPH_CACHE_DIR", str(blocker / "cache"))
    path = _kb_file(tmp_path)
    assert asdict(load([path])) == asdict(load([path]))


def test_a_cached_codebook_is_the_codebook_its_files_give(tmp_path, cache):
    folder = _codebook(tmp_path / "cb")
    first = load_codebook(folder)
    second = load_codebook(folder)
    assert second is not first and vars(second) == vars(first)
    assert [t.name for t in second.verbs["bankroll"]] == ["verb:bankroll→funds"]
    _codebook(folder, RELATIONS.replace("bankroll", "underwrite"))
    third = load_codebook(folder)
    assert "underwrite" in third.verbs and "bankroll" not in third.verbs


def test_a_codebook_with_a_problem_is_refused_every_time(tmp_path, cache):
    folder = _codebook(tmp_path / "cb", RELATIONS.replace("bankroll: {}", "bankroll: {obj_only: true}"))
    load_codebook(folder, check=False)  # stored without the check: the checked load must not take it
    for _ in range(2):
        with pytest.raises(CodebookError, match="obj_only"):
            load_codebook(folder)


def test_the_key_covers_paths_bytes_and_code(tmp_path):
    a, b, code = tmp_path / "a", tmp_path / "b", tmp_path / "code.py"
    a.write_text("x"), b.write_text("x"), code.write_text("pass")
    key = data_cache.key_of("t", [a], [code])
    assert key != data_cache.key_of("t", [b], [code])  # same bytes, another file
    assert key != data_cache.key_of("t", [a], [code], extra=("v2",))
    code.write_text("pass  # changed")
    assert key != data_cache.key_of("t", [a], [code])
