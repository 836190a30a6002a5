"""`export --format gexf`: the actor graph for Gephi, GEXF 1.2 with dynamic time, written as a stream.

Attributes are declared first, then the nodes, then the edges (see `export.graph`). The graph is
`mode="dynamic"` with `timeformat="date"`: an edge holds from `start` to `end` (a relation's
validity span, an event's date; an open side left off), or over several `spells` when its claims
hold at separate times, so Gephi's Timeline slider shows the ties of a period. Edges without a
known date, and all nodes, are static: present at every time.
"""
from __future__ import annotations

from typing import IO

from claimgraph.export.graph import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, Edges, nodes
from claimgraph.export.read import StoreRead
from claimgraph.export.xmlstream import XMLStream

DIRECTORY = False
NS = "http://www.gexf.net/1.2draft"
SCHEMA = "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd"


def _declare(xml: XMLStream, cls: str, attributes: list[tuple[str, str]]) -> None:
    xml.open("attributes", {"class": cls, "mode": "static"})
    for name, kind in attributes:
        xml.leaf("attribute", {"id": name, "title": name, "type": kind})
    xml.close("attributes")


def _attvalues(xml: XMLStream, attrs: dict) -> None:
    values = [(k, v) for k, v in attrs.items() if v is not None]
    if values:
        xml.open("attvalues")
        for key, value in values:
            xml.leaf("attvalue", {"for": key, "value": value})
        xml.close("attvalues")


def export(read: StoreRead, fh: IO[bytes], options=None) -> dict[str, int]:
    xml = XMLStream(fh)
    xml.open("gexf", {"xmlns": NS, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
                      "xsi:schemaLocation": SCHEMA, "version": "1.2"})
    xml.open("meta")
    xml.leaf("creator", text="claimgraph")
    xml.leaf("description", text="Actors and the claim groups between them, with modality, sources and grade")
    xml.close("meta")
    xml.open("graph", {"mode": "dynamic", "timeformat": "date", "defaultedgetype": "directed"})
    _declare(xml, "node", NODE_ATTRIBUTES)
    _declare(xml, "edge", EDGE_ATTRIBUTES)

    known: set[str] = set()
    xml.open("nodes")
    for n in nodes(read):
        known.add(n.id)
        xml.open("node", {"id": n.id, "label": n.label})
        _attvalues(xml, n.attrs)
        xml.close("node")
    xml.close("nodes")

    edges, written = Edges(read, known), 0
    xml.open("edges")
    for e in edges:
        start, end = e.spans[0] if len(e.spans) == 1 else (None, None)
        xml.open("edge", {"id": e.id, "source": e.source, "target": e.target, "label": e.label,
                          "weight": e.weight, "start": start, "end": end})
        if len(e.spans) > 1:
            xml.open("spells")
            for s, t in e.spans:
                xml.leaf("spell", {"start": s, "end": t})
            xml.close("spells")
        _attvalues(xml, e.attrs)
        xml.close("edge")
        written += 1
    xml.close("edges")
    xml.close("graph")
    xml.close("gexf")
    xml.end()
    return edges.summary(len(known), written)
