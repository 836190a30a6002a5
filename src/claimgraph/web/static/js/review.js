// The review page: the queue of what needs a person (merge candidates, contested claims, single-source
// claims of low credibility, claims of the surface fallback rule, rejected claims), undo and redo with
// what they would take back shown first, merging or splitting actors, and the audit log.

import {analystField, analystName, withAnalyst} from "./analyst.js";
import {api, items} from "./api.js";
import {correctForm} from "./correct.js";
import {debounce, h, replace} from "./dom.js";
import {evidenceList} from "./evidence.js";
import {actorLink, claimLine, errorBox, gradeBadge, loading, modalityBadge, typeChip} from "./format.js";

const QUEUES = [
  ["candidates", "Merge candidates", "Pairs the resolver scored below its merge threshold: one actor or two?"],
  ["contested", "Contested", "Claims another reading in the store contradicts."],
  ["single_source", "Single source", "Claims one independent source stands behind, graded doubtful or worse."],
  ["surface", "Surface rule", "Claims read by the surface fallback rule, where the parse gave no reading."],
  ["rejected", "Rejected", "Claims an analyst rejected: left out of every view until restored."],
];
const PAGE = 20;

export async function reviewView(main, params) {
  document.title = "Review \u2014 claimgraph";
  const log = h("div", {class: "audit"}, loading("Loading the audit log"));
  const status = h("div", {class: "review-status", role: "status"});
  const undoBox = h("div", {class: "undo-preview", id: "undo-preview"});
  const redoBox = h("div", {class: "redo-preview", id: "redo-preview"});
  const tabs = h("div", {class: "queue-tabs", role: "tablist"});
  const list = h("div", {class: "queue"});
  const state = {kind: QUEUES.some(([k]) => k === params.get("queue")) ? params.get("queue") : "candidates", offset: 0};

  const shown = {undo: undefined, redo: undefined};  // the audit ids the undo and redo previews show
  const reload = () => Promise.all([loadAudit(log), loadPreview(), loadQueue()]);

  /** POST an action; say what it did, or why not; then show everything afresh. `anyway(err)` may
   * name a button ({label, class}) that sends the same action again with force: true. */
  async function act(path, json, done, anyway) {
    try {
      const answer = await api(path, null, {method: "POST", json: withAnalyst(json)});
      replace(status, h("p", {class: "ok"}, done(answer)));
    } catch (err) {
      const again = anyway ? anyway(err) : null;
      replace(status, errorBox(err), again ? h("button", {type: "button", class: ["force", again.class],
        onclick: () => act(path, {...json, force: true}, done)}, again.label) : null);
    }
    await reload();
  }

  async function loadPreview() {
    try {
      const p = await api("/undo/preview", {analyst: analystName() || undefined});
      replace(undoBox, p.undo ? previewText("Undo would take back", p.undo, p.analyst) : h("span", {class: "muted"}, "Nothing to undo."));
      shown.undo = p.undo ? p.undo.id : undefined;
      shown.redo = p.redo ? p.redo.id : undefined;
      undoForce.hidden = !(p.undo && p.undo.needs_force);
      undoButton.disabled = !p.undo || p.undo.needs_force;
      replace(redoBox, p.redo ? previewText("Redo would bring back what", p.redo, p.analyst) : h("span", {class: "muted"}, "Nothing to redo."));
      redoForce.hidden = !(p.redo && p.redo.needs_force);
      redoButton.disabled = !p.redo || p.redo.needs_force;
    } catch (err) {
      replace(undoBox, errorBox(err));
    }
  }

  async function loadQueue() {
    try {
      const answer = state.kind === "rejected"
        ? await api("/review/rejected", {limit: PAGE, offset: state.offset})
        : await api("/review/queue", {kind: state.kind, limit: PAGE, offset: state.offset});
      const counts = answer.counts || (await api("/review/queue", {kind: "surface", limit: 1})).counts;
      drawTabs(counts);
      drawItems(answer);
    } catch (err) {
      replace(list, errorBox(err));
    }
  }

  function drawTabs(counts) {
    replace(tabs, QUEUES.map(([kind, label]) => h("button", {type: "button", role: "tab", dataset: {kind},
      class: ["queue-tab", kind === state.kind ? "current" : null], "aria-selected": kind === state.kind ? "true" : "false",
      onclick: () => { state.kind = kind; state.offset = 0; loadQueue(); }},
    label, " ", h("span", {class: "count"}, String(counts[kind] ?? 0)))));
  }

  function drawItems(answer) {
    const [, , hint] = QUEUES.find(([k]) => k === state.kind);
    const rows = answer.items || [];
    const pager = h("p", {class: "pager"},
      state.offset > 0 ? h("button", {type: "button", class: "link-button", onclick: () => { state.offset = Math.max(0, state.offset - PAGE); loadQueue(); }}, "\u2190 previous") : null,
      ` ${rows.length ? state.offset + 1 : 0}\u2013${state.offset + rows.length} of ${answer.total} `,
      state.offset + rows.length < answer.total ? h("button", {type: "button", class: "link-button", onclick: () => { state.offset += PAGE; loadQueue(); }}, "next \u2192") : null);
    const draw = state.kind === "candidates" ? pairItem : state.kind === "rejected" ? rejectedItem : claimItem;
    replace(list, h("p", {class: "muted"}, hint), rows.length ? h("ol", {class: "queue-items", start: state.offset + 1}, rows.map(draw))
      : h("p", {class: "muted empty"}, "Nothing here: the queue is empty."), pager);
  }

  const reasonInput = () => h("input", {type: "text", name: "reason", class: "reason", placeholder: "reason (goes in the audit log)"});

  function claimItem(row) {
    const reason = reasonInput();
    const words = () => reason.value || undefined;
    return h("li", {class: "queue-item claim-item", dataset: {claim: row.claim}},
      h("p", {class: "claim-head"}, claimLine(row), " ", modalityBadge(row.modality), " ", gradeBadge(row), " ",
        h("a", {href: "#/claim/" + encodeURIComponent(row.claim), class: "muted"}, "evidence \u2192")),
      h("p", {class: "why"}, row.why || ""),
      evidenceList(row.evidence, 2),
      h("div", {class: "item-actions"}, reason, " ",
        h("button", {type: "button", class: "confirm", onclick: () => act(`/claims/${encodeURIComponent(row.claim)}/review`,
          {verdict: "confirm", reason: words()}, () => "Confirmed: the claim leaves the queue.")}, "Confirm"), " ",
        h("button", {type: "button", class: "reject", onclick: () => act(`/claims/${encodeURIComponent(row.claim)}/review`,
          {verdict: "reject", reason: words()}, () => "Rejected: the claim is left out of every view (see Rejected).")}, "Reject"),
        h("details", {class: "correct-box"}, h("summary", {}, "Correct\u2026"),
          correctForm(row, (answer) => {
            replace(status, h("p", {class: "ok"}, "Corrected: ", answer.description || "the reading", "."));
            reload();
          }))));
  }

  function pairItem(p) {
    const reason = reasonInput();
    const score = p.score == null ? "unsure" : `score ${Number(p.score).toFixed(2)}`;
    return h("li", {class: "queue-item pair-item", dataset: {left: p.left_id, right: p.right_id}},
      h("div", {class: "pair"}, entityCard(p.left), h("div", {class: "pair-vs muted"}, "or"), entityCard(p.right)),
      h("p", {class: "why"}, h("strong", {}, score), ` (${p.rule || "?"}): `, p.why || ""),
      h("div", {class: "item-actions"}, reason, " ",
        h("button", {type: "button", class: "merge", onclick: () => act("/merge",
          {a: p.left_id, b: p.right_id, reason: reason.value || undefined},
          () => `Merged: ${p.left.name} and ${p.right.name} are one actor.`, mergeAnyway)}, "Merge"), " ",
        h("button", {type: "button", class: "distinct", onclick: () => act("/distinct",
          {a: p.left_id, b: p.right_id, reason: reason.value || undefined},
          () => `Not the same: ${p.left.name} and ${p.right.name} stay two actors.`)}, "Not the same")));
  }

  function rejectedItem(r) {
    const reason = reasonInput();
    const line = {kind: r.kind, subject: r.subject, predicate: r.predicate, object: r.object};
    return h("li", {class: "queue-item rejected-item", dataset: {claim: r.claim}},
      h("p", {class: "claim-head"}, claimLine(line), " ", modalityBadge(r.modality)),
      h("p", {class: "why"}, `Rejected by ${r.analyst} on ${String(r.at).slice(0, 16).replace("T", " ")}`,
        r.reason ? `: \u201c${r.reason}\u201d` : ""),
      r.evidence ? evidenceList([{...r.evidence, start: 0, end: (r.evidence.excerpt || "").length}], 1) : null,
      h("div", {class: "item-actions"}, reason, " ",
        h("button", {type: "button", class: "restore", onclick: () => act(`/claims/${encodeURIComponent(r.claim)}/restore`,
          {reason: reason.value || undefined}, () => "Restored: the claim is back in every view.")}, "Restore")));
  }

  // Undo and redo send the id their preview showed (`expect`): an action that landed in between is
  // refused, not taken back in its place. Another analyst's action needs the "anyway" button.
  const undoButton = h("button", {type: "button", id: "undo-last", class: "undo",
    onclick: () => act("/undo", {expect: shown.undo}, (r) => "Undone: " + describe(r))}, "Undo the last action");
  const undoForce = h("button", {type: "button", id: "undo-force", class: "undo force", hidden: true,
    onclick: () => act("/undo", {force: true, expect: shown.undo}, (r) => "Undone: " + describe(r))}, "Undo it anyway");
  const redoButton = h("button", {type: "button", id: "redo-last", class: "redo",
    onclick: () => act("/redo", {expect: shown.redo}, (r) => "Redone: " + describe(r))}, "Redo");
  const redoForce = h("button", {type: "button", id: "redo-force", class: "redo force", hidden: true,
    onclick: () => act("/redo", {force: true, expect: shown.redo}, (r) => "Redone: " + describe(r))}, "Redo it anyway");

  const preset = params.get("actor");
  const a = actorPicker("merge-a", "Actor A", preset);
  const b = actorPicker("merge-b", "Actor B");
  const split = actorPicker("split-e", "Actor", preset);
  replace(main,
    h("h1", {}, "Review"),
    h("p", {class: "lead"}, "What needs a person, and analysts\u2019 decisions \u2014 claims confirmed, corrected or rejected, "
      + "actors merged or split, automatic resolutions \u2014 recorded in the audit log. Nothing is deleted: undo reverses the last action."),
    h("p", {class: "analyst-line"}, analystField(() => reload()),
      h("span", {class: "muted"}, " \u2014 who decides, in the audit log (a token that names its analyst wins).")),
    h("section", {class: "undo-box"},
      h("div", {class: "undo-row"}, undoButton, " ", undoForce, " ", undoBox),
      h("div", {class: "redo-row"}, redoButton, " ", redoForce, " ", redoBox),
      status),
    h("section", {class: "queue-box"}, h("h2", {}, "Review queue"), tabs, list),
    h("div", {class: "grid2"},
      h("form", {class: "merge-form", onsubmit: (ev) => {
        ev.preventDefault();
        if (!a.value() || !b.value()) return replace(status, errorBox("Pick both actors from the lists first."));
        act("/merge", {a: a.value(), b: b.value(), reason: ev.target.elements.reason.value || undefined},
          () => "Merged: the two are one actor in every view.", mergeAnyway);
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
  await reload();
}

/** A merge the API refused but would make with force (different countries, types that never mix). */
function mergeAnyway(err) {
  return err && err.status === 409 && /force: true/.test(err.message) ? {label: "Merge anyway", class: "merge-force"} : null;
}

/** "Undo would take back #12, a merge by maria on …: merged …", and a warning when it is not yours. */
function previewText(lead, p, analyst) {
  return h("span", {class: ["preview", p.own ? "own" : "not-own"]},
    `${lead} #${p.id} (${p.action} by ${p.actor}, ${String(p.at).slice(0, 16).replace("T", " ")}): `,
    h("span", {class: "description"}, p.description),
    p.automatic ? h("span", {class: "muted"}, " \u2014 an automatic pass, nobody\u2019s own.")
      : p.needs_force ? h("strong", {class: "warning"}, ` \u2014 not yours (${analyst}): ${p.actor}\u2019s action.`) : null);
}

/** A candidate pair's entity: name, type, country, documents, and where it is mentioned. */
function entityCard(e) {
  return h("div", {class: "entity-card"},
    h("p", {}, actorLink({id: e.actor || e.id, name: e.name}), " ", typeChip(e.type), e.country ? " " + e.country : null,
      h("span", {class: "muted"}, ` ${e.id} \u00b7 ${e.documents} document(s)`)),
    h("ul", {class: "mentions"}, (e.mentions || []).map((m) => {
      const chars = Array.from(m.excerpt || "");
      return h("li", {},
        h("blockquote", {}, m.cut_before ? "\u2026" : null, chars.slice(0, m.start).join(""),
          h("mark", {class: "hl-actor"}, chars.slice(m.start, m.end).join("")), chars.slice(m.end).join(""), "\u2026"),
        h("div", {class: "evidence-source"}, h("a", {href: "#/doc/" + encodeURIComponent(m.doc)}, m.title || m.doc),
          m.source ? " \u00b7 " + m.source : null, m.published ? " \u00b7 " + String(m.published).slice(0, 10) : null));
    })));
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

/** What an undo or redo answer did, in words. */
function describe(entry) {
  const p = (entry && entry.payload) || {};
  if (entry && (entry.action === "undo" || entry.action === "redo") && p.action) {
    return `the ${p.action} (action #${p.undoes})` + (entry.description ? ` \u2014 ${entry.description}` : ".");
  }
  return entry && entry.description ? entry.description : [entry && entry.action, payloadText(p)].filter(Boolean).join(" ");
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
        h("td", {class: "who"}, r.actor || r.analyst || ""), h("td", {}, r.action || ""),
        h("td", {class: r.description ? "details" : "payload"}, r.description || payloadText(r.payload)))))));
  } catch (err) {
    replace(el, errorBox(err));
  }
}
