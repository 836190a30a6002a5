// The review page: the audit log, undo, and merging or splitting actors.

import {api, items} from "./api.js";
import {debounce, h, replace} from "./dom.js";
import {actorLink, errorBox, loading, typeChip} from "./format.js";

export async function reviewView(main, params) {
  document.title = "Review \u2014 claimgraph";
  const log = h("div", {class: "audit"}, loading("Loading the audit log"));
  const status = h("div", {class: "review-status", role: "status"});
  const reload = () => loadAudit(log);

  async function act(path, json, done) {
    try {
      const answer = await api(path, null, {method: "POST", json});
      replace(status, h("p", {class: "ok"}, done(answer)));
    } catch (err) {
      replace(status, errorBox(err));
    }
    reload();
  }

  const preset = params.get("actor");
  const a = actorPicker("merge-a", "Actor A", preset);
  const b = actorPicker("merge-b", "Actor B");
  const split = actorPicker("split-e", "Actor", preset);
  replace(main,
    h("h1", {}, "Review"),
    h("p", {class: "lead"}, "Analysts\u2019 decisions \u2014 claims confirmed or rejected, actors merged or split, "
      + "automatic resolutions \u2014 are recorded here. Nothing is deleted: undo reverses the last action, of any kind."),
    h("section", {class: "undo-box"},
      h("button", {type: "button", id: "undo-last", class: "undo", onclick: () => act("/undo", {}, (r) => "Undone: " + describe(r))},
        "Undo the last action"),
      status),
    h("div", {class: "grid2"},
      h("form", {class: "merge-form", onsubmit: (ev) => {
        ev.preventDefault();
        if (!a.value() || !b.value()) return replace(status, errorBox("Pick both actors from the lists first."));
        act("/merge", {a: a.value(), b: b.value(), reason: ev.target.elements.reason.value || undefined},
          () => "Merged: the two are one actor in every view.");
      }},
      h("h2", {}, "Merge two actors"),
      h("p", {class: "muted"}, "Two names of one actor (\u201cQasem Soleimani\u201d and \u201cGhassem Soleimani\u201d): merge them."),
      a.el, b.el,
      h("label", {}, "Reason ", h("input", {type: "text", name: "reason"})),
      h("button", {type: "submit"}, "Merge")),
      h("form", {class: "split-form", onsubmit: (ev) => {
        ev.preventDefault();
        if (!split.value()) return replace(status, errorBox("Pick the actor from the list first."));
        act("/split", {entity: split.value(), reason: ev.target.elements.reason.value || undefined},
          () => "Split: the actor is kept apart from the rest of its cluster.");
      }},
      h("h2", {}, "Split an actor"),
      h("p", {class: "muted"}, "A merge that joined two different actors: take this one out of its cluster, for good. "
        + "A merged actor is found under any of its names; type an id (ent-\u2026, as in the audit log) to take out one member."),
      split.el,
      h("label", {}, "Reason ", h("input", {type: "text", name: "reason"})),
      h("button", {type: "submit"}, "Split"))),
    h("section", {}, h("h2", {}, "Audit log"), log));
  reload();
}

/** A text field that finds actors as one types; `value()` is the id of the one picked. */
function actorPicker(id, label, presetId) {
  let picked = null;
  const chosen = h("div", {class: "picked muted"}, "none picked");
  const results = h("ul", {class: "picker-results"});
  const pick = (actor) => {
    picked = actor.id;
    replace(chosen, "picked: ", actorLink(actor), " ", typeChip(actor.type), h("span", {class: "muted"}, " " + actor.id));
    replace(results);
  };
  const find = debounce(async (q) => {
    if (q.trim().length < 2) return replace(results);
    try {
      const rows = items(await api("/actors", {q, limit: 8}));
      if (/^ent-\S+$/.test(q.trim()) && !rows.some((r) => r.id === q.trim())) {
        rows.push({id: q.trim(), name: q.trim()});  // a member of a merged actor, by its id
      }
      replace(results, rows.length ? rows.map((r) => h("li", {},
        h("button", {type: "button", class: "link-button", onclick: () => pick(r)}, r.name),
        " ", typeChip(r.type), r.country ? " " + r.country : null, h("span", {class: "muted"}, " " + r.id)))
        : h("li", {class: "muted"}, "no actor under that name"));
    } catch (err) {
      replace(results, h("li", {}, errorBox(err)));
    }
  });
  if (presetId) {
    api(`/actors/${encodeURIComponent(presetId)}`).then(pick).catch(() => {});
  }
  return {
    el: h("div", {class: "picker"},
      h("label", {for: id}, label + " "),
      h("input", {id, type: "search", autocomplete: "off", placeholder: "any name or spelling",
        oninput: (ev) => find(ev.target.value)}),
      results, chosen),
    value: () => picked,
  };
}

/** What an undo answer undid, in words. */
function describe(entry) {
  const p = (entry && entry.payload) || {};
  if (entry && entry.action === "undo" && p.action) return `the ${p.action} (action #${p.undoes}).`;
  return [entry && entry.action, payloadText(p)].filter(Boolean).join(" ");
}

function payloadText(payload) {
  if (!payload || typeof payload !== "object") return payload == null ? "" : String(payload);
  return Object.entries(payload).map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : v}`).join(", ");
}

async function loadAudit(el) {
  try {
    const rows = items(await api("/audit", {limit: 200}));
    if (!rows.length) return replace(el, h("p", {class: "muted"}, "No decision yet."));
    replace(el, h("table", {class: "audit-table"},
      h("thead", {}, h("tr", {}, ["#", "When", "Who", "Action", "Details"].map((t) => h("th", {}, t)))),
      h("tbody", {}, rows.map((r) => h("tr", {class: "action-" + (r.action || "")},
        h("td", {class: "num"}, r.id ?? ""), h("td", {}, r.at ? String(r.at).replace("T", " ").slice(0, 19) : ""),
        h("td", {}, r.actor || r.analyst || ""), h("td", {}, r.action || ""),
        h("td", {class: "payload"}, payloadText(r.payload)))))));
  } catch (err) {
    replace(el, errorBox(err));
  }
}
