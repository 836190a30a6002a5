// Search results: actors under any name or spelling, and documents holding the words.

import {api, items} from "./api.js";
import {h, replace} from "./dom.js";
import {errorBox, loading, typeChip} from "./format.js";

export async function searchView(main, params) {
  const q = (params.get("q") || "").trim();
  document.title = `${q} \u2014 claimgraph`;
  const input = document.getElementById("search-input");
  if (input && input.value !== q) input.value = q;
  if (!q) {
    replace(main, h("h1", {}, "Search"), h("p", {}, "Type a name or some words in the box above."));
    return;
  }
  const actors = h("div", {class: "actor-results"}, loading("Finding actors"));
  const docs = h("div", {class: "doc-results"}, loading("Searching the documents"));
  replace(main, h("h1", {}, "Results for \u201c", q, "\u201d"),
    h("section", {}, h("h2", {}, "Actors"), actors),
    h("section", {}, h("h2", {}, "Documents"), docs));
  api("/actors", {q, limit: 50}).then((data) => replace(actors, actorResults(items(data))))
    .catch((err) => replace(actors, errorBox(err)));
  api("/search", {q, limit: 20}).then((data) => replace(docs, docResults(items(data))))
    .catch((err) => replace(docs, errorBox(err)));
}

function actorResults(rows) {
  if (!rows.length) return h("p", {class: "muted"}, "No actor under that name or a close spelling.");
  return h("ul", {class: "results"}, rows.map((a) => h("li", {class: "actor-result"},
    h("a", {href: "#/actor/" + encodeURIComponent(a.id), class: "actor"}, a.name), " ", typeChip(a.type),
    a.country ? h("span", {class: "chip"}, a.country) : null,
    a.mentions != null ? h("span", {class: "muted"}, ` ${a.mentions} mention${a.mentions === 1 ? "" : "s"}`) : null,
    a.aliases && a.aliases.length ? h("div", {class: "muted aliases-inline"}, "also: " + a.aliases.slice(0, 8).join(" \u00b7 ")
      + (a.aliases.length > 8 ? ` \u2026 (${a.aliases.length - 8} more)` : "")) : null)));
}

/** FTS snippets mark matches with [brackets]: shown as highlights, as text. */
function snippet(text) {
  const out = h("span", {class: "snippet"});
  for (const [i, part] of String(text || "").split(/\[([^\]]*)\]/).entries()) {
    out.append(i % 2 ? h("mark", {}, part) : document.createTextNode(part));
  }
  return out;
}

function docResults(rows) {
  if (!rows.length) return h("p", {class: "muted"}, "No document holds every word.");
  return h("ul", {class: "results"}, rows.map((d) => h("li", {},
    h("a", {href: "#/doc/" + encodeURIComponent(d.doc || d.id)}, d.title || d.doc || d.id),
    h("span", {class: "muted"}, [d.source, d.published && String(d.published).slice(0, 10)].filter(Boolean).map((x) => " \u00b7 " + x).join("")),
    h("div", {}, snippet(d.snippet)),
    d.claims && d.claims.length ? h("div", {class: "muted"}, `${d.claims.length} claim(s) in the matching sentences`) : null)));
}
