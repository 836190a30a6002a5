// The REST API (same origin, under /api): JSON in and out, errors as {"detail": "..."}.

const TOKEN_KEY = "claimgraph.token";

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** A token given once in the page address (?token=…) is kept for the session and removed from the address. */
export function takeTokenFromUrl() {
  const url = new URL(window.location.href);
  const token = url.searchParams.get("token");
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    url.searchParams.delete("token");
    history.replaceState(null, "", url.pathname + url.search + url.hash);
  }
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** A query string from an object; empty values left out, arrays repeated (`modality=a&modality=b`). */
export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    for (const v of [value].flat()) {
      if (v !== undefined && v !== null && v !== "" && v !== false) q.append(key, String(v));
    }
  }
  const s = q.toString();
  return s ? "?" + s : "";
}

/** Call the API: `api("/actors", {q: "Soleimani"})`, `api("/undo", null, {method: "POST"})`. */
export async function api(path, params, {method = "GET", json, form} = {}) {
  const headers = {Accept: "application/json"};
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = "Bearer " + token;
  let body;
  if (json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  let response;
  try {
    response = await fetch("/api" + path + query(params), {method, headers, body});
  } catch (err) {
    throw new ApiError(0, "The server cannot be reached: is `claimgraph serve` running?");
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, detail(data) || `${response.status} ${response.statusText}`);
  return data;
}

function detail(data) {
  const d = data && data.detail;
  if (!d) return null;
  if (typeof d === "string") return d;
  if (Array.isArray(d)) return d.map((e) => [e.loc && e.loc.slice(1).join("."), e.msg].filter(Boolean).join(": ")).join("; ");
  return JSON.stringify(d);
}

/** A link to an API file (a report, an export): followed as it is, or, when a token is kept,
 *  fetched with it (a plain link cannot send the header) and opened from a blob. */
export async function download(ev, path, params) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return;
  ev.preventDefault();
  const response = await fetch("/api" + path + query(params), {headers: {Authorization: "Bearer " + token}});
  if (!response.ok) {
    const data = await response.json().catch(() => null);
    alert(detail(data) || `${response.status} ${response.statusText}`);
    return;
  }
  const name = (/filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "") || [])[1] || "download";
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement("a"), {href: url, download: name});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** The rows of a list answer, whether `{total, items}` or a bare list. */
export function items(data) {
  if (Array.isArray(data)) return data;
  return (data && data.items) || [];
}
