"""The sources (outlets and issuing bodies) of the stored documents, with their reliability."""
from __future__ import annotations

from collections import defaultdict

from claimgraph.corroborate.sources import RELIABILITY
from claimgraph.query.snapshot import snapshot


def sources(store) -> list[dict]:
    """Each source with its Admiralty reliability (A–F, from the sources data; F when nobody graded
    it), its documents, how many of them reprint another document's story, and the claims it
    stands behind; most documents first."""
    snap = snapshot(store)
    grades = snap.source_grades
    docs: dict[str, list[str]] = defaultdict(list)
    for d in snap.documents.values():
        name = grades.canonical(d.source) if (d.source or "").strip() else "(no source)"
        docs[name].append(d.id)
    claims: dict[str, int] = defaultdict(int)
    for c in snap.claims.values():
        for name in {grades.canonical(s) if not s.startswith("doc-") else "(no source)" for s in snap.sources(c)}:
            claims[name] += 1
    rows = []
    for name, ids in docs.items():
        grade = grades.reliability(name) if name != "(no source)" else "F"
        reprints = sum(1 for i in ids if snap.documents[i].cluster not in (None, i))
        known = grades.lookup(name) if name != "(no source)" else None
        rows.append({"source": name, "reliability": grade, "meaning": RELIABILITY[grade],
                     "graded": known is not None, "documents": len(ids), "reprints": reprints,
                     "claims": claims.get(name, 0)})
    rows.sort(key=lambda r: (-r["documents"], r["source"]))
    return rows
