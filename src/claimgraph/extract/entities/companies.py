"""Company names by their legal form: "Lafarge Cement Syria S.A.", "Al-Qard Al-Hassan Co.",
"Industrial Resources General Trading LLC", "LLC Meroe Gold". spaCy often misses such a name or
types a word of it ("Syria" of "Lafarge Cement Syria S.A."); the capitalised words joined to a
legal form (names.yaml: `company_forms`) are one organization, and what the NER or the
knowledge base found inside them goes. A name already found whole, or a knowledge-base actor that
holds it, keeps its reading. The company's first word alone later on ("Midas" after "Midas
Resources SARLU") is that company (`link_short_names`)."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.extract.entities.lexicon import Lexicon
from claimgraph.extract.entities.linking import _copy_identity
from claimgraph.extract.entities.mentions import Cand, name_start
from claimgraph.kb.fold import fold_name
from claimgraph.nlp.tokens import sentences, tokens

_JOINERS = {"&", "-", "of", "for"}  # inside a name: "Bank of Beirut S.A.L.", "Al-Qard"


def company_names(doc: Doc, cands: list[Cand], lex: Lexicon) -> None:
    """Add (in place) an organization candidate for each name a legal form ends or opens."""
    forms = lex.company_forms
    found = [t for t in tokens(doc) if t.text in forms]
    if not found:
        return
    starts, ends = sentences(doc)
    for tok in found:
        span = _before(tok, forms, starts[tok.i]) or _after(tok, forms, ends[tok.i])
        if span is None:
            continue
        start, end = span
        if any(c.start <= start and c.end >= end for c in cands):
            for c in cands:  # found whole already: a company, whatever spaCy called it
                if (c.start, c.end) == (start, end) and c.actor is None:
                    c.type, c.subtype = "organization", c.subtype or "company"
            continue
        if any(c.start < start < c.end or c.start < end < c.end for c in cands if c.actor is not None):
            continue  # crosses a known actor's name
        cands[:] = [c for c in cands if c.end <= start or c.start >= end]
        name = doc[start:end].text
        cands.append(Cand(start, end, "organization", "company-form", subtype="company", name=name,
                          key=f"name:{fold_name(name)}"))


def link_short_names(doc: Doc, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """A company's first word alone after its full name is the company: a candidate there takes its
    identity, a word the NER missed becomes a mention. Returns the mentions it adds."""
    forms = lex.company_forms
    companies = [c for c in cands if c.type == "organization" and c.end - c.start > 1
                 and doc[c.end - 1].text in forms and doc[c.start].text not in forms]
    if not companies:
        return []
    by_word: dict[str, list[Cand]] = {}
    for c in companies:
        by_word.setdefault(doc[c.start].text, []).append(c)
    at = {c.start: c for c in cands if c.end - c.start == 1 and c.actor is None}
    covered = {i for c in cands for i in range(c.start, c.end)}
    added = []
    for tok in tokens(doc):
        hosts = [h for h in by_word.get(tok.text, ()) if h.end <= tok.i]
        if not hosts or tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper():
            continue  # "Midas Resources" again is the NER's or the form's, not a short name
        exact = [h for h in hosts if h.end - h.start == 2]  # "Lafarge" of "Lafarge S.A."
        keys = {h.key for h in (exact or hosts)}
        if len(keys) != 1:
            continue
        host = (exact or hosts)[-1]
        if tok.i in at:
            _copy_identity(at[tok.i], host, "company-short")
        elif tok.i not in covered:
            new = Cand(tok.i, tok.i + 1, host.type, "company-short")
            _copy_identity(new, host, "company-short")
            added.append(new)
    return added


def _capital(t: Token, forms: frozenset[str]) -> bool:
    word = t.is_alpha or "-" in t.text or "'" in t.text or t.like_num
    return t.text[:1].isupper() and word or t.text in forms  # "Mehr Trading Co., Ltd.": a form inside


def _before(form: Token, forms: frozenset[str], sent_start: int) -> tuple[int, int] | None:
    """The capitalised words before a legal form ("... Syria S.A.", "Midas Resources, Inc.")."""
    doc = form.doc
    i = form.i
    if i - 1 > sent_start and doc[i - 1].text == ",":
        i -= 1
    start = name_start(doc, i, sent_start, lambda t: _capital(t, forms), _JOINERS)
    while start < i and doc[start].lower_ in _JOINERS:
        start += 1
    if start < i and start == sent_start and doc[start].pos_ != "PROPN":
        start += 1  # "Today Mehr Trading Co. ...": a sentence's first word that names nothing
    return (start, form.i + 1) if start < i else None


def _after(form: Token, forms: frozenset[str], sent_end: int) -> tuple[int, int] | None:
    """A legal form before the name, as Russian and Central Asian registers write it ("LLC Meroe Gold")."""
    doc = form.doc
    end = form.i + 1
    while end < sent_end and _capital(doc[end], forms) and doc[end].text not in forms:
        end += 1
    return (form.i, end) if end > form.i + 1 else None
