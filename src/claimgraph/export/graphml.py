"""`export --format graphml`: the actor graph as GraphML (Gephi, yEd, Cytoscape, igraph, networkx),
written as a stream: the keys first, then the nodes, then the edges (see `export.graph`).

Keys are named by their attribute (as networkx's `named_key_ids=True` names them); a name that
nodes and edges both have gets `node_` / `edge_` before it, since a key id must be unique. Edge
ids are the claim groups' keys. GraphML has no time: an edge's `start` and `end` are the first
and last day of its claims' spans, as strings (an open or unknown side left out).
"""
from __future__ import annotations

from typing import IO

from claimgraph.export.graph import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, Edges, nodes
from claimgraph.export.read import StoreRead
from claimgraph.export.xmlstream import XMLStream

DIRECTORY = False
NS = "http://graphml.graphdrawing.org/xmlns"
SCHEMA = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
TYPES = {"string": "string", "integer": "int", "double": "double", "boolean": "boolean"}

NODE_KEYS = [("label", "string"), *NODE_ATTRIBUTES]
EDGE_KEYS = [("label", "string"), ("weight", "double"), ("start", "string"), ("end", "string"), *EDGE_ATTRIBUTES]


def _ids(keys: list[tuple[str, str]], others: list[tuple[str, str]], domain: str) -> dict[str, str]:
    shared = {name for name, _ in others}
    return {name: f"{domain}_{name}" if name in shared else name for name, _ in keys}


NODE_IDS, EDGE_IDS = _ids(NODE_KEYS, EDGE_KEYS, "node"), _ids(EDGE_KEYS, NODE_KEYS, "edge")


def _data(xml: XMLStream, ids: dict[str, str], values: dict) -> None:
    for name, value in values.items():
        if value is not None:
            xml.leaf("data", {"key": ids[name]}, text=value)


def export(read: StoreRead, fh: IO[bytes], options=None) -> dict[str, int]:
    xml = XMLStream(fh)
    xml.open("graphml", {"xmlns": NS, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
                         "xsi:schemaLocation": SCHEMA})
    for domain, keys, ids in (("node", NODE_KEYS, NODE_IDS), ("edge", EDGE_KEYS, EDGE_IDS)):
        for name, kind in keys:
            xml.leaf("key", {"id": ids[name], "for": domain, "attr.name": name, "attr.type": TYPES[kind]})
    xml.open("graph", {"id": "claimgraph", "edgedefault": "directed"})

    known: set[str] = set()
    for n in nodes(read):
        known.add(n.id)
        xml.open("node", {"id": n.id})
        _data(xml, NODE_IDS, {"label": n.label, **n.attrs})
        xml.close("node")

    edges, written = Edges(read, known), 0
    for e in edges:
        start, end = e.extent
        xml.open("edge", {"id": e.id, "source": e.source, "target": e.target})
        _data(xml, EDGE_IDS, {"label": e.label, "weight": float(e.weight), "start": start, "end": end, **e.attrs})
        xml.close("edge")
        written += 1
    xml.close("graph")
    xml.close("graphml")
    xml.end()
    return edges.summary(len(known), written)
