"""Fixtures of the API tests: the store of `api_corpus`, built once, and servers over copies of it."""
from __future__ import annotations

import pytest
from api_corpus import Server, build_store
from db_copies import copied, copy_url, drop, new_url

from claimgraph.api import create_app


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def api_db(request, extractor, tmp_path_factory):
    """The URL of the API tests' store, built once on each database."""
    if request.param == "postgresql":
        request.getfixturevalue("pg_server")
    url = new_url(request.param, tmp_path_factory.mktemp("api"))
    build_store(extractor, url)
    yield url
    drop(url)


@pytest.fixture()
def api_copy(api_db, tmp_path):
    """A copy of the store for one test (its URL)."""
    with copied(api_db, tmp_path) as url:
        yield url


@pytest.fixture(scope="session")
def read_server(api_db, extractor, tmp_path_factory):
    """One open server for the tests that only read (over its own copy of the store)."""
    copy = copy_url(api_db, tmp_path_factory.mktemp("read"))
    server = Server(create_app(copy, extractor=extractor))
    yield server
    server.stop()
    drop(copy)


@pytest.fixture()
def api(read_server):
    with read_server.client() as client:
        yield client


@pytest.fixture()
def serve(api_db, extractor, tmp_path):
    """Start a server over a fresh copy of the store: `serve(token=..., max_upload_bytes=...)`."""
    servers = []

    def start(**kwargs) -> Server:
        copy = copy_url(api_db, tmp_path)
        kwargs.setdefault("extractor", extractor)
        servers.append(Server(create_app(copy, **kwargs)))
        servers[-1].db = copy
        return servers[-1]

    yield start
    for s in servers:
        s.stop()
        drop(s.db)


@pytest.fixture()
def writer(serve):
    """A client of an open server over a store of its own, for tests that write."""
    with serve().client() as client:
        yield client
