// The network view (Cytoscape.js): actors as nodes, claims as edges styled by modality.

import {h} from "./dom.js";
import {TYPES, predicateText, typeStyle} from "./format.js";

const RELATION_COLOR = "#3d4a5c";
const EVENT_COLOR = "#1f8a8a";
const NEGATED_COLOR = "#a8a8a8";
const CONTESTED_COLOR = "#d62728";
const LABELS_UP_TO = 20; // edges; above this, labels show on hover and selection only
const FIT_ZOOM = 1.4;

/** Edge width from the number of independent sources (1 → thin, 5 or more → thickest). */
function edgeWidth(independent) {
  const n = Math.max(1, Math.min(Number(independent) || 1, 5));
  return 1.5 + (n - 1) * 1.5;
}

/** Cytoscape elements from a neighbours answer ({center, nodes, edges}). */
export function elements(data) {
  const nodes = [data.center, ...(data.nodes || [])].filter(Boolean).map((n) => {
    const style = typeStyle(n.type);
    return {
      group: "nodes",
      data: {id: n.id, name: n.name || n.id, type: n.type || "other", country: n.country, distance: n.distance ?? 0,
        shape: style.shape, color: style.color},
      classes: n.id === data.center.id ? "center" : "",
    };
  });
  const ids = new Set(nodes.map((n) => n.data.id));
  const edges = (data.edges || []).filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => {
    const independent = e.independent ?? e.sources ?? 1;
    return {
      group: "edges",
      data: {id: e.claim, claim: e.claim, source: e.source, target: e.target, predicate: e.predicate, kind: e.kind,
        modality: e.modality, contested: !!e.contested, independent, documents: e.documents,
        credibility: e.credibility, label: predicateText(e.predicate), width: edgeWidth(independent)},
      classes: [e.kind === "event" ? "event" : "relation", e.contested ? "contested" : ""].join(" ").trim(),
    };
  });
  return [...nodes, ...edges];
}

function styles(showLabels) {
  return [
    {selector: "node", style: {
      "label": "data(name)", "shape": "data(shape)", "background-color": "data(color)", "width": 28, "height": 28,
      "font-size": 13, "color": "#1d1d1d", "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "wrap",
      "text-max-width": "130px", "text-background-color": "#ffffff", "text-background-opacity": 0.8,
      "text-background-padding": "1px", "border-width": 1, "border-color": "#ffffff"}},
    {selector: "node.center", style: {"width": 40, "height": 40, "border-width": 3, "border-color": "#1d1d1d",
      "font-weight": "bold", "font-size": 15}},
    {selector: "edge", style: {
      "width": "data(width)", "curve-style": "bezier", "line-color": RELATION_COLOR, "target-arrow-color": RELATION_COLOR,
      "target-arrow-shape": "triangle", "arrow-scale": 0.8, "label": showLabels ? "data(label)" : "",
      "font-size": 10, "color": "#333", "text-rotation": "autorotate", "text-background-color": "#ffffff",
      "text-background-opacity": 0.85, "text-background-padding": "1px"}},
    {selector: "edge.event", style: {"line-color": EVENT_COLOR, "target-arrow-color": EVENT_COLOR}},
    {selector: 'edge[modality = "reported"]', style: {"line-style": "dashed", "line-dash-pattern": [8, 5]}},
    {selector: 'edge[modality = "alleged"], edge[modality = "speculative"]', style: {
      "line-style": "dotted", "line-dash-pattern": [2, 4]}},
    {selector: 'edge[modality = "negated"]', style: {
      "line-color": NEGATED_COLOR, "target-arrow-color": NEGATED_COLOR, "target-arrow-shape": "tee"}},
    {selector: "edge.contested", style: {"line-color": CONTESTED_COLOR, "target-arrow-color": CONTESTED_COLOR}},
    {selector: "edge:selected, edge.hover", style: {"label": "data(label)", "z-index": 10}},
    {selector: ":selected", style: {"overlay-color": "#f2b400", "overlay-opacity": 0.35, "overlay-padding": 4}},
  ];
}

// Laid out by forces (cose), started from rings around the centre: the same picture at each load.
function forces(nodes) {
  return {name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true, padding: 30,
    idealEdgeLength: () => (nodes > 20 ? 160 : 120), nodeRepulsion: () => (nodes > 20 ? 400000 : 80000),
    gravity: nodes > 20 ? 0.2 : 0.5, numIter: 1500};
}

/** Run `fn` with Math.random drawn from a fixed seed (cose jitters its nodes at random), so the
 *  same network is laid out the same way at each load. The layout runs synchronously (no animation). */
function seeded(fn, seed = 20200103) {
  const random = Math.random;
  let state = seed;
  Math.random = () => {  // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return fn();
  } finally {
    Math.random = random;
  }
}

/** Starting positions: the centre's neighbours evenly on a first ring, theirs on a second ring,
 *  each at the mean angle of the neighbours it hangs from, spread a little so none coincide. */
function radialPositions(data) {
  const pos = {[data.center.id]: {x: 0, y: 0}};
  const ring1 = (data.nodes || []).filter((n) => n.distance === 1);
  const ring2 = (data.nodes || []).filter((n) => n.distance !== 1);
  const r1 = Math.max(160, (ring1.length * 70) / (2 * Math.PI));
  const r2 = r1 + 160;
  const angle = {};
  const place = (id, a, r) => {
    angle[id] = a;
    pos[id] = {x: Math.cos(a) * r * 1.5, y: Math.sin(a) * r};
  };
  ring1.forEach((n, i) => place(n.id, 0.6 * Math.PI + (2 * Math.PI * i) / ring1.length, r1));
  ring2.forEach((n, i) => {
    const around = (data.edges || []).flatMap((e) => (e.source === n.id ? [e.target] : e.target === n.id ? [e.source] : []))
      .filter((id) => id in angle && id !== data.center.id);
    const [y, x] = ["sin", "cos"].map((f) => around.reduce((t, id) => t + Math[f](angle[id]), 0));
    const a = Math.hypot(x, y) > 1e-6 ? Math.atan2(y, x) : (around.length ? angle[around[0]] : 0) + 0.5;
    place(n.id, a + 0.15 * ((i % 5) - 2), r2 + 30 * (i % 3));
  });
  return pos;
}

/** Draw the network in `container`; `onEdge(data)` and `onNode(data)` when one is clicked. */
export function drawNetwork(container, data, {onEdge = () => {}, onNode = () => {}} = {}) {
  const els = elements(data);
  const edgeCount = els.filter((e) => e.group === "edges").length;
  const cy = window.cytoscape({
    container,
    elements: els,
    style: styles(edgeCount <= LABELS_UP_TO),
    layout: {name: "preset", positions: radialPositions(data), fit: true, padding: 30},
    minZoom: 0.2,
    maxZoom: 3,
    selectionType: "single",
  });
  if (data.nodes && data.nodes.length > 1) seeded(() => cy.layout(forces(data.nodes.length)).run());
  if (cy.zoom() > FIT_ZOOM) {  // a small network: keep labels at a readable size
    cy.zoom(FIT_ZOOM);
    cy.center();
  }
  cy.on("tap", "edge", (ev) => onEdge(ev.target.data()));
  cy.on("tap", "node", (ev) => onNode(ev.target.data()));
  cy.on("mouseover", "edge", (ev) => ev.target.addClass("hover"));
  cy.on("mouseout", "edge", (ev) => ev.target.removeClass("hover"));
  return cy;
}

// Legend (SVG built through the DOM, so nothing is parsed from a string).
const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

const SHAPES = {
  "ellipse": () => svg("circle", {cx: 9, cy: 9, r: 7}),
  "round-rectangle": () => svg("rect", {x: 2, y: 3, width: 14, height: 12, rx: 3}),
  "hexagon": () => svg("polygon", {points: "5,2 13,2 17,9 13,16 5,16 1,9"}),
  "diamond": () => svg("polygon", {points: "9,1 17,9 9,17 1,9"}),
  "triangle": () => svg("polygon", {points: "9,2 17,16 1,16"}),
};

function nodeSwatch(style) {
  const shape = (SHAPES[style.shape] || SHAPES.ellipse)();
  shape.setAttribute("fill", style.color);
  return svg("svg", {width: 18, height: 18, viewBox: "0 0 18 18", "aria-hidden": "true"}, shape);
}

function edgeSwatch({color = RELATION_COLOR, dash = null, width = 2, tee = false}) {
  const line = svg("line", {x1: 1, y1: 8, x2: 36, y2: 8, stroke: color, "stroke-width": width});
  if (dash) line.setAttribute("stroke-dasharray", dash);
  const end = tee ? svg("line", {x1: 38, y1: 2, x2: 38, y2: 14, stroke: color, "stroke-width": 2.5})
    : svg("polygon", {points: "36,3 43,8 36,13", fill: color});
  return svg("svg", {width: 44, height: 16, viewBox: "0 0 44 16", "aria-hidden": "true"}, line, end);
}

const EDGE_KEY = [
  [{}, "asserted: the document states it"],
  [{dash: "8 5"}, "reported: on a source\u2019s word"],
  [{dash: "2 4"}, "alleged or speculative"],
  [{color: NEGATED_COLOR, tee: true}, "negated: denied"],
  [{color: CONTESTED_COLOR}, "contested: documents disagree"],
  [{color: EVENT_COLOR}, "an event (attack, meeting, arrest\u2026)"],
  [{width: 1.5}, "thin: one independent source"],
  [{width: 7.5}, "thick: five or more"],
];

export function legend() {
  return h("div", {class: "legend", "aria-label": "legend"},
    h("div", {class: "legend-block"}, h("h4", {}, "Actors"),
      h("ul", {}, Object.entries(TYPES).filter(([k]) => k !== "other").map(([, style]) =>
        h("li", {}, nodeSwatch(style), " ", style.label)))),
    h("div", {class: "legend-block"}, h("h4", {}, "Claims (arrow: who does what to whom)"),
      h("ul", {}, EDGE_KEY.map(([opts, text]) => h("li", {}, edgeSwatch(opts), " ", text)))));
}
