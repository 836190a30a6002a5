"""Bugs a fresh-eyes review of issue 14 found in the API: each test failed before its fix."""
from __future__ import annotations


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_an_outlet_graded_with_a_named_token_is_that_analysts_grade(serve):
    """The review routes take the analyst from a token that names one (`NAME=TOKEN`); grading an
    outlet did not (the audit said the body's name, or "analyst"), so the analyst's own undo
    was refused as another's."""
    server = serve(token="reader", analyst_token=["maria=tok-maria"])
    with server.client(headers=bearer("tok-maria")) as maria:
        r = maria.put("/api/sources/levantpost/reliability", json={"reliability": "C", "reason": "fair"})
        assert r.status_code == 200, r.text
        assert r.json()["audit"]["actor"] == "maria" and r.json()["source"]["analyst"] == "maria"
        r = maria.put("/api/sources/gulfledger/reliability",
                      json={"reliability": "D", "reason": "one-sided", "analyst": "bob"})
        assert r.status_code == 200 and r.json()["audit"]["actor"] == "maria"  # the token's name wins
        preview = maria.get("/api/undo/preview").json()
        assert preview["undo"]["action"] == "reliability" and preview["undo"]["own"] is True
        assert maria.post("/api/undo").status_code == 200
