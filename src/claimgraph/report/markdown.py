"""The dossier as Markdown (CommonMark): the same sections and citations as the HTML, the
network picture as an image (a file beside it, or the SVG inlined as a data URL)."""
from __future__ import annotations

import base64
import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~&])")


def text(value) -> str:
    """A value from the store as literal Markdown text: markup characters escaped, lines joined."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def cites(numbers: list[int]) -> str:
    return "".join(f"[\\[{n}\\]](#cite-{n})" for n in numbers)


def _line(r: dict) -> str:
    parts = [f"*{r['modality_word']}* by {text(r['said_by'])}"]
    if r["date"]:
        parts[0] += f", dated {text(r['date'])}"
    if r["valid"]:
        parts[0] += f", holding {text(r['valid'])}"
    parts.append(f"grade {r['admiralty']}" + (f" ({text(r['credibility_reason'])})" if r["credibility_reason"] else ""))
    parts.append(r["support"])
    if r["contested"]:
        parts.append("**contested**")
    if r["review"]:
        parts.append(f"analyst: {text(r['review'])}")
    return "; ".join(parts) + ". " + cites(r["cites"])


def render(report: dict, image: str | None = None) -> str:
    """The report (`report.dossier.build`) as Markdown; `image` is the address of the network
    picture (None: the SVG inlined as a data URL)."""
    a = report["actor"]
    out = [f"# {text(a['name'])}", "",
           "A dossier from claimgraph: what the documents in its store say about this actor, each statement with "
           "the sentences it was read from." + (f" Only {text('; '.join(report['filters']))}." if report["filters"] else ""),
           "", "Each tie and event says how the sources put it (*stated as fact*, *reported*, *alleged*, *called "
           "possible*, *denied*) and how many independent sources did; the grade is the Admiralty code (source "
           "reliability A–F, credibility 1–6); numbers in brackets point to the quoted sentences at the end.", "",
           "## Who it is", "",
           f"- **Name:** {text(a['name'])}",
           f"- **Type:** {text(a['type'])}" + (f" ({text(a['subtype'].replace('_', ' '))})" if a["subtype"] else "")]
    if a["country"]:
        out.append(f"- **Country:** {text(a['country'])}")
    out.append(f"- **Also written:** {text(', '.join(a['aliases'])) if a['aliases'] else 'no other name on record'}")
    out += [f"- **Listed:** {text(x)}" for x in a["listings"]]
    if a["kb_id"]:
        out.append(f"- **Knowledge base:** {text(a['kb_id'])}")
    out += [f"- **Identifier:** {text(a['id'])}", "", "## Its network", ""]
    if image is None:
        image = "data:image/svg+xml;base64," + base64.b64encode(report["network"].encode()).decode()
    out += [f"![The network of {text(a['name'])}]({image})", "", "## Ties, by kind", ""]
    if not report["relations"]:
        out += ["No tie to another actor is read for it.", ""]
    for g in report["relations"]:
        out += [f"### {text(g['verb'].capitalize())}" + (f" ({g['predicate']})" if g["verb"] != g["predicate"] else ""),
                ""]
        for t in g["ties"]:
            out.append(f"- **{text(t['subject'])}** {t['verb']} **{text(t['object'])}**: {t['modality_text']}"
                       + (", **contested**" if t["contested"] else "") + ".")
            out += [f"    - {_line(r)}" for r in t["rows"]]
        if g["more"]:
            out.append(f"- {g['more']} more ties of this kind, with fewer sources, are not shown.")
        out.append("")
    out += ["## Events, by kind", ""]
    if not report["event_types"]:
        out += ["No event is read for it.", ""]
    for g in report["event_types"]:
        out += [f"### {text(g['heading'].capitalize())} ({g['type']})", ""]
        for e in g["events"]:
            head = (f"{text(e['date'])}: " if e["date"] else "") + f"**{text(e['what'])}**"
            head += (f" in {text(e['location'])}" if e["location"] else "") + (f" ({text(e['mode'])})" if e["mode"] else "")
            head += "" if e["happened"] else f" — **{e['status_text']}**"
            out += [f"- {head}: {e['modality_text']}.", f"    - {_line(e)}"]
        out.append("")
    out += ["## Timeline", ""]
    if report["timeline"]:
        out += ["| When | What | Status | How the sources put it | Sources |", "|---|---|---|---|---|"]
        for e in report["timeline"]:
            status = e["status_text"] if e["happened"] else f"**{e['status_text']}**"
            what = f"{e['type']}: {text(e['what'])}" + (f" in {text(e['location'])}" if e["location"] else "")
            out.append(f"| {text(e['date'] or 'undated')} | {what} | {status} | {e['modality_text']} | {cites(e['cites'])} |")
        if report["timeline_more"]:
            out += ["", f"{report['timeline_more']} earlier events are not shown."]
    else:
        out.append("No event.")
    out += ["", "## Documents that name it", ""]
    for doc in report["documents"]:
        bits = [text(doc["title"] or doc["id"])] + [text(x) for x in (doc["source"], (doc["published"] or "")[:10]) if x]
        out.append(f"- {', '.join(bits)} — {doc['mentions']} mention{'s' * (doc['mentions'] != 1)}")
    if report["documents_more"]:
        out.append(f"- and {report['documents_more']} more")
    out += ["", "## Sources quoted", ""]
    for c in report["citations"]:
        where = ", ".join(text(x) for x in (c["title"] or c["doc"], c["source"], c["published"]) if x)
        if c["reprint_of"]:
            where += f" (a reprint of {text(c['reprint_of'])})"
        url = f"<{c['url']}>" if c["linkable"] else f"`{c['url']}`"
        out += [f'<a id="cite-{c["n"]}"></a>{c["n"]}. “{text(c["excerpt"])}” — {where}. {url} '
                f"(characters {c['start']}–{c['end']} of document {text(c['doc'])})", ""]
    if not report["citations"]:
        out.append("Nothing is quoted.")
    return "\n".join(out).rstrip("\n") + "\n"
