"""The sources (outlets and issuing bodies) of the stored documents, with their reliability."""
from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import and_, func, select

from claimgraph.corroborate.outlet_grades import origin
from claimgraph.corroborate.sources import RELIABILITY
from claimgraph.query.view import open_view, reads
from claimgraph.store.schema import ClaimRow, DocumentRow, EvidenceRow

NO_SOURCE = "(no source)"


@reads
def sources(store) -> list[dict]:
    """Each source, once whatever its spellings ("meridianwire" and "Meridian Wire" are one), with
    its Admiralty reliability (A–F) and where it comes from (`origin`: "analyst" for a grade set
    in the store, "yaml" for the sources files, "default" for F when nobody graded it), the
    reason, its documents, how many of them reprint another document's story, and the claims it
    stands behind; most documents first. Named by the sources table, else by the spelling most of
    its documents use. Counted in SQL per spelling, then joined by the outlet's key."""
    view = open_view(store)
    grades = view.source_grades
    session = view.session
    reprint = and_(DocumentRow.cluster.is_not(None), DocumentRow.cluster != DocumentRow.id)
    spellings: dict[str, Counter] = defaultdict(Counter)  # key → spelling → documents
    reprints: Counter = Counter()
    for source, n in session.execute(select(DocumentRow.source, func.count()).group_by(DocumentRow.source)):
        spellings[_key(grades, source)][(source or "").strip() or NO_SOURCE] += n
    for source, n in session.execute(select(DocumentRow.source, func.count()).where(reprint)
                                     .group_by(DocumentRow.source)):
        reprints[_key(grades, source)] += n
    claims: Counter = Counter()
    per_source = (select(DocumentRow.source, func.count(func.distinct(ClaimRow.canonical)))
                  .join(EvidenceRow, EvidenceRow.doc_id == DocumentRow.id)
                  .join(ClaimRow, ClaimRow.id == EvidenceRow.claim_id)
                  .where(ClaimRow.canonical.is_not(None)).group_by(DocumentRow.source))
    for source, n in session.execute(per_source):
        claims[_key(grades, source)] += n
    for key, spelled in spellings.items():  # one claim in two spellings' documents counts once
        if len(spelled) > 1 and key != NO_SOURCE:
            names = [s for s in spelled]
            claims[key] = session.scalar(
                select(func.count(func.distinct(ClaimRow.canonical)))
                .join(EvidenceRow, EvidenceRow.claim_id == ClaimRow.id)
                .join(DocumentRow, DocumentRow.id == EvidenceRow.doc_id)
                .where(ClaimRow.canonical.is_not(None), func.trim(DocumentRow.source).in_(names))) or 0
    rows = []
    for key, spelled in spellings.items():
        known = grades.lookup(next(iter(spelled))) if key != NO_SOURCE else None
        name = known.name if known else min(spelled, key=lambda s: (-spelled[s], s))
        grade = known.reliability if known else "F"
        rows.append({"source": name, "key": key, "reliability": grade, "meaning": RELIABILITY[grade],
                     "origin": origin(known), "graded": known is not None,
                     "reason": (known.note or None) if known else None,
                     "analyst": (known.analyst or None) if known else None,
                     "default": ((known.default or "F") if known.origin == "analyst" else known.reliability) if known else "F",
                     "spellings": sorted(spelled), "documents": sum(spelled.values()),
                     "reprints": reprints.get(key, 0), "claims": claims.get(key, 0)})
    rows.sort(key=lambda r: (-r["documents"], r["source"]))
    return rows


def _key(grades, source: str | None) -> str:
    return grades.key(source) if (source or "").strip() else NO_SOURCE
