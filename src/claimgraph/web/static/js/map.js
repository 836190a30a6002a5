// The map, #/map: events and operates_in ties at their places, clustered, on a world basemap
// drawn offline: Leaflet with no tile layer, the countries of Natural Earth (world-atlas
// TopoJSON, turned into GeoJSON by topojson-client), all from /static/vendor/ and loaded only
// when a map is drawn (so that other pages do not load them).
//
//   drawMap(container, answer)    draws an answer of GET /api/map's shape in `container`
//   mapOfEvents(container, rows)  places a list of event rows (as /api/events gives them) via
//                                 GET /api/places and draws them: the events page's map panel
//
// A city is at its coordinates (GeoNames); a country at the middle of its largest shape on the
// basemap (the API gives its capital, which would sit on the capital's own marker). Each place
// has up to three markers: events that happened (filled red), events that did not or not yet
// (planned, attempted, hypothetical, threatened, denied: hollow, dashed) and operates_in ties
// (blue squares). A click opens a popup listing them, each linking to its evidence (#/claim/ID);
// document text goes in as text nodes only. Drawn ids are on the container (data-events,
// data-ties) and the last map is `window.claimgraphMap`, for tests.

import {api, query} from "./api.js";
import {h, replace} from "./dom.js";
import {eventFilterForm, eventFilters} from "./event_filters.js";
import {actorLink, errorBox, gradeBadge, loading, modalityBadge} from "./format.js";
import {happened, statusBadge} from "./status.js";
import {whenText} from "./timeline.js";

const VENDOR = "/static/vendor/";
const KINDS = {
  event: {label: "events that happened", one: "event that happened"},
  unrealised: {label: "events that did not (or not yet) happen: planned, attempted, hypothetical, threatened or denied",
    one: "event that did not (or not yet) happen"},
  tie: {label: "operates_in ties: an actor said to operate there", one: "actor said to operate there"},
};
// where each kind's marker sits around its place (pixels): side by side once unclustered
const ANCHORS = {event: [24, 12], unrealised: [0, 12], tie: [12, -2]};
const SIZE = 24;
const LIMIT = 2000;  // events (and ties) the map page asks for, as many as the events page's timeline
const UNCLUSTER_AT = 6;

let libraries = null;
let centroids = null;
const maps = [];

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const el = document.createElement("script");
    el.src = src;
    el.onload = resolve;
    el.onerror = () => reject(new Error(`${src} could not be loaded`));
    document.head.append(el);
  });
}

function loadStyle(href) {
  return new Promise((resolve, reject) => {
    const el = document.createElement("link");
    el.rel = "stylesheet";
    el.href = href;
    el.onload = resolve;
    el.onerror = () => reject(new Error(`${href} could not be loaded`));
    document.head.append(el);
  });
}

/** Leaflet, its clustering plugin and the basemap's countries (GeoJSON), loaded once. */
export function mapLibraries() {
  if (!libraries) {
    libraries = (async () => {
      await Promise.all([loadStyle(VENDOR + "leaflet.css"), loadStyle(VENDOR + "MarkerCluster.css")]);
      await loadScript(VENDOR + "leaflet.js");
      await Promise.all([loadScript(VENDOR + "leaflet.markercluster.js"), loadScript(VENDOR + "topojson-client.min.js")]);
      const response = await fetch(VENDOR + "world-atlas-countries-50m.json");
      if (!response.ok) throw new Error(`the basemap could not be loaded (${response.status})`);
      const topo = await response.json();
      return {L: window.L, countries: window.topojson.feature(topo, topo.objects.countries)};
    })().catch((err) => {
      libraries = null;
      throw new Error(`The map cannot be drawn: ${err.message}. Its libraries are in static/vendor/ (make install).`);
    });
  }
  return libraries;
}

/** ISO numeric code → [lat, lng] of the area-weighted middle of the country's largest polygon. */
export function countryMiddles(countries) {
  if (centroids) return centroids;
  centroids = new Map();
  for (const f of countries.features) {
    if (f.id == null || !f.geometry) continue;
    const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    let best = null;
    for (const [outer] of polygons) {
      // a ring cut at the antimeridian (Russia's, Fiji's) is made whole east of it first
      const lons = outer.map((p) => p[0]);
      const ring = Math.max(...lons) - Math.min(...lons) > 180 ? outer.map(([x, y]) => [x < 0 ? x + 360 : x, y]) : outer;
      let area = 0, cx = 0, cy = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
        area += cross;
        cx += (ring[j][0] + ring[i][0]) * cross;
        cy += (ring[j][1] + ring[i][1]) * cross;
      }
      if (area && (!best || Math.abs(area) > best.area)) best = {area: Math.abs(area), at: [cy / (3 * area), cx / (3 * area)]};
    }
    if (best) centroids.set(String(f.id), [best.at[0], best.at[1] > 180 ? best.at[1] - 360 : best.at[1]]);
  }
  return centroids;
}

function kindOf(event) {
  return happened(event) && event.modality !== "negated" ? "event" : "unrealised";
}

function where(place, middles) {
  const middle = place.precision === "capital" && place.iso_numeric ? middles.get(String(place.iso_numeric)) : null;
  if (middle) return {at: middle, note: "the country as a whole (drawn at its middle)", country: true};
  if (place.precision === "capital") return {at: [place.latitude, place.longitude], note: "the country as a whole (drawn at its capital)", country: true};
  return {at: [place.latitude, place.longitude], note: place.country ? `a city (${place.country})` : "a city", country: false};
}

const EXCERPT = 240;  // characters of the first sentence of evidence shown in a popup

/** The first sentence of evidence of an item (/api/map's `excerpt`, or a claim row's evidence), cut. */
function excerpt(x) {
  const text = x.excerpt ?? ((x.evidence || [])[0] || {}).excerpt;
  if (!text) return null;
  const chars = Array.from(text);
  return h("q", {class: "map-excerpt"}, chars.length > EXCERPT ? chars.slice(0, EXCERPT).join("") + "\u2026" : text);
}

function eventLine(e) {
  return h("li", {class: ["map-item", kindOf(e) === "event" ? null : "not-happened"], "data-claim": e.claim},
    h("span", {class: "when"}, whenText(e.date)), " ",
    h("span", {class: "what"}, h("span", {class: "predicate event"}, e.predicate), " ",
      actorLink(e.subject), e.object ? [" \u2192 ", actorLink(e.object)] : null), " ",
    statusBadge(e), " ", modalityBadge(e.modality), " ", gradeBadge(e), " ",
    h("a", {href: "#/claim/" + encodeURIComponent(e.claim), class: "map-evidence"}, "evidence"), excerpt(e));
}

function tieLine(t, place) {
  return h("li", {class: "map-item", "data-claim": t.claim},
    actorLink(t.subject), " operates in ", place.name, " ", modalityBadge(t.modality), " ", gradeBadge(t), " ",
    h("a", {href: "#/claim/" + encodeURIComponent(t.claim), class: "map-evidence"}, "evidence"), excerpt(t));
}

function popup(place, kind, list, note) {
  const n = list.length;
  return h("div", {class: "map-popup-body", "data-place": place.id, "data-kind": kind},
    h("h3", {}, place.name || place.id),
    h("p", {class: "muted"}, note, " \u00b7 ", `${n} ${n === 1 ? KINDS[kind].one : KINDS[kind].label.split(":")[0]}`),
    h("ul", {}, list.map((x) => (kind === "tie" ? tieLine(x, place) : eventLine(x)))));
}

function markerIcon(L, kind, place, list, country) {
  const count = h("span", {class: "map-count", dataset: {place: place.id, kind, claims: list.map((x) => x.claim).join(" ")}},
    String(list.length));
  return L.divIcon({html: count, className: ["map-marker", "map-" + kind, country ? "map-country" : ""].join(" ").trim(),
    iconSize: [SIZE, SIZE], iconAnchor: ANCHORS[kind], popupAnchor: [0, -12]});
}

function clusterIcon(L, cluster) {
  const markers = cluster.getAllChildMarkers();
  const total = markers.reduce((n, m) => n + (m.options.count || 0), 0);
  const kinds = [...new Set(markers.map((m) => m.options.kind))].sort();
  return L.divIcon({html: h("span", {class: "map-count"}, String(total)),
    className: ["map-cluster", ...kinds.map((k) => "has-" + k)].join(" "), iconSize: [34, 34]});
}

function legend(ties) {
  const sample = (kind) => h("span", {class: ["map-marker", "map-sample", "map-" + kind]}, h("span", {class: "map-count"}, "n"));
  return h("ul", {class: "map-legend"},
    Object.entries(KINDS).filter(([kind]) => ties || kind !== "tie").map(([kind, k]) => h("li", {}, sample(kind), " ", k.label)),
    h("li", {}, h("span", {class: ["map-marker", "map-sample", "map-event", "map-country"]}, h("span", {class: "map-count"}, "n")),
      " ringed: a country as a whole, not a city in it"),
    h("li", {}, h("span", {class: ["map-cluster", "map-sample"]}, h("span", {class: "map-count"}, "n")),
      ` a cluster of markers (n events and ties): click to zoom in; markers separate from zoom ${UNCLUSTER_AT}`));
}

const LISTED = 200;  // events with no place listed under the map; the events page has them all

function notPlaced(answer) {
  const unplaced = answer.unplaced || [];
  const none = answer.no_place || [];
  if (!unplaced.length && !none.length) return null;
  const events = unplaced.reduce((n, p) => n + p.events.length, 0) + none.length;
  const ties = unplaced.reduce((n, p) => n + p.ties.length, 0);
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return h("details", {class: "map-unplaced"},
    h("summary", {}, `Not on the map: ${plural(events, "event")} and ${plural(ties, "tie")}`),
    h("ul", {},
      unplaced.map((p) => h("li", {"data-place": p.id}, actorLink({id: p.id, name: p.name}), ": ", p.reason,
        h("ul", {}, p.events.map(eventLine), p.ties.map((t) => tieLine(t, p))))),
      none.length ? h("li", {class: "map-no-place"}, `${plural(none.length, "event")} name no place`,
        h("ul", {}, none.slice(0, LISTED).map(eventLine),
          none.length > LISTED ? h("li", {class: "muted"}, `… and ${none.length - LISTED} more`) : null)) : null));
}

/** Draw an answer of /api/map's shape ({places, unplaced, no_place, events, ties}) in `container`.
 *  Returns {map, events, ties}: the Leaflet map and the ids of the events and ties it placed
 *  (`ties`: false leaves the ties out of the legend). */
export async function drawMap(container, answer, {heading = null, ties = true} = {}) {
  replace(container, heading ? h("h2", {}, heading) : null, loading("Drawing the map"));
  let lib;
  try {
    lib = await mapLibraries();
  } catch (err) {
    replace(container, heading ? h("h2", {}, heading) : null, errorBox(err));
    return null;
  }
  if (!container.isConnected) return null;  // the page was left while the libraries loaded
  const {L, countries} = lib;
  for (let i = maps.length - 1; i >= 0; i--) {  // maps of pages left behind
    if (!maps[i].getContainer().isConnected) maps.splice(i, 1)[0].remove();
  }
  const canvas = h("div", {class: "map-canvas", role: "region", "aria-label": "map of the events and ties"});
  replace(container, heading ? h("h2", {}, heading) : null, canvas, legend(ties), notPlaced(answer));
  const map = L.map(canvas, {minZoom: 1, maxZoom: 11, zoomSnap: 0.5, worldCopyJump: false, attributionControl: false,
    maxBounds: [[-89, -250], [89, 250]]});
  L.control.attribution({prefix: false}).addAttribution("Natural Earth (public domain) \u00b7 Leaflet").addTo(map);
  L.geoJSON(countries, {interactive: false, renderer: L.canvas({padding: 0.5}),
    style: {color: "#8f9ba6", weight: 0.6, fillColor: "#f4f2ec", fillOpacity: 1}}).addTo(map);
  const middles = countryMiddles(countries);
  const cluster = L.markerClusterGroup({maxClusterRadius: 40, disableClusteringAtZoom: UNCLUSTER_AT,
    showCoverageOnHover: false, iconCreateFunction: (c) => clusterIcon(L, c)});
  const placed = {events: [], ties: []};
  const points = [];
  for (const place of answer.places || []) {
    const spot = where(place, middles);
    const byKind = {event: [], unrealised: [], tie: place.ties || []};
    for (const e of place.events || []) byKind[kindOf(e)].push(e);
    for (const [kind, list] of Object.entries(byKind)) {
      if (!list.length) continue;
      const marker = L.marker(spot.at, {icon: markerIcon(L, kind, place, list, spot.country), kind, count: list.length,
        title: `${place.name}: ${list.length} ${list.length === 1 ? KINDS[kind].one : KINDS[kind].label.split(":")[0]}`});
      marker.bindPopup(() => popup(place, kind, list, spot.note), {maxWidth: 380, minWidth: 240, className: "map-popup"});
      cluster.addLayer(marker);
      (kind === "tie" ? placed.ties : placed.events).push(...list.map((x) => x.claim));
    }
    points.push(spot.at);
  }
  map.addLayer(cluster);
  if (points.length) map.fitBounds(L.latLngBounds(points), {padding: [48, 48], maxZoom: 5});
  else map.setView([25, 20], 2);
  container.dataset.events = [...placed.events].sort().join(" ");
  container.dataset.ties = [...placed.ties].sort().join(" ");
  maps.push(map);
  window.claimgraphMap = map;
  return {map, ...placed};
}

/** Place event rows (as /api/events gives them, `location` {id, name}) and draw them: the events
 *  page's panel. The places are looked up in batches of 500 (GET /api/places). */
export async function mapOfEvents(container, rows, {heading = "Map"} = {}) {
  const ids = [...new Set(rows.map((r) => r.location && r.location.id).filter(Boolean))];
  const located = new Map();
  for (let i = 0; i < ids.length; i += 500) {
    for (const p of (await api("/places", {id: ids.slice(i, i + 500)})).items) located.set(p.id, p);
  }
  if (!container.isConnected) return null;
  const at = new Map();
  const noPlace = [];
  for (const r of rows) {
    const id = r.location && r.location.id;
    if (!id) noPlace.push(r);
    else (at.get(id) || at.set(id, []).get(id)).push(r);
  }
  const places = [];
  const unplaced = [];
  for (const [id, events] of at) {
    const p = located.get(id) || {id, name: id, reason: "not in the store"};
    (p.reason ? unplaced : places).push({...p, events, ties: []});
  }
  return drawMap(container, {places, unplaced, no_place: noPlace, events: rows.length, ties: 0}, {heading, ties: false});
}

function filterForm(f, ties) {
  const toggle = h("label", {class: "check"}, h("input", {type: "checkbox", name: "ties", checked: ties}), " operates_in ties");
  return eventFilterForm(f, {className: "map-filters", extra: [toggle], apply: (next, form) => {
    if (!form.elements.ties.checked) next.ties = "false";
    window.location.hash = "#/map" + query(next);
  }, links: [h("a", {href: "#/map", class: "action-link"}, "clear"),
    h("a", {href: "#/events" + query(f), class: "action-link"}, "these events as a table")]});
}

export async function mapView(main, params) {
  document.title = "Map \u2014 claimgraph";
  const filters = eventFilters(params);
  const ties = params.get("ties") !== "false";
  const summary = h("p", {class: "map-summary", role: "status"}, loading("Loading the map"));
  const panel = h("section", {id: "map-panel", class: "map-panel"});
  replace(main, h("h1", {}, "Map"), filterForm(filters, ties), summary, panel);
  let answer;
  try {
    answer = await api("/map", {...filters, ties: ties ? "true" : "false", limit: LIMIT});
  } catch (err) {
    replace(summary, errorBox(err));
    return;
  }
  const events = answer.places.reduce((n, p) => n + p.events.length, 0);
  const tiesPlaced = answer.places.reduce((n, p) => n + p.ties.length, 0);
  replace(summary, `${events} of ${answer.events} event${answer.events === 1 ? "" : "s"}`,
    ties ? ` and ${tiesPlaced} of ${answer.ties} operates_in tie${answer.ties === 1 ? "" : "s"}` : "",
    ` at ${answer.places.length} place${answer.places.length === 1 ? "" : "s"}.`,
    answer.truncated ? ` Only the first ${answer.limit} of each: narrow the filters to see the rest.` : "");
  await drawMap(panel, answer);
}
