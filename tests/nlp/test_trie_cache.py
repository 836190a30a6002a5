"""The KB ruler's trie cache: used when fresh, rebuilt when a source changes, harmless when missing,
corrupt or not writable."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.extract.entities.lexicon import default_lexicon
from claimgraph.kb.loader import load
from claimgraph.nlp import trie_cache
from claimgraph.nlp.kb_ruler import Trie
from claimgraph.nlp.pipeline import load_base, choose_model


@pytest.fixture(scope="module")
def nlp():
    return load_base(choose_model())


def _kb(tmp_path, name="Zarvani Lantern Brigade"):
    extra = tmp_path / "mine.yaml"
    extra.write_text(f"actors:\n  - name: {name}\n    type: group\n", encoding="utf-8")
    return load([extra])


def _run(kb, nlp):
    built = []

    def build():
        built.append(1)
        return Trie.build(kb, nlp.tokenizer)
    trie = trie_cache.load_or_build(kb, nlp, default_lexicon(), build)
    return trie, bool(built)


def test_built_once_then_read_back(tmp_path, monkeypatch, nlp):
    monkeypatch.setenv("CLAIMGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    kb = _kb(tmp_path)
    first, built = _run(kb, nlp)
    assert built
    second, built = _run(kb, nlp)
    assert not built
    assert second.root == first.root and second.size == first.size
    assert dict(second.near.by_end) == dict(first.near.by_end)


def test_a_changed_kb_file_is_a_new_key(tmp_path, monkeypatch, nlp):
    monkeypatch.setenv("CLAIMGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    _run(_kb(tmp_path), nlp)
    trie, built = _run(_kb(tmp_path, "Oskerran Tide Movement"), nlp)
    assert built
    assert "oskerran" in trie.root and "zarvani" not in trie.root


@pytest.mark.parametrize("junk", [b"", b"not a pickle at all", b"\x80\x05\x95garbage"])
def test_a_corrupt_entry_is_rebuilt(tmp_path, monkeypatch, nlp, junk):
    cache = tmp_path / "cache"
    monkeypatch.setenv("CLAIMGRAPH_CACHE_DIR", str(cache))
    kb = _kb(tmp_path)
    good, _ = _run(kb, nlp)
    (entry,) = cache.glob("kb-trie-*.pickle")
    entry.write_bytes(junk)
    trie, built = _run(kb, nlp)
    assert built and trie.root == good.root
    assert entry.read_bytes() != junk  # replaced by a good one


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_cache_directory_is_not_an_error(tmp_path, monkeypatch, nlp):
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o500)
    monkeypatch.setenv("CLAIMGRAPH_CACHE_DIR", str(cache))
    trie, built = _run(_kb(tmp_path), nlp)
    assert built and trie.size > 0


def test_a_cache_path_that_is_a_file_is_not_an_error(tmp_path, monkeypatch, nlp):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    monkeypatch.setenv("CLAIMGRAPH_CACHE_DIR", str(blocker / "cache"))
    kb = _kb(tmp_path)
    trie, built = _run(kb, nlp)
    again, built_again = _run(kb, nlp)
    assert built and built_again and again.root == trie.root


def test_an_analysts_kb_file_takes_effect_at_once_in_the_cli(tmp_path):
    """Two fresh processes sharing one cache: the second, with an edited --kb file, finds the new name."""
    env = dict(os.environ, CLAIMGRAPH_CACHE_DIR=str(tmp_path / "cache"))
    text = tmp_path / "a.txt"
    text.write_text("Fighters of the Velmora Crescent Front crossed the river on Tuesday.\n", encoding="utf-8")
    kb = tmp_path / "mine.yaml"
    cli = [sys.executable, "-m", "claimgraph.cli.main", "extract", str(text), "--format", "json", "--kb", str(kb), "--workers", "1"]
    kb.write_text("actors:\n  - name: Dravik Stone Council\n    type: group\n", encoding="utf-8")
    first = subprocess.run(cli, env=env, capture_output=True, text=True, check=True).stdout
    kb.write_text("actors:\n  - id: velmora-front\n    name: Velmora Crescent Front\n    type: group\n", encoding="utf-8")
    second = subprocess.run(cli, env=env, capture_output=True, text=True, check=True).stdout
    assert "velmora-front" not in first
    assert "velmora-front" in second
    assert len(list(Path(tmp_path / "cache").glob("kb-trie-*.pickle"))) == 2
