// The home page: what the tool shows and how to read it, for someone who has not read the README.

import {api, items} from "./api.js";
import {h, replace} from "./dom.js";
import {exportMenu} from "./exports.js";
import {CREDIBILITY, MODALITIES, RELIABILITY, actorLink, errorBox, loading, typeChip} from "./format.js";
import {legend} from "./network.js";

export async function homeView(main) {
  document.title = "claimgraph";
  const summary = h("div", {class: "summary"}, loading());
  const central = h("div", {class: "central"}, loading());
  const recent = h("div", {class: "recent"}, loading());
  replace(main,
    h("section", {class: "intro"},
      h("h1", {}, "Who did what to whom \u2014 and who says so"),
      h("p", {class: "lead"},
        "claimgraph reads news articles, press releases, reports and court documents about armed groups, "
        + "states and their leaders, and turns them into a graph of sourced claims: who leads, funds, arms "
        + "or trains whom, who attacked, arrested or sanctioned whom, where and when. "
        + "Every line of the graph leads back to the exact sentence it was read from."),
      startSearch()),
    h("section", {class: "howto"},
      h("h2", {}, "How to use it"),
      h("ol", {},
        h("li", {}, h("strong", {}, "Find an actor"), " under any name or spelling (\u201cSuleimani\u201d finds Qassem Soleimani; \u201cHezbollah Brigades\u201d finds Kata\u2019ib Hizballah)."),
        h("li", {}, h("strong", {}, "Read its network"), ": the actors it is tied to, one line per claim. Filter by kind of claim, modality, number of sources, grade or dates."),
        h("li", {}, h("strong", {}, "Click a line"), " to see the sentences behind it, their documents, outlets, dates and grades."),
        h("li", {}, h("strong", {}, "Check and correct"), ": confirm or reject a claim, merge two names of one actor or split a wrong merge. "
          + "Every decision is logged (", h("a", {href: "#/review"}, "Review"), ") and can be undone; nothing is deleted."))),
    h("section", {class: "reading"},
      h("h2", {}, "What the lines say"),
      h("p", {}, "A line goes from the actor who does something to the actor it is done to, labelled with what "
        + "(\u201carms\u201d, \u201cleads\u201d, \u201cASSAULT\u201d). Its style says how the documents put it:"),
      modalityTable(),
      legend()),
    h("section", {class: "grades"},
      h("h2", {}, "Grades: how far to trust a claim"),
      h("p", {}, "Claims are graded with the Admiralty code intelligence analysts use, e.g. ", h("span", {class: "badge grade"}, "B2"),
        ": a letter for the ", h("em", {}, "source"), " (set per outlet by an analyst) and a digit for the ",
        h("em", {}, "information"), " (computed from how many independent sources state it, and whether others deny it). "
        + "Reprints of one story count as one independent source."),
      h("div", {class: "grade-tables"}, gradeTable("Source reliability", RELIABILITY, (v) => v),
        gradeTable("Information credibility", CREDIBILITY, (v) => [h("strong", {}, v[0]), ": ", v[1]])),
      h("p", {class: "muted"}, "The \u201creading confidence\u201d shown with a claim is different: it estimates whether the "
        + "software read the sentence right, not whether the claim is true.")),
    h("section", {class: "store"},
      h("h2", {}, "In this store"), summary,
      exportMenu({path: "/export", label: "Export the whole store", name: "store"}),
      h("h3", {}, "Most connected actors"), central,
      h("h3", {}, "Documents"), recent));
  fill(summary, loadSummary);
  fill(central, loadCentral);
  fill(recent, loadRecent);
}

async function fill(el, load) {
  try {
    replace(el, await load());
  } catch (err) {
    replace(el, errorBox(err));
  }
}

function startSearch() {
  return h("form", {class: "start-search", role: "search", onsubmit: (ev) => {
    ev.preventDefault();
    const q = ev.target.elements.q.value.trim();
    if (q) window.location.hash = "#/search?q=" + encodeURIComponent(q);
  }},
  h("label", {for: "start-q"}, "Start with an actor"),
  h("input", {id: "start-q", name: "q", type: "search", placeholder: "e.g. Suleimani, Quds Force, Kataib Hezbollah"}),
  h("button", {type: "submit"}, "Find"));
}

function modalityTable() {
  return h("table", {class: "modality-table"},
    h("tbody", {}, Object.entries(MODALITIES).map(([name, m]) =>
      h("tr", {}, h("th", {}, name), h("td", {}, m.line), h("td", {}, m.text)))),
    h("tfoot", {}, h("tr", {}, h("th", {}, "contested"), h("td", {}, "red"),
      h("td", {}, "documents disagree: the same claim is stated in one and denied (or put otherwise) in another"))));
}

function gradeTable(title, grades, describe) {
  return h("table", {class: "grade-table"},
    h("caption", {}, title),
    h("tbody", {}, Object.entries(grades).map(([k, v]) => h("tr", {}, h("th", {}, k), h("td", {}, describe(v))))));
}

const COUNT_NAMES = {documents: "documents", entities: "actors", mentions: "mentions", claims: "claims", evidence: "evidence sentences"};

async function loadSummary() {
  const s = await api("/summary");
  const counts = Object.entries(COUNT_NAMES).filter(([k]) => typeof s[k] === "number");
  if (!counts.length) return h("p", {class: "muted"}, "No counts.");
  const breakdown = (key) => {
    const parts = Object.entries(s[key] || {});
    return parts.length ? h("div", {class: "muted"}, parts.map(([k, v]) => `${k.replaceAll("_", " ")} ${v}`).join(" \u00b7 ")) : null;
  };
  return [
    h("ul", {class: "counts"}, counts.map(([k, name]) => h("li", {}, h("strong", {}, s[k].toLocaleString("en")), " ", name))),
    breakdown("entities_by_type"), breakdown("claims_by_kind"), breakdown("documents_by_genre"),
  ];
}

async function loadCentral() {
  let rows;
  try {
    rows = items(await api("/rank", {metric: "pagerank", limit: 12}));
  } catch (err) {
    if (err.status === 404) return h("p", {class: "muted"}, "Not available on this server.");
    throw err;
  }
  if (!rows.length) return h("p", {class: "muted"}, "No actor yet: add documents first.");
  return h("ol", {class: "central-list"}, rows.map((r) => h("li", {}, actorLink(r), " ", typeChip(r.type),
    r.ties != null ? h("span", {class: "muted"}, ` ${r.ties} tie${r.ties === 1 ? "" : "s"}`) : null)));
}

async function loadRecent() {
  const rows = items(await api("/documents", {limit: 8}));
  if (!rows.length) return h("p", {}, "The store is empty: ", h("a", {href: "#/docs"}, "add a document"), ".");
  return h("ul", {class: "doc-list"}, rows.map((d) => h("li", {},
    h("a", {href: "#/doc/" + encodeURIComponent(d.id)}, d.title || d.id),
    h("span", {class: "muted"}, [d.source, d.published && String(d.published).slice(0, 10)].filter(Boolean).map((x) => " \u00b7 " + x).join("")))),
  h("li", {}, h("a", {href: "#/docs"}, "all documents \u2192")));
}
