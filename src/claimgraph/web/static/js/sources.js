// The sources page: every outlet of the store with its reliability (A–F), where the grade comes
// from (an analyst's, the sources YAML's, or F by default), and a form to grade an outlet.

import {analystName} from "./analyst.js";
import {api, items} from "./api.js";
import {h, replace} from "./dom.js";
import {RELIABILITY, claimLine, errorBox, gradeBadge, loading, modalityBadge} from "./format.js";

const GRADES = ["A", "B", "C", "D", "E", "F"];
const ANALYST_KEY = "claimgraph.analyst";  // as js/analyst.js keeps it: one name on every page
const ORIGINS = {
  analyst: "set by an analyst in this store",
  yaml: "from the sources data (YAML)",
  default: "nobody graded it: F",
};

export async function sourcesView(main) {
  document.title = "Sources \u2014 claimgraph";
  const table = h("div", {class: "sources-list"}, loading("Loading the sources"));
  const status = h("div", {class: "sources-status", role: "status"});
  replace(main,
    h("h1", {}, "Sources"),
    h("p", {class: "lead"}, "Each outlet of the store once, whatever its spellings, with its reliability: ",
      GRADES.map((g, i) => [i ? ", " : "", h("strong", {}, g), " " + RELIABILITY[g]]), ". ",
      "A grade set here is kept in the store over the sources data, written to the audit log, "
      + "and regrades at once the claims the outlet stands behind. Undo on the Review page takes it back."),
    status, table);
  await loadTable(table, status);
}

async function loadTable(el, status, open = null) {
  let rows;
  try {
    rows = items(await api("/sources", {limit: 500}));
  } catch (err) {
    replace(el, errorBox(err));
    return;
  }
  if (!rows.length) return replace(el, h("p", {class: "muted"}, "No document in the store yet."));
  const body = h("tbody", {});
  for (const row of rows) {
    const tr = outletRow(row, () => toggle(tr, row, el, status));
    body.append(tr);
    if (open && row.key === open) toggle(tr, row, el, status);
  }
  replace(el, h("table", {class: "sources-table"},
    h("thead", {}, h("tr", {}, ["Outlet", "Grade", "Origin", "Reason", "Documents", "Reprints", "Claims", ""]
      .map((t) => h("th", {}, t)))),
    body));
}

function outletRow(row, onEdit) {
  const others = (row.spellings || []).filter((s) => s !== row.source);
  return h("tr", {class: "outlet-row", dataset: {key: row.key}},
    h("td", {class: "outlet-name"}, row.source,
      others.length ? h("div", {class: "muted spellings"}, "also spelt: " + others.join(", ")) : null),
    h("td", {}, h("span", {class: ["badge", "reliability", "reliability-" + row.reliability],
      title: RELIABILITY[row.reliability] || ""}, row.reliability), " ",
      h("span", {class: "muted"}, RELIABILITY[row.reliability] || "")),
    h("td", {class: "origin origin-" + row.origin, title: ORIGINS[row.origin] || ""}, row.origin,
      row.origin === "analyst" ? h("div", {class: "muted"}, `by ${row.analyst || "?"}; without it ${row.default}`) : null),
    h("td", {class: "reason"}, row.reason || ""),
    h("td", {class: "num"}, row.documents), h("td", {class: "num"}, row.reprints), h("td", {class: "num"}, row.claims),
    h("td", {}, row.key === "(no source)" ? null
      : h("button", {type: "button", class: "edit-grade", onclick: onEdit}, "Grade\u2026")));
}

/** Open (or close) the edit form under an outlet's row. */
function toggle(tr, row, tableEl, status) {
  const next = tr.nextElementSibling;
  if (next && next.classList.contains("grade-edit")) return next.remove();
  const form = gradeForm(row, async (answer) => {
    const p = answer.audit.payload;
    replace(status, h("p", {class: "ok"}, `${p.outlet} is now ${p.new} (was ${p.old}, ${p.old_origin}); `
      + "the claims it stands behind are regraded."));
    await loadTable(tableEl, status, row.key);
  }, status);
  tr.after(h("tr", {class: "grade-edit"}, h("td", {colspan: 8}, form)));
}

function gradeForm(row, done, status) {
  const claims = h("div", {class: "outlet-claims"});
  const form = h("form", {class: "grade-form", onsubmit: async (ev) => {
    ev.preventDefault();
    const f = ev.target.elements;
    const analyst = f.analyst.value.trim() || "analyst";
    try {
      localStorage.setItem(ANALYST_KEY, analyst);
    } catch { /* storage off: the name is sent from the field only */ }
    try {
      const answer = await api(`/sources/${encodeURIComponent(row.key)}/reliability`, null, {method: "PUT",
        json: {reliability: f.reliability.value, reason: f.reason.value.trim() || undefined, analyst}});
      await done(answer);
    } catch (err) {
      replace(status, errorBox(err));
    }
  }},
  h("label", {}, "Grade ", h("select", {name: "reliability"},
    GRADES.map((g) => h("option", {value: g, selected: g === row.reliability}, `${g} \u2014 ${RELIABILITY[g]}`)))),
  " ",
  h("label", {}, "Reason ", h("input", {type: "text", name: "reason", size: 40, maxlength: 2000, required: true,
    placeholder: "why this grade (for the audit log)"})),
  " ",
  h("label", {}, "Analyst ", h("input", {type: "text", name: "analyst", size: 14, maxlength: 255,
    value: analystName()})),
  " ",
  h("button", {type: "submit"}, "Save the grade"));
  showClaims(claims, row);
  return h("div", {}, form, claims);
}

/** The claims of the outlet's latest document, with their grades as they read now. */
async function showClaims(el, row) {
  try {
    const docs = items(await api("/documents", {source: row.source, limit: 5}));
    if (!docs.length) return replace(el);
    const doc = await api(`/documents/${encodeURIComponent(docs[0].id)}`);
    const rows = (doc.claims || []).slice(0, 6);
    replace(el, h("p", {class: "muted"}, "Claims of its latest document, ",
      h("a", {href: "#/doc/" + encodeURIComponent(doc.id)}, doc.title || doc.id), ", as they are graded now:"),
    h("ul", {class: "outlet-claim-list"}, rows.map((c) => h("li", {dataset: {claim: c.claim}},
      claimLine(c), " ", modalityBadge(c.modality), " ", gradeBadge(c), " ",
      h("a", {href: "#/claim/" + encodeURIComponent(c.claim)}, "evidence")))));
  } catch (err) {
    replace(el, errorBox(err));
  }
}
