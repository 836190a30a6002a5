"""Audit-log entries in words, with the names of the actors and the claims they touched, not only
ids: "merged Amir S. (ent-per-…) and Amir Saadouni (ent-per-…)", "rejected: Iran arms Hezbollah
(clm-…)", "undid #12 (merge by maria): …". Names are read in one query per kind of id."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimgraph.resolve.judgements import AuditEntry
from claimgraph.store.schema import ClaimRow, EntityRow, JudgementRow

CHUNK = 900
VERBS = {"confirm": "confirmed", "reject": "rejected", "restore": "restored"}


def _read(session: Session, statement, column, ids: set) -> list:
    ids, rows = sorted(i for i in ids if i), []
    for n in range(0, len(ids), CHUNK):
        rows += session.execute(statement.where(column.in_(ids[n:n + CHUNK]))).all()
    return rows


class Names:
    """Entity and claim ids → what the log shows of them, read for a batch of entries at once."""

    def __init__(self, session: Session, entries: list[AuditEntry]):
        entity_ids, claim_ids, judgement_ids = set(), set(), set()
        for e in entries:
            p = e.payload
            entity_ids.update(x for x in (p.get("left_id"), p.get("right_id"), p.get("entity_id")) if x)
            entity_ids.update(p.get("from") or [] if e.action == "split" else [])
            for reading in (p.get("from"), p.get("to"), p.get("machine")) if e.action == "correct" else ():
                entity_ids.update(x for x in ((reading or {}).get("subject"), (reading or {}).get("object")) if x)
            claim_ids.update([p["claim_id"]] if p.get("claim_id") else [])
            if e.action == "auto":
                judgement_ids.update(p.get("judgements") or [])
        self.pairs = {}
        for jid, left, right, judgement in _read(session, select(JudgementRow.id, JudgementRow.left_id,
                                                                 JudgementRow.right_id, JudgementRow.judgement),
                                                 JudgementRow.id, judgement_ids):
            self.pairs[jid] = (left, right, judgement)
            entity_ids |= {left, right}
        self.claims = {r.id: r for r in _read(session, select(ClaimRow.id, ClaimRow.subject, ClaimRow.predicate,
                                                                ClaimRow.object, ClaimRow.modality),
                                              ClaimRow.id, claim_ids)}
        entity_ids |= {x for c in self.claims.values() for x in (c.subject, c.object) if x}
        self.entities = dict(_read(session, select(EntityRow.id, EntityRow.name), EntityRow.id, entity_ids))

    def actor(self, entity_id: str | None) -> str:
        if not entity_id:
            return "?"
        name = self.entities.get(entity_id)
        return f"{name} ({entity_id})" if name else entity_id

    def name(self, entity_id: str | None) -> str:
        return self.entities.get(entity_id, entity_id) if entity_id else ""

    def reading(self, r: dict | None) -> str:
        """`{"subject", "predicate", "object", "modality"}` as a sentence of names."""
        if not r:
            return "?"
        words = " ".join(x for x in (self.name(r.get("subject")), r.get("predicate"), self.name(r.get("object"))) if x)
        return words + (f" ({r['modality']})" if r.get("modality") and r["modality"] != "asserted" else "")

    def claim(self, claim_id: str | None) -> str:
        c = self.claims.get(claim_id)
        if c is None:
            return claim_id or "?"
        text = self.reading({"subject": c.subject, "predicate": c.predicate, "object": c.object, "modality": c.modality})
        return f"\u201c{text}\u201d ({claim_id})"


def _one(e: AuditEntry, names: Names, by_id: dict[int, AuditEntry]) -> str:
    p, a = e.payload, e.action
    why = f" \u2014 {p['reason']}" if p.get("reason") else ""
    if a == "merge":
        return f"merged {names.actor(p.get('left_id'))} and {names.actor(p.get('right_id'))}{why}"
    if a == "distinct":
        return f"judged {names.actor(p.get('left_id'))} and {names.actor(p.get('right_id'))} two actors{why}"
    if a == "split":
        rest = ", ".join(names.actor(x) for x in p.get("from") or [])
        return f"split {names.actor(p.get('entity_id'))} off from {rest}{why}"
    if a in VERBS:
        more = len(p.get("claims") or []) - 1
        return (f"{VERBS[a]} the claim {names.claim(p.get('claim_id'))}"
                + (f" and {more} joined into it" if more > 0 else "") + why)
    if a == "correct":
        return (f"corrected the claim {p.get('claim_id')}: {names.reading(p.get('from'))} \u2192 "
                f"{names.reading(p.get('to'))}{why}")
    if a == "auto":
        merged = [names.pairs[j] for j in p.get("judgements") or [] if names.pairs.get(j, (0, 0, ""))[2] == "positive"]
        shown = "; ".join(f"{names.name(x)} = {names.name(y)}" for x, y, _ in merged[:5])
        more = f" and {len(merged) - 5} more" if len(merged) > 5 else ""
        unsure = len(p.get("judgements") or []) - len(merged)
        return (f"automatic resolution: {len(merged)} merge(s)" + (f" ({shown}{more})" if merged else "")
                + (f", {unsure} pair(s) left unsure" if unsure else ""))
    if a in ("undo", "redo"):
        target = by_id.get(p.get("undoes"))
        what = _one(target, names, by_id) if target is not None else p.get("action", "?")
        who = f" by {target.actor}" if target is not None else ""
        verb = "undid" if a == "undo" else "redid"
        return f"{verb} #{p.get('undoes')} ({p.get('action')}{who}): {what}"
    if a == "reliability":  # an analyst's grade of an outlet (corroborate.outlet_grades)
        return f"graded the outlet {p.get('outlet')} {p.get('new')} (was {p.get('old')}, {p.get('old_origin')}){why}"
    counted = ", ".join(f"{k}: {len(v)}" for k, v in p.items() if isinstance(v, list) and k != "judgements")
    named = ", ".join(f"{k}={v}" for k, v in p.items() if isinstance(v, (str, int, float)) and k != "reason")
    return " ".join(x for x in (a, named, counted) if x) + why  # list imports, outlets' grades, ...


def describe(session: Session, entries: list[AuditEntry], context: list[AuditEntry] | None = None) -> dict[int, str]:
    """Entry id → the entry in words; `context`: the log the undos and redos among `entries` refer
    to (read from the store when not given)."""
    if context is None and any(e.action in ("undo", "redo") for e in entries):
        from claimgraph.resolve.judgements import audit
        context = audit(session)
    by_id = {e.id: e for e in context or entries}
    referred = [by_id[e.payload["undoes"]] for e in entries
                if e.action in ("undo", "redo") and e.payload.get("undoes") in by_id]
    names = Names(session, [*entries, *referred])
    return {e.id: _one(e, names, by_id) for e in entries}
