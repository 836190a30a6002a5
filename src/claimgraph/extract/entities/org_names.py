"""Organization names spaCy missed, by their last word: "the March 23 Movement" (its "March 23"
read as a date), "the Popular Resistance Committees". Capitalised words ending in an organization
word (names.yaml: `organization_words`) that no other candidate touches are one organization; a
name that only repeats the word ("Movement") or starts a sentence with nothing else is none."""
from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.extract.entities.lexicon import Lexicon
from claimgraph.extract.entities.mentions import Cand, name_start
from claimgraph.kb.fold import fold_name
from claimgraph.nlp.tokens import sentences, tokens

_JOINERS = {"of", "for", "and", "&"}
_NOT_NAMES = {"DATE", "CARDINAL", "ORDINAL", ""}  # what the NER may have made of a name's words


def org_names(doc: Doc, cands: list[Cand], lex: Lexicon) -> None:
    """Add (in place) an organization candidate for each such name."""
    orgs = {w for w, t in lex.type_words.items() if t == "organization"}
    toks = tokens(doc)
    found = [t for t in toks if t.text in orgs]
    if not found:
        return
    taken = {i for c in cands for i in range(c.start, c.end)}
    starts, _ = sentences(doc)
    for tok in found:
        first = starts[tok.i]
        if tok.i in taken or tok.i == first:
            continue
        start = name_start(doc, tok.i, first, lambda t: _name_word(t, taken), _JOINERS)
        while start < tok.i and (doc[start].lower_ in _JOINERS or doc[start].like_num or doc[start].pos_ == "DET"):
            start += 1
        if start == first and start < tok.i and doc[start].pos_ != "PROPN":
            start += 1
        if start >= tok.i or not any(doc[i].like_num or doc[i].pos_ == "PROPN" and doc[i].text not in orgs
                                     for i in range(start, tok.i)):
            continue  # "Police Department": organization words only, no name
        if start > first and doc[start - 1].ent_type_ not in _NOT_NAMES and doc[start - 1].text[:1].isupper():
            continue  # "the New York City Police Department": the name goes on into what the NER read as a place
        name = doc[start:tok.i + 1].text
        cands.append(Cand(start, tok.i + 1, "organization", "org-word", name=name, key=f"name:{fold_name(name)}",
                          subtype=lex.org_subtypes.get(tok.text)))
        taken.update(range(start, tok.i + 1))


def _name_word(t, taken: set[int]) -> bool:
    """A word of a name no other reading took: capitalised, or a number ("the 313 Brigade")."""
    return t.i not in taken and t.ent_type_ in _NOT_NAMES and (
        t.text[:1].isupper() and (t.is_alpha or "-" in t.text) or t.like_num)
