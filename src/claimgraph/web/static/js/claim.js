// The evidence view of one claim: every sentence it was read from, its grade, review buttons.

import {api} from "./api.js";
import {h, replace} from "./dom.js";
import {evidenceList} from "./evidence.js";
import {
  CREDIBILITY, MODALITIES, RELIABILITY, actorLink, claimLine, contestedBadge, dateText, errorBox, gradeBadge, loading,
  modalityBadge,
} from "./format.js";
import {STATUSES, statusBadge, statusKey} from "./status.js";
import {correctForm, readingBox} from "./correct.js";
import {verdictControls} from "./verdict.js";

export async function claimView(main, id) {
  replace(main, loading("Loading the claim"));
  let row;
  try {
    row = await api(`/claims/${encodeURIComponent(id)}`);
  } catch (err) {
    replace(main, h("h1", {}, "Claim"), errorBox(err),
      err.status === 404 ? h("p", {}, "A rejected claim is left out of every view; ",
        h("a", {href: "#/review"}, "the review page"), " can undo the rejection.") : null);
    return;
  }
  document.title = "Claim \u2014 claimgraph";
  const review = h("span", {class: "review-state"}, reviewText(row.review));
  const reading = await api(`/claims/${encodeURIComponent(id)}/reading`).catch(() => null);
  const evidence = row.evidence || [];
  replace(main,
    h("p", {class: "kicker"}, row.kind === "event" ? "Event claim" : "Relation claim"),
    h("h1", {class: "claim-title"}, claimLine(row)),
    h("p", {class: "badges"}, row.kind === "event" ? [statusBadge(row, {quiet: true}), " "] : null,
      modalityBadge(row.modality), " ", gradeBadge(row), " ", contestedBadge(row), " ", review),
    readingBox(reading),
    facts(row),
    h("section", {class: "review-box"},
      h("h2", {}, "Review"),
      h("p", {class: "muted"}, "Is the claim read right from these sentences? Your verdict goes in the audit log and can be undone."),
      verdictControls(row.claim, (verdict) => replace(review, reviewText(verdict && verdict + "ed"))),
      h("details", {class: "correct-box"}, h("summary", {}, "Correct the reading (predicate, direction, modality)"),
        correctForm(row, (answer) => { window.location.hash = "#/claim/" + encodeURIComponent(answer.claim || row.claim); }))),
    h("section", {},
      h("h2", {}, `Evidence: ${evidence.length} sentence${evidence.length === 1 ? "" : "s"}`),
      h("p", {class: "muted legend-inline"}, "Marked: ", h("span", {class: "hl-actor"}, "actors"), ", ",
        h("mark", {class: "hl-cue hl-trigger"}, "the trigger word"), " and ",
        h("mark", {class: "hl-cue hl-modality"}, "the cue words behind the modality"), "."),
      evidenceList(evidence)));
}

function reviewText(review) {
  return review ? h("span", {class: ["badge", "review-" + review]}, review) : null;
}

function facts(row) {
  const dl = h("dl", {class: "facts-list"});
  const add = (term, ...value) => dl.append(h("dt", {}, term), h("dd", {}, ...value));
  const m = MODALITIES[row.modality];
  add("Modality", modalityBadge(row.modality), m ? " \u2014 " + m.text : null);
  add("On whose word", row.attributed_to
    ? (typeof row.attributed_to === "string" ? row.attributed_to : actorLink(row.attributed_to))
    : "the document\u2019s own voice");
  if (row.date) add("Date", dateText(row.date), row.date.precision ? h("span", {class: "muted"}, ` (${row.date.precision}${row.date.text ? `, \u201c${row.date.text}\u201d` : ""})`) : null);
  if (row.kind === "event") {
    add("Status", statusBadge(row), " ", STATUSES[statusKey(row)].text);
    if (row.mode) add("Mode", row.mode);
    if (row.location) add("Where", actorLink(row.location));
  }
  add("Support",
    `${row.documents ?? "?"} document(s), ${row.sources ?? "?"} outlet(s)`,
    row.independent != null ? `, ${row.independent} independent source(s)` : null,
    row.modalities ? h("span", {class: "muted"}, " \u2014 " + Object.entries(row.modalities).map(([k, v]) => `${k}: ${v}`).join(", ")) : null);
  const letter = row.reliability || (row.admiralty || "")[0];
  const digit = row.credibility ?? null;
  if (letter || digit != null) {
    add("Grade", gradeBadge(row), " ",
      letter ? `source ${letter}: ${RELIABILITY[letter] || "?"}` : null,
      digit != null ? ` \u00b7 information ${digit}: ${row.credibility_label || (CREDIBILITY[digit] || ["?"])[0]}` : null,
      row.credibility_reason ? h("div", {class: "muted"}, row.credibility_reason) : null);
  }
  if (row.confidence != null) {
    add("Reading confidence", `${Math.round(row.confidence * 100)}%`,
      h("span", {class: "muted"}, " \u2014 how likely the text was read right, not whether it is true"));
  }
  if (row.valid && (row.valid.from || row.valid.to)) {
    add("Holds", `${row.valid.from || "\u2026"} to ${row.valid.to || (row.valid.ended ? "?" : "now")}`,
      row.valid.basis ? h("span", {class: "muted"}, " \u2014 " + row.valid.basis) : null);
  }
  if (row.contradictions && row.contradictions.length) {
    add("Contradictions", h("ul", {class: "contradictions"}, row.contradictions.map(contradiction)));
  }
  if (row.contested_by && row.contested_by.length) {
    add("Contested by", h("ul", {}, row.contested_by.map((c) => h("li", {},
      h("a", {href: "#/claim/" + encodeURIComponent(c.claim)}, c.modality + " reading"), ` (${c.sources} source(s))`))));
  }
  return dl;
}

/** One contradiction: its type, and each side's value and sources. */
function contradiction(c) {
  const value = (v) => (v == null ? "?" : typeof v !== "object" ? String(v)
    : v.text || dateText(v) || [v.amount ?? v.value, v.unit || v.currency].filter((x) => x != null).join(" ") || JSON.stringify(v));
  const sides = (c.values || []).map((v, i) => `${value(v)} (${((c.sources || [])[i] || []).join(", ") || "?"})`);
  return h("li", {}, h("strong", {}, c.type || "contradiction"), c.interested ? h("span", {class: "muted"}, " (an interested denial)") : null,
    sides.length ? ": " + sides.join(" against ") : null);
}
