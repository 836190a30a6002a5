// The path finder: how two actors are connected, chain by chain, each tie with its evidence.

import {h, replace} from "./dom.js";

export async function pathView(main) {
  document.title = "Paths \u2014 claimgraph";
  replace(main, h("h1", {}, "Paths between two actors"));
}
