"""The sources (outlets and issuing bodies) of the stored documents, with their reliability."""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import and_, func, select

from claimgraph.corroborate.sources import RELIABILITY
from claimgraph.query.view import open_view, reads
from claimgraph.store.schema import ClaimRow, DocumentRow, EvidenceRow


@reads
def sources(store) -> list[dict]:
    """Each source with its Admiralty reliability (A–F, from the sources data; F when nobody graded
    it), its documents, how many of them reprint another document's story, and the claims it
    stands behind; most documents first. Counted in SQL, per source as the documents spell it."""
    view = open_view(store)
    grades = view.source_grades
    session = view.session
    reprint = and_(DocumentRow.cluster.is_not(None), DocumentRow.cluster != DocumentRow.id)
    docs: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for source, n in session.execute(select(DocumentRow.source, func.count()).group_by(DocumentRow.source)):
        docs[_name(grades, source)][0] += n
    for source, n in session.execute(select(DocumentRow.source, func.count()).where(reprint)
                                     .group_by(DocumentRow.source)):
        docs[_name(grades, source)][1] += n
    claims: dict[str, int] = defaultdict(int)
    per_source = (select(DocumentRow.source, func.count(func.distinct(ClaimRow.canonical)))
                  .join(EvidenceRow, EvidenceRow.doc_id == DocumentRow.id)
                  .join(ClaimRow, ClaimRow.id == EvidenceRow.claim_id)
                  .where(ClaimRow.canonical.is_not(None)).group_by(DocumentRow.source))
    for source, n in session.execute(per_source):
        claims[_name(grades, source)] += n
    rows = []
    for name, (n, reprints) in docs.items():
        grade = grades.reliability(name) if name != "(no source)" else "F"
        known = grades.lookup(name) if name != "(no source)" else None
        rows.append({"source": name, "reliability": grade, "meaning": RELIABILITY[grade],
                     "graded": known is not None, "documents": n, "reprints": reprints,
                     "claims": claims.get(name, 0)})
    rows.sort(key=lambda r: (-r["documents"], r["source"]))
    return rows


def _name(grades, source: str | None) -> str:
    return grades.canonical(source) if (source or "").strip() else "(no source)"
