"""Objects built from data files (the knowledge base, the codebook), pickled between runs in the
user cache directory, so that a run reads one pickle instead of parsing every YAML file again.

An entry is keyed by a SHA-256 of everything it is built from: the input files' paths and bytes,
the code that builds it, and the versions it depends on; an edited file is a new key, so a stale
entry is never read. A missing, corrupt or unwritable cache only means the object is built again;
an input that cannot be read is left to the builder, which reports it as it always does. Only a
successful build is stored.

Directory: `CLAIMGRAPH_CACHE_DIR`, else `$XDG_CACHE_HOME/claimgraph`, else `~/.cache/claimgraph`.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    env = os.environ.get("CLAIMGRAPH_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimgraph"


def key_of(name: str, inputs: Iterable[Path], code: Iterable[Path], extra: tuple = ()) -> str:
    """The SHA-256 of an entry's inputs (paths and bytes), code and `extra` (versions, options)."""
    h = hashlib.sha256(repr((name, sys.version, extra)).encode())
    for path in (*inputs, Path(__file__), *code):
        data = Path(path).read_bytes()
        h.update(f"\0{path}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def cached(name: str, inputs: Iterable[Path], code: Iterable[Path], build: Callable[[], T], extra: tuple = ()) -> T:
    """The object `build()` makes from `inputs` with `code`, read from the cache when it holds it
    (else built and stored for the next run)."""
    try:
        key = key_of(name, list(inputs), list(code), extra)
    except OSError:  # an input that cannot be read: the builder says so
        return build()
    path = cache_dir() / f"{name}-{key[:32]}.pickle"
    try:
        with open(path, "rb") as f:
            stored_key, obj = pickle.load(f)
        if stored_key == key:
            return obj
    except Exception:  # missing, truncated, from another version: build it again
        pass
    obj = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump((key, obj), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # readers see the old file or the whole new one
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # a read-only home, or an object that cannot be pickled: run without the cache
    return obj
