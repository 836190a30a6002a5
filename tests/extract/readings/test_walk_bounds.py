"""The argument walks end on any parse: cycles between the finders, coordinations and nested
relative clauses as long as the sentence. Sentences are generated here, not taken from a corpus."""
from __future__ import annotations

import itertools

from claim_lookup import claim, find

from claimgraph.extract.limits import MAX_SENTENCE_TOKENS
from claimgraph.extract.readings import bounds

FIRST = ["Karim", "Hassan", "Samir", "Nabil", "Tariq", "Walid", "Faris", "Jamal", "Rami", "Ziad", "Omar",
         "Bashir", "Adel", "Munir", "Salim"]
LAST = ["Haddad", "Nasser", "Khoury", "Saleh", "Darwish", "Mansour", "Hakim", "Rahal", "Shami", "Qasim",
        "Ayoub", "Barakat", "Farouk", "Jaber", "Tamimi", "Zaidan", "Halabi", "Sabbagh", "Karam", "Attar"]


def _names(n: int) -> list[str]:
    return [f"{f} {l}" for f, l in itertools.islice(itertools.product(FIRST, LAST), n)]


def _listed(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1]


def _ok(doc) -> None:
    assert doc.failure is None, doc.failure


def test_passive_involvement_in_an_event_noun_ends(extract):
    # "X was involved in <event noun>": the noun's actor is asked of the verb, whose actor was
    # asked of the noun: a cycle, which crashed the stage
    doc = extract("Last spring the Badr Organization was allegedly involved in mortar attacks on "
                  "Turkish troops near Dohuk, which wounded several soldiers.")
    _ok(doc)
    assert claim(doc, "Badr Organization", "ASSAULT").modality == "alleged"


def test_plain_involvement_names_the_passive_subject(extract):
    doc = extract("Kata'ib Hizballah was involved in the bombing of the Turkish embassy.")
    _ok(doc)
    assert claim(doc, "Kata'ib Hizballah", "ASSAULT", "Turkey")


def test_every_name_of_a_list_of_three_hundred(extract):
    doc = extract(f"The Treasury Department sanctioned {_listed(_names(300))} on Tuesday.")
    _ok(doc)
    sdoc = doc.spacy_doc
    verb = next(t for t in sdoc if t.lower_ == "sanctioned")
    chain, cur = [], next(c for c in verb.children if c.dep_ == "dobj")
    while cur is not None:  # the names the parser put in one coordination with the first
        chain.append(cur)
        cur = next((c for c in cur.children if c.dep_ == "conj"), None)
    listed = {e.id for t in chain for e in doc.entities for m in e.mentions if m.start <= t.idx < m.end}
    assert len(listed) > 8  # more than the old walk reached
    sanctioned = {c.object for c in find(doc, "U.S. Department of the Treasury", "SANCTION")}
    assert listed <= sanctioned  # the walk used to stop seven conjuncts down the list


def test_three_hundred_coordinated_verbs(extract):
    verbs = ["recruited", "trained", "funded", "equipped", "paid", "sheltered", "commanded", "supported"] * 38
    doc = extract(f"Hezbollah {', '.join(verbs)} and directed the Houthis.")
    _ok(doc)
    for predicate in ("trains", "funds", "controls"):
        assert find(doc, "Hezbollah", predicate, "Houthis"), predicate


def test_two_hundred_nested_relative_clauses(extract):
    chain = " ".join(["the man who saw the woman who met"] * 100)
    doc = extract(f"Hezbollah fighters attacked {chain} the Houthis in Sanaa.")
    _ok(doc)
    assert find(doc, "Hezbollah", "ASSAULT")


def test_nested_relatives_of_actors(extract):
    chain = " ".join(["a militia whose commander leads a brigade that"] * 100)
    doc = extract(f"Iran funds {chain} attacked Israel.")
    _ok(doc)
    assert claim(doc, "Iran", "funds")


def test_a_long_sentence_of_many_clauses(extract):
    clause = "Iran funds Hezbollah, which attacked Israel in 2006 while the Quds Force trained the Houthis in Yemen"
    doc = extract("; ".join([clause] * 40) + ".")
    assert 600 < max(len(s) for s in doc.spacy_doc.sents) <= MAX_SENTENCE_TOKENS
    _ok(doc)
    assert claim(doc, "Iran", "funds", "Hezbollah")
    assert claim(doc, "Quds Force", "trains", "Houthis")


def test_a_sentence_longer_than_the_bound_is_not_read(extract):
    # text with no sentence breaks: its parse says little and every walk over it costs its square
    clause = "Iran funds Hezbollah, which attacked Israel in 2006 while the Quds Force trained the Houthis in Yemen"
    doc = extract("; ".join([clause] * 60) + ". Iran funds the Houthis.")
    assert max(len(s) for s in doc.spacy_doc.sents) > MAX_SENTENCE_TOKENS
    _ok(doc)
    assert claim(doc, "Iran", "funds", "Houthis") and not find(doc, "Quds Force", "trains")


class _Walker:
    """Two finders that call each other on the same token forever, and one that nests deeper."""

    def __init__(self):
        self.walks = bounds.Walks()
        self.calls = 0

    @bounds.bounded
    def ping(self, tok):
        self.calls += 1
        return self.pong(tok) + [tok.i]

    @bounds.bounded
    def pong(self, tok):
        return self.ping(tok)

    @bounds.bounded
    def down(self, tok):
        self.calls += 1
        nxt = tok.doc[(tok.i + 1) % len(tok.doc)]
        return [tok.i] + self.down(nxt)


def test_bounded_cuts_a_cycle_and_a_deep_chain(extractor):
    doc = extractor.nlp("one two three")
    w = _Walker()
    assert w.ping(doc[0]) == [0] and w.calls == 1 and not w.walks.active
    w.calls = 0
    assert len(w.down(doc[0])) == 3 and w.calls == 3  # a token seen in the walk ends it
    w = _Walker()
    long = extractor.nlp(" ".join(["word"] * 100))
    assert len(w.down(long[0])) == bounds.MAX_NESTING and not w.walks.active
