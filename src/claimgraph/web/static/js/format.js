// Words and small pieces shared by the views: modalities, grades, actor types, claim lines.

import {h} from "./dom.js";
import {tokenForm} from "./token.js";

export const MODALITIES = {
  asserted: {line: "solid", text: "the document states it as fact, in its own voice"},
  reported: {line: "dashed", text: "the document attributes it to a source (\u201caccording to\u201d, \u201csaid\u201d, a quote)"},
  alleged: {line: "dotted", text: "the document presents it as an accusation or a charge"},
  speculative: {line: "dotted", text: "the document presents it as possible or likely, not established"},
  negated: {line: "grey, ending in a bar", text: "the document says it did not happen or does not hold (a denial)"},
};

export const RELIABILITY = {
  A: "completely reliable", B: "usually reliable", C: "fairly reliable",
  D: "not usually reliable", E: "unreliable", F: "reliability cannot be judged",
};

export const CREDIBILITY = {
  1: ["confirmed", "three or more independent sources state it, two of them rated A\u2013C"],
  2: ["probably true", "two or more independent sources state it"],
  3: ["possibly true", "one source states it, or one well-rated source reports it"],
  4: ["doubtful", "it is only alleged or speculated, or reported by poorly rated sources"],
  5: ["improbable", "more or better sources deny it than affirm it"],
  6: ["truth cannot be judged", "no evidence to weigh, or only the denials of an interested party"],
};

// Node shape and colour per actor type (network view and legend).
export const TYPES = {
  person: {shape: "ellipse", color: "#4e79a7", label: "person"},
  organization: {shape: "round-rectangle", color: "#e8872b", label: "organization"},
  country: {shape: "hexagon", color: "#59a14f", label: "country (state)"},
  location: {shape: "diamond", color: "#76b7b2", label: "place"},
  group: {shape: "triangle", color: "#b07aa1", label: "group (a collective, e.g. \u201cthe militias\u201d)"},
  other: {shape: "ellipse", color: "#9c9c9c", label: "other"},
};

export const RELATIONS = ["part_of", "leads", "member_of", "subordinate_to", "controls", "funds", "arms", "trains",
  "supports", "created", "allied_with", "opposes", "operates_in"];
export const EVENTS = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

export function typeStyle(type) {
  return TYPES[type] || TYPES.other;
}

export function predicateText(predicate) {
  return String(predicate ?? "").replaceAll("_", " ");
}

export function actorLink(ref) {
  if (!ref) return h("span", {class: "muted"}, "\u2014");
  if (typeof ref === "string") return h("span", {}, ref);
  return h("a", {href: "#/actor/" + encodeURIComponent(ref.id), class: "actor"}, ref.name || ref.id);
}

export function typeChip(type) {
  const style = typeStyle(type);
  return h("span", {class: ["chip", "type-chip", "type-" + (TYPES[type] ? type : "other")]}, style.label.split(" ")[0]);
}

export function modalityBadge(modality) {
  const m = MODALITIES[modality];
  return h("span", {class: ["badge", "modality", "modality-" + modality], title: m ? m.text : null}, modality || "?");
}

/** The Admiralty grade of a claim ("B2"), with what its letter and digit mean. */
export function gradeBadge(row) {
  const letter = row.reliability || (row.admiralty || "")[0];
  const digit = row.credibility ?? (row.admiralty ? Number(row.admiralty.slice(1)) : null);
  if (!letter && digit == null) return h("span", {class: "muted", title: "not graded"}, "\u2014");
  const parts = [];
  if (letter) parts.push(`${letter}: source ${RELIABILITY[letter] || "?"}`);
  if (digit != null) parts.push(`${digit}: ${row.credibility_label || (CREDIBILITY[digit] || ["?"])[0]}`);
  if (row.credibility_reason) parts.push(row.credibility_reason);
  return h("span", {class: ["badge", "grade", "grade-" + digit], title: parts.join(" \u00b7 ")},
    row.admiralty || `${letter || ""}${digit ?? ""}`);
}

export function contestedBadge(row) {
  return row.contested ? h("span", {class: ["badge", "contested"], title: "other documents state this with another modality"}, "contested") : null;
}

export function reviewBadge(row) {
  return row.review ? h("span", {class: ["badge", "review-" + row.review]}, row.review) : null;
}

/** "Subject —predicate→ Object" with links to both actors. */
export function claimLine(row) {
  return h("span", {class: "claim-line"},
    actorLink(row.subject), " ",
    h("span", {class: ["predicate", row.kind === "event" ? "event" : "relation"]}, predicateText(row.predicate)),
    row.object ? [" ", actorLink(row.object)] : null);
}

export function sourceCounts(row) {
  const independent = row.independent ?? row.sources;
  return `${row.documents ?? "?"} doc${row.documents === 1 ? "" : "s"}, ${independent ?? "?"} independent source${independent === 1 ? "" : "s"}`;
}

export function dateText(date) {
  if (!date) return "";
  if (typeof date === "string") return date;
  if (date.start && date.end && date.start !== date.end) return `${date.start} \u2013 ${date.end}`;
  return date.start || date.text || "";
}

export function attribution(value) {
  if (!value) return null;
  return h("span", {class: "attribution"}, "according to ", typeof value === "string" ? value : actorLink(value));
}

/** An error as a message; a 401 or 403 from the API also asks for a token. */
export function errorBox(err) {
  const auth = err && (err.status === 401 || err.status === 403);
  return h("div", {class: "error", role: "alert"}, err && err.message ? err.message : String(err),
    auth ? tokenForm(err.status) : null);
}

export function loading(what = "Loading") {
  return h("p", {class: "muted loading"}, what + "\u2026");
}
