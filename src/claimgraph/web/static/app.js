// claimgraph's web app: a single page with hash routes, on the REST API under /api.
//   #/                home        #/search?q=     actors and documents
//   #/actor/ID        actor page  #/claim/ID      evidence view
//   #/doc/ID          document    #/docs, #/claims, #/review
//   #/path?from=A&to=B  path finder
//   #/events?type=&place=&...  events table and timeline
//   #/map?type=&place=&...     events and operates_in ties on a map
//   #/sources                  outlets, their reliability (A–F) and a form to grade one

import {actorView} from "./js/actor.js";
import {takeTokenFromUrl} from "./js/api.js";
import {claimView} from "./js/claim.js";
import {claimsView} from "./js/claims.js";
import {docView, docsView} from "./js/doc.js";
import {eventsView} from "./js/events.js";
import {h, replace} from "./js/dom.js";
import {errorBox} from "./js/format.js";
import {homeView} from "./js/home.js";
import {mapView} from "./js/map.js";
import {pathView} from "./js/path.js";
import {reviewView} from "./js/review.js";
import {searchView} from "./js/search.js";
import {sourcesView} from "./js/sources.js";

const ROUTES = [
  [/^$/, (main) => homeView(main)],
  [/^search$/, (main, _, params) => searchView(main, params)],
  [/^actor\/(.+)$/, (main, [id], params) => actorView(main, id, params)],
  [/^claim\/(.+)$/, (main, [id]) => claimView(main, id)],
  [/^doc\/(.+)$/, (main, [id]) => docView(main, id)],
  [/^docs$/, (main, _, params) => docsView(main, params)],
  [/^claims$/, (main, _, params) => claimsView(main, params)],
  [/^review$/, (main, _, params) => reviewView(main, params)],
  [/^path$/, (main, _, params) => pathView(main, params)],
  [/^events$/, (main, _, params) => eventsView(main, params)],
  [/^map$/, (main, _, params) => mapView(main, params)],
  [/^sources$/, (main) => sourcesView(main)],
];

function parseHash() {
  const raw = window.location.hash.replace(/^#\/?/, "");
  const [path, search = ""] = raw.split("?", 2);
  return {path: path.replace(/\/$/, ""), params: new URLSearchParams(search)};
}

async function route() {
  const main = document.getElementById("app");
  const {path, params} = parseHash();
  if (window.cy && !path.startsWith("actor/")) {
    window.cy.destroy();
    window.cy = undefined;
  }
  for (const link of document.querySelectorAll("header nav a")) {
    link.classList.toggle("current", link.getAttribute("href") === "#/" + path.split("/")[0]);
  }
  for (const [pattern, view] of ROUTES) {
    const m = pattern.exec(path);
    if (!m) continue;
    try {
      await view(main, m.slice(1).map(decodeURIComponent), params);
    } catch (err) {
      replace(main, errorBox(err));
    }
    window.scrollTo(0, 0);
    return;
  }
  replace(main, h("h1", {}, "Not found"), h("p", {}, "No page here. ", h("a", {href: "#/"}, "Home")));
}

function start() {
  takeTokenFromUrl();
  document.getElementById("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = ev.target.elements.q.value.trim();
    if (q) window.location.hash = "#/search?q=" + encodeURIComponent(q);
  });
  window.addEventListener("hashchange", route);
  route();
}

start();
