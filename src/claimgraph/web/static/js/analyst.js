// Who decides: the analyst's name, kept in this browser (localStorage) and sent with each action.
// A token that names its analyst (`--analyst-token NAME=TOKEN`) wins on the server.

import {h} from "./dom.js";

const KEY = "claimgraph.analyst";

export function analystName() {
  try {
    return (localStorage.getItem(KEY) || "").trim();
  } catch {
    return "";
  }
}

/** The body of an action with the analyst's name, when one is set. */
export function withAnalyst(json = {}) {
  const name = analystName();
  return name ? {...json, analyst: name} : json;
}

/** A "Your name" field; `onChange(name)` after an edit. */
export function analystField(onChange = () => {}) {
  const input = h("input", {type: "text", id: "analyst-name", name: "analyst", autocomplete: "name",
    maxlength: "255", placeholder: "your name, for the audit log", value: analystName(),
    onchange: (ev) => {
      try {
        localStorage.setItem(KEY, ev.target.value.trim());
      } catch { /* storage off: the name is sent from the field only for this page */ }
      onChange(ev.target.value.trim());
    }});
  return h("label", {class: "analyst-field"}, "Your name ", input);
}
