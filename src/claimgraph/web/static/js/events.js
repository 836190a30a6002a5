// The events page, #/events: every event of the store, filtered, sorted and paged by the API
// (GET /api/events: the database does the work, not the browser), a timeline of the same
// events (timeline.js), and a CSV of all of them (GET /api/events.csv, the same filters).
// The filters live in the hash query (#/events?type=ASSAULT&place=Baghdad&sort=date&order=desc):
// a view can be linked and reloaded.
//
// For a map panel (or any other view of the same events):
//   - <section id="events-map" class="events-map"> is on the page, empty, between the timeline
//     and the table: a container for a map;
//   - after every load the page dispatches a DOM event "events:shown" on `document`, with
//     `detail` = {filters, total, items, page, complete}: `items` every event of the filters in
//     date order (rows of /api/events: `location` {id, name}, `date`, `status`, `claim`, ...),
//     at most TIMELINE_MAX of them (`complete` false when there were more); `page` the rows of
//     the table's visible page; `filters` the API parameters (as for /api/events);
//   - `shownEvents()` answers the last such detail (null before the first load), for a map
//     that is drawn after the event was sent.

import {api, download, items, query} from "./api.js";
import {h, replace} from "./dom.js";
import {EVENT_FORMATS, exportMenu} from "./exports.js";
import {eventFilterForm, eventFilters} from "./event_filters.js";
import {sentencesText} from "./evidence.js";
import {actorLink, errorBox, gradeBadge, loading, modalityBadge} from "./format.js";
import {mapOfEvents} from "./map.js";
import {STATUSES, happened, statusBadge} from "./status.js";
import {timeline, whenText} from "./timeline.js";

export const TIMELINE_MAX = 2000;
const LIMIT = 50;
const PAGE = 500;  // the API's largest page
const COLUMNS = [
  ["date", "Date"], ["type", "Type"], ["status", "Status"], ["actor", "Actor"], ["target", "Target"],
  ["place", "Place"], ["modality", "Modality"], ["grade", "Grade"], ["sources", "Sources"], [null, "Evidence"],
];

let lastShown = null;

/** The last "events:shown" detail (see the top of this file), or null. */
export function shownEvents() {
  return lastShown;
}

export async function eventsView(main, params) {
  document.title = "Events \u2014 claimgraph";
  const filters = eventFilters(params);
  const sort = params.get("sort") || "date";
  const order = params.get("order") === "desc" ? "desc" : "asc";
  const offset = Math.max(0, Number(params.get("offset") || 0) || 0);
  const summary = h("p", {class: "events-summary", role: "status"}, loading("Loading the events"));
  const timelineBox = h("section", {id: "events-timeline", class: "events-timeline"}, h("h2", {}, "Timeline"));
  const mapBox = h("section", {id: "events-map", class: "events-map"});
  const tableBox = h("section", {id: "events-table", class: "events-table"});
  const csv = csvLink(filters, sort, order);
  // the table as ACLED/POLECAT columns (GET /api/export/events, the same filters and order)
  const tableExport = exportMenu({path: "/export/events", params: () => ({...filters, sort, order}),
    formats: EVENT_FORMATS, label: "Export the table", name: "events"});
  replace(main, h("h1", {}, "Events"), filterForm(filters, sort, order), h("div", {class: "events-bar"}, summary, csv),
    tableExport, timelineBox, mapBox, tableBox);

  const pageParams = {...filters, sort, order, limit: LIMIT, offset};
  let data;
  let all;
  try {
    [data, all] = await Promise.all([api("/events", pageParams), everyEvent(filters)]);
  } catch (err) {
    replace(summary, errorBox(err));
    return;
  }
  const rows = items(data);
  const total = data.total ?? rows.length;
  const shown = rows.length ? `showing ${offset + 1}\u2013${offset + rows.length}` : `none from ${offset + 1}: past the last page`;
  replace(summary, total
    ? `${total} event${total === 1 ? "" : "s"}${describe(filters)}; ${shown}.`
    : `No event${describe(filters)}.`);
  csv.hidden = !total;
  replace(timelineBox, h("h2", {}, "Timeline"),
    all.complete ? null : h("p", {class: "muted"}, `The first ${all.items.length} events by date of ${all.total}; narrow the filters to see the rest.`),
    all.items.length ? timeline(all.items, {tickHref: (from, to) => hashFor({...filters, date_from: from, date_to: to}, sort, order)})
      : h("p", {class: "muted"}, "Nothing to draw."));
  replace(tableBox, rows.length ? table(rows, filters, sort, order) : null, pager(filters, sort, order, offset, total));
  lastShown = {filters, total, items: all.items, page: rows, complete: all.complete};
  document.dispatchEvent(new CustomEvent("events:shown", {detail: lastShown}));
  // the same events on a map (js/map.js); its libraries load only now, for this panel
  mapOfEvents(mapBox, all.items).catch((err) => replace(mapBox, errorBox(err)));
}

/** Every event of the filters, in date order, a page of PAGE at a time, up to TIMELINE_MAX. */
async function everyEvent(filters) {
  const out = [];
  let total = 0;
  do {
    const data = await api("/events", {...filters, sort: "date", order: "asc", limit: PAGE, offset: out.length});
    total = data.total;
    out.push(...items(data));
    if (!items(data).length) break;
  } while (out.length < total && out.length < TIMELINE_MAX);
  return {items: out, total, complete: out.length >= total};
}

function describe(f) {
  const parts = [];
  if (f.type) parts.push(f.type);
  if (f.status) parts.push(f.status.map((s) => (STATUSES[s] || {label: s}).label).join(" or "));
  if (f.actor) parts.push(`with ${f.actor}`);
  if (f.place) parts.push(`in ${f.place}`);
  if (f.date_from || f.date_to) parts.push(`from ${f.date_from || "\u2026"} to ${f.date_to || "\u2026"}`);
  if (f.modality) parts.push(f.modality.join(" or "));
  if (f.grade) parts.push(`grade ${f.grade}`);
  if (f.min_independent) parts.push(`${f.min_independent}+ independent sources`);
  return parts.length ? " (" + parts.join(", ") + ")" : "";
}

function hashFor(filters, sort, order, offset = 0) {
  return "#/events" + query({...filters, sort: sort !== "date" ? sort : "", order: order !== "asc" ? order : "",
    offset: offset || ""});
}

function csvLink(filters, sort, order) {
  const params = () => ({...filters, sort, order});
  return h("a", {class: "take-link csv-link", href: "/api/events.csv" + query(params()), download: "events.csv",
    title: "every event of these filters (all pages), as CSV", onclick: (ev) => download(ev, "/events.csv", params())},
  "Download CSV");
}

function filterForm(f, sort, order) {
  return eventFilterForm(f, {apply: (next) => { window.location.hash = hashFor(next, sort, order); },
    links: [h("a", {href: "#/events", class: "action-link"}, "clear")]});
}

function table(rows, filters, sort, order) {
  const head = COLUMNS.map(([key, label]) => {
    if (!key) return h("th", {}, label);
    const current = key === sort;
    const next = current && order === "asc" ? "desc" : "asc";
    return h("th", {"aria-sort": current ? (order === "asc" ? "ascending" : "descending") : null, "data-sort": key},
      h("a", {href: hashFor(filters, key, next), class: ["sort", current ? "sorted-" + order : null],
        title: `sort by ${label.toLowerCase()}${current ? ` (${next === "asc" ? "ascending" : "descending"})` : ""}`},
      label, current ? (order === "asc" ? " \u25b2" : " \u25bc") : null));
  });
  return h("table", {class: "claims-table events-list"},
    h("thead", {}, h("tr", {}, head)),
    h("tbody", {}, rows.map(eventRow)));
}

function eventRow(r) {
  const first = (r.evidence || [])[0];
  return h("tr", {class: ["event-row", happened(r) ? null : "not-happened"], "data-claim": r.claim},
    h("td", {class: "when"}, whenText(r.date)),
    h("td", {}, h("span", {class: "predicate event"}, r.predicate), r.mode ? [" ", h("span", {class: "chip"}, r.mode)] : null),
    h("td", {class: "status-cell"}, statusBadge(r)),
    h("td", {}, actorLink(r.subject)),
    h("td", {}, r.object ? actorLink(r.object) : h("span", {class: "muted"}, "\u2014")),
    h("td", {}, r.location ? actorLink(r.location) : h("span", {class: "muted"}, "\u2014")),
    h("td", {}, modalityBadge(r.modality)),
    h("td", {}, gradeBadge(r)),
    h("td", {class: "num", title: `${r.documents} document(s), ${r.sources} outlet(s)`}, String(r.independent ?? r.sources ?? "")),
    h("td", {}, h("a", {href: "#/claim/" + encodeURIComponent(r.claim), title: first ? first.excerpt : null},
      sentencesText(r))));
}

function pager(filters, sort, order, offset, total) {
  if (total <= LIMIT) return null;
  const last = Math.floor((total - 1) / LIMIT) * LIMIT;
  const link = (to, label, rel) => h("a", {href: hashFor(filters, sort, order, to), rel, class: "page-link"}, label);
  return h("nav", {class: "pager events-pager", "aria-label": "pages"},
    offset > 0 ? [link(0, "\u00ab first"), " ", link(Math.max(0, Math.min(offset, last + LIMIT) - LIMIT), "\u2039 previous", "prev"), " "] : null,
    h("span", {class: "muted"}, offset > last ? `past page ${Math.floor(last / LIMIT) + 1}, the last`
      : `page ${Math.floor(offset / LIMIT) + 1} of ${Math.floor(last / LIMIT) + 1}`),
    offset < last ? [" ", link(offset + LIMIT, "next \u203a", "next"), " ", link(last, "last \u00bb")] : null);
}
