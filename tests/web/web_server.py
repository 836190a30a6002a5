"""The app served by uvicorn on 127.0.0.1 for the browser tests (a thread of the test process)."""
from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(db: str, extractor) -> Iterator[str]:
    """`claimgraph.api.create_app(db)` served until the block ends; yields its base URL."""
    import uvicorn

    from claimgraph.api import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, extractor=extractor), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
