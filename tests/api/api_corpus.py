"""The store of the API tests: short texts written for them, built by the real pipeline; and a
real server (uvicorn on a free loopback port, in a thread).

Qassem Soleimani is "Qassem" in one text and "Qasem" in another; Kata'ib Hizballah is
"Hizballah" and "Hezbollah"; one text says Iran armed Kata'ib Hizballah, another that Tehran
denied it; one text carries HTML and script payloads as plain text.
"""
from __future__ import annotations

import socket
import threading
import time

import httpx
import uvicorn

from claimgraph.model import Document
from claimgraph.store import Store
from claimgraph.store.ingest import ingest_documents

PAYLOAD_TITLE = "<img src=x onerror=alert(1)> Rockets over Galilee"
PAYLOAD_TEXT = ("<script>window.__pwned = 1</script> Hezbollah fired rockets at Israel in July 2006. "
                "<img src=x onerror=\"window.__pwned = 2\"> Israel struck Hezbollah positions in Lebanon.")

DOCS = [
    {"title": "Rockets and drones for Iraqi militias", "source": "harbourtimes", "published": "2020-01-04",
     "text": "Iran armed Kata'ib Hizballah with rockets and drones, US officials said. Qassem Soleimani, the "
             "commander of the Quds Force, met Abu Mahdi al-Muhandis in Baghdad in 2019. Kata'ib Hizballah "
             "attacked a US base near Kirkuk in December 2019."},
    {"title": "Tehran denies arming militias", "source": "levantpost", "published": "2020-01-06",
     "text": "Tehran denied arming Kata'ib Hezbollah. Qasem Soleimani, the head of the Quds Force, was killed in a "
             "US drone strike at Baghdad airport on 3 January 2020."},
    {"title": "Hezbollah in Yemen", "source": "gulfledger", "published": "2018-06-01",
     "text": "Hezbollah reportedly trains Ansar Allah fighters in Yemen. Hassan Nasrallah leads Hezbollah. "
             "The Quds Force funds Hezbollah."},
    {"title": PAYLOAD_TITLE, "source": "northdesk", "published": "2006-07-20", "text": PAYLOAD_TEXT},
]

SOLEIMANI, KH, IRAN, QF = "ent-qassem-soleimani", "ent-kataib-hizballah", "ent-irn", "ent-quds-force"


def build_store(extractor, path) -> None:
    """The store file at `path`, built with the same ingest loop as the CLI and the API."""
    docs = [Document(text=d["text"], title=d["title"], source=d["source"], published=d["published"], genre="news")
            for d in DOCS]
    with Store(path) as store:
        tally = ingest_documents(store, docs, extractor)
    assert tally["stored"] == len(DOCS), tally.errors


class Server:
    """uvicorn serving `app` on a free port of 127.0.0.1, in a thread."""

    def __init__(self, app):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60, **kwargs)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
