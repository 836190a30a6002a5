"""Actors matched to sanctions and watch lists (`claimgraph kb import`): what a listing says of
an actor, for the answers and the exports."""
from __future__ import annotations


def of_actors(view, ids: list[str]) -> dict[str, list[dict]]:
    """Canonical actor id → its listings (list, topics, match score), for these actors."""
    return {}


def listed_condition(figures):
    """An SQL condition on `claim_figures` rows: the claim touches a listed actor."""
    raise NotImplementedError("listings arrive with `claimgraph kb import`")
