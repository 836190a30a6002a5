// An analyst's verdict on a claim: confirm or reject it (logged), and undo.

import {withAnalyst} from "./analyst.js";
import {api} from "./api.js";
import {h, replace} from "./dom.js";
import {errorBox} from "./format.js";

/** Confirm / Reject buttons with a reason field; `onChange(verdict | null)` after each action. */
export function verdictControls(claimId, onChange = () => {}) {
  const reason = h("input", {type: "text", name: "reason", placeholder: "reason (optional, goes in the audit log)", class: "reason"});
  const status = h("div", {class: "verdict-status", role: "status"});
  const box = h("div", {class: "verdict"});

  async function decide(verdict) {
    try {
      await api(`/claims/${encodeURIComponent(claimId)}/review`, null,
        {method: "POST", json: withAnalyst({verdict, reason: reason.value || undefined})});
      const undo = h("button", {type: "button", class: "undo", onclick: undoLast}, "Undo");
      replace(status, verdict === "reject"
        ? "Rejected: the claim is left out of every view (nothing is deleted). "
        : "Confirmed. ", undo);
      onChange(verdict);
    } catch (err) {
      replace(status, errorBox(err));
    }
  }

  async function undoLast() {
    try {
      const answer = await api("/undo", null, {method: "POST", json: withAnalyst({})});
      replace(status, "Undone: ", answer.description || "the last action", ".");
      onChange(null);
    } catch (err) {
      replace(status, errorBox(err));
    }
  }

  return replace(box,
    h("button", {type: "button", class: "confirm", onclick: () => decide("confirm"),
      title: "the claim is read right: record it as confirmed"}, "Confirm"),
    h("button", {type: "button", class: "reject", onclick: () => decide("reject"),
      title: "the claim is misread: leave it out of every view (undoable)"}, "Reject"),
    reason, status);
}
