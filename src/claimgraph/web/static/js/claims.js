// The claims page: every claim, filtered (contested, single-source, predicate, modality, grade).

import {api, items, query} from "./api.js";
import {h, replace} from "./dom.js";
import {exportMenu} from "./exports.js";
import {pager} from "./doc.js";
import {sentencesText} from "./evidence.js";
import {
  CREDIBILITY, EVENTS, MODALITIES, RELATIONS, claimLine, contestedBadge, errorBox, gradeBadge, loading, modalityBadge,
  predicateText, sourceCounts,
} from "./format.js";

const KEYS = ["contested", "single_source", "predicate", "modality", "min_independent", "max_credibility"];
const LIMIT = 50;

export async function claimsView(main, params) {
  const filters = Object.fromEntries(KEYS.map((k) => [k, params.get(k) || ""]));
  const offset = Number(params.get("offset") || 0);
  const results = h("div", {}, loading("Loading the claims"));
  replace(main, h("h1", {}, "Claims"), form(filters),
    exportMenu({path: "/export", params: () => filters, label: "Export these claims", name: "claims"}), results);
  document.title = "Claims \u2014 claimgraph";
  try {
    const data = await api("/claims", {...filters, limit: LIMIT, offset});
    const rows = items(data);
    const total = data.total ?? rows.length;
    const extra = query(filters).replace("?", "&");
    replace(results,
      h("p", {class: "muted"}, `${total} claim(s).`),
      rows.length ? table(rows) : null,
      pager(offset, LIMIT, total, "#/claims", extra === "&" ? "" : extra));
  } catch (err) {
    replace(results, errorBox(err));
  }
}

function form(f) {
  const option = (value, text, current) => h("option", {value, selected: current === value}, text);
  return h("form", {class: "filters", onsubmit: (ev) => {
    ev.preventDefault();
    const el = ev.target.elements;
    const values = Object.fromEntries(KEYS.map((k) => [k, el[k].type === "checkbox" ? (el[k].checked ? "true" : "") : el[k].value]));
    window.location.hash = "#/claims" + query(values);
  }},
  h("label", {class: "check"}, h("input", {type: "checkbox", name: "contested", checked: f.contested === "true"}), " contested only"),
  h("label", {class: "check"}, h("input", {type: "checkbox", name: "single_source", checked: f.single_source === "true"}), " single source only"),
  h("label", {}, "Predicate ", h("select", {name: "predicate"}, option("", "any", f.predicate),
    h("optgroup", {label: "relations"}, RELATIONS.map((p) => option(p, predicateText(p), f.predicate))),
    h("optgroup", {label: "events"}, EVENTS.map((p) => option(p, p, f.predicate))))),
  h("label", {}, "Modality ", h("select", {name: "modality"}, option("", "any", f.modality),
    Object.keys(MODALITIES).map((m) => option(m, m, f.modality)))),
  h("label", {}, "Min. independent sources ", h("input", {type: "number", name: "min_independent", min: 0, value: f.min_independent || "0"})),
  h("label", {}, "Grade at least ", h("select", {name: "max_credibility"}, option("", "any", f.max_credibility),
    [1, 2, 3, 4, 5].map((g) => option(String(g), `${g}: ${CREDIBILITY[g][0]}`, f.max_credibility)))),
  h("button", {type: "submit"}, "Apply"));
}

function table(rows) {
  return h("table", {class: "claims-table"},
    h("thead", {}, h("tr", {}, ["Claim", "Modality", "Grade", "Support", "Evidence"].map((t) => h("th", {}, t)))),
    h("tbody", {}, rows.map((r) => h("tr", {},
      h("td", {}, claimLine(r)),
      h("td", {}, modalityBadge(r.modality), " ", contestedBadge(r)),
      h("td", {}, gradeBadge(r)),
      h("td", {class: "num"}, sourceCounts(r)),
      h("td", {}, h("a", {href: "#/claim/" + encodeURIComponent(r.claim), title: ((r.evidence || [])[0] || {}).excerpt},
        sentencesText(r)))))));
}
