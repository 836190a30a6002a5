"""U.S. judicial districts: "the Eastern District of Virginia" is one name, not a place
"Eastern District" and a state "Virginia". Where a court or a grand jury sits ("a grand jury in
the Southern District of Texas", "the District Court for the Northern District of Ohio") it is a
jurisdiction, no actor; elsewhere ("U.S. Attorney X of the Southern District of New York", "the
Southern District of New York charged ...") it is the U.S. Attorney's office of that district."""
from __future__ import annotations

from functools import cache

import pycountry
from spacy.tokens import Doc

from claimgraph.extract.entities.lexicon import Lexicon
from claimgraph.extract.entities.mentions import Cand
from claimgraph.kb.fold import fold_name
from claimgraph.nlp.text import doc_text
from claimgraph.nlp.tokens import tokens

_SEAT = {"in", "within", "throughout"}  # "a grand jury in the ...": where a court sits


@cache
def _us_states() -> frozenset[str]:
    """The names of the U.S. states and territories (pycountry): a U.S. judicial district is "of"
    one of them; "the Northern District of Israel" is a district of another country."""
    return frozenset(s.name for s in pycountry.subdivisions.get(country_code="US"))


def _spans(doc: Doc, lex: Lexicon) -> list[tuple[int, int, bool]]:
    """(start, end, seat) of each district name; `seat` when it says where a court sits."""
    if "District" not in doc_text(doc):
        return []  # most documents name none: no walk over their tokens
    toks = tokens(doc)
    out = []
    for t in toks:
        i = t.i
        if t.text != "District" or i == 0 or toks[i - 1].text not in lex.district_words \
                or i + 2 >= len(doc) or toks[i + 1].lower_ != "of" or not toks[i + 2].text[:1].isupper():
            continue
        end = i + 2
        while end < len(doc) and toks[end].pos_ == "PROPN" and toks[end].text[:1].isupper():
            end += 1
        # the state ends the name, whatever proper nouns the parse runs on into
        end = next((k for k in range(end, i + 2, -1) if doc[i + 2:k].text in _us_states()), None)
        if end is None:
            continue
        start = i - 1
        before = start - 1 if start > 0 and toks[start - 1].lower_ == "the" else start
        prep = toks[before - 1] if before > 0 else None
        # "a grand jury in the ...", "the District Court for the ..."; not "U.S. Attorney X for the ..."
        seat = prep is not None and (prep.lower_ in _SEAT or prep.lower_ == "for" and prep.i > 0
                                     and toks[prep.i - 1].lower_ == "court")
        out.append((start, end, seat))
    return out


def districts(doc: Doc, cands: list[Cand], lex: Lexicon) -> None:
    """Replace the NER's pieces of each district name by the district's office, or by nothing
    where the name is a court's seat. A knowledge-base court that holds the name keeps it."""
    for start, end, seat in _spans(doc, lex):
        if any(c.actor is not None and c.start <= start and c.end >= end for c in cands):
            continue  # "U.S. District Court for the Southern District of New York"
        cands[:] = [c for c in cands if c.end <= start or c.start >= end]
        if not seat:
            name = doc[start:end].text
            cands.append(Cand(start, end, "organization", "district", name=name,
                              key=f"name:{fold_name(name)}", subtype="government_agency", country="USA"))
