"""The sources (outlets and issuing bodies) of the stored documents, with their reliability."""
from __future__ import annotations

from collections import Counter, defaultdict

from claimgraph.corroborate.outlet_grades import origin
from claimgraph.corroborate.sources import RELIABILITY
from claimgraph.query.snapshot import snapshot


def sources(store) -> list[dict]:
    """Each source once by its key, whatever its spellings, with its Admiralty reliability (A–F)
    and where it comes from, its documents, how many of them reprint another document's story,
    and the claims it stands behind; most documents first."""
    snap = snapshot(store)
    grades = snap.source_grades
    docs: dict[str, list[str]] = defaultdict(list)
    spellings: dict[str, Counter] = defaultdict(Counter)
    for d in snap.documents.values():
        key = grades.key(d.source) if (d.source or "").strip() else "(no source)"
        docs[key].append(d.id)
        spellings[key][(d.source or "").strip() or "(no source)"] += 1
    claims: dict[str, int] = defaultdict(int)
    for c in snap.claims.values():
        for key in {s.removeprefix("src:") if s.startswith("src:") else "(no source)" for s in snap.sources(c)}:
            claims[key] += 1
    rows = []
    for key, ids in docs.items():
        spelled = spellings[key]
        known = grades.lookup(next(iter(spelled))) if key != "(no source)" else None
        grade = known.reliability if known else "F"
        reprints = sum(1 for i in ids if snap.documents[i].cluster not in (None, i))
        rows.append({"source": known.name if known else min(spelled, key=lambda s: (-spelled[s], s)), "key": key,
                     "reliability": grade, "meaning": RELIABILITY[grade], "origin": origin(known),
                     "graded": known is not None, "reason": (known.note or None) if known else None,
                     "analyst": (known.analyst or None) if known else None,
                     "default": ((known.default or "F") if known.origin == "analyst" else known.reliability)
                     if known else "F",
                     "spellings": sorted(spelled), "documents": len(ids), "reprints": reprints,
                     "claims": claims.get(key, 0)})
    rows.sort(key=lambda r: (-r["documents"], r["source"]))
    return rows
