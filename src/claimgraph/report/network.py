"""The actor's network as an SVG picture: the actor in the middle, its counterparts on a circle
(in a fixed order, so that one store draws the same picture), a line for each counterpart
labelled with the predicates between them. No script: the HTML, the PDF and a Markdown viewer
show it as it is."""
from __future__ import annotations

import math

from markupsafe import escape

WIDTH, HEIGHT = 900, 720
MAX_NODES = 24  # counterparts drawn; the rest are said in a line below
COLOURS = {"person": "#1f6feb", "organization": "#8250df", "group": "#bf8700", "country": "#1a7f37",
           "location": "#57606a"}
FIRM = ("asserted", "reported")
HEDGED = ("alleged", "speculative")


def svg(report: dict) -> str:
    """The picture of `report`'s ties and events (the report data of `report.dossier.build`)."""
    actor = report["actor"]
    edges: dict[str, dict] = {}  # counterpart id → what links it to the actor
    for group in report["relations"]:
        for tie in group["ties"]:
            _add(edges, tie["other"], group["predicate"], tie["side"] == "as_subject", tie["modalities"])
    for e in report["timeline"]:
        if e.get("counterpart") and e["role"] in ("actor", "target"):
            _add(edges, e["counterpart"], e["type"], e["role"] == "actor", e["modalities"])
    ranked = sorted(edges.values(), key=lambda x: (-x["weight"], x["name"], x["id"]))
    shown = sorted(ranked[:MAX_NODES], key=lambda x: (x["type"] or "", x["name"], x["id"]))
    cx, cy, radius = WIDTH / 2, HEIGHT / 2 - 10, min(WIDTH, HEIGHT) / 2 - 80
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
             f'height="{HEIGHT}" role="img" aria-label="{escape("network of " + actor["name"])}" class="network">',
             "<defs>" + "".join(
                 f'<marker id="arrow-{k}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
                 f'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="{c}"/></marker>'
                 for k, c in (("firm", "#444"), ("hedged", "#9a6700"), ("negated", "#cf222e"))) + "</defs>",
             '<style>text{font-family:sans-serif}.label{font-size:11px;fill:#333}.name{font-size:12px}'
             '.centre{font-size:14px;font-weight:bold}</style>']
    nodes = []
    for i, x in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(shown), 1)
        px, py = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        parts.append(_edge(cx, cy, px, py, x, 0.5 if i % 2 else 0.7))  # labels staggered: fewer overlaps
        nodes.append(_node(px, py, angle, x))
    parts += nodes
    parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="13" fill="{COLOURS.get(actor["type"], "#57606a")}" '
                 f'stroke="#000" stroke-width="2"/>')
    parts.append(f'<text class="centre" x="{cx:.1f}" y="{cy + 32:.1f}" text-anchor="middle" paint-order="stroke" '
                 f'stroke="#fff" stroke-width="4">'
                 f'{escape(_short(actor["name"], 40))}</text>')
    if not shown:
        parts.append(f'<text class="label" x="{cx:.1f}" y="{cy + 55:.1f}" text-anchor="middle">'
                     'no tie to another actor under these filters</text>')
    if len(ranked) > len(shown):
        parts.append(f'<text class="label" x="10" y="{HEIGHT - 10}">and {len(ranked) - len(shown)} more '
                     'counterparts, with fewer sources, not drawn</text>')
    parts.append(f'<text class="label" x="{WIDTH - 10}" y="{HEIGHT - 10}" text-anchor="end">'
                 'solid: stated or reported · dashed: alleged or possible · red: denied</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _add(edges: dict, other: dict, label: str, outgoing: bool, modalities: dict) -> None:
    if not other or not other.get("id"):
        return
    x = edges.setdefault(other["id"], {"id": other["id"], "name": other.get("name") or other["id"],
                                       "type": other.get("type"), "labels": [], "out": False, "in": False,
                                       "modalities": set(), "weight": 0})
    if label not in x["labels"]:
        x["labels"].append(label)
    x["out" if outgoing else "in"] = True
    x["modalities"] |= {m for m, n in (modalities or {}).items() if n}
    x["weight"] += sum((modalities or {}).values())


def _style(x: dict) -> tuple[str, str]:
    """(marker kind, stroke attributes): firm if any source states or reports it, hedged if only
    alleged or possible, negated if only denied."""
    if x["modalities"] & set(FIRM):
        return "firm", 'stroke="#444" stroke-width="1.6"'
    if x["modalities"] & set(HEDGED):
        return "hedged", 'stroke="#9a6700" stroke-width="1.4" stroke-dasharray="6 4"'
    return "negated", 'stroke="#cf222e" stroke-width="1.4" stroke-dasharray="2 3"'


def _edge(cx: float, cy: float, px: float, py: float, x: dict, at: float) -> str:
    kind, stroke = _style(x)
    # stop short of the circles so that the arrowheads show
    dx, dy = px - cx, py - cy
    length = math.hypot(dx, dy) or 1
    x1, y1 = cx + dx * 15 / length, cy + dy * 15 / length
    x2, y2 = px - dx * 9 / length, py - dy * 9 / length
    markers = (f' marker-end="url(#arrow-{kind})"' if x["out"] else "") + \
              (f' marker-start="url(#arrow-{kind})"' if x["in"] else "")
    mx, my = cx + dx * at, cy + dy * at
    label = escape(_short(", ".join(p.replace("_", " ") for p in x["labels"]), 34))
    return (f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" {stroke}{markers}/>'
            f'<text class="label" x="{mx:.1f}" y="{my - 3:.1f}" text-anchor="middle" '
            f'paint-order="stroke" stroke="#fff" stroke-width="3">{label}</text>')


def _node(px: float, py: float, angle: float, x: dict) -> str:
    c = math.cos(angle)
    anchor = "middle" if abs(c) < 0.05 else "start" if c > 0 else "end"
    tx = px + 12 * (0 if anchor == "middle" else 1 if c > 0 else -1)
    ty = py + (20 if math.sin(angle) > 0.8 else -13 if math.sin(angle) < -0.8 else 4)
    return (f'<circle cx="{px:.1f}" cy="{py:.1f}" r="8" fill="{COLOURS.get(x["type"], "#57606a")}"/>'
            f'<text class="name" x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}">{escape(_short(x["name"], 30))}'
            "</text>")


def _short(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"
