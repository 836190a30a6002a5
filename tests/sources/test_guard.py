"""The SSRF guard against real HTTP servers on 127.0.0.1: allowed only by name in the allow list,
refused without it, refused on a redirect to a private or metadata address, and the caps on a
response's size and time."""
from __future__ import annotations

import gzip
import time

import pytest

from claimgraph.sources.guard import GuardedClient, Policy, Refused, SourceError, forbidden


@pytest.mark.parametrize("address, why", [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("10.0.0.5", "private"), ("172.16.3.4", "private"), ("192.168.1.1", "private"), ("fd12:3456::1", "private"),
    ("169.254.10.1", "link-local"), ("fe80::1", "link-local"), ("fe80::1%1", "link-local"),
    ("169.254.169.254", "cloud metadata"), ("fd00:ec2::254", "cloud metadata"), ("100.100.100.200", "cloud metadata"),
    ("224.0.0.1", "multicast"), ("ff02::1", "multicast"), ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("240.0.0.1", "reserved"), ("100.64.0.1", "not public"),
    ("::ffff:127.0.0.1", "loopback (IPv4 127.0.0.1 inside IPv6)"),
    ("::ffff:169.254.169.254", "cloud metadata (IPv4 169.254.169.254 inside IPv6)"),
    ("2002:0a00:0001::1", "private (IPv4 10.0.0.1 inside IPv6)"),
    ("64:ff9b::7f00:1", "loopback (IPv4 127.0.0.1 inside IPv6)"),
])
def test_forbidden_addresses(address, why):
    assert forbidden(address) == why


@pytest.mark.parametrize("address", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_pass(address):
    assert forbidden(address) is None


def test_allowed_host_is_fetched(server):
    server.routes["/a"] = (200, {"Content-Type": "text/plain"}, "hello")
    with GuardedClient(Policy.make(["127.0.0.1"])) as client:
        r = client.get(server.url("/a"))
    assert (r.status, r.content) == (200, b"hello")


def test_the_same_server_is_refused_without_the_allow_list(server):
    server.routes["/a"] = (200, {"Content-Type": "text/plain"}, "hello")
    with GuardedClient(Policy.make([])) as client, pytest.raises(Refused, match="127.0.0.1, a loopback address"):
        client.get(server.url("/a"))
    assert server.requests == []  # refused before connecting


def test_ipv6_loopback_server_refused_unless_allowed(ipv6_server):
    ipv6_server.routes["/a"] = (200, {}, "six")
    with GuardedClient(Policy.make([])) as client, pytest.raises(Refused, match="::1, a loopback address"):
        client.get(ipv6_server.url("/a"))
    assert ipv6_server.requests == []
    with GuardedClient(Policy.make(["[::1]"])) as client:
        assert client.get(ipv6_server.url("/a")).content == b"six"


def test_a_name_is_checked_after_resolution(server):
    # "localhost" resolves to 127.0.0.1 (and ::1): allowing the address does not allow the name
    with GuardedClient(Policy.make(["127.0.0.1"])) as client, pytest.raises(Refused, match="localhost resolves to"):
        client.get(f"http://localhost:{server.port}/a")
    assert server.requests == []


@pytest.mark.parametrize("target, why", [
    ("http://10.20.30.40/admin", "private"),
    ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
    ("http://[::1]:{port}/a", "loopback"),
    ("http://[::ffff:7f00:1]:{port}/a", "loopback"),
    ("http://localhost:{port}/a", "loopback"),
])
def test_a_redirect_to_a_private_address_is_refused(server, target, why):
    server.routes["/go"] = (302, {"Location": target.format(port=server.port)}, "")
    server.routes["/a"] = (200, {}, "secret")
    with GuardedClient(Policy.make(["127.0.0.1"])) as client, pytest.raises(Refused, match=why):
        client.get(server.url("/go"))
    assert server.hits("/a") == 0


def test_redirects_are_followed_and_counted(server):
    server.routes["/one"] = (301, {"Location": "/two"}, "")
    server.routes["/two"] = (307, {"Location": server.url("/three")}, "")
    server.routes["/three"] = (200, {}, "here")
    server.routes["/loop"] = (302, {"Location": "/loop"}, "")
    with GuardedClient(Policy.make(["127.0.0.1"], max_redirects=3)) as client:
        r = client.get(server.url("/one"))
        assert (r.url, r.content, len(r.redirects)) == (server.url("/three"), b"here", 2)
        with pytest.raises(Refused, match="more than 3 redirects"):
            client.get(server.url("/loop"))
    assert server.hits("/loop") == 4


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://127.0.0.1/", "ftp://example.org/x", "/relative"])
def test_other_schemes_are_refused(url):
    with GuardedClient(Policy.make(["127.0.0.1"])) as client, pytest.raises(Refused, match="only http and https"):
        client.get(url)


def test_size_cap_by_declared_length(server):
    server.routes["/big"] = (200, {}, b"x" * 200_000)
    with GuardedClient(Policy.make(["127.0.0.1"], max_bytes=100_000)) as client:
        with pytest.raises(Refused, match="200,000 bytes is over the size limit of 100,000"):
            client.get(server.url("/big"))


def test_size_cap_streamed_without_a_length(server):
    def endless(handler):
        handler.send_response(200)
        handler.send_header("Connection", "close")
        handler.end_headers()
        try:
            for _ in range(10_000):  # 80 MB if nobody stopped reading
                handler.wfile.write(b"y" * 8192)
        except OSError:
            pass
        handler.close_connection = True
        return "handled"

    server.routes["/endless"] = endless
    with GuardedClient(Policy.make(["127.0.0.1"], max_bytes=100_000)) as client:
        with pytest.raises(Refused, match="over the size limit of 100,000 bytes \\(stopped\\)"):
            client.get(server.url("/endless"))


def test_size_cap_counts_decompressed_bytes(server):
    bomb = gzip.compress(b"\0" * 20_000_000)  # about 20 KB on the wire
    server.routes["/bomb"] = (200, {"Content-Encoding": "gzip"}, bomb)
    with GuardedClient(Policy.make(["127.0.0.1"], max_bytes=1_000_000)) as client:
        with pytest.raises(Refused, match="over the size limit"):
            client.get(server.url("/bomb"))


def test_time_cap_stops_a_trickle(server):
    def trickle(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "100")
        handler.end_headers()
        try:
            for _ in range(100):  # a byte every 0.1 s: never a read timeout, 10 s in all
                handler.wfile.write(b"z")
                handler.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass
        return "handled"

    server.routes["/slow"] = trickle
    start = time.monotonic()
    with GuardedClient(Policy.make(["127.0.0.1"], timeout=1.0)) as client:
        with pytest.raises(Refused, match="time limit of 1 s"):
            client.get(server.url("/slow"))
    assert time.monotonic() - start < 3


def test_a_dns_lookup_that_does_not_answer_is_given_up(server):
    """The system resolver cannot be made slow here (its name servers are the machine's), so the
    lookup function is: one that answers after 30 s, as a resolver whose server drops queries does."""
    import socket

    def silent(*args, **kwargs):
        time.sleep(30)
        return socket.getaddrinfo(*args, **kwargs)

    server.routes["/a"] = (200, {}, "hello")
    policy = Policy.make(["localhost"], dns_timeout=0.5)
    started = time.monotonic()
    with GuardedClient(policy, getaddrinfo=silent) as client, \
            pytest.raises(SourceError, match="no answer from DNS in 0.5 s") as caught:
        client.get(server.url("/a").replace("127.0.0.1", "localhost"))
    assert time.monotonic() - started < 10 and caught.value.transient
    assert server.requests == []
    with GuardedClient(policy) as client:  # the system's resolver answers in time
        assert client.get(server.url("/a").replace("127.0.0.1", "localhost")).content == b"hello"


def test_httpx_errors_keep_their_kind_through_the_guarded_transport(server):
    """The transport maps httpcore's errors to httpx's: a server that closes without answering is a
    network error (retried later), not a crash."""
    import socket
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]

    def close_at_once():
        conn, _ = listener.accept()
        conn.recv(1024)
        conn.close()

    import threading
    threading.Thread(target=close_at_once, daemon=True).start()
    try:
        with GuardedClient(Policy.make(["127.0.0.1"])) as client, \
                pytest.raises(SourceError, match="network error: RemoteProtocolError") as caught:
            client.get(f"http://127.0.0.1:{port}/")
        assert caught.value.transient
    finally:
        listener.close()
