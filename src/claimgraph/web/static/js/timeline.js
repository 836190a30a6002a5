// A timeline of events as SVG, drawn here (no library; CSP-safe: classes and attributes, no styles).
//
// One lane per event type; each event a mark linking to its evidence, placed by its date and its
// precision: a day is a dot, a month, a year or a decade a bar over that span (never a dot on the
// 1st of January), a relative date ("recently", dated by the document) a left-pointing triangle
// at the last day it can be, an open start ("after 2003") a right-pointing one. Undated events go in a column of their own at the right. The status
// sets the mark's style (status.js): only an event that happened is filled.

import {h} from "./dom.js";
import {EVENTS} from "./format.js";
import {STATUSES, statusKey} from "./status.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const WIDTH = 1100;
const LEFT = 96;        // lane labels
const UNDATED = 70;     // the undated column
const ROW = 12;         // one row of marks in a lane
const AXIS = 26;

/** An SVG element with attributes and children. */
function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v != null) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c != null) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

const day = (iso) => Date.parse(String(iso).slice(0, 10) + "T00:00:00Z");

/** The span an event's date covers, in ms: {from, to, kind}: "day" (a dot), "span" (a bar over
 *  its month, year or decade), "before" (a relative date: on or before `to`), "after" (an open
 *  start: "after 2003"); null when undated. */
export function dateSpan(date) {
  if (!date || (!date.start && !date.end)) return null;
  if (!date.start) return {from: day(date.end), to: day(date.end) + DAY, kind: "before"};
  const from = day(date.start);
  if (Number.isNaN(from)) return null;
  const p = date.precision;
  if (!date.end && p && p !== "day") return {from, to: from + DAY, kind: "after"};
  let to = day(date.end || date.start) + DAY;
  if (to - from <= DAY && ["month", "year", "decade"].includes(p)) {  // a coarse date without its end
    const d = new Date(from);
    const y = d.getUTCFullYear();
    to = p === "month" ? Date.UTC(y, d.getUTCMonth() + 1, 1) : Date.UTC(p === "year" ? y + 1 : y + 10, 0, 1);
  }
  return {from, to, kind: to - from <= DAY ? "day" : "span"};
}

/** An event's date in words, with its precision: "2019-12-29", "2006-10 (month)", "2007 (year)",
 *  "2000s (decade)", "on or before 2019-12-31 (relative)", "undated". */
export function whenText(date) {
  if (!date || (!date.start && !date.end)) return "undated";
  const p = date.precision;
  if (!date.start) return `on or before ${date.end.slice(0, 10)} (relative)`;
  if (!date.end && p && p !== "day") {
    const from = p === "month" ? date.start.slice(0, 7) : p === "decade" ? `${date.start.slice(0, 3)}0s` : date.start.slice(0, 4);
    return `${from} or later (${p})`;
  }
  if (p === "month") return `${date.start.slice(0, 7)} (month)`;
  if (p === "year") return `${date.start.slice(0, 4)} (year)`;
  if (p === "decade") return `${date.start.slice(0, 3)}0s (decade)`;
  if (date.end && date.end !== date.start && p !== "day") return `${date.start} \u2013 ${date.end}${p ? ` (${p})` : ""}`;
  return date.start + (p && p !== "day" ? ` (${p})` : "");
}

function ticks(lo, hi) {
  const y0 = new Date(lo).getUTCFullYear();
  const y1 = new Date(hi).getUTCFullYear();
  const years = y1 - y0;
  if (years < 2) {  // months
    const out = [];
    const d = new Date(Date.UTC(y0, new Date(lo).getUTCMonth(), 1));
    const step = years < 1 ? 1 : 3;
    while (d.getTime() <= hi) {
      const label = d.toISOString().slice(0, 7);
      const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step - 1, 1)).toISOString().slice(0, 7);
      out.push({at: d.getTime(), label, from: label, to: last});
      d.setUTCMonth(d.getUTCMonth() + step);
    }
    return out;
  }
  const step = years <= 12 ? 1 : years <= 30 ? 5 : 10;
  const out = [];
  for (let y = Math.ceil(y0 / step) * step; y <= y1; y += step) {
    out.push({at: Date.UTC(y, 0, 1), label: String(y), from: String(y), to: String(y + step - 1)});
  }
  return out;
}

/** Rows in a lane: each mark in the first row where it overlaps nothing (in px). */
function pack(marks) {
  const ends = [];
  for (const m of marks.sort((a, b) => a.x0 - b.x0)) {
    let row = ends.findIndex((end) => end + 3 <= m.x0);
    if (row < 0) {
      row = ends.length;
      ends.push(0);
    }
    ends[row] = Math.max(m.x1, m.x0 + 10);
    m.row = row;
  }
  return Math.max(1, ends.length);
}

/** The timeline of `events` (rows of /api/events) as an <svg>, with a legend. `tickHref(from, to)`,
 *  if given, makes each tick's label a link (the same events over that year or month). */
export function timeline(events, {tickHref} = {}) {
  const dated = events.map((e) => ({e, span: dateSpan(e.date)}));
  const spans = dated.filter((d) => d.span);
  const lo0 = Math.min(...spans.map((d) => d.span.from));
  const hi0 = Math.max(...spans.map((d) => d.span.to));
  const pad = spans.length ? Math.max((hi0 - lo0) * 0.02, 15 * DAY) : 0;
  const lo = lo0 - pad;
  const hi = hi0 + pad;
  const plot = WIDTH - LEFT - UNDATED - 10;
  const x = (t) => LEFT + ((t - lo) / (hi - lo || 1)) * plot;
  const undatedX = WIDTH - UNDATED + 8;

  const types = [...new Set(events.map((e) => e.predicate))]
    .sort((a, b) => (EVENTS.indexOf(a) + 1 || 99) - (EVENTS.indexOf(b) + 1 || 99) || a.localeCompare(b));
  const lanes = types.map((type) => {
    const marks = [];
    let undated = 0;
    for (const {e, span} of dated) {
      if (e.predicate !== type) continue;
      if (!span) {
        const x0 = undatedX + (undated % 5) * 11;
        marks.push({e, span, x0, x1: x0 + 8, fixedRow: Math.floor(undated / 5)});
        undated += 1;
        continue;
      }
      const x0 = x(span.from);
      const x1 = span.kind === "span" ? Math.max(x(span.to), x0 + 4) : x0;
      marks.push({e, span, x0: span.kind === "before" ? x0 - 8 : x0 - 5, x1: span.kind === "after" ? x1 + 8 : x1 + 5});
    }
    const placed = marks.filter((m) => m.span);
    const rows = Math.max(pack(placed), ...marks.filter((m) => !m.span).map((m) => m.fixedRow + 1));
    for (const m of marks) if (!m.span) m.row = m.fixedRow;
    return {type, marks, rows};
  });

  let y = AXIS;
  const body = [];
  for (const lane of lanes) {
    const height = lane.rows * ROW + 8;
    body.push(s("line", {class: "tl-lane-rule", x1: 0, x2: WIDTH, y1: y, y2: y}));
    body.push(s("text", {class: "tl-lane-label", x: 4, y: y + 15}, lane.type));
    for (const m of lane.marks) {
      const cy = y + 8 + m.row * ROW;
      body.push(mark(m, cy));
    }
    y += height;
  }
  const height = y + 4;
  const axis = [s("line", {class: "tl-axis", x1: LEFT, x2: LEFT + plot, y1: AXIS - 4, y2: AXIS - 4})];
  if (spans.length) {
    for (const t of ticks(lo, hi)) {
      if (t.at < lo || t.at > hi) continue;
      const label = s("text", {class: "tl-tick-label", x: x(t.at) + 2, y: AXIS - 10}, t.label);
      axis.push(s("line", {class: "tl-tick", x1: x(t.at), x2: x(t.at), y1: AXIS - 8, y2: height}),
        tickHref ? s("a", {class: "tl-zoom", href: tickHref(t.from, t.to), "data-from": t.from, "data-to": t.to},
          s("title", {}, `only ${t.from === t.to ? t.from : `${t.from} \u2013 ${t.to}`}`), label) : label);
    }
  }
  axis.push(s("rect", {class: "tl-undated-zone", x: WIDTH - UNDATED, y: AXIS - 4, width: UNDATED - 2, height: height - AXIS + 4}),
    s("text", {class: "tl-tick-label", x: WIDTH - UNDATED + 4, y: AXIS - 10}, "undated"));
  const svg = s("svg", {class: "timeline-svg", viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height,
    role: "img", "aria-label": `timeline of ${events.length} event${events.length === 1 ? "" : "s"}`,
    "data-count": events.length}, axis, body);
  return h("div", {class: "timeline-box"}, svg, legend());
}

function mark(m, cy) {
  const e = m.e;
  const key = statusKey(e);
  const cls = ["tl-mark", "status-" + key, "precision-" + ((e.date && e.date.precision) || "none")].join(" ");
  const what = [e.predicate, STATUSES[key].label, whenText(e.date), e.subject && e.subject.name,
    e.object && "\u2192 " + e.object.name, e.location && "in " + e.location.name].filter(Boolean).join(" \u00b7 ");
  let shape;
  if (!m.span) shape = s("rect", {x: m.x0, y: cy - 4, width: 8, height: 8, rx: 1});
  else if (m.span.kind === "span") shape = s("rect", {x: m.x0 + 5, y: cy - 4, width: Math.max(m.x1 - m.x0 - 10, 4), height: 8, rx: 2});
  else if (m.span.kind === "before") {
    const tx = m.x0 + 8;
    shape = s("path", {d: `M ${tx} ${cy - 5} L ${tx - 8} ${cy} L ${tx} ${cy + 5} Z`});
  } else if (m.span.kind === "after") {
    const tx = m.x0 + 5;
    shape = s("path", {d: `M ${tx} ${cy - 5} L ${tx + 8} ${cy} L ${tx} ${cy + 5} Z`});
  } else shape = s("circle", {cx: m.x0 + 5, cy, r: 5});
  const a = s("a", {class: cls, href: "#/claim/" + encodeURIComponent(e.claim), "data-claim": e.claim}, s("title", {}, what), shape);
  return a;
}

function legend() {
  const sample = (cls, shape) => s("svg", {class: "tl-legend-mark", viewBox: "0 0 24 12", width: 24, height: 12},
    s("g", {class: "tl-mark " + cls}, shape));
  const dot = () => s("circle", {cx: 12, cy: 6, r: 5});
  const statusItems = ["occurred", "attempted", "planned", "threatened", "hypothetical", "condition"].map((k) =>
    h("li", {title: STATUSES[k].text}, sample("status-" + k, dot()), " ", STATUSES[k].label));
  return h("div", {class: "timeline-legend"},
    h("ul", {class: "legend-list"}, statusItems),
    h("ul", {class: "legend-list"},
      h("li", {}, sample("status-occurred", dot()), " a day"),
      h("li", {}, sample("status-occurred", s("rect", {x: 1, y: 2, width: 22, height: 8, rx: 2})), " a month, year or decade (the whole span)"),
      h("li", {}, sample("status-occurred", s("path", {d: "M 16 1 L 8 6 L 16 11 Z"})), " on or before a day (a relative date: \u201crecently\u201d)"),
      h("li", {}, sample("status-occurred", s("path", {d: "M 8 1 L 16 6 L 8 11 Z"})), " from a date on (\u201cafter 2003\u201d)"),
      h("li", {}, sample("status-occurred", s("rect", {x: 8, y: 2, width: 8, height: 8, rx: 1})), " undated")));
}
