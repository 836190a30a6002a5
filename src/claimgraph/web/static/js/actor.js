// The actor page: dossier, aliases, network with filters, relations, event timeline, documents.

import {api, download, query} from "./api.js";
import {debounce, h, replace} from "./dom.js";
import {evidenceList, sentencesText} from "./evidence.js";
import {exportMenu} from "./exports.js";
import {
  CREDIBILITY, EVENTS, MODALITIES, RELATIONS, actorLink, attribution, claimLine, contestedBadge, dateText, errorBox,
  gradeBadge, loading, modalityBadge, predicateText, reviewBadge, sourceCounts, typeChip,
} from "./format.js";
import {drawNetwork, legend} from "./network.js";
import {happened, statusBadge} from "./status.js";
import {verdictControls} from "./verdict.js";

const FILTER_KEYS = ["depth", "predicate", "modality", "min_independent", "max_credibility", "date_from", "date_to", "as_of"];

export async function actorView(main, id, params) {
  replace(main, loading("Loading the actor"));
  let dossier;
  try {
    dossier = await api(`/actors/${encodeURIComponent(id)}`);
  } catch (err) {
    replace(main, h("h1", {}, "Actor"), errorBox(err));
    return;
  }
  document.title = `${dossier.name} \u2014 claimgraph`;
  const filters = readFilters(params);
  const panel = h("aside", {class: "panel", id: "network-panel"}, panelHelp());
  const graph = h("div", {class: "cy", id: "network-graph", role: "img", "aria-label": `network of ${dossier.name}`});
  const status = h("p", {class: "network-status muted", role: "status"});
  const relations = h("section", {class: "relations"});
  const timeline = h("section", {class: "timeline"});

  async function drawGraph() {
    replace(status, "Loading the network\u2026");
    let data;
    try {
      data = await api(`/actors/${encodeURIComponent(id)}/neighbors`, filters);
    } catch (err) {
      replace(status, errorBox(err));
      return;
    }
    if (window.cy && window.cy.destroy) window.cy.destroy();
    window.cy = drawNetwork(graph, data, {
      onEdge: (edge) => showClaim(panel, edge.claim, refresh),
      onNode: (node) => showNode(panel, node, dossier),
    });
    const n = window.cy.nodes().length - 1;  // as drawn: a depth-2 view keeps the strongest ties (network.js)
    const m = window.cy.edges().length;
    replace(status, n ? `${n} actor${n === 1 ? "" : "s"} and ${m} claim${m === 1 ? "" : "s"} within ${data.depth} step${data.depth === 1 ? "" : "s"}. `
      + "Click a line to read its evidence, a node to see the actor; double-click an actor to add its own ties."
      : "No claims link this actor to another under these filters.");
  }

  async function refresh() {
    await drawGraph();
    try {
      dossier = await api(`/actors/${encodeURIComponent(id)}`);
      replace(relations, relationsSection(dossier));
      replace(timeline, timelineSection(dossier));
    } catch (err) {
      replace(relations, errorBox(err));
    }
  }

  const form = filterForm(filters, () => {
    history.replaceState(null, "", `#/actor/${encodeURIComponent(id)}` + filterQuery(filters));
    drawGraph();
  });

  replace(main,
    header(dossier),
    takeAway(dossier, filters),
    h("section", {class: "network"},
      h("h2", {}, "Network"),
      form,
      h("div", {class: "network-layout"}, graph, panel),
      status,
      legend()),
    replace(relations, relationsSection(dossier)),
    replace(timeline, timelineSection(dossier)),
    documentsSection(dossier));
  await drawGraph();
}

function header(d) {
  return h("section", {class: "actor-head"},
    h("h1", {}, d.name),
    h("p", {class: "facts"},
      typeChip(d.type),
      d.subtype ? h("span", {class: "chip"}, predicateText(d.subtype)) : null,
      d.country ? h("span", {class: "chip", title: "country (ISO 3166)"}, d.country) : null,
      d.kb_id ? h("span", {class: "chip muted", title: "knowledge-base id"}, "kb: " + d.kb_id) : h("span", {class: "chip muted"}, "not in the knowledge base"),
      h("a", {href: "#/review?actor=" + encodeURIComponent(d.id), class: "action-link"}, "merge or split this actor\u2026")),
    (d.listings || []).length
      ? h("p", {class: "listings"}, (d.listings || []).map((l) => h("span", {class: "chip listed",
          title: `${l.caption} (${l.schema}) on ${l.title}; matched by ${l.rule}, score ${l.score}`},
          "listed: " + l.title + (l.topics && l.topics.length ? ` (${l.topics.join(", ")})` : ""))))
      : null,
    h("div", {class: "aliases"},
      h("h2", {}, "Also written"),
      d.aliases && d.aliases.length
        ? h("ul", {class: "alias-list"}, d.aliases.map((a) => h("li", {}, a)))
        : h("p", {class: "muted"}, "No other name or spelling on record.")));
}

/** Links to the dossier as a document (`claimgraph report`), and the export menu of the network
 *  as the page shows it (depth and filters: `GET /api/actors/{id}/export?depth=`). */
function takeAway(d, filters) {
  const id = encodeURIComponent(d.id);
  // the page's filters as they are when the link is followed
  const keep = () => ({as_of: filters.as_of, min_independent: filters.min_independent, max_credibility: filters.max_credibility});
  const link = (path, params, text, title) => h("a", {href: "/api" + path + query(params()), class: "take-link", title,
    onclick: (ev) => {
      ev.currentTarget.href = "/api" + path + query(params());
      download(ev, path, params());
    }}, text);
  return h("section", {class: "take-away"},
    h("p", {}, h("strong", {}, "Dossier: "),
      ["html", "md", "pdf"].map((format, i) => [i ? " \u00b7 " : "",
        link(`/actors/${id}/report`, () => ({...keep(), format}), {html: "HTML", md: "Markdown", pdf: "PDF"}[format],
          "a document for readers outside claimgraph, with numbered citations")])),
    networkExport(id, filters));
}

const MAX_DRAWN = 400;  // claims named in one export link (GET /api/export?claim=…)

/** The export menu of the network: the neighbourhood of the page's depth and filters, or, checked,
 *  only the claims drawn now (the page draws the strongest 40 actors, may hide some types and
 *  expand some actors; past MAX_DRAWN claims, the neighbourhood). */
function networkExport(id, filters) {
  const drawn = () => (window.cy ? window.cy.edges().filter((e) => e.visible()).map((e) => e.data("claim")) : []);
  const box = h("input", {type: "checkbox", name: "drawn"});
  const onlyDrawn = () => box.checked && drawn().length > 0 && drawn().length <= MAX_DRAWN;
  return exportMenu({
    path: () => (onlyDrawn() ? "/export" : `/actors/${id}/export`),
    params: () => (onlyDrawn() ? {claim: drawn()} : {...filters}),
    label: "Export this network", name: "network",
    extra: h("label", {class: "check", title: `the claims drawn now, at most ${MAX_DRAWN} (else the whole neighbourhood)`},
      box, " only what is drawn"),
  });
}

function readFilters(params) {
  const f = {};
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key);
    if (values.length) f[key] = key === "modality" ? values : values[0];
  }
  f.depth = f.depth === "2" ? "2" : "1";
  return f;
}

function filterQuery(filters) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) for (const x of [v].flat()) if (x) q.append(k, x);
  return q.toString() ? "?" + q : "";
}

function filterForm(filters, onChange) {
  const changed = debounce(onChange, 300);
  const set = (key) => (ev) => {
    filters[key] = ev.target.value;
    changed();
  };
  const modalityBoxes = Object.keys(MODALITIES).map((m) =>
    h("label", {class: "check"},
      h("input", {type: "checkbox", name: "modality", value: m, checked: !filters.modality || filters.modality.includes(m),
        onchange: (ev) => {
          const boxes = [...ev.target.form.querySelectorAll("input[name=modality]")];
          const on = boxes.filter((b) => b.checked).map((b) => b.value);
          if (!on.length) {  // at least one modality stays on
            ev.target.checked = true;
            return;
          }
          filters.modality = on.length === boxes.length ? undefined : on;
          changed();
        }}),
      " ", modalityBadge(m)));
  const option = (value, text, current) => h("option", {value, selected: String(current ?? "") === value}, text);
  return h("form", {class: "filters", onsubmit: (ev) => ev.preventDefault()},
    h("label", {}, "Depth ",
      h("select", {name: "depth", onchange: set("depth")},
        option("1", "1: direct ties", filters.depth), option("2", "2: ties of ties", filters.depth))),
    h("label", {}, "Predicate ",
      h("select", {name: "predicate", onchange: set("predicate")},
        option("", "any", filters.predicate),
        h("optgroup", {label: "relations"}, RELATIONS.map((p) => option(p, predicateText(p), filters.predicate))),
        h("optgroup", {label: "events"}, EVENTS.map((p) => option(p, p, filters.predicate))))),
    h("fieldset", {class: "modalities"}, h("legend", {}, "Modality"), modalityBoxes),
    h("label", {}, "Min. independent sources ",
      h("input", {type: "number", name: "min_independent", min: 0, max: 50, step: 1, value: filters.min_independent || "0",
        oninput: set("min_independent")})),
    h("label", {}, "Grade at least ",
      h("select", {name: "max_credibility", onchange: set("max_credibility")},
        option("", "any", filters.max_credibility),
        [1, 2, 3, 4, 5].map((g) => option(String(g), `${g}: ${CREDIBILITY[g][0]}${g > 1 ? " or better" : ""}`, filters.max_credibility)))),
    h("label", {}, "From ",
      h("input", {type: "text", name: "date_from", placeholder: "YYYY[-MM[-DD]]", size: 10, pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?",
        value: filters.date_from || "", oninput: set("date_from")})),
    h("label", {}, "to ",
      h("input", {type: "text", name: "date_to", placeholder: "YYYY[-MM[-DD]]", size: 10, pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?",
        value: filters.date_to || "", oninput: set("date_to")})),
    h("label", {title: "only ties that still held on that day (a leader replaced, a group dissolved)"}, "Holding on ",
      h("input", {type: "text", name: "as_of", placeholder: "YYYY-MM-DD", size: 10, pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?",
        value: filters.as_of || "", oninput: set("as_of")})));
}

function panelHelp() {
  return [h("h3", {}, "Evidence"), h("p", {class: "muted"},
    "Click a line to read the sentences it was read from, with their documents and grades; "
    + "confirm or reject the claim there. Click a node to see that actor.")];
}

/** The claim behind a clicked edge, with its evidence and the review buttons. */
async function showClaim(panel, claimId, onChange) {
  replace(panel, loading("Loading the evidence"));
  let row;
  try {
    row = await api(`/claims/${encodeURIComponent(claimId)}`);
  } catch (err) {
    replace(panel, errorBox(err));
    return;
  }
  replace(panel,
    h("h3", {}, claimLine(row)),
    h("p", {class: "badges"}, modalityBadge(row.modality), " ", gradeBadge(row), " ", contestedBadge(row), " ", reviewBadge(row)),
    h("p", {class: "meta"}, [attribution(row.attributed_to), row.date && dateText(row.date), sourceCounts(row)]
      .filter(Boolean).flatMap((part, i) => (i ? [" \u00b7 ", part] : [part]))),
    evidenceList(row.evidence, 5),
    (row.evidence || []).length > 5 ? h("p", {class: "muted"}, `and ${row.evidence.length - 5} more`) : null,
    h("p", {}, h("a", {href: "#/claim/" + encodeURIComponent(row.claim), class: "open-claim"}, "Open the evidence view \u2192")),
    verdictControls(row.claim, onChange));
}

function showNode(panel, node, dossier) {
  const isCenter = node.id === dossier.id;
  replace(panel,
    h("h3", {}, node.name),
    h("p", {}, typeChip(node.type), node.country ? h("span", {class: "chip"}, node.country) : null),
    isCenter ? h("p", {class: "muted"}, "The actor of this page.")
      : h("p", {}, h("a", {href: "#/actor/" + encodeURIComponent(node.id), class: "open-actor"}, `Open ${node.name} \u2192`)),
    isCenter || !window.cy || !window.cy.scratch("expand") ? null
      : h("p", {}, h("button", {type: "button", class: "expand-node", onclick: () => window.cy.scratch("expand")(node.id)},
        "Add its ties to the drawing")));
}

function relationsSection(d) {
  const out = [h("h2", {}, "Relations")];
  const groups = Object.entries(d.relations || {});
  if (!groups.length) return [...out, h("p", {class: "muted"}, "No relation read for this actor.")];
  const table = h("table", {class: "claims-table"},
    h("thead", {}, h("tr", {}, ["Relation", "Modality", "Grade", "Support", "Evidence"].map((t) => h("th", {}, t)))));
  const body = h("tbody");
  for (const [predicate, sides] of groups) {
    for (const r of sides.as_subject || []) body.append(relationRow(r, [h("span", {class: "predicate relation"}, predicateText(predicate)), " \u2192 ", actorLink(r.other)]));
    for (const r of sides.as_object || []) body.append(relationRow(r, [actorLink(r.other), " ", h("span", {class: "predicate relation"}, predicateText(predicate)), " \u2192 ", d.name]));
  }
  table.append(body);
  // a dossier shows each list's first lines (the API's limit): say how many more, and where they are
  const more = groups.reduce((n, [, sides]) => n + Object.values(sides.more || {}).reduce((a, b) => a + b, 0), 0);
  return [...out, table, more ? h("p", {class: "muted list-more"}, `${more} more relation line${more === 1 ? "" : "s"} not shown: `,
    h("a", {href: "#/claims" + query({actor: d.id})}, "every claim of " + d.name)) : null];
}

function relationRow(r, what) {
  const first = (r.evidence || [])[0];
  return h("tr", {class: r.contested ? "is-contested" : null},
    h("td", {}, what, r.attributed_to ? [" ", attribution(r.attributed_to)] : null, r.date ? h("span", {class: "muted"}, " \u00b7 " + dateText(r.date)) : null),
    h("td", {}, modalityBadge(r.modality), " ", contestedBadge(r)),
    h("td", {}, gradeBadge(r)),
    h("td", {class: "num"}, sourceCounts(r)),
    h("td", {}, h("a", {href: "#/claim/" + encodeURIComponent(r.claim), title: first ? first.excerpt : null},
      sentencesText(r))));
}

function timelineSection(d) {
  const out = [h("h2", {}, "Events")];
  const rows = d.timeline || [];
  if (!rows.length) return [...out, h("p", {class: "muted"}, "No event read for this actor.")];
  const list = h("ol", {class: "timeline-list"});
  for (const e of rows) {
    const role = e.role === "actor" ? "by this actor" : e.role === "target" ? "against this actor" : "here";
    list.append(h("li", {class: happened(e) ? null : "not-happened", "data-claim": e.claim},
      h("span", {class: "when"}, dateText(e.date) || "undated"),
      h("span", {class: "what"},
        h("span", {class: "predicate event"}, e.type), " ", h("span", {class: "muted"}, role),
        e.counterpart ? [" \u00b7 ", e.role === "actor" ? "against " : "by ", actorLink(e.counterpart)] : null,
        e.location ? [" \u00b7 in ", actorLink(e.location)] : null,
        [" ", statusBadge(e, {quiet: true})],
        e.mode ? [" ", h("span", {class: "chip"}, e.mode)] : null),
      h("span", {class: "how"}, modalityBadge(e.modality), " ", gradeBadge(e), " ",
        h("a", {href: "#/claim/" + encodeURIComponent(e.claim)}, "evidence"))));
  }
  return [...out, list, d.timeline_more ? h("p", {class: "muted list-more"},
    `${d.timeline_more} earlier event${d.timeline_more === 1 ? "" : "s"} not shown: `,
    h("a", {href: "#/events" + query({actor: d.id})}, "the events table")) : null];
}

function documentsSection(d) {
  const docs = d.documents || [];
  return h("section", {class: "documents"},
    h("h2", {}, "Documents that name this actor"),
    docs.length ? h("ul", {class: "doc-list"}, docs.map((doc) => h("li", {},
      h("a", {href: "#/doc/" + encodeURIComponent(doc.id)}, doc.title || doc.id),
      h("span", {class: "muted"}, [doc.source, doc.published && String(doc.published).slice(0, 10)].filter(Boolean).map((x) => " \u00b7 " + x).join("")),
      h("span", {class: "muted"}, ` \u00b7 ${doc.mentions} mention${doc.mentions === 1 ? "" : "s"}`))))
      : h("p", {class: "muted"}, "None."),
    d.documents_more ? h("p", {class: "muted list-more"}, `and ${d.documents_more} more document${d.documents_more === 1 ? "" : "s"}`) : null);
}
