"""The nodes and edges of the graph formats (GEXF, GraphML), from one read of the store.

A node per exported actor; an edge per claim group (kind, subject, predicate, object after
merges) with a target, its claims folded as they pass (the read hands them out group by group),
so that memory holds one group at a time. Claims without a target (events with no object, or
with only a place) give no edge: an actor → place edge would mix "where" into "who did what to
whom". An edge's time is the union of its claims' spans (a relation's validity, an event's
date); an event dated only by its report's publication ("by then") counts when no claim of the
group has a date of its own. The modality counts, credibility and admiralty grade are the group's, as `claimgraph
claims` shows them (independent sources per modality, over all the group's claims); documents,
sources, evidence, claims and the time spans are those of the exported claims.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from claimgraph.corroborate.sources import default_sources
from claimgraph.export.read import StoreRead, fragment
from claimgraph.kb.listings import label
from claimgraph.model import MODALITIES

JOIN = "; "  # between the items of a list attribute (aliases, listings, claim ids, sources named)

# (name, type) of the attributes, in the order they are declared and written;
# types: string, integer, double, boolean
NODE_ATTRIBUTES = [("type", "string"), ("subtype", "string"), ("country", "string"), ("kb_id", "string"),
                   ("aliases", "string"), ("mentions", "integer"), ("documents", "integer"), ("listed", "string")]
EDGE_ATTRIBUTES = [("kind", "string"), ("predicate", "string"), ("modality", "string"),
                   *[(m, "integer") for m in MODALITIES],
                   ("claims", "integer"), ("evidence", "integer"), ("documents", "integer"), ("sources", "integer"),
                   ("independent", "integer"), ("credibility", "integer"), ("credibility_label", "string"),
                   ("admiralty", "string"), ("contested", "boolean"), ("confidence", "double"),
                   ("attributed_to", "string"), ("sentence", "string"), ("citation", "string"),
                   ("claim_ids", "string")]

Span = tuple[str | None, str | None]  # (first day, last day), YYYY-MM-DD; None: open on that side
_DAY = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass
class Node:
    id: str
    label: str
    attrs: dict


@dataclass
class Edge:
    id: str  # the claim group's key
    source: str
    target: str
    label: str  # the predicate
    weight: int  # independent sources
    spans: list[Span]  # disjoint, in order; empty: no date known (a static edge)
    attrs: dict

    @property
    def extent(self) -> Span:
        """From the first day of the first span to the last of the last (None: open or unknown)."""
        if not self.spans:
            return None, None
        return self.spans[0][0], self.spans[-1][1]


def day(value, last: bool = False) -> str | None:
    """A date as a full YYYY-MM-DD: a year or a month as its first day, or as its last day when
    `last`; None for no date or one that is not a date."""
    m = _DAY.fullmatch(str(value)[:10]) if value else None
    if m is None:
        return None
    year, month, dom = int(m[1]), int(m[2] or (12 if last else 1)), m[3]
    try:
        if dom is None:
            dom = calendar.monthrange(year, month)[1] if last else 1
        return date(year, month, int(dom)).isoformat()
    except ValueError:
        return None


def claim_span(row: dict) -> Span | None:
    """When a claim holds: a relation's validity span, an event's date; None when neither is known."""
    if row["kind"] == "relation":
        v = row.get("valid") or {}
        start, end = day(v.get("from")), day(v.get("to"), last=True)
    else:
        d = row.get("date") or {}
        start, end = day(d.get("start")), day(d.get("end"), last=True)
    if start and end and end < start:
        end = None
    return None if start is None and end is None else (start, end)


def union(spans: list[Span]) -> list[Span]:
    """Overlapping spans joined, in order of their start (an open start first)."""
    out: list[list] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0] or "", s[1] or "9999-12-31")):
        if out and (out[-1][1] is None or (start or "") <= out[-1][1]):
            if out[-1][1] is not None and (end is None or end > out[-1][1]):
                out[-1][1] = end
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def _named(value) -> str | None:
    return value.get("name") if isinstance(value, dict) else value


def nodes(read: StoreRead) -> Iterator[Node]:
    for a in read.actors():
        attrs = {"type": a["type"], "subtype": a["subtype"], "country": a["country"], "kb_id": a["kb_id"],
                 "aliases": JOIN.join(a["aliases"]) or None, "mentions": a["mentions"], "documents": a["documents"],
                 "listed": JOIN.join(label(x) for x in a["listings"]) or None}
        yield Node(a["id"], a["name"], attrs)


class _Group:
    """The exported claims of one group, folded one by one."""

    def __init__(self, row: dict):
        self.first, self.key = row, row["group"]
        self.ids: list[str] = []
        self.docs: set[str] = set()
        self.sources: set[str] = set()
        self.attributions: dict[str, None] = {}
        self.spans: list[Span] = []
        self.implied: list[Span] = []  # "by the day it was published": only when no claim has a date of its own
        self.evidence = self.independent = 0
        self.credibility, self.admiralty, self.label = self._grade(row)
        self.confidence, self.contested = row["confidence"], bool(row["contested"])

    @staticmethod
    def _grade(row: dict) -> tuple:
        return row["credibility"], row["admiralty"], row["credibility_label"]

    def add(self, row: dict) -> None:
        self.ids.append(row["claim"])
        for ev in row["evidence"]:
            self.docs.add(ev["doc"])
            source = (ev.get("source") or "").strip()
            self.sources.add("src:" + default_sources().key(source) if source else ev["doc"])  # as the store counts
        self.evidence += len(row["evidence"])
        self.independent = max(self.independent, row["independent"])
        if row["credibility"] < self.credibility:
            self.credibility, self.admiralty, self.label = self._grade(row)
        self.confidence = max(self.confidence, row["confidence"])
        self.contested = self.contested or bool(row["contested"])
        name = _named(row.get("attributed_to"))
        if name:
            self.attributions[name] = None
        span = claim_span(row)
        if span is not None:
            (self.implied if (row.get("date") or {}).get("implied") else self.spans).append(span)

    def edge(self) -> Edge:
        row = self.first
        counts = {m: int((row.get("modalities") or {}).get(m, 0)) for m in MODALITIES}
        dominant = max(MODALITIES, key=lambda m: (counts[m], -MODALITIES.index(m))) if any(counts.values()) \
            else row["modality"]
        ev = row["evidence"][0] if row["evidence"] else None
        attrs = {"kind": row["kind"], "predicate": row["predicate"], "modality": dominant, **counts,
                 "claims": len(self.ids), "evidence": self.evidence, "documents": len(self.docs),
                 "sources": len(self.sources), "independent": self.independent, "credibility": self.credibility,
                 "credibility_label": self.label, "admiralty": self.admiralty, "contested": self.contested,
                 "confidence": float(self.confidence), "attributed_to": JOIN.join(self.attributions) or None,
                 "sentence": ev["excerpt"] if ev else None, "citation": fragment(ev) if ev else None,
                 "claim_ids": JOIN.join(self.ids)}
        return Edge(self.key, row["subject"]["id"], row["object"]["id"], row["predicate"], self.independent,
                    union(self.spans or self.implied), attrs)


@dataclass
class Edges:
    """The edges of the kept claims between `known` actors; the counts of what was left out."""

    read: StoreRead
    known: set[str]
    claims: int = 0
    untargeted: int = 0  # claims without an object: no edge
    dropped: int = 0  # groups with an endpoint that is not an exported actor

    def __iter__(self) -> Iterator[Edge]:
        group: _Group | None = None
        for row in self.read.claims():
            self.claims += 1
            if row.get("object") is None:
                self.untargeted += 1
                continue
            if group is not None and group.key != row["group"]:
                yield from self._finish(group)
                group = None
            if group is None:
                group = _Group(row)
            group.add(row)
        if group is not None:
            yield from self._finish(group)

    def _finish(self, group: _Group) -> Iterator[Edge]:
        e = group.edge()
        if e.source in self.known and e.target in self.known:
            yield e
        else:
            self.dropped += 1

    def summary(self, nodes: int, edges: int) -> dict[str, int]:
        out = {"nodes": nodes, "edges": edges, "claims": self.claims, "claims without a target": self.untargeted}
        if self.dropped:
            out["groups without their actors"] = self.dropped
        return out
