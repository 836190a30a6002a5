// The filters the events page and the map share: read from a hash query, and the form that
// sets them (type, actor, place, dates, grade, sources, status, modality).

import {h} from "./dom.js";
import {CREDIBILITY, EVENTS, MODALITIES, modalityBadge} from "./format.js";
import {FILTER_STATUSES, STATUSES} from "./status.js";

export const TEXT_KEYS = ["type", "actor", "place", "date_from", "date_to", "grade", "min_independent"];
export const LIST_KEYS = ["modality", "status"];

/** The API filters of a hash query (without sort, order, offset or a page's own keys). */
export function eventFilters(params) {
  const f = {};
  for (const k of TEXT_KEYS) if (params.get(k)) f[k] = params.get(k);
  for (const k of LIST_KEYS) if (params.getAll(k).length) f[k] = params.getAll(k);
  return f;
}

/** The form over filters `f`. On submit, `apply(next, form)` gets the filters it holds; `extra`
 * goes before its Apply button and `links` after it; `className` is added to its classes. */
export function eventFilterForm(f, {apply, className = "", extra = [], links = []}) {
  const option = (value, text, current) => h("option", {value, selected: String(current ?? "") === value}, text);
  const text = (name, label, placeholder, size = 14) => h("label", {}, label + " ",
    h("input", {type: "text", name, value: f[name] || "", placeholder, size}));
  const boxes = (name, values, label) => h("fieldset", {class: "checks " + name}, h("legend", {}, label),
    values.map(([value, shown]) => h("label", {class: "check"},
      h("input", {type: "checkbox", name, value, checked: (f[name] || []).includes(value)}), " ", shown)));
  return h("form", {class: ["filters", "events-filters", className || null], onsubmit: (ev) => {
    ev.preventDefault();
    const el = ev.target;
    const next = {};
    for (const k of TEXT_KEYS) {
      const v = el.elements[k].value.trim();
      if (v && !(k === "min_independent" && v === "0")) next[k] = v;
    }
    for (const k of LIST_KEYS) {
      const on = [...el.querySelectorAll(`input[name=${k}]:checked`)].map((b) => b.value);
      if (on.length) next[k] = on;
    }
    apply(next, el);
  }},
  h("label", {}, "Type ", h("select", {name: "type"}, option("", "any", f.type), EVENTS.map((t) => option(t, t, f.type)))),
  text("actor", "Actor", "a name or id"),
  text("place", "Place", "a place or ISO code (IRQ)"),
  text("date_from", "From", "YYYY[-MM[-DD]]", 10),
  text("date_to", "to", "YYYY[-MM[-DD]]", 10),
  h("label", {}, "Grade ", h("select", {name: "grade"}, option("", "any", f.grade),
    [1, 2, 3, 4, 5, 6].map((g) => option(String(g), `${g}: ${CREDIBILITY[g][0]}`, f.grade)))),
  h("label", {}, "Min. independent sources ", h("input", {type: "number", name: "min_independent", min: 0, max: 1000,
    value: f.min_independent || "0"})),
  boxes("status", FILTER_STATUSES.map((s) => [s, STATUSES[s].label]), "Status"),
  boxes("modality", Object.keys(MODALITIES).map((m) => [m, modalityBadge(m)]), "Modality"),
  extra,
  h("button", {type: "submit"}, "Apply"),
  links.map((link) => [" ", link]));
}
