// An event's status, shown wherever an event is (events page, actor timeline, claim, document):
// a planned, attempted or hypothetical attack never looks like one that happened.
//
// The store's statuses (ontology.md): occurred, ongoing, attempted, planned, hypothetical. A
// hypothetical event also says which half of a condition it is (`conditional`): the deed that
// hangs on the condition ("if X strikes, we will hit ...") reads as a threat, "threatened"; the
// if-clause's event is the condition.

import {h} from "./dom.js";

export const STATUSES = {
  occurred: {label: "happened", text: "the document says it took place"},
  ongoing: {label: "ongoing", text: "the document says it is going on"},
  attempted: {label: "attempted", text: "tried or plotted, and failed or foiled: it did not take place as intended"},
  planned: {label: "planned", text: "intended, plotted, prepared or vowed: it had not taken place when written"},
  threatened: {label: "threatened", text: "a deed threatened on a condition (\u201cif X strikes, we will hit \u2026\u201d): it has not taken place"},
  hypothetical: {label: "hypothetical", text: "only under a condition (\u201cif \u2026\u201d, \u201cunless \u2026\u201d): it has not taken place"},
  condition: {label: "if \u2026 (condition)", text: "the condition of a threat or a hypothesis (\u201cif X strikes \u2026\u201d): it has not taken place"},
};

/** The statuses the events filter offers: the stored ones and the deed of a condition. */
export const FILTER_STATUSES = ["occurred", "ongoing", "attempted", "planned", "threatened", "hypothetical"];

/** The status as shown: the stored one, a hypothetical's half of its condition told apart. */
export function statusKey(row) {
  const status = (row && row.status) || "occurred";
  if (status === "hypothetical" && row.conditional === "consequence") return "threatened";
  if (status === "hypothetical" && row.conditional === "condition") return "condition";
  return STATUSES[status] ? status : "occurred";
}

/** Whether the event took place (or is taking place), as the document tells it. */
export function happened(row) {
  return ["occurred", "ongoing"].includes(statusKey(row));
}

/** A badge naming the status; with `quiet`, none for an event that happened. */
export function statusBadge(row, {quiet = false} = {}) {
  const key = statusKey(row);
  if (quiet && key === "occurred") return null;
  const s = STATUSES[key];
  return h("span", {class: ["badge", "status", "status-" + key], title: s.text}, s.label);
}

/** The status in words, for a facts list: the label and what it means. */
export function statusText(row) {
  const s = STATUSES[statusKey(row)];
  return `${s.label} \u2014 ${s.text}`;
}
