"""Fixtures of the API tests: the store of `api_corpus`, built once, and servers over copies of it."""
from __future__ import annotations

import shutil

import pytest
from api_corpus import Server, build_store

from claimgraph.api import create_app


@pytest.fixture(scope="session")
def api_db(extractor, tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "store.db"
    build_store(extractor, path)
    return path


@pytest.fixture(scope="session")
def read_server(api_db, extractor, tmp_path_factory):
    """One open server for the tests that only read (over its own copy of the store)."""
    copy = tmp_path_factory.mktemp("read") / "store.db"
    shutil.copy(api_db, copy)
    server = Server(create_app(str(copy), extractor=extractor))
    yield server
    server.stop()


@pytest.fixture()
def api(read_server):
    with read_server.client() as client:
        yield client


@pytest.fixture()
def serve(api_db, extractor, tmp_path):
    """Start a server over a fresh copy of the store: `serve(token=..., max_upload_bytes=...)`."""
    servers = []

    def start(**kwargs) -> Server:
        copy = tmp_path / f"store{len(servers)}.db"
        shutil.copy(api_db, copy)
        kwargs.setdefault("extractor", extractor)
        servers.append(Server(create_app(str(copy), **kwargs)))
        servers[-1].db = copy
        return servers[-1]

    yield start
    for s in servers:
        s.stop()


@pytest.fixture()
def writer(serve):
    """A client of an open server over a store of its own, for tests that write."""
    with serve().client() as client:
        yield client
