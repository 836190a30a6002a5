// Evidence: the sentences a claim was read from, with its actors and cue words marked.

import {covering, h, segments} from "./dom.js";
import {RELIABILITY} from "./format.js";

/** A sentence with highlights ({start, end, kind: "actor"|"cue", entity?}, code-point offsets into it). */
function highlightedSentence(excerpt, highlights = []) {
  const spans = (highlights || []).filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end));
  const cuts = spans.flatMap((s) => [s.start, s.end]);
  const out = h("span", {class: "sentence"});
  for (const piece of segments(excerpt, cuts)) {
    const over = covering(spans, piece.start, piece.end);
    const actor = over.find((s) => s.kind === "actor");
    const cue = over.find((s) => s.kind === "cue");
    let node = document.createTextNode(piece.text);
    if (cue) {
      const modal = cue.role === "modality";
      node = h("mark", {class: ["hl-cue", modal ? "hl-modality" : "hl-trigger"],
        title: modal ? `modality cue: ${cue.modality || "?"}` : "trigger: the word that expresses the claim"}, node);
    }
    if (actor) {
      node = actor.entity
        ? h("a", {class: "hl-actor", href: "#/actor/" + encodeURIComponent(actor.entity), title: actor.name || actor.entity}, node)
        : h("span", {class: "hl-actor"}, node);
    }
    out.append(node);
  }
  return out;
}

/** Where a piece of evidence comes from: document, outlet, date, source grade. */
function evidenceSource(ev) {
  const letter = ev.reliability;
  return h("div", {class: "evidence-source"},
    h("a", {href: "#/doc/" + encodeURIComponent(ev.doc), class: "doc-link"}, ev.title || ev.doc),
    ev.source ? [" \u00b7 ", h("span", {class: "outlet"}, ev.source)] : null,
    letter ? [" ", h("span", {class: "badge grade-letter", title: "source " + (RELIABILITY[letter] || "")}, letter)] : null,
    ev.published ? [" \u00b7 ", h("time", {}, String(ev.published).slice(0, 10))] : null,
    ev.reprint_of ? h("span", {class: "muted"}, " \u00b7 a reprint of ", h("a", {href: "#/doc/" + encodeURIComponent(ev.reprint_of)}, "another document")) : null,
    h("span", {class: "muted offsets"}, ` \u00b7 characters ${ev.start}\u2013${ev.end}`));
}

/** One piece of evidence as a quote and its source line. */
function evidenceItem(ev) {
  return h("li", {class: "evidence"},
    h("blockquote", {}, highlightedSentence(ev.excerpt ?? ev.sentence ?? "", ev.highlights)),
    evidenceSource(ev));
}

export function evidenceList(rows, limit = Infinity) {
  const list = h("ul", {class: "evidence-list"});
  for (const ev of (rows || []).slice(0, limit)) list.append(evidenceItem(ev));
  return list;
}

/** How many sentences a claim row was read from: those it carries and those left out of the
 *  answer (`evidence_more`: lists carry a claim's first few, GET /api/claims/{id} all). */
export function evidenceCount(row) {
  return (row.evidence || []).length + (row.evidence_more || 0);
}

/** "N sentence(s)" for a claim row, its every piece of evidence counted. */
export function sentencesText(row) {
  const n = evidenceCount(row);
  return `${n} sentence${n === 1 ? "" : "s"}`;
}
