// An export menu: a format select and a download link for what a page shows, built from the
// page's filters as they are when the link is followed (same-origin /api URLs only; with a
// token kept, the file is fetched with it, see api.js `download`).

import {api, download, query} from "./api.js";
import {h, replace} from "./dom.js";

/** The formats of the events table (`GET /api/export/events`). */
export const EVENT_FORMATS = [
  {format: "csv", title: "one CSV file, ACLED/POLECAT column names"},
  {format: "json", title: "a JSON array of rows, the same columns"},
  {format: "parquet", title: "one Parquet file, the same columns"},
];

const TITLES = {
  json: "claimgraph/1, the exchange format", ftm: "FollowTheMoney lines (Aleph, OpenSanctions)",
  stix: "a STIX 2.1 bundle (OpenCTI, MISP)", gexf: "GEXF with time (Gephi)", graphml: "GraphML (Gephi, yEd, networkx)",
  csv: "four CSV tables, zipped", parquet: "four Parquet tables, zipped", neo4j: "CSV files for neo4j-admin import, zipped",
};

let storeFormats;  // GET /api/exports, asked once per page load

/** The formats of the store and neighbourhood exports this server writes. */
export function storeExportFormats() {
  storeFormats = storeFormats || api("/exports").catch((err) => {
    storeFormats = undefined;
    throw err;
  });
  return storeFormats;
}

/** `exportMenu({path: "/export", params: () => filters, label: "Export these claims"})`: a select of
 *  `formats` (a list or a promise of one; default: `GET /api/exports`) and a download link for
 *  `/api` + path + the page's `params()` + `format`; `path` may be a function too, and `extra`
 *  controls of the page's own go beside the link. */
export function exportMenu({path, params = () => ({}), formats, label = "Export", name = "export", extra = null}) {
  const where = typeof path === "function" ? path : () => path;
  const select = h("select", {name: "format", "aria-label": `${label}: format`});
  const link = h("a", {class: "export-download", download: "", href: "/api" + where(), rel: "nofollow"}, "Download");
  const current = () => ({...params(), format: select.value});
  const update = () => link.setAttribute("href", "/api" + where() + query(current()));
  select.addEventListener("change", update);
  link.addEventListener("focus", update);
  link.addEventListener("mouseenter", update);
  link.addEventListener("click", (ev) => {
    update();  // the filters as they are now
    download(ev, where(), current());
  });
  const status = h("span", {class: "export-status muted"}, "loading\u2026");
  Promise.resolve(formats || storeExportFormats()).then((list) => {
    replace(select, list.map((f) => h("option", {value: f.format, title: f.title || TITLES[f.format] || f.media_type},
      f.format + (f.folder ? " (zip)" : ""))));
    update();
    status.remove();
  }).catch(() => replace(status, "not available"));
  const form = h("form", {class: "export-menu", dataset: {export: name}, onsubmit: (ev) => ev.preventDefault(),
    onchange: update}, h("label", {}, h("strong", {}, label), " ", select), " ", extra, " ", link, " ", status);
  return form;
}
