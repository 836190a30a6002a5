"""The KB ruler's token trie, kept between runs in a user cache directory.

Building the trie tokenizes every knowledge-base name (about 9,000) with the pipeline's tokenizer:
most of claimgraph's start-up. The pickled trie is keyed by a SHA-256 of everything it is built
from (the KB's patterns as loaded now, so an edited or added `--kb` file counts at once; the
lexicon's words; the spaCy pipeline and version; the code that builds it), so a stale entry is
never read. A missing, corrupt or unwritable cache only means the trie is built again.

Directory: `CLAIMGRAPH_CACHE_DIR`, else `$XDG_CACHE_HOME/claimgraph`, else `~/.cache/claimgraph`.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

import spacy

from claimgraph.data_cache import cache_dir

# the code a trie depends on: a change to any of these files is a new key
_CODE = [Path(__file__).parent / n for n in ("kb_ruler.py", "near_names.py", "trie_cache.py")] + [
    Path(__file__).parent.parent / "kb" / "fold.py"]


def trie_key(kb, nlp, lexicon) -> str:
    h = hashlib.sha256()
    meta = nlp.meta
    h.update(repr((spacy.__version__, meta.get("lang"), meta.get("name"), meta.get("version"))).encode())
    for path in _CODE:
        h.update(path.read_bytes())
    h.update(repr(sorted(lexicon.titles)).encode())
    h.update(repr(sorted(lexicon.type_words)).encode())
    types = {a.id: a.type for a in kb.actors.values()}
    h.update(repr([(t, i, k, types[i]) for t, i, k in kb.patterns()]).encode())
    return h.hexdigest()


def load_or_build(kb, nlp, lexicon, build):
    """The cached trie for this KB and pipeline, else `build()` (stored for the next run)."""
    try:
        key = trie_key(kb, nlp, lexicon)
    except OSError:
        return build()
    path = cache_dir() / f"kb-trie-{key[:32]}.pickle"
    try:
        with open(path, "rb") as f:
            trie = pickle.load(f)
        if type(trie).__name__ == "Trie" and getattr(trie, "cache_key", None) == key:
            return trie
    except Exception:  # missing, truncated, from another version: build it again
        pass
    trie = build()
    trie.cache_key = key
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".kb-trie-")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(trie, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # readers see the old file or the whole new one
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass  # a read-only home: run without the cache
    return trie
