"""The report's data, from `query.dossier` (the facts `claimgraph actor` shows), in the one place
the HTML and Markdown writers read: ties grouped by predicate with their modality in words, the
events by type and on a timeline, and numbered citations of the evidence sentences."""
from __future__ import annotations

from claimgraph.kb.listings import label
from claimgraph.query import dossier, open_view

# relation predicates as the middle of a sentence ("X leads Y")
RELATION_WORDS = {
    "part_of": "is part of", "leads": "leads", "member_of": "is a member of", "subordinate_to": "takes orders from",
    "controls": "controls", "funds": "funds", "arms": "arms", "trains": "trains", "supports": "supports",
    "created": "created", "allied_with": "is allied with", "opposes": "opposes", "operates_in": "operates in",
}
# PLOVER event types as a heading
EVENT_WORDS = {
    "CONSULT": "consultations", "SUPPORT": "statements of support", "CONCEDE": "concessions",
    "COOPERATE": "cooperation", "AID": "aid", "RETREAT": "withdrawals", "REQUEST": "requests and demands",
    "ACCUSE": "accusations", "REJECT": "rejections", "THREATEN": "threats", "PROTEST": "protests",
    "SANCTION": "sanctions and designations", "MOBILIZE": "mobilizations", "COERCE": "arrests and seizures",
    "ASSAULT": "attacks",
}
# modality → "… by N sources"; the order of the phrase, most firm first
MODALITY_WORDS = {"asserted": "stated as fact", "reported": "reported", "alleged": "alleged",
                  "speculative": "called possible", "negated": "denied"}
# an event that did not (or not yet) happen is never said to have happened
STATUS_WORDS = {"occurred": "happened", "ongoing": "ongoing", "attempted": "attempted, not carried out",
                "planned": "planned, not (yet) carried out", "hypothetical": "hypothetical, did not happen"}
CONDITIONAL_WORDS = {"consequence": "threatened (hypothetical: on a condition), not carried out",
                     "condition": "hypothetical (the condition of a threat), did not happen"}


REPORT_LIMIT = 100  # lines per list: a report is read whole, where a dossier's page shows 20 (`DOSSIER_LIMIT`)


def build(store, actor_id: str, as_of: str | None = None, min_independent: int = 0,
          max_credibility: int | None = None, limit: int | None = REPORT_LIMIT, listed: bool = False) -> dict:
    """The report on one actor: `query.dossier` with these filters (those of `claimgraph actor`),
    arranged for reading. Raises what `dossier` raises (ValueError for a bad filter)."""
    from claimgraph.report.network import svg

    snap = open_view(store)
    d = dossier(snap, actor_id, as_of, min_independent, max_credibility, limit, listed)
    cites = Citations(snap)
    relations = [_relation_group(d, predicate, group, cites) for predicate, group in d["relations"].items()]
    events = [_event(d, t, cites) for t in d["timeline"]]
    by_type: dict[str, list[dict]] = {}
    for e in events:
        by_type.setdefault(e["type"], []).append(e)
    report = {
        "actor": {k: d.get(k) for k in ("id", "name", "aliases", "type", "subtype", "country", "kb_id")}
                 | {"listings": list(dict.fromkeys(label(x) for x in d.get("listings") or []))},
        "filters": _filters(as_of, min_independent, max_credibility, listed),
        "relations": relations,
        "relations_more": sum(n for g in d["relations"].values() for n in g.get("more", {}).values()),
        "event_types": [{"type": t, "heading": EVENT_WORDS.get(t, t.lower()), "events": by_type[t]}
                        for t in sorted(by_type)],
        "timeline": events,  # dossier order: by date, undated last
        "timeline_more": d.get("timeline_more", 0),
        "documents": d["documents"],
        "documents_more": d.get("documents_more", 0),
        "citations": cites.entries,
    }
    cites.add_urls()
    _add_types(snap, report)
    report["network"] = svg(report)
    return report


class Citations:
    """Each distinct evidence span (document, start, end) numbered in the order first cited."""

    def __init__(self, snap):
        self.snap = snap
        self.numbers: dict[tuple, int] = {}
        self.entries: list[dict] = []

    def cite(self, evidence: list[dict]) -> list[int]:
        out = []
        for ev in evidence:
            key = (ev["doc"], ev["start"], ev["end"])
            if key not in self.numbers:
                self.numbers[key] = len(self.entries) + 1
                self.entries.append({
                    "n": self.numbers[key], "excerpt": " ".join(ev["excerpt"].split()), "title": ev.get("title"),
                    "source": ev.get("source"), "published": (ev.get("published") or "")[:10] or None,
                    "doc": ev["doc"], "start": ev["start"], "end": ev["end"], "reprint_of": ev.get("reprint_of"),
                })
            if self.numbers[key] not in out:
                out.append(self.numbers[key])
        return out

    def add_urls(self) -> None:
        """Each entry's address: its document's URL (or `claimgraph:doc:<id>`) with an RFC 5147
        `#char=start,end` fragment; `linkable` only for http(s) (a stored URL is untrusted)."""
        from sqlalchemy import select

        from claimgraph.query.view import chunks
        from claimgraph.store.schema import DocumentRow
        urls, titles = {}, {}
        for part in chunks(sorted({e["doc"] for e in self.entries} | {e["reprint_of"] for e in self.entries
                                                                      if e["reprint_of"]})):
            for doc_id, url, title, source in self.snap.session.execute(
                    select(DocumentRow.id, DocumentRow.url, DocumentRow.title, DocumentRow.source)
                    .where(DocumentRow.id.in_(part))):
                urls[doc_id], titles[doc_id] = url, ", ".join(x for x in (title, source) if x) or doc_id
        for e in self.entries:
            if e["reprint_of"]:  # the story it copies, as a reader can look it up
                e["reprint_of"] = titles.get(e["reprint_of"], e["reprint_of"])
            url = urls.get(e["doc"])
            e["url"] = f"{(url or 'claimgraph:doc:' + e['doc']).split('#', 1)[0]}#char={e['start']},{e['end']}"
            e["linkable"] = bool(url) and url.lower().startswith(("http://", "https://"))


def modality_text(modalities: dict[str, int]) -> str:
    """{"alleged": 2, "negated": 1} → "alleged by 2 independent sources, denied by 1"."""
    parts, first = [], True
    for m in MODALITY_WORDS:
        n = (modalities or {}).get(m)
        if n:
            unit = (" independent source" if n == 1 else " independent sources") if first else ""
            parts.append(f"{MODALITY_WORDS[m]} by {n}{unit}")
            first = False
    return ", ".join(parts) or "no source counted"


def _relation_group(d: dict, predicate: str, group: dict, cites: Citations) -> dict:
    """One predicate's ties, each tie one counterpart on one side (its claims of every modality
    together: the claim group), best attested first as the dossier orders them."""
    verb = RELATION_WORDS.get(predicate, predicate.replace("_", " "))
    ties: dict[tuple, dict] = {}
    for side in ("as_subject", "as_object"):
        for row in group[side]:
            other = dict(row["other"] or {"id": None, "name": "someone unnamed"})
            key = (side, other.get("id"))
            if key not in ties:
                subject, obj = (d["name"], other["name"]) if side == "as_subject" else (other["name"], d["name"])
                ties[key] = {"predicate": predicate, "side": side, "other": other, "subject": subject, "verb": verb,
                             "object": obj, "modalities": row["modalities"],
                             "modality_text": modality_text(row["modalities"]), "claims": [], "rows": [], "cites": []}
            tie = ties[key]
            tie["claims"].append(row["claim"])
            tie["rows"].append(_line(row, cites))
            tie["cites"] += [n for n in tie["rows"][-1]["cites"] if n not in tie["cites"]]
    for tie in ties.values():
        tie["contested"] = any(r["contested"] for r in tie["rows"])
        tie["best"] = min(tie["rows"], key=lambda r: (r["credibility"], r["admiralty"] or ""))
    return {"predicate": predicate, "verb": verb, "ties": list(ties.values()),
            "more": sum(group.get("more", {}).values())}


def _line(row: dict, cites: Citations) -> dict:
    """One claim of a tie or an event: its own modality, who said it, when, grade, citations."""
    return {"claim": row["claim"], "modality": row["modality"], "modality_word": MODALITY_WORDS.get(row["modality"],
                                                                                                    row["modality"]),
            "said_by": said_by(row.get("attributed_to")), "date": date_text(row.get("date")),
            "valid": valid_text(row.get("valid")), "admiralty": row.get("admiralty"),
            "credibility": row.get("credibility") or 6, "credibility_reason": row.get("credibility_reason"),
            "support": f"{row['documents']} document{'s' * (row['documents'] != 1)}, {row['sources']} "
                       f"source{'s' * (row['sources'] != 1)}, {row['independent']} independent",
            "contested": bool(row.get("contested")), "review": row.get("review"),
            "cites": cites.cite(row.get("evidence") or [])}


def _event(d: dict, t: dict, cites: Citations) -> dict:
    if t.get("counterpart"):
        t = {**t, "counterpart": dict(t["counterpart"])}
    counterpart = (t.get("counterpart") or {}).get("name")
    if t["role"] == "actor":
        what = f"{d['name']} → {counterpart}" if counterpart else d["name"]
    elif t["role"] == "target":
        what = f"{counterpart or 'someone unnamed'} → {d['name']}"
    else:
        what = f"{counterpart or 'someone unnamed'} in {d['name']}"
    status = t.get("status") or "occurred"
    # the deed that hangs on a condition ("if X strikes, we will hit ...") is a threat
    text = CONDITIONAL_WORDS.get(t.get("conditional")) if status == "hypothetical" else None
    return {"type": t["type"], "heading": EVENT_WORDS.get(t["type"], t["type"].lower()), "role": t["role"],
            "what": what, "counterpart": t.get("counterpart"), "location": (t.get("location") or {}).get("name"),
            "status": status, "status_text": text or STATUS_WORDS.get(status, status), "happened": status in ("occurred",
                                                                                                       "ongoing"),
            "mode": t.get("mode"), "modalities": t["modalities"], "modality_text": modality_text(t["modalities"]),
            **_line(t, cites)}


def _add_types(snap, report: dict) -> None:
    """The type of each counterpart (the dossier's refs name it only), for the picture's colours."""
    refs = [t["other"] for g in report["relations"] for t in g["ties"]]
    refs += [e["counterpart"] for e in report["timeline"] if e.get("counterpart")]
    ids = {r["id"] for r in refs if r.get("id")}
    snap.entities.prefetch(ids)
    for r in refs:
        e = snap.entities.get(r["id"]) if r.get("id") else None
        r["type"] = e.type if e is not None else None


def said_by(attributed) -> str:
    if attributed is None:
        return "the document's author"
    return attributed["name"] if isinstance(attributed, dict) else str(attributed)


def date_text(d: dict | None) -> str:
    """A claim's date as written for a reader: the day, the month or the year it is known to."""
    if not d or not d.get("start"):
        return (d or {}).get("text") or ""
    precision, start, end = d.get("precision"), d["start"], d.get("end")
    if precision == "year":
        return start[:4]
    if precision == "month":
        return start[:7]
    if precision == "day" or start == end or not end:
        return start
    return f"{start} – {end}"


def valid_text(v: dict | None) -> str:
    if not v or not (v.get("from") or v.get("to") or v.get("ended")):
        return ""
    return f"from {v.get('from') or 'an unknown date'} to {v.get('to') or ('its end' if v.get('ended') else 'now')}"


def _filters(as_of, min_independent, max_credibility, listed) -> list[str]:
    out = []
    if as_of:
        out.append(f"as of {as_of}")
    if min_independent:
        out.append(f"claims with at least {min_independent} independent source{'s' * (min_independent != 1)}")
    if max_credibility:
        out.append(f"claims graded {max_credibility} or better")
    if listed:
        out.append("ties to actors on a sanctions or watch list")
    return out
