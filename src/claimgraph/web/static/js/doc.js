// The document view: its text with every actor mention and every claim's sentence marked.

import {api, items} from "./api.js";
import {covering, h, replace, safeHref, segments} from "./dom.js";
import {claimLine, errorBox, gradeBadge, loading, modalityBadge, reviewBadge, typeStyle} from "./format.js";
import {statusBadge} from "./status.js";

export async function docView(main, id) {
  replace(main, loading("Loading the document"));
  let doc;
  try {
    doc = await api(`/documents/${encodeURIComponent(id)}`);
  } catch (err) {
    replace(main, h("h1", {}, "Document"), errorBox(err));
    return;
  }
  document.title = `${doc.title || doc.id} \u2014 claimgraph`;
  const sentences = claimSentences(doc.claims || [], Array.from(doc.text || ""));
  const list = claimList(sentences);
  replace(main,
    h("p", {class: "kicker"}, "Document"),
    h("h1", {class: "doc-title"}, doc.title || "(untitled)"),
    h("p", {class: "meta"},
      doc.source ? h("span", {class: "outlet"}, doc.source) : h("span", {class: "muted"}, "no outlet"),
      doc.published ? [" \u00b7 ", h("time", {}, String(doc.published).slice(0, 10))] : null,
      doc.genre ? [" \u00b7 ", h("span", {class: "chip"}, doc.genre)] : null,
      doc.url ? [" \u00b7 ", h("a", {href: safeHref(doc.url), rel: "noopener noreferrer nofollow", target: "_blank", class: "doc-url"}, doc.url)] : null,
      h("span", {class: "muted"}, " \u00b7 " + doc.id)),
    h("p", {class: "muted legend-inline"},
      `${(doc.mentions || []).length} actor mentions (underlined, coloured by type) and ${sentences.length} sentence(s) holding claims `,
      h("span", {class: "claim-span"}, "(shaded, numbered)"), ". Click a number for its claims."),
    h("div", {class: "doc-layout"},
      h("article", {class: "doc-text"}, markedText(doc.text || "", doc.mentions || [], sentences)),
      h("aside", {class: "doc-claims"}, h("h2", {}, "Claims in this document"), list)));
}

/** The sentences that hold claims, in text order, each with its number and claims
 *  (`chars`: the text's code points, to leave trailing white space out of a sentence). */
function claimSentences(claims, chars) {
  const bySpan = new Map();
  for (const row of claims) {
    for (const ev of row.evidence || []) {
      let end = ev.end;
      while (end > ev.start && /\s/.test(chars[end - 1] || "")) end--;
      const key = `${ev.start}:${end}`;
      if (!bySpan.has(key)) bySpan.set(key, {start: ev.start, end, claims: []});
      const s = bySpan.get(key);
      if (!s.claims.includes(row)) s.claims.push(row);
    }
  }
  return [...bySpan.values()].sort((a, b) => a.start - b.start || a.end - b.end).map((s, i) => ({...s, n: i + 1}));
}

function markedText(text, mentions, sentences) {
  const cuts = [...mentions, ...sentences].flatMap((s) => [s.start, s.end]);
  const out = [];
  for (const piece of segments(text, cuts)) {
    const mention = covering(mentions, piece.start, piece.end)[0];
    const inside = covering(sentences, piece.start, piece.end);
    let node = document.createTextNode(piece.text);
    if (mention) {
      const type = typeStyle(mention.type);
      node = h("a", {href: "#/actor/" + encodeURIComponent(mention.entity), class: ["mention", "mention-" + (mention.type || "other")],
        title: `${mention.name || mention.entity} (${type.label})`}, node);
    }
    if (inside.length) {
      const s = inside[inside.length - 1];
      node = h("span", {class: "claim-span", dataset: {sentence: String(s.n)}}, node);
    }
    out.push(node);
    for (const s of sentences.filter((x) => x.end === piece.end)) {
      // a <sup>, not a <button>: an inline box does not wrap away from the sentence it ends
      out.push(h("sup", {class: "marker", role: "button", tabindex: "0", title: `${s.claims.length} claim(s)`,
        dataset: {sentence: String(s.n)}, onclick: () => focusItem(s.n),
        onkeydown: (ev) => (ev.key === "Enter" || ev.key === " ") && (ev.preventDefault(), focusItem(s.n))}, String(s.n)));
    }
  }
  return out;
}

function focusItem(n) {
  const item = document.getElementById("doc-claim-" + n);
  if (!item) return;
  document.querySelectorAll(".doc-claims li.focus").forEach((el) => el.classList.remove("focus"));
  item.classList.add("focus");
  item.scrollIntoView({block: "nearest", behavior: "smooth"});
}

function focusSentence(n) {
  const spans = document.querySelectorAll(`.doc-text .claim-span[data-sentence="${Number(n)}"]`);
  document.querySelectorAll(".doc-text .claim-span.focus").forEach((el) => el.classList.remove("focus"));
  spans.forEach((el) => el.classList.add("focus"));
  if (spans[0]) spans[0].scrollIntoView({block: "center", behavior: "smooth"});
}

function claimList(sentences) {
  if (!sentences.length) return h("p", {class: "muted"}, "No claim was read from this document.");
  return h("ol", {class: "doc-claim-list"}, sentences.map((s) => h("li", {id: "doc-claim-" + s.n, value: s.n},
    h("button", {type: "button", class: "link-button", onclick: () => focusSentence(s.n)}, "show in text"),
    h("ul", {}, s.claims.map((row) => h("li", {class: "doc-claim"},
      claimLine(row), " ", row.kind === "event" ? [statusBadge(row, {quiet: true}), " "] : null,
      modalityBadge(row.modality), " ", gradeBadge(row), " ", reviewBadge(row), " ",
      h("a", {href: "#/claim/" + encodeURIComponent(row.claim), class: "open-claim"}, "evidence")))))));
}

/** The documents page: every document, and a form to add one. */
export async function docsView(main, params) {
  const offset = Number(params.get("offset") || 0);
  const limit = 50;
  replace(main, loading("Loading the documents"));
  let data;
  try {
    data = await api("/documents", {limit, offset});
  } catch (err) {
    replace(main, h("h1", {}, "Documents"), errorBox(err));
    return;
  }
  document.title = "Documents \u2014 claimgraph";
  const rows = items(data);
  const total = data.total ?? rows.length;
  replace(main,
    h("h1", {}, "Documents"),
    h("p", {class: "muted"}, `${total} document(s) in the store.`),
    h("table", {class: "docs-table"},
      h("thead", {}, h("tr", {}, ["Title", "Outlet", "Published", "Genre", "Claims"].map((t) => h("th", {}, t)))),
      h("tbody", {}, rows.map((d) => h("tr", {},
        h("td", {}, h("a", {href: "#/doc/" + encodeURIComponent(d.id)}, d.title || d.id)),
        h("td", {}, d.source || ""), h("td", {}, d.published ? String(d.published).slice(0, 10) : ""),
        h("td", {}, d.genre || ""), h("td", {class: "num"}, d.claims ?? ""))))),
    pager(offset, limit, total, "#/docs"),
    uploadForm());
}

export function pager(offset, limit, total, base, extra = "") {
  if (total <= limit) return null;
  return h("p", {class: "pager"},
    offset > 0 ? h("a", {href: `${base}?offset=${Math.max(0, offset - limit)}${extra}`}, "\u2190 previous") : null,
    ` ${offset + 1}\u2013${Math.min(offset + limit, total)} of ${total} `,
    offset + limit < total ? h("a", {href: `${base}?offset=${offset + limit}${extra}`}, "next \u2192") : null);
}

function uploadForm() {
  const status = h("div", {role: "status"});
  const form = h("form", {class: "upload", onsubmit: async (ev) => {
    ev.preventDefault();
    const f = ev.target;
    const file = f.elements.file.files[0];
    replace(status, loading("Reading the document (this takes a few seconds)"));
    try {
      let answer;
      if (file) {
        const body = new FormData();
        body.append("file", file);
        for (const k of ["title", "source", "published", "url"]) if (f.elements[k].value) body.append(k, f.elements[k].value);
        answer = await api("/documents", null, {method: "POST", form: body});
      } else {
        const json = {text: f.elements.text.value};
        for (const k of ["title", "source", "published", "url"]) if (f.elements[k].value) json[k] = f.elements[k].value;
        answer = await api("/documents", null, {method: "POST", json});
      }
      window.location.hash = "#/doc/" + encodeURIComponent(answer.id);
    } catch (err) {
      replace(status, errorBox(err));
    }
  }},
  h("h2", {}, "Add a document"),
  h("p", {class: "muted"}, "Paste a text or pick a file (text, HTML, Markdown, PDF); it is read and its claims stored at once."),
  h("div", {class: "grid2"},
    h("label", {}, "Title ", h("input", {type: "text", name: "title"})),
    h("label", {}, "Outlet ", h("input", {type: "text", name: "source", placeholder: "e.g. Reuters"})),
    h("label", {}, "Published ", h("input", {type: "text", name: "published", placeholder: "YYYY-MM-DD"})),
    h("label", {}, "URL ", h("input", {type: "url", name: "url"}))),
  h("label", {}, "Text ", h("textarea", {name: "text", rows: 8})),
  h("label", {}, "or a file ", h("input", {type: "file", name: "file"})),
  h("button", {type: "submit"}, "Add"),
  status);
  return form;
}
