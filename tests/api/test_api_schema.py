"""Property-based: requests generated from /openapi.json (valid and invalid) never get a 5xx.

Schemathesis builds the requests from the server's own schema; they go over real HTTP to a
server over its own copy of the store, so generated writes (uploads, verdicts, merges, undos)
change that copy only. (Schemathesis's pytest plugin does not run on pytest 9, so its
strategies are driven by Hypothesis here.)
"""
from __future__ import annotations


import pytest
import schemathesis
from api_corpus import Server
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from db_copies import copy_url

from claimgraph.api import create_app

EXAMPLES = 10  # per operation and mode: the whole tests/api run stays under a minute


@pytest.fixture(scope="module")
def fuzz_server(api_db, extractor, tmp_path_factory):
    copy = copy_url(api_db, tmp_path_factory.mktemp("fuzz"))
    server = Server(create_app(str(copy), extractor=extractor, max_upload_bytes=64 * 1024))
    yield server
    server.stop()


def _operations(url: str):
    schema = schemathesis.openapi.from_url(f"{url}/openapi.json")
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
def test_no_request_gets_a_server_error(fuzz_server, mode):
    operations = _operations(fuzz_server.url)
    assert len(operations) >= 17
    failures = []
    for operation in operations:
        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate(checks=[not_a_server_error], timeout=60)

        try:
            check()
        except Exception as e:  # noqa: BLE001 - gather every operation's failure, then report them all
            failures.append(f"{operation.label}: {e}")
    assert not failures, "\n\n".join(failures)
