"""The server extracts an uploaded document outside its write lock: a search (which takes that
lock, its first run after a write rebuilds the full-text index) answers while a long upload is
still being extracted, instead of waiting for it."""
from __future__ import annotations

import threading
import time


def long_text(sentences: int) -> str:
    """A long text of our own: seconds of extraction."""
    return " ".join(f"General Ahmed Karimov said on day {i} that the Northern Brigade had shelled the market of "
                    f"Dalvar, and the Southern Front denied that {i + 2} of its fighters had crossed into Ostrana."
                    for i in range(sentences))


def search_during_upload(server, text: str) -> tuple[float, float, float, float]:
    """(upload start, upload end, search start, search end): a search sent half a second into
    the upload of `text`."""
    done = {}

    def upload():
        with server.client() as client:
            start = time.monotonic()
            done["response"] = client.post("/api/documents", json={"text": text, "title": "a long report"}, timeout=300)
            done["upload"] = (start, time.monotonic())

    with server.client() as client:
        assert client.get("/api/search", params={"q": "Hezbollah"}).status_code == 200  # the index is built
        thread = threading.Thread(target=upload)
        thread.start()
        time.sleep(0.5)  # the upload is being extracted
        start = time.monotonic()
        response = client.get("/api/search", params={"q": "Hezbollah"})
        searched = time.monotonic()
        thread.join(300)
    assert response.status_code == 200, response.text
    assert done["response"].status_code == 201, done["response"].text
    return (*done["upload"], start, searched)


def test_a_search_does_not_wait_for_an_upload_being_extracted(serve):
    server = serve()
    for sentences in (1000, 4000):  # longer if this machine extracts the first too fast to tell
        upload_start, upload_end, start, searched = search_during_upload(server, long_text(sentences))
        if upload_end - upload_start > 1.5:
            break
    print(f"\nupload {upload_end - upload_start:.2f} s, search during it {searched - start:.2f} s")
    assert upload_end - upload_start > 1.5, "the upload must take long enough to show anything"
    assert searched < upload_end, "the search waited for the upload to finish"
    assert searched - start < (upload_end - start) / 2, (searched - start, upload_end - start)
    with server.client() as client:  # the upload is stored and searchable
        hits = client.get("/api/search", params={"q": "Ostrana"}).json()
        assert any(h["title"] == "a long report" for h in hits["items"]), hits
