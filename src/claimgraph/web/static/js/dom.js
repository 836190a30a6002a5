// Building the page safely: every string from the store goes in as a text node, never as markup.

const SAFE_URL = /^(#|\/(?!\/)|https?:\/\/)/i;

/** A link target from data: in-app routes, same-site paths and http(s) URLs only (no javascript:). */
export function safeHref(url) {
  const s = String(url ?? "").trim();
  return SAFE_URL.test(s) ? s : "#";
}

/** `h("a", {href: "#/", class: "x", onclick: fn}, "text", child, [more])` → an element. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key === "class") el.className = Array.isArray(value) ? value.filter(Boolean).join(" ") : value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "href" || key === "src" || key === "action") el.setAttribute(key, safeHref(value));
    else if (key === "value" || key === "checked" || key === "selected") el[key] = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

/** Append children: nodes as they are, anything else as text; null, undefined and false skipped. */
export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replace an element's content. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** A text given as code-point offsets (Python's), split into pieces at `cuts`:
 *  [{start, end, text}] in order, covering the whole text. */
export function segments(text, cuts) {
  const chars = Array.from(text ?? "");
  const points = [...new Set([0, chars.length, ...cuts.filter((c) => c >= 0 && c <= chars.length)])]
    .sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    out.push({start: points[i], end: points[i + 1], text: chars.slice(points[i], points[i + 1]).join("")});
  }
  return out;
}

/** The spans among `spans` ({start, end}) that cover the piece [start, end). */
export function covering(spans, start, end) {
  return spans.filter((s) => s.start <= start && s.end >= end && s.end > s.start);
}

/** Debounce a function (for inputs that query as one types). */
export function debounce(fn, ms = 250) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
