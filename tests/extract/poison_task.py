"""A worker task for the pool tests: a document whose text holds POISON ends its worker process at
once (as a crash or the kernel's OOM killer would, every time it is run); any other runs as usual."""
from __future__ import annotations

import os

from claimgraph.extract import workers


def run(chunk, task=None):
    if any("POISON" in d.text for d in chunk):
        os._exit(9)
    return workers._run(chunk, task)
