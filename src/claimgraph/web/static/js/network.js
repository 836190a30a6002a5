// The network view (Cytoscape.js): actors as nodes, claims as edges styled by modality.

import {api} from "./api.js";
import {h, replace} from "./dom.js";
import {TYPES, predicateText, typeStyle} from "./format.js";

const RELATION_COLOR = "#3d4a5c";
const EVENT_COLOR = "#1f8a8a";
const NEGATED_COLOR = "#a8a8a8";
const CONTESTED_COLOR = "#d62728";
const LABELS_UP_TO = 20; // edges; above this, labels show on hover and selection only
const FIT_ZOOM = 1.4;
const SVG = "http://www.w3.org/2000/svg";

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
    {selector: "node.expanded", style: {"border-width": 3, "border-color": "#f2b400"}},
    {selector: "node.type-hidden", style: {"display": "none"}},
  ];
}

// Laid out by forces (fcose, else cytoscape's cose), started from rings around the centre
// (`randomize: false`) with Math.random and layout-base's own generator seeded: the same picture
// at each visit.
function forces(nodes, fit = true) {
  const common = {animate: false, randomize: false, fit, padding: 30, nodeDimensionsIncludeLabels: true};
  if (window.cytoscapeFcose || hasLayout("fcose")) {
    return {...common, name: "fcose", quality: "proof", packComponents: false, tile: false, numIter: 2500,
      idealEdgeLength: () => (nodes > 20 ? 150 : 120), nodeRepulsion: () => (nodes > 20 ? 60000 : 25000),
      nodeSeparation: 90, gravity: 0.3, gravityRange: 3.8};
  }
  return {...common, name: "cose", idealEdgeLength: () => (nodes > 20 ? 160 : 120),
    nodeRepulsion: () => (nodes > 20 ? 400000 : 80000), gravity: nodes > 20 ? 0.2 : 0.5, numIter: 1500};
}

function hasLayout(name) {
  try {
    return Boolean(window.cytoscape && window.cytoscape("layout", name));
  } catch (err) {
    return false;
  }
}

/** Run `fn` with Math.random drawn from a fixed seed (the layouts jitter nodes at random) and
 *  layout-base's generator (fcose's) set back to its start, so a layout gives the same positions
 *  at each run. The layout runs synchronously (no animation). */
function seeded(fn, seed = 20200103) {
  const random = Math.random;
  let state = seed;
  Math.random = () => {  // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const base = window.layoutBase && window.layoutBase.RandomSeed;
  if (base) {
    base.seed = 1;
    base.x = 0;
  }
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

export const MAX_SHOWN = 40; // actors drawn at once: beyond this a depth-2 view is a hairball

/** The strength of a claim as a tie: its independent sources, then its grade (1 best … 6). */
function tieStrength(e) {
  return {independent: Math.max(1, Number(e.independent ?? e.sources) || 1), credibility: Number(e.credibility) || 6};
}

/** At most `maxNodes` actors of a neighbours answer, strongest ties first: starting from the
 *  centre, the actor with the most independent sources on its claims to those already kept comes
 *  next (then the better grade, the nearer, the name), so every actor drawn hangs from the centre.
 *  Returns the answer cut down, and how many actors were left out. */
export function strongest(data, maxNodes = MAX_SHOWN) {
  const nodes = data.nodes || [];
  if (!maxNodes || nodes.length + 1 <= maxNodes) return {data, shown: nodes.length, total: nodes.length, leftOut: 0};
  const byId = Object.fromEntries(nodes.map((n) => [n.id, n]));
  const kept = new Set([data.center.id]);
  const score = {};  // candidate id → {independent, credibility}
  const touch = (id) => {
    for (const e of data.edges || []) {
      const other = e.source === id ? e.target : e.target === id ? e.source : null;
      if (!other || kept.has(other) || !byId[other]) continue;
      const s = tieStrength(e);
      const cur = score[other] || {independent: 0, credibility: 6};
      score[other] = {independent: cur.independent + s.independent, credibility: Math.min(cur.credibility, s.credibility)};
    }
  };
  touch(data.center.id);
  while (kept.size < maxNodes) {
    const best = Object.keys(score).sort((a, b) => score[b].independent - score[a].independent
      || score[a].credibility - score[b].credibility || (byId[a].distance ?? 9) - (byId[b].distance ?? 9)
      || String(byId[a].name).localeCompare(String(byId[b].name)) || (a < b ? -1 : 1))[0];
    if (!best) break;
    kept.add(best);
    delete score[best];
    touch(best);
  }
  const shown = nodes.filter((n) => kept.has(n.id));
  const edges = (data.edges || []).filter((e) => kept.has(e.source) && kept.has(e.target));
  return {data: {...data, nodes: shown, edges}, shown: shown.length, total: nodes.length, leftOut: nodes.length - shown.length};
}

/** Move nodes apart until no two of them, labels included, overlap (a few pixels between them).
 *  Deterministic: pairs are taken in order and pushed along the axis of least overlap. */
export function spreadLabels(cy, gap = 6, rounds = 300) {
  const nodes = cy.nodes().filter((n) => n.visible());
  const box = (n) => n.boundingBox({includeNodes: true, includeLabels: true, includeEdges: false, includeOverlays: false});
  for (let round = 0; round < rounds; round++) {
    const boxes = nodes.map(box);
    let moved = false;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + gap;
        const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + gap;
        if (dx <= 0 || dy <= 0) continue;
        const [ca, cb] = [{x: (a.x1 + a.x2) / 2, y: (a.y1 + a.y2) / 2}, {x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2}];
        const shift = (n, sx, sy) => {
          const p = n.position();
          n.position({x: p.x + sx, y: p.y + sy});
        };
        if (dx < dy) {
          const s = (cb.x > ca.x || (cb.x === ca.x && j % 2)) ? 1 : -1;
          shift(nodes[i], -s * dx / 2, 0);
          shift(nodes[j], s * dx / 2, 0);
        } else {
          const s = (cb.y > ca.y || (cb.y === ca.y && j % 2)) ? 1 : -1;
          shift(nodes[i], 0, -s * dy / 2);
          shift(nodes[j], 0, s * dy / 2);
        }
        boxes[i] = box(nodes[i]);
        boxes[j] = box(nodes[j]);
        moved = true;
      }
    }
    if (!moved) return round;
  }
  return rounds;
}

function fitView(cy) {
  cy.fit(cy.elements().filter((e) => e.visible()), 30);
  if (cy.zoom() > FIT_ZOOM) {  // a small network: keep labels at a readable size
    cy.zoom(FIT_ZOOM);
    cy.center();
  }
}

/** Draw the network in `container`; `onEdge(data)` and `onNode(data)` when one is clicked,
 *  `onExpand(data)` on a double click. At most `maxNodes` actors, strongest ties first:
 *  `cy.scratch("shown")` says how many were drawn and left out. */
export function drawNetwork(container, data, {onEdge = () => {}, onNode = () => {}, onExpand = null,
  maxNodes = MAX_SHOWN} = {}) {
  const cut = strongest(data, maxNodes);
  const els = elements(cut.data);
  const edgeCount = els.filter((e) => e.group === "edges").length;
  const cy = window.cytoscape({
    container,
    elements: els,
    style: styles(edgeCount <= LABELS_UP_TO),
    layout: {name: "preset", positions: radialPositions(cut.data), fit: false},
    minZoom: 0.2,
    maxZoom: 3,
    selectionType: "single",
  });
  const layout = forces(cut.data.nodes.length, false);
  if (cut.data.nodes && cut.data.nodes.length > 1) seeded(() => cy.layout(layout).run());
  cy.scratch("layout", layout.name);
  spreadLabels(cy);
  fitView(cy);
  cy.scratch("shown", {shown: cut.shown, total: cut.total, leftOut: cut.leftOut, truncated: !!data.truncated});
  cy.on("tap", "edge", (ev) => onEdge(ev.target.data()));
  cy.on("tap", "node", (ev) => onNode(ev.target.data()));
  const tools = toolbar(container, cy);
  cy.scratch("expand", tools.expand);  // for the page's own buttons
  cy.on("dbltap", "node", (ev) => (onExpand ? onExpand(ev.target.data()) : tools.expand(ev.target.id())));
  cy.on("mouseover", "edge", (ev) => ev.target.addClass("hover"));
  cy.on("mouseout", "edge", (ev) => ev.target.removeClass("hover"));
  return cy;
}

/** The claim filters of the page, as the actor page keeps them in its address (for an expansion). */
function pageFilters() {
  const params = new URLSearchParams(window.location.hash.split("?")[1] || "");
  const out = {};
  for (const key of ["predicate", "modality", "min_independent", "max_credibility", "date_from", "date_to", "as_of"]) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) out[key] = key === "modality" ? values : values[0];
  }
  return out;
}

const TYPE_KEYS = ["person", "organization", "group", "country", "location", "other"];
const hiddenTypes = new Set();  // kept while one moves between actors

/** The tools above a network drawing (made once per container, bound to the latest drawing):
 *  actor types to show, "hide states and places", expand the selected actor, PNG and SVG, and
 *  a note of how many actors were left out. */
function toolbar(container, cy) {
  const host = container.closest(".network-layout") || container;
  let bar = host.previousElementSibling && host.previousElementSibling.classList.contains("network-tools")
    ? host.previousElementSibling : null;
  if (!bar) {
    bar = h("div", {class: "network-tools", role: "toolbar", "aria-label": "network tools"});
    host.before(bar);
  }
  const note = h("p", {class: "network-note muted", role: "status"});
  const shown = cy.scratch("shown");
  const drawnNote = () => {
    const parts = [];
    if (shown.leftOut) {
      parts.push(`Showing ${shown.shown} of ${shown.total} actors, the strongest ties first (independent sources, then grade): `
        + `${shown.leftOut} left out.`);
    }
    if (shown.truncated) parts.push("The server also stopped at its limit of actors and claims; narrow the filters to see the rest.");
    if (shown.added) parts.push(shown.added);
    return parts.join(" ");
  };
  const boxes = TYPE_KEYS.map((type) => h("label", {class: "check"},
    h("input", {type: "checkbox", name: "node-type", value: type, checked: !hiddenTypes.has(type),
      onchange: (ev) => {
        if (ev.target.checked) hiddenTypes.delete(type); else hiddenTypes.add(type);
        apply();
      }}),
    " ", nodeSwatch(typeStyle(type)), " ", type === "country" ? "state" : type === "location" ? "place" : type));
  const statesAndPlaces = h("input", {type: "checkbox", name: "hide-states-places",
    checked: STATES_AND_PLACES.every((t) => hiddenTypes.has(t)),
    onchange: (ev) => {
      for (const t of STATES_AND_PLACES) {
        if (ev.target.checked) hiddenTypes.add(t); else hiddenTypes.delete(t);
      }
      apply();
    }});
  function apply() {
    for (const box of boxes) box.querySelector("input").checked = !hiddenTypes.has(box.querySelector("input").value);
    statesAndPlaces.checked = STATES_AND_PLACES.every((t) => hiddenTypes.has(t));
    hideTypes(cy, [...hiddenTypes]);
    spreadLabels(cy);
  }
  async function expand(id) {
    const node = cy.getElementById(id);
    if (!node.length || cy.destroyed()) return;
    replace(note, `Adding the ties of ${node.data("name")}…`);
    let answer;
    try {
      answer = await api(`/actors/${encodeURIComponent(id)}/neighbors`, {...pageFilters(), depth: 1});
    } catch (err) {
      replace(note, err.message || String(err));
      return;
    }
    if (cy.destroyed()) return;
    const {added, leftOut} = expandNode(cy, id, answer);
    hideTypes(cy, [...hiddenTypes]);
    spreadLabels(cy);
    shown.added = added
      ? `Added ${added} actor${added === 1 ? "" : "s"} tied to ${node.data("name")}${leftOut ? ` (${leftOut} weaker ties left out)` : ""}.`
      : `${node.data("name")} has no other tie under these filters.`;
    replace(note, drawnNote());
    cy.emit("expanded", [id]);
  }
  const expandButton = h("button", {type: "button", class: "expand", title: "add the ties of the selected actor (or double-click an actor)",
    onclick: () => {
      const selected = cy.nodes(":selected");
      if (selected.length) expand(selected[0].id());
      else replace(note, "Select an actor first (click it), or double-click one.");
    }}, "Expand the selected actor");
  replace(bar,
    h("fieldset", {class: "node-types"}, h("legend", {}, "Show"), boxes),
    h("label", {class: "check"}, statesAndPlaces, " hide states and places"),
    expandButton,
    h("span", {class: "save"}, "Save the picture: ",
      h("button", {type: "button", class: "save-png", onclick: () => savePng(cy)}, "PNG"), " ",
      h("button", {type: "button", class: "save-svg", onclick: () => saveSvg(cy)}, "SVG")),
    note);
  replace(note, drawnNote());
  if (hiddenTypes.size) apply();
  return {expand};
}

export const EXPAND_UP_TO = 12; // new actors added by one expansion

/** Add a node's own ties to the drawing (a neighbours answer centred on it): at most `limit` new
 *  actors, strongest ties first, on a ring around it, pointing away from the drawing's middle;
 *  its claims to actors already drawn too. Returns {added, leftOut}. */
export function expandNode(cy, nodeId, answer, limit = EXPAND_UP_TO) {
  const node = cy.getElementById(nodeId);
  if (!node.length) return {added: 0, leftOut: 0};
  const present = new Set(cy.nodes().map((n) => n.id()));
  const fresh = {...answer, nodes: (answer.nodes || []).filter((n) => n.distance === 1 && !present.has(n.id))};
  fresh.edges = (answer.edges || []).filter((e) => e.source === nodeId || e.target === nodeId);
  const cut = strongest(fresh, limit + 1);
  const add = cut.data.nodes;
  const keep = new Set([...present, ...add.map((n) => n.id)]);
  const center = cy.nodes().filter((n) => n.hasClass("center")).position() || {x: 0, y: 0};
  const at = node.position();
  const out = Math.atan2(at.y - center.y, at.x - center.x) || 0;
  const drawn = cy.nodes().filter((n) => n.id() !== nodeId).map((n) => ({id: n.id(), name: n.data("name"), type: n.data("type")}));
  const els = elements({center: answer.center, nodes: [...add, ...drawn],
    edges: (answer.edges || []).filter((e) => keep.has(e.source) && keep.has(e.target))})
    .filter((el) => !cy.getElementById(el.data.id).length);
  const radius = 150 + 8 * add.length;
  add.forEach((n, i) => {
    const el = els.find((x) => x.data.id === n.id);
    if (!el) return;
    const a = out + (add.length === 1 ? 0 : (i / (add.length - 1) - 0.5) * Math.min(Math.PI * 1.4, 0.5 * add.length));
    el.position = {x: at.x + Math.cos(a) * radius, y: at.y + Math.sin(a) * radius};
    el.data.distance = (node.data("distance") ?? 0) + 1;
    el.classes = "added";
  });
  cy.add(els.filter((el) => el.group === "edges" || el.position));
  node.addClass("expanded");
  spreadLabels(cy);
  fitView(cy);
  return {added: add.length, leftOut: cut.leftOut};
}

// Node types the view can hide: the legend's actor types; "states and places" are countries and locations.
export const STATES_AND_PLACES = ["country", "location"];

/** Hide the actors of these types (and so their claims); the others are shown. */
export function hideTypes(cy, types) {
  const hidden = new Set(types);
  cy.nodes().forEach((n) => {
    const hide = !n.hasClass("center") && (hidden.has(n.data("type")) || (hidden.has("other") && !TYPES[n.data("type")]));
    if (hide === n.hasClass("type-hidden")) return;
    // a bypass as well as the class: the class alone was not always restyled at once
    if (hide) n.addClass("type-hidden").style("display", "none");
    else n.removeClass("type-hidden").removeStyle("display");
  });
}

// Exports of the drawing as it is shown (hidden types left out): PNG from cytoscape's renderer,
// SVG written here from the node positions and edges (every label a text node: escaped).

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement("a"), {href: url, download: name});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function fileName(cy, ext) {
  const center = cy.nodes(".center");
  const name = (center.length ? center.data("name") : "network") || "network";
  return "network-" + String(name).normalize("NFKD").replace(/[^\w-]+/g, "-").replace(/^-|-$/g, "").toLowerCase() + "." + ext;
}

export function savePng(cy) {
  save(cy.png({output: "blob", bg: "#ffffff", full: true, scale: 2, maxWidth: 4000, maxHeight: 4000}), fileName(cy, "png"));
}

export function saveSvg(cy) {
  save(new Blob([networkSvg(cy)], {type: "image/svg+xml"}), fileName(cy, "svg"));
}

/** Words of a label in lines of at most `width` pixels, as cytoscape wraps them. */
function wrap(text, width, font) {
  const ctx = wrap.ctx || (wrap.ctx = document.createElement("canvas").getContext("2d"));
  ctx.font = font;
  const lines = [];
  let line = "";
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const next = line ? line + " " + word : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const SHAPE_POINTS = {
  hexagon: [[-0.5, -1], [0.5, -1], [1, 0], [0.5, 1], [-0.5, 1], [-1, 0]],
  diamond: [[0, -1], [1, 0], [0, 1], [-1, 0]],
  triangle: [[0, -1], [1, 1], [-1, 1]],
};

/** The drawing as an SVG document (a string): nodes by shape and colour, claims as lines with
 *  their arrow or bar, dashes for reported and dotted for alleged claims, every actor's name. */
export function networkSvg(cy) {
  const nodes = cy.nodes().filter((n) => n.visible());
  const edges = cy.edges().filter((e) => e.visible());
  const bb = nodes.union(edges).boundingBox({includeLabels: true});
  const pad = 20;
  const [w, h] = [Math.ceil(bb.w + 2 * pad), Math.ceil(bb.h + 2 * pad)];
  const root = svg("svg", {width: w, height: h, viewBox: `${bb.x1 - pad} ${bb.y1 - pad} ${w} ${h}`,
    "font-family": "system-ui, sans-serif"});
  const center = cy.nodes(".center");
  root.append(svg("title", {}, "claimgraph network" + (center.length ? " of " + center.data("name") : "")));
  root.append(svg("rect", {x: bb.x1 - pad, y: bb.y1 - pad, width: w, height: h, fill: "#ffffff"}));
  const lines = svg("g", {class: "edges"});
  for (const e of edges) {
    const color = e.style("line-color");
    const width = e.numericStyle("width");
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    const cps = e.controlPoints ? e.controlPoints() : null;
    const d = cps && cps.length ? `M ${s.x} ${s.y} Q ${cps[0].x} ${cps[0].y} ${t.x} ${t.y}` : `M ${s.x} ${s.y} L ${t.x} ${t.y}`;
    const path = svg("path", {d, fill: "none", stroke: color, "stroke-width": width, "data-claim": e.id()});
    const dash = e.style("line-style");
    if (dash === "dashed") path.setAttribute("stroke-dasharray", "8 5");
    if (dash === "dotted") path.setAttribute("stroke-dasharray", "2 4");
    lines.append(path);
    const from = cps && cps.length ? cps[cps.length - 1] : s;
    const a = Math.atan2(t.y - from.y, t.x - from.x);
    const size = 6 + width;
    if (e.style("target-arrow-shape") === "tee") {
      const [px, py] = [Math.cos(a + Math.PI / 2) * size, Math.sin(a + Math.PI / 2) * size];
      lines.append(svg("line", {x1: t.x - px, y1: t.y - py, x2: t.x + px, y2: t.y + py, stroke: color, "stroke-width": 2.5}));
    } else {
      const p = (da, r) => `${t.x - Math.cos(a + da) * r},${t.y - Math.sin(a + da) * r}`;
      lines.append(svg("polygon", {points: `${t.x},${t.y} ${p(0.45, size * 1.6)} ${p(-0.45, size * 1.6)}`, fill: color}));
    }
    const label = e.style("label");
    if (label) {
      const m = e.midpoint();
      lines.append(svg("text", {x: m.x, y: m.y, "font-size": 10, "text-anchor": "middle", fill: "#333",
        stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke"}, label));
    }
  }
  root.append(lines);
  const shapes = svg("g", {class: "nodes"});
  for (const n of nodes) {
    const {x, y} = n.position();
    const [rx, ry] = [n.width() / 2, n.height() / 2];
    const fill = n.style("background-color");
    const stroke = {stroke: n.style("border-color"), "stroke-width": n.numericStyle("border-width")};
    const shape = n.style("shape");
    const g = svg("g", {class: "node", "data-id": n.id()});
    if (SHAPE_POINTS[shape]) {
      g.append(svg("polygon", {points: SHAPE_POINTS[shape].map(([u, v]) => `${x + u * rx},${y + v * ry}`).join(" "), fill, ...stroke}));
    } else if (shape === "round-rectangle") {
      g.append(svg("rect", {x: x - rx, y: y - ry, width: 2 * rx, height: 2 * ry, rx: 5, fill, ...stroke}));
    } else {
      g.append(svg("ellipse", {cx: x, cy: y, rx, ry, fill, ...stroke}));
    }
    const size = n.numericStyle("font-size");
    const weight = n.style("font-weight");
    const text = svg("text", {x, y: y + ry + 4 + size, "font-size": size, "font-weight": weight, "text-anchor": "middle",
      fill: "#1d1d1d", stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke"});
    wrap(n.data("name"), 130, `${weight} ${size}px system-ui, sans-serif`).forEach((line, i) =>
      text.append(svg("tspan", {x, dy: i ? size * 1.2 : 0}, line)));
    g.append(text);
    shapes.append(g);
  }
  root.append(shapes);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(root);
}

// Legend (SVG built through the DOM, so nothing is parsed from a string).

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
