"""Undo and redo told which action they are for (`expect`, the id the preview showed): when another
action landed in between, 409 naming the action that is last now, and nothing taken back."""
from __future__ import annotations

from api_corpus import IRAN


def claims(client) -> list[str]:
    rows = client.get("/api/claims", params={"predicate": "arms", "actor": IRAN, "limit": 5}).json()["items"]
    return [r["claim"] for r in rows]


def a_claim(client) -> str:
    return claims(client)[0]


def test_undo_with_the_previewed_id_refuses_when_another_action_came_between(writer):
    claim = a_claim(writer)
    writer.post(f"/api/claims/{claim}/review", json={"verdict": "reject", "analyst": "dana"})
    shown = writer.get("/api/undo/preview", params={"analyst": "dana"}).json()["undo"]["id"]
    other = claims(writer)[0]
    assert writer.post(f"/api/claims/{other}/review", json={"verdict": "confirm", "analyst": "dana"}).status_code == 200
    last = writer.get("/api/undo/preview", params={"analyst": "dana"}).json()["undo"]
    assert last["action"] == "confirm" and last["id"] != shown

    refused = writer.post("/api/undo", json={"analyst": "dana", "expect": shown})
    assert refused.status_code == 409, refused.text
    assert refused.json()["detail"].startswith(f"the last action is now #{last['id']} (confirm by dana")
    assert f"not #{shown}" in refused.json()["detail"]
    assert writer.get("/api/undo/preview", params={"analyst": "dana"}).json()["undo"]["id"] == last["id"]  # nothing undone
    assert writer.get("/api/audit", params={"limit": 1}).json()["items"][0]["action"] == "confirm"

    done = writer.post("/api/undo", json={"analyst": "dana", "expect": last["id"]})
    assert done.status_code == 200 and done.json()["payload"]["undoes"] == last["id"]
    assert writer.post("/api/undo", json={"analyst": "dana", "expect": 0}).status_code == 422


def test_redo_with_the_previewed_id_refuses_another_undo(writer):
    claim = a_claim(writer)
    writer.post(f"/api/claims/{claim}/review", json={"verdict": "reject", "analyst": "dana"})
    writer.post(f"/api/claims/{claim}/restore", json={"analyst": "dana"})
    first = writer.post("/api/undo", json={"analyst": "dana"}).json()["id"]
    shown = writer.get("/api/undo/preview", params={"analyst": "dana"}).json()["redo"]["id"]
    assert shown == first
    second = writer.post("/api/undo", json={"analyst": "dana"}).json()["id"]  # another undo lands in between

    refused = writer.post("/api/redo", json={"analyst": "dana", "expect": shown})
    assert refused.status_code == 409, refused.text
    assert refused.json()["detail"].startswith(f"the last undo is now #{second}")
    assert writer.get("/api/undo/preview", params={"analyst": "dana"}).json()["redo"]["id"] == second
    done = writer.post("/api/redo", json={"analyst": "dana", "expect": second})
    assert done.status_code == 200 and done.json()["payload"]["redoes"] == second
