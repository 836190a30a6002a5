// The path finder: how two actors are connected, chain by chain, each tie with its evidence.
//   #/path?from=A&to=B&k=3&max_hops=4&predicate=&modality=&min_sources=&min_independent=&max_credibility=&date_from=&date_to=&as_of=

import {api, items, query} from "./api.js";
import {debounce, h, replace} from "./dom.js";
import {evidenceList} from "./evidence.js";
import {
  CREDIBILITY, EVENTS, MODALITIES, RELATIONS, actorLink, claimLine, contestedBadge, dateText, errorBox, gradeBadge,
  loading, modalityBadge, predicateText, sourceCounts, typeChip, typeStyle,
} from "./format.js";

const FILTERS = ["predicate", "modality", "min_sources", "min_independent", "max_credibility", "date_from", "date_to", "as_of"];
const DATE = "\\d{4}(-\\d{2}(-\\d{2})?)?";

export async function pathView(main, params) {
  document.title = "Paths \u2014 claimgraph";
  const state = readState(params);
  const results = h("section", {class: "path-results", "aria-live": "polite"});
  replace(main,
    h("h1", {}, "Paths between two actors"),
    h("p", {class: "lead muted"}, "The shortest chains of claims that link two actors, whichever way each claim points, "
      + "each tie with the sentences it was read from. Type a name under any spelling."),
    pathForm(state),
    results);
  if (state.from && state.to) await findPaths(results, state);
}

function readState(params) {
  const s = {from: params.get("from") || "", to: params.get("to") || "", k: params.get("k") || "3",
    max_hops: params.get("max_hops") || "4"};
  for (const key of FILTERS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) s[key] = key === "modality" ? values : values[0];
  }
  return s;
}

function stateHash(state) {
  const {from, to, k, max_hops} = state;
  const params = {from, to, k: k === "3" ? undefined : k, max_hops: max_hops === "4" ? undefined : max_hops};
  for (const key of FILTERS) params[key] = state[key];
  return "#/path" + query(params);
}

/** A text input for an actor with suggestions from `/api/actors?typed=true` as one types. */
function actorInput(name, label, value) {
  const input = h("input", {type: "search", name, id: "path-" + name, value, autocomplete: "off", required: true,
    size: 28, placeholder: "a name, alias or spelling", "aria-autocomplete": "list", "aria-controls": `path-${name}-list`});
  const list = h("ul", {class: "suggestions", id: `path-${name}-list`, role: "listbox", hidden: true});
  let asked = 0;
  const hide = () => { list.hidden = true; };
  const show = debounce(async () => {
    const q = input.value.trim();
    const mine = ++asked;
    if (q.length < 2) return hide();
    let found;
    try {
      found = items(await api("/actors", {q, typed: true, limit: 8}));
    } catch (err) {
      found = [];
    }
    if (mine !== asked) return;  // a later keystroke asked again
    replace(list, found.map((a) => h("li", {role: "option"},
      h("button", {type: "button", class: "suggestion", dataset: {id: a.id},
        onmousedown: (ev) => ev.preventDefault(),  // the input keeps the focus: its blur would close the list first
        onclick: () => {
          input.value = a.name;
          input.dataset.id = a.id;
          input.dataset.name = a.name;
          hide();
        }},
      a.name, " ", typeChip(a.type), a.country ? h("span", {class: "muted"}, " " + a.country) : null))));
    list.hidden = !found.length;
  }, 200);
  input.addEventListener("input", () => {
    delete input.dataset.id;
    show();
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") hide();
    if (ev.key === "ArrowDown" && !list.hidden) {
      ev.preventDefault();
      list.querySelector("button")?.focus();
    }
  });
  const leave = (ev) => {  // focus gone elsewhere than the input and its list: close the list
    if (!ev.relatedTarget || !(ev.relatedTarget === input || list.contains(ev.relatedTarget))) hide();
  };
  input.addEventListener("blur", leave);
  list.addEventListener("focusout", leave);
  list.addEventListener("keydown", (ev) => {
    const buttons = [...list.querySelectorAll("button")];
    const i = buttons.indexOf(document.activeElement);
    if (ev.key === "ArrowDown" && i < buttons.length - 1) { ev.preventDefault(); buttons[i + 1].focus(); }
    if (ev.key === "ArrowUp") { ev.preventDefault(); (i > 0 ? buttons[i - 1] : input).focus(); }
    if (ev.key === "Escape") { hide(); input.focus(); }
  });
  return h("div", {class: "actor-pick"}, h("label", {for: "path-" + name}, label), input, list);
}

function pathForm(state) {
  const option = (value, text, current) => h("option", {value, selected: String(current ?? "") === value}, text);
  const modalities = Object.keys(MODALITIES).map((m) => h("label", {class: "check"},
    h("input", {type: "checkbox", name: "modality", value: m, checked: !state.modality || state.modality.includes(m)}),
    " ", modalityBadge(m)));
  const form = h("form", {class: "path-form", id: "path-form"},
    h("div", {class: "path-ends"},
      actorInput("from", "From", state.from),
      h("button", {type: "button", class: "swap", title: "swap the two actors", onclick: () => {
        const [a, b] = [form.elements.from, form.elements.to];
        [a.value, b.value] = [b.value, a.value];
        const [ida, idb] = [a.dataset.id, b.dataset.id];
        if (idb) a.dataset.id = idb; else delete a.dataset.id;
        if (ida) b.dataset.id = ida; else delete b.dataset.id;
      }}, "\u21c4"),
      actorInput("to", "To", state.to),
      h("label", {}, "Paths ", h("select", {name: "k"}, ["1", "3", "5", "10"].map((v) => option(v, v, state.k)))),
      h("label", {}, "At most ", h("select", {name: "max_hops"},
        ["1", "2", "3", "4", "5", "6", "8"].map((v) => option(v, v, state.max_hops))), " hops"),
      h("button", {type: "submit", class: "find"}, "Find paths")),
    h("div", {class: "filters"},
      h("label", {}, "Predicate ", h("select", {name: "predicate"},
        option("", "any", state.predicate),
        h("optgroup", {label: "relations"}, RELATIONS.map((p) => option(p, predicateText(p), state.predicate))),
        h("optgroup", {label: "events"}, EVENTS.map((p) => option(p, p, state.predicate))))),
      h("fieldset", {class: "modalities"}, h("legend", {}, "Modality"), modalities),
      h("label", {}, "Min. sources ", h("input", {type: "number", name: "min_sources", min: 0, max: 1000, value: state.min_sources || "0"})),
      h("label", {}, "Min. independent ", h("input", {type: "number", name: "min_independent", min: 0, max: 1000, value: state.min_independent || "0"})),
      h("label", {}, "Grade at least ", h("select", {name: "max_credibility"},
        option("", "any", state.max_credibility),
        [1, 2, 3, 4, 5].map((g) => option(String(g), `${g}: ${CREDIBILITY[g][0]}${g > 1 ? " or better" : ""}`, state.max_credibility)))),
      h("label", {}, "From ", h("input", {type: "text", name: "date_from", size: 10, placeholder: "YYYY[-MM[-DD]]", pattern: DATE, value: state.date_from || ""})),
      h("label", {}, "to ", h("input", {type: "text", name: "date_to", size: 10, placeholder: "YYYY[-MM[-DD]]", pattern: DATE, value: state.date_to || ""})),
      h("label", {title: "only ties that still held on that day"}, "Holding on ", h("input", {type: "text", name: "as_of", size: 10, placeholder: "YYYY-MM-DD", pattern: DATE, value: state.as_of || ""}))));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const pick = (input) => (input.dataset.id && input.dataset.name === input.value ? input.dataset.id : input.value.trim());
    const next = {from: pick(f.from), to: pick(f.to), k: f.k.value, max_hops: f.max_hops.value};
    for (const key of ["predicate", "min_sources", "min_independent", "max_credibility", "date_from", "date_to", "as_of"]) {
      const v = f[key].value.trim();
      if (v && v !== "0") next[key] = v;
    }
    const boxes = [...form.querySelectorAll("input[name=modality]")];
    const on = boxes.filter((b) => b.checked).map((b) => b.value);
    if (on.length && on.length < boxes.length) next.modality = on;
    const hash = stateHash(next);
    if (window.location.hash === hash) findPaths(document.querySelector(".path-results"), next);
    else window.location.hash = hash;
  });
  return form;
}

/** An actor named in the address: an id or a name; several fits, or names only spelt like it, are
 *  offered to choose from. */
async function resolveActor(text) {
  const answer = await api("/actors", {q: text, limit: 10});
  const found = items(answer);
  // names only spelt like `text` (near: "spelling") are candidates to offer, not the actor named
  if (answer && answer.near === "spelling") return {text, candidates: found, near: true};
  if (found.length === 1) return {actor: found[0]};
  if (found.length) return {text, candidates: found};
  return {text, candidates: items(await api("/actors", {q: text, typed: true, limit: 10})), near: true};
}

async function findPaths(results, state) {
  replace(results, loading("Looking for chains of claims"));
  let ends;
  try {
    ends = await Promise.all([resolveActor(state.from), resolveActor(state.to)]);
  } catch (err) {
    replace(results, errorBox(err));
    return;
  }
  const unsure = ends.map((e, i) => [e, i ? "to" : "from"]).filter(([e]) => !e.actor);
  if (unsure.length) {
    replace(results, unsure.map(([e, side]) => chooseActor(e, side, state)));
    return;
  }
  const [a, b] = ends.map((e) => e.actor);
  const form = document.getElementById("path-form");
  if (form) {  // the names as the store spells them
    for (const [input, actor] of [[form.elements.from, a], [form.elements.to, b]]) {
      input.value = actor.name;
      input.dataset.id = actor.id;
      input.dataset.name = actor.name;
    }
  }
  document.title = `${a.name} \u2194 ${b.name} \u2014 claimgraph`;
  const params = {a: a.id, b: b.id, k: state.k, max_hops: state.max_hops};
  for (const key of FILTERS) params[key] = state[key];
  let data;
  try {
    data = await api("/paths", params);
  } catch (err) {
    replace(results, errorBox(err));
    return;
  }
  if (!data.paths.length) {
    replace(results, h("div", {class: "no-path", role: "status"},
      h("p", {}, h("strong", {}, "No path. "),
        `No chain of at most ${data.max_hops} claim${data.max_hops === 1 ? "" : "s"} links ${a.name} and ${b.name}`,
        a.id === b.id ? " (the same actor twice)." : "."),
      h("p", {class: "filters-used"}, "Filters used: ", filtersText(state)),
      data.truncated ? h("p", {class: "muted"}, "The search stopped early: too many actors lie between them to look at every chain.") : null));
    return;
  }
  const graph = h("div", {class: "cy path-graph", id: "path-graph", role: "img",
    "aria-label": `the paths between ${a.name} and ${b.name}`});
  replace(results,
    h("p", {class: "path-summary"}, `${data.paths.length} path${data.paths.length === 1 ? "" : "s"} between `,
      actorLink(a), " and ", actorLink(b), ` (at most ${data.max_hops} hops; filters: `, filtersText(state), ").",
      data.truncated ? " The search stopped early: longer detours were not all looked at." : ""),
    graph,
    h("ol", {class: "path-list"}, data.paths.map((p, i) => pathItem(p, i))));
  drawPaths(graph, data);
}

function chooseActor(e, side, state) {
  const label = side === "from" ? "first" : "second";
  if (!e.candidates.length) return h("div", {class: "error", role: "alert"}, `No actor is called \u201c${e.text}\u201d (the ${label} actor).`);
  return h("div", {class: "choose"}, h("p", {}, e.near
    ? `No actor is called \u201c${e.text}\u201d (the ${label} actor). Did you mean:`
    : `\u201c${e.text}\u201d fits several actors: which one is the ${label}?`),
    h("ul", {class: "results"}, e.candidates.map((c) => h("li", {},
      h("a", {href: stateHash({...state, [side]: c.id})}, c.name), " ", typeChip(c.type),
      c.country ? h("span", {class: "muted"}, " " + c.country) : null))));
}

function filtersText(state) {
  const parts = [];
  if (state.predicate) parts.push(`predicate ${predicateText(state.predicate)}`);
  if (state.modality) parts.push(`modality ${[state.modality].flat().join(", ")}`);
  if (Number(state.min_sources) > 0) parts.push(`at least ${state.min_sources} sources`);
  if (Number(state.min_independent) > 0) parts.push(`at least ${state.min_independent} independent sources`);
  if (state.max_credibility) parts.push(`grade ${state.max_credibility} or better`);
  if (state.date_from) parts.push(`from ${state.date_from}`);
  if (state.date_to) parts.push(`to ${state.date_to}`);
  if (state.as_of) parts.push(`holding on ${state.as_of}`);
  return parts.length ? parts.join("; ") : "none";
}

function pathItem(p, i) {
  return h("li", {class: "path-item"},
    h("h2", {}, `Path ${i + 1}: ${p.length} hop${p.length === 1 ? "" : "s"}`,
      h("span", {class: "muted"}, ` \u00b7 ${p.evidence} piece${p.evidence === 1 ? "" : "s"} of evidence`)),
    h("p", {class: "chain"}, p.nodes.map((n, j) => [j ? " \u2014 " : "", actorLink(n), " ", typeChip(n.type)])),
    h("ol", {class: "hops"}, p.hops.map((hop) => hopItem(hop))));
}

function hopItem(hop) {
  return h("li", {class: "hop"},
    h("h3", {}, actorLink(hop.from), " \u2014 ", actorLink(hop.to),
      h("span", {class: "muted"}, ` \u00b7 ${hop.claims.length + hop.more} claim${hop.claims.length + hop.more === 1 ? "" : "s"}`)),
    h("ul", {class: "hop-claims"}, hop.claims.map((row) => claimItem(row, hop))),
    hop.more ? h("p", {class: "muted"}, `and ${hop.more} more (`, h("a", {href: "#/claims" + query({actor: hop.from.id})}, "claims of " + hop.from.name), ")") : null);
}

function claimItem(row, hop) {
  const forward = row.subject && row.subject.id === hop.from.id;
  const n = (row.evidence || []).length;
  return h("li", {class: "path-claim", dataset: {claim: row.claim}},
    h("p", {class: "claim-head"}, claimLine(row), " ",
      h("span", {class: "chip direction", title: "the claim's direction along this path"},
        forward ? "\u2192 along the path" : "\u2190 against the path")),
    h("p", {class: "badges"}, modalityBadge(row.modality), " ", gradeBadge(row), " ", contestedBadge(row), " ",
      h("span", {class: "muted"}, sourceCounts(row)), row.date ? h("span", {class: "muted"}, " \u00b7 " + dateText(row.date)) : null),
    evidenceList(row.evidence, 1),
    h("p", {class: "claim-more"}, h("a", {href: "#/claim/" + encodeURIComponent(row.claim), class: "open-claim"},
      n > 1 ? `all ${n} sentences in the evidence view \u2192` : "the evidence view \u2192")));
}

/** The paths drawn left to right: each actor in the column of its step from the first actor. */
function drawPaths(container, data) {
  if (!window.cytoscape) return;
  const column = {};
  const rows = [];
  const nodes = {};
  const edges = {};
  for (const p of data.paths) {
    p.nodes.forEach((n, i) => {
      if (!(n.id in column)) {
        column[n.id] = i;
        rows[i] = (rows[i] || 0) + 1;
        nodes[n.id] = {n, row: rows[i] - 1};
      }
    });
    for (const hop of p.hops) {
      const key = [hop.from.id, hop.to.id].sort().join("|");
      if (edges[key] || !hop.claims.length) continue;
      const first = hop.claims[0];
      const more = hop.claims.length + hop.more - 1;
      edges[key] = {group: "edges", data: {id: "hop-" + key, source: first.subject.id, target: first.object.id,
        claim: first.claim, modality: first.modality, label: predicateText(first.predicate) + (more ? ` +${more}` : "")}};
    }
  }
  const elements = Object.values(nodes).map(({n, row}) => {
    const style = typeStyle(n.type);
    const height = rows[column[n.id]];
    return {group: "nodes", data: {id: n.id, name: n.name, shape: style.shape, color: style.color},
      position: {x: column[n.id] * 230, y: (row - (height - 1) / 2) * 110},
      classes: n.id === data.from.id || n.id === data.to.id ? "end" : ""};
  });
  if (window.cy && window.cy.destroy) window.cy.destroy();
  window.cy = window.cytoscape({
    container, elements: [...elements, ...Object.values(edges)], layout: {name: "preset", fit: true, padding: 40},
    minZoom: 0.3, maxZoom: 1.6, autoungrabify: false, selectionType: "single",
    style: [
      {selector: "node", style: {"label": "data(name)", "shape": "data(shape)", "background-color": "data(color)",
        "width": 26, "height": 26, "font-size": 13, "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "wrap",
        "text-max-width": "150px", "text-background-color": "#fff", "text-background-opacity": 0.85}},
      {selector: "node.end", style: {"width": 36, "height": 36, "border-width": 3, "border-color": "#1d1d1d", "font-weight": "bold"}},
      {selector: "edge", style: {"width": 2.5, "curve-style": "bezier", "line-color": "#3d4a5c", "target-arrow-color": "#3d4a5c",
        "target-arrow-shape": "triangle", "label": "data(label)", "font-size": 11, "text-rotation": "autorotate",
        "text-background-color": "#fff", "text-background-opacity": 0.9, "text-margin-y": -8}},
      {selector: 'edge[modality = "reported"]', style: {"line-style": "dashed"}},
      {selector: 'edge[modality = "alleged"], edge[modality = "speculative"]', style: {"line-style": "dotted"}},
      {selector: 'edge[modality = "negated"]', style: {"line-color": "#a8a8a8", "target-arrow-color": "#a8a8a8", "target-arrow-shape": "tee"}},
    ],
  });
  if (window.cy.zoom() > 1.3) {
    window.cy.zoom(1.3);
    window.cy.center();
  }
  window.cy.on("tap", "edge", (ev) => {
    const item = document.querySelector(`.path-claim[data-claim="${CSS.escape(ev.target.data("claim"))}"]`);
    if (item) item.scrollIntoView({block: "center"});
  });
  window.cy.on("tap", "node", (ev) => { window.location.hash = "#/actor/" + encodeURIComponent(ev.target.id()); });
}
