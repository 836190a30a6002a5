"""An export written straight into the HTTP answer: the format's writer runs in a thread of its
own and hands its bytes over a short queue, `CHUNK` bytes at a time, to a `StreamingResponse`.

At most `DEPTH` chunks wait between the writer and the client: a slow client slows the writer,
so memory does not grow with the size of the export, and nothing is built whole first. The
answer starts once the first chunk is written (or the whole export, when it is smaller): a
writer that fails before that is an error answer; one that fails later cuts the answer off
before its last chunk, which a client sees as a broken download, never as a whole file. A
client that goes away stops the writer at its next chunk.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import AsyncIterator, Callable

import anyio

from fastapi.responses import StreamingResponse

log = logging.getLogger("claimgraph.api")

CHUNK = 64 * 1024
DEPTH = 16  # chunks between the writer and the client: about 1 MiB per download at most
STALL = 600.0  # seconds a writer waits for a client that takes nothing, then gives up
_END = object()


class ClientGone(Exception):
    """The client stopped reading: the writer stops."""


class _Failed:
    def __init__(self, error: BaseException):
        self.error = error


class Pipe:
    """A write-only file for a format's writer (`write`, `flush`, `tell`, `closed`: what the XML
    writer, Parquet and `zipfile` need of an output that cannot seek); its reader is `chunks`."""

    def __init__(self):
        self.queue: queue.Queue = queue.Queue(DEPTH)
        self.buffer = bytearray()
        self.written = 0
        self.gone = threading.Event()
        self.chunk = CHUNK

    # -- the writer's side ------------------------------------------------------------------------
    def write(self, data) -> int:
        self.buffer += data
        self.written += len(data)
        while len(self.buffer) >= self.chunk:
            self._put(bytes(self.buffer[:self.chunk]))
            del self.buffer[:self.chunk]
        return len(data)

    closed = False  # the answer ends when the writer returns, not when a library closes its output

    def writable(self) -> bool:
        return True

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass

    def tell(self) -> int:
        return self.written

    def _put(self, item) -> None:
        waited = time.monotonic()
        while True:
            if self.gone.is_set():
                raise ClientGone()
            try:
                self.queue.put(item, timeout=0.5)
                return
            except queue.Full:
                if time.monotonic() - waited > STALL:
                    self.gone.set()
                    raise ClientGone() from None

    def run(self, write: Callable[[Pipe], object]) -> None:
        """Run `write(self)` to the end (in the writer's thread), then mark the end or the failure."""
        try:
            write(self)
            if self.buffer:
                self._put(bytes(self.buffer))
                self.buffer.clear()
            self._put(_END)
        except ClientGone:
            return
        except BaseException as e:  # noqa: BLE001 - handed to the reader, which raises it
            try:
                self._put(_Failed(e))
            except ClientGone:
                pass

    # -- the reader's side ------------------------------------------------------------------------
    def take(self):
        """The next chunk, `None` at the end; the writer's error raised here."""
        item = self.queue.get()
        if item is _END:
            return None
        if isinstance(item, _Failed):
            raise item.error
        return item

    async def chunks(self, first: bytes | None) -> AsyncIterator[bytes]:
        """The answer's body: `first`, then each chunk as the writer hands it over. However the
        answer ends (finished, failed, the client gone: the server cancels this), the writer
        stops at its next chunk."""
        try:
            block = first
            while block is not None:
                yield block
                try:
                    block = await anyio.to_thread.run_sync(self.take)
                except Exception:
                    log.exception("an export failed after its answer started: the download is cut off")
                    raise
        finally:
            self.gone.set()


def streamed(write: Callable[[Pipe], object], media_type: str, filename: str) -> StreamingResponse:
    """`write(fh)` streamed as a download named `filename`. Blocks until the first chunk is
    written, so an export that fails at once is an error answer (its exception raised here)."""
    pipe = Pipe()
    thread = threading.Thread(target=pipe.run, args=(write,), name="claimgraph-export", daemon=True)
    thread.start()
    try:
        first = pipe.take()
    except BaseException:
        pipe.gone.set()
        raise
    return StreamingResponse(pipe.chunks(first), media_type=media_type,
                             headers={"Content-Disposition": f'attachment; filename="{filename}"'})
