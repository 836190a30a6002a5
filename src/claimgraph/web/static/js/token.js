// Asking for an access token when the server was started with --token / --analyst-token.

import {setToken} from "./api.js";
import {h} from "./dom.js";

/** A small form that keeps a token for this browser session, then reloads the page. */
export function tokenForm(status) {
  const needs = status === 403 ? "This action needs an analyst token." : "This server needs an access token.";
  return h("form", {class: "token-form", onsubmit: (ev) => {
    ev.preventDefault();
    setToken(ev.target.elements.token.value.trim());
    window.location.reload();
  }},
  h("label", {}, needs + " Token: ", h("input", {type: "password", name: "token", autocomplete: "off"})),
  h("button", {type: "submit"}, "Use"));
}
