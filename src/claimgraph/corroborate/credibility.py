"""Information credibility (NATO Admiralty Code, 1–6) of a claim group, and the two-character
Admiralty rating ("B2") it makes with a source's reliability.

Each reading of a claim (a claim in a document) is rated: by the source it is attributed to
when the sources table knows that name (`names` maps entity ids to names), else by the
document's outlet (F when it has none). A denial attributed to the claim's own subject or
object ("Iran denied arming the Houthis") is an interested denial: it is listed among the
contradictions but does not count for or against the claim. Documents are grouped into
independent sources as in `support`. Firm readings are asserted or reported; hedged ones
alleged or speculative. The first rule that holds gives the grade:

6 cannot be judged  no evidence, or only interested denials.
5 improbable        more independent sources negate the claim than affirm it; or a source
                    rated A–E negates it and is rated as well as or better than the best source
                    that affirms it.
1 confirmed         ≥ 3 independent sources assert or report it, ≥ 2 of them rated A–C.
2 probably true     ≥ 2 independent sources assert or report it.
3 possibly true     one source asserts it, or one source rated A–C reports it.
4 doubtful          it is only alleged or speculated, or only reported by sources rated D–F.

Then two corrections: a conflict on its quantities or dates makes 1 a 2 (the claim is
corroborated, its details are not); a negation by a less reliable source (one that did not
make it 5) makes 1 a 2 and 2 a 3.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from claimgraph.corroborate.contradictions import interested
from claimgraph.corroborate.sources import GRADES, Sources, default_sources
from claimgraph.corroborate.support import FIRM, ClaimGroup, independent_sources, source_names
from claimgraph.model import Claim, Document

CREDIBILITY = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
JUDGED = "ABC"  # the grades that count as a good source


def admiralty(reliability: str, credibility: int) -> str:
    """The Admiralty rating: source reliability and information credibility ("B", 2 → "B2")."""
    letter = str(reliability).strip().upper()
    if letter not in GRADES or len(letter) != 1:
        raise ValueError(f"reliability must be one of A-F, not {reliability!r}")
    if credibility not in CREDIBILITY:
        raise ValueError(f"credibility must be 1-6, not {credibility!r}")
    return f"{letter}{credibility}"


def reading_reliability(claim: Claim, doc_id: str, documents_by_id: Mapping[str, Document],
                        sources: Sources, names: Mapping[str, str] | None = None) -> str:
    """The reliability of one reading: its named source's grade when known, else its outlet's."""
    if claim.attributed_to:
        known = sources.lookup((names or {}).get(claim.attributed_to, claim.attributed_to))
        if known is not None:
            return known.reliability
    doc = documents_by_id.get(doc_id)
    return sources.reliability(doc.source if doc else None)


def _best(grades: Iterable[str]) -> str | None:
    return min(grades, default=None)


def grade(group: ClaimGroup | Iterable[Claim], documents_by_id: Mapping[str, Document],
          clusters: Mapping[str, str], contradictions: Iterable[dict] = (), sources: Sources | None = None,
          names: Mapping[str, str] | None = None) -> tuple[int, str]:
    """The credibility grade (1–6) of a claim group and the reason for it, in words."""
    sources = sources or default_sources()
    claims = group.claims if isinstance(group, ClaimGroup) else list(group)
    ids = {c.id for c in claims}
    readings = [(c, ev.doc_id) for c in claims for ev in c.evidence if ev.doc_id]
    readings = list(dict.fromkeys((c.id, d) for c, d in readings))
    by_id = {c.id: c for c in claims}
    if not readings:
        return 6, f"{CREDIBILITY[6]}: no evidence in any document"
    usable = [(by_id[c], d) for c, d in readings if not interested(by_id[c])]
    if not usable:
        return 6, f"{CREDIBILITY[6]}: only denied by a party to it"

    components = independent_sources({d for _, d in usable}, documents_by_id, clusters, sources)
    where = {d: n for n, g in enumerate(components) for d in g}
    rated = [(c.modality, where[d], reading_reliability(c, d, documents_by_id, sources, names), d)
             for c, d in usable]
    negating = [r for r in rated if r[0] == "negated"]
    affirming = [r for r in rated if r[0] != "negated"]
    firm = [r for r in affirming if r[0] in FIRM]
    n_neg, n_aff = len({r[1] for r in negating}), len({r[1] for r in affirming})

    def who(rows) -> str:
        return ", ".join(source_names({r[3] for r in rows}, documents_by_id, sources))

    if negating and n_neg > n_aff:
        return 5, f"{CREDIBILITY[5]}: negated by {n_neg} of {n_neg + n_aff} independent sources ({who(negating)})"
    best_neg, best_aff = _best(r[2] for r in negating), _best(r[2] for r in affirming)
    if negating and best_neg != "F" and best_neg <= best_aff:
        return 5, (f"{CREDIBILITY[5]}: negated by a source rated {best_neg} ({who(negating)}), "
                   f"affirmed at best by {best_aff}")

    n_firm = len({r[1] for r in firm})
    n_firm_good = len({r[1] for r in firm if r[2] in JUDGED})
    if n_firm >= 3 and n_firm_good >= 2:
        result = 1, f"{n_firm} independent sources assert or report it, {n_firm_good} rated A-C ({who(firm)})"
    elif n_firm >= 2:
        result = 2, f"{n_firm} independent sources assert or report it ({who(firm)})"
    elif any(r[0] == "asserted" for r in firm):
        result = 3, f"one independent source asserts it ({who(firm)})"
    elif any(r[2] in JUDGED for r in firm):
        result = 3, f"one independent source rated A-C reports it ({who(firm)})"
    elif firm:
        result = 4, f"only reported, by sources rated D-F ({who(firm)})"
    else:
        result = 4, f"only alleged or speculated ({who(affirming)})"

    score, reason = result
    details = [x for x in contradictions if x.get("type") in ("quantity", "date") and set(x.get("claims", ())) & ids]
    if details and score == 1:
        kinds = " and ".join(sorted({x["type"] for x in details}))
        score, reason = 2, f"{reason}; but the sources disagree on its {kinds}"
    if negating:
        score = score + 1 if score <= 2 else score
        reason = f"{reason}; but negated by a less reliable source ({who(negating)})"
    return score, f"{CREDIBILITY[score]}: {reason}"
