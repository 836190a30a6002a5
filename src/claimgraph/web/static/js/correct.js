// Correcting how a claim was read: another predicate, the direction reversed, another modality,
// kept as the analyst's reading beside the machine's (POST /api/claims/{id}/correct).

import {analystName, withAnalyst} from "./analyst.js";
import {api} from "./api.js";
import {h, replace} from "./dom.js";
import {EVENTS, MODALITIES, RELATIONS, errorBox} from "./format.js";

/** A small form for the claim `row` (a claim row of the API); `onDone(answer)` after a correction. */
export function correctForm(row, onDone = () => {}) {
  const predicates = row.kind === "event" ? EVENTS : RELATIONS;
  const predicate = h("select", {name: "predicate", class: "correct-predicate"},
    predicates.map((p) => h("option", {value: p, selected: p === row.predicate}, p)));
  const modality = h("select", {name: "modality", class: "correct-modality"},
    Object.keys(MODALITIES).map((m) => h("option", {value: m, selected: m === row.modality}, m)));
  const reverse = h("input", {type: "checkbox", name: "reverse", class: "correct-reverse", disabled: !row.object});
  const reason = h("input", {type: "text", name: "reason", class: "reason", placeholder: "why (goes in the audit log)"});
  const status = h("div", {class: "correct-status", role: "status"});
  const form = h("form", {class: "correct-form", onsubmit: async (ev) => {
    ev.preventDefault();
    const json = {reason: reason.value || undefined};
    if (predicate.value !== row.predicate) json.predicate = predicate.value;
    if (modality.value !== row.modality) json.modality = modality.value;
    if (reverse.checked) json.reverse = true;
    if (!json.predicate && !json.modality && !json.reverse) {
      return replace(status, errorBox("Change the predicate, the modality or the direction first."));
    }
    try {
      const answer = await api(`/claims/${encodeURIComponent(row.claim)}/correct`, null,
        {method: "POST", json: withAnalyst(json)});
      replace(status, h("p", {class: "ok"}, "Corrected: ", answer.description || readingText(answer.payload && answer.payload.to),
        ". The machine\u2019s reading is kept beside it."));
      onDone(answer);
    } catch (err) {
      replace(status, errorBox(err));
    }
  }},
  h("label", {}, "Predicate ", predicate), " ",
  h("label", {}, "Modality ", modality), " ",
  h("label", {title: row.object ? "swap subject and object" : "no object: nothing to reverse"}, reverse, " reverse the direction"), " ",
  reason, " ",
  h("button", {type: "submit", class: "correct"}, analystName() ? `Correct as ${analystName()}` : "Correct"),
  status);
  return form;
}

function readingText(r) {
  return r ? [r.subject, r.predicate, r.object].filter(Boolean).join(" ") + (r.modality ? ` (${r.modality})` : "") : "";
}

/** The analyst's reading beside the machine's, from GET /api/claims/{id}/reading; null when none. */
export function readingBox(reading) {
  if (!reading || !reading.analyst) return null;
  const a = reading.analyst, m = reading.machine;
  const line = (r) => [r.subject && r.subject.name, r.predicate, r.object && r.object.name].filter(Boolean).join(" ")
    + ` (${r.modality})`;
  return h("section", {class: "reading-box"},
    h("h2", {}, "Analyst\u2019s reading"),
    h("p", {class: "analyst-reading"}, h("strong", {}, line(a)), " \u2014 by ", h("span", {class: "who"}, a.analyst || "?"),
      a.at ? ` on ${String(a.at).slice(0, 16).replace("T", " ")}` : null, a.reason ? `: \u201c${a.reason}\u201d` : null),
    h("p", {class: "machine-reading muted"}, "The machine read: ", line(m), m.rule ? ` (rule ${m.rule})` : null,
      ". Queries and exports use the analyst\u2019s reading; undo on the review page takes it back."));
}
