"""A `claimgraph serve` process for the API tests: a free loopback port, and waiting until it answers."""
from __future__ import annotations

import socket
import time

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def first_answer(proc, url: str, path: str = "/api/summary", timeout: float = 60, **kwargs) -> httpx.Response:
    """The first answer of the server `proc` at `url` + `path`, once it is up; fails with the
    server's stderr if it dies first, or when `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return httpx.get(f"{url}{path}", timeout=10, **kwargs)
        except httpx.TransportError:
            assert proc.poll() is None, proc.communicate()[1][-3000:]
            assert time.monotonic() < deadline, "serve did not start"
            time.sleep(0.2)
