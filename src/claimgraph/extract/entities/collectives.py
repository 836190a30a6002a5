"""Generic collectives ("the Shiite militias", "Belgian police", "a smuggling network", "four
co-defendants") as `group` entities.

A noun phrase counts when its head is in `data/collectives.yaml`. Its qualifier says which
collective it is, the first of: the countries it is from (a demonym, "Iraqi militia groups";
"militias from Iraq"; named members of one country, "groups including KH and KSS"); the place
it is in ("militias in Syria"); its sponsor ("Iran-backed", "IRGC-trained"); its other
modifiers ("smuggling network", "a coalition of militias"). A phrase whose modifier is a named
organization ("Hezbollah fighters") stands for that organization and is left to the claim stage.

Within one document, mentions of one class are one entity per qualifier. A mention qualified
only by a place or a sponsor joins a collective of its class from a country that shares that
place or sponsor ("an Iran-backed militia in Syria" … "Iran-backed groups including KH");
a mention with no qualifier joins the qualified collective of its sentence, else the nearest
one before it, else the next one after it. Across documents one class with one qualifier is one
actor: the key (`group:<class>:<qualifier>`) is what the entity id is made from. A collective
with no qualifier at all, or of a class listed as belonging to one story, is keyed to its
document (`group-doc:`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Token

from claimgraph.extract.entities.lexicon import Head, Lexicon
from claimgraph.extract.entities.mentions import Cand
from claimgraph.kb.fold import fold, fold_name
from claimgraph.nlp.tokens import tokens

CORPUS_KEY, DOCUMENT_KEY = "group:", "group-doc:"
_MODIFIER_DEPS = {"amod", "compound", "nmod", "nummod", "quantmod", "advmod", "npadvmod", "conj", "cc", "punct"}
_PLACE_TYPES = ("country", "location")
_LIST_OPENERS = {",", ":", "—", "–", "-", "("}  # "including" lists some members: still a collective


@dataclass
class _Qualifier:
    countries: set[str] = field(default_factory=set)  # where it is from (alpha-3, lower case)
    places: set[str] = field(default_factory=set)  # where it is ("in X")
    sponsors: set[str] = field(default_factory=set)  # actor ids of "X-backed"
    words: tuple[str, ...] = ()  # its other qualifying words, folded
    owned: bool = False  # a named organization modifies it: it stands for that organization
    by_members: bool = False  # its countries are its named members' (its own words do not say them)

    def __bool__(self) -> bool:
        return bool(self.countries or self.places or self.sponsors or self.words)


@dataclass
class _Found:
    cand: Cand
    head: Head
    q: _Qualifier
    sent: int
    key: str = field(default="")


def is_group_key(key: str) -> bool:
    return key.startswith((CORPUS_KEY, DOCUMENT_KEY))


_HEAD_POS = (NOUN, PROPN)  # as the integer `Token.pos`: this is asked of every token


def _head_spec(tok: Token, lex: Lexicon) -> tuple[Head, ...]:
    if tok.pos not in _HEAD_POS:
        return ()
    senses = lex.heads.get(tok.lemma_.lower()) or lex.heads.get(tok.lower_) or ()
    plural = tok.tag_ in ("NNS", "NNPS")
    return tuple(h for h in senses if plural or not h.needs_plural)


def _left_bound(tok: Token) -> int:
    """First token of the modifiers standing before the head (no article, no possessor); a hyphen
    word the parser cut up ("co - defendants") is taken whole, with its own modifiers."""
    doc, start, word = tok.doc, tok.i, tok
    while True:
        for child in word.lefts:
            if child.dep_ in ("det", "poss", "case", "predet"):
                start = max(start, child.right_edge.i + 1) if child.i < word.i else start
                continue
            if child.dep_ in _MODIFIER_DEPS:
                start = min(start, child.left_edge.i)
        s = start
        if s >= 2 and doc[s - 1].text == "-" and not doc[s - 1].whitespace_ and not doc[s - 2].whitespace_ \
                and doc[s - 2].is_alpha:
            word, start = doc[s - 2], s - 2
            continue
        break
    # never start on the article or possessor skipped above
    while start < tok.i and (doc[start].dep_ in ("det", "case", "poss") or doc[start].is_punct):
        start += 1
    return start


def _names_follow(doc: Doc, head: Token, at: dict[int, Cand]) -> bool:
    """"two militias, KH and AAH", "three groups: ...": the phrase announces named actors."""
    # the apposition is names itself, not a description that mentions a place or an actor ("Plaintiffs,
    # victims of the bombings in Nairobi")
    if any(c.dep_ == "appos" and any(t.i in at and at[t.i].type not in _PLACE_TYPES for t in (c, *c.conjuncts))
           for c in head.children):
        return True
    i = head.i + 1
    if i >= len(doc) or doc[i].lower_ not in _LIST_OPENERS:
        return False
    named = [j for j in range(i + 1, min(i + 3, len(doc))) if j in at and at[j].type not in _PLACE_TYPES]
    if doc[i].text == ",":  # after a comma only a name the parse hangs on the phrase, and not ", including"
        if i + 1 < len(doc) and doc[i + 1].lower_ in ("including", "like", "such", "notably", "especially"):
            return False
        return any(doc[j].head.i == head.i or head.is_ancestor(doc[j]) for j in named)
    return bool(named)


_FEW = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "2", "3", "4", "5", "6", "7", "8", "9"}


def _counted(head: Token) -> bool:
    """"two militias": a handful of particular actors, likely named elsewhere; "40 militia groups"
    is a collective."""
    return any(c.dep_ == "nummod" and c.lower_ in _FEW for c in head.lefts)


def _is_sponsor(doc: Doc, c: Cand, lex: Lexicon) -> bool:
    nxt = doc[c.end:c.end + 2]
    return len(nxt) == 2 and nxt[0].text in "-–" and fold(nxt[1].text) in lex.sponsor_words


def _of_phrase(head: Token) -> Token | None:
    return next((p for p in head.rights if p.dep_ == "prep" and p.lower_ == "of"), None)


def _qualify(doc: Doc, head: Token, start: int, cands: list[Cand], lex: Lexicon) -> _Qualifier:
    """What tells this collective from another of its class."""
    q, covered = _Qualifier(), set()
    for c in (c for c in cands if start <= c.start and c.end <= head.i):
        covered.update(range(c.start, c.end))
        if _is_sponsor(doc, c, lex):
            if c.actor is not None:
                q.sponsors.add(c.actor.id)
            covered.update(range(c.end, c.end + 2))
        elif c.type in _PLACE_TYPES and c.actor is not None:
            q.countries.add(_place_code(c))
        elif c.type not in _PLACE_TYPES:
            q.owned = True
    for poss in (c for c in head.children if c.dep_ == "poss"):  # "the IRGC's elite units"
        hit = next((c for c in cands if c.start <= poss.i < c.end), None)
        if hit is not None and hit.type not in _PLACE_TYPES:
            q.owned = True
    words = {fold(t.lemma_) for t in doc[start:head.i] if t.i not in covered and _qualifying(t, lex)}
    members: set[str | None] = set()
    for prep in head.rights:
        if prep.dep_ != "prep":
            continue
        listing = prep.lower_ in ("including", "like") or (prep.lower_ == "as" and doc[prep.i - 1].lower_ == "such")
        if prep.lower_ not in ("in", "from", "of") and not listing:
            continue
        for o in (t for t in prep.subtree if t.dep_ in ("pobj", "conj")):
            hit = next((c for c in cands if c.start <= o.i < c.end), None)
            if listing:  # named organizations of one country; a person listed is no member
                if hit is not None and hit.type not in _PLACE_TYPES:
                    known = hit.type == "organization" and hit.actor is not None and hit.actor.country
                    members.add(hit.actor.country.lower() if known else None)
            elif hit is not None and hit.type in _PLACE_TYPES and hit.actor is not None:
                (q.places if prep.lower_ == "in" else q.countries).add(_place_code(hit))
            elif hit is not None and prep.lower_ == "of" and hit.type not in _PLACE_TYPES:
                q.owned = True
            elif hit is None and prep.lower_ == "of" and o.pos_ in ("NOUN", "PROPN"):
                words.add(fold(o.lemma_))
    if len(members) == 1 and None not in members and not q.countries:
        q.countries = {m for m in members if m}  # "groups including KH and KSS": Iraqi groups
        q.by_members = True
    q.words = tuple(sorted(words))
    return q


def _place_code(c: Cand) -> str:
    """A country's alpha-3 (lower case); a place stands for its country ("police in Antwerp")."""
    if c.type == "country":
        return c.actor.id
    return c.actor.country.lower() if c.actor.country else "at-" + c.actor.id


def _qualifying(t: Token, lex: Lexicon) -> bool:
    if t.is_punct or t.like_num or t.is_stop or not t.is_alpha:
        return False
    if t.pos_ not in ("ADJ", "NOUN", "PROPN") and not (t.i > 0 and t.doc[t.i - 1].text == "-"):
        return False  # "recruiting fighters" is a verb's object; "Iran-trained" a hyphen word
    return fold(t.text) not in lex.not_qualifiers and fold(t.lemma_) not in lex.not_qualifiers


def _pick_sense(senses: tuple[Head, ...], mods: set[str], qualified: bool) -> Head | None:
    for h in senses:
        if h.needs and not (mods & h.needs):
            continue
        if h.needs_qualifier and not qualified:
            continue
        return h
    return None


def find(doc: Doc, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """Group mentions of the document, keyed so that one collective is one entity."""
    taken = set()
    for c in cands:
        taken.update(range(c.start, c.end))
    at = {i: c for c in cands for i in range(c.start, c.end)}
    found: list[_Found] = []
    described: list[Cand] = []
    owned: list[tuple[Token, Cand]] = []  # the nouns a named organization modifies, and it
    listed: set[str] = set()  # document classes the text names the members of
    for tok in tokens(doc):
        senses = _head_spec(tok, lex)
        if not senses or tok.i in taken:
            continue
        if tok.dep_ == "compound" and tok.head.i > tok.i:
            continue  # "militia" in "militia groups": the phrase's head decides
        start = _left_bound(tok)
        q = _qualify(doc, tok, start, cands, lex)
        before = tokens(doc)[start:tok.i]
        mods = {fold(t.text) for t in before} | {fold(t.lemma_) for t in before} | set(q.words)
        mods |= {w for t in before for w in fold(t.text).split("-")}
        head = _pick_sense(senses, mods, bool(q))
        if start < tok.i and fold_name(doc[start:tok.i].text) in lex.not_actors:
            continue  # "a Specially Designated Global Terrorist group": a designation, no collective
        if head is not None and q.owned:  # "Hamas militants": the noun now stands for Hamas
            owners = [at[i] for i in range(start, tok.i) if i in at and at[i].type == "organization"]
            if owners:
                owned.append((tok, owners[-1]))
        if head is None or q.owned:
            continue
        of = _of_phrase(tok)
        if head.counted and (of is not None and any(t.i in at for t in of.subtree) or len(q.countries) != 1):
            continue  # a state's troops only: not "the forces of the Assad regime", "Iraqi and American
            # troops" (those actors' own), nor "coalition forces", "security forces" (whose?)
        if _names_follow(doc, tok, at) or (_counted(tok) and head.cls not in lex.document_classes and not head.counted):
            continue  # "two militias, KH and AAH": a handful of particular actors, named elsewhere
        named = _describes(tok, at, start)
        if named is None and not q and start == tok.i:
            named = _named_with(doc, tok, cands, owned)
        if named is not None:
            if named is not False:
                desc = Cand(start, tok.i + 1, named.type, "description")
                desc.key, desc.actor, desc.subtype = named.key, named.actor, named.subtype
                desc.country, desc.name = named.country, named.name
                described.append(desc)
            continue
        if head.cls in lex.party_classes and not q and _named_by_copula(tok, at):
            listed.add(head.cls)
            continue
        end = tok.i + 1
        of = _of_phrase(tok)
        if of is not None and q.words and not any(t.i in at for t in of.subtree):
            end = of.right_edge.i + 1  # "a coalition of militias", "a network of conspirators"
        taken.update(range(start, end))
        rule = "collective:members" if q.by_members else "collective"  # the entity is named after its own words
        cand = Cand(start, end, "group", rule, subtype=head.subtype, name=_display_name(doc, start, end, lex))
        found.append(_Found(cand, head, q, tok.sent.start))
    if "defendants" in lex.party_classes and any(f.head.cls == "defendants" and not f.q for f in found) \
            and _defendants_named(doc, at, lex):
        listed.add("defendants")
    # "The defendants are Iran, MOIS and the IRGC": the bare class is those actors, no group of its own
    found = [f for f in found if not (f.head.cls in listed and not f.q)]
    _assign_keys(found, lex)
    return [f.cand for f in found] + described


def _named_by_copula(head: Token, at: dict[int, Cand]) -> bool:
    """"The defendants are the Islamic Republic of Iran, MOIS and the IRGC": the subject of "be"
    whose predicate is a list of named actors."""
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_ != "be":
        return False
    attr = next((c for c in verb.children if c.dep_ == "attr"), None)
    if attr is None:
        return False
    first = at.get(attr.i)
    if first is None and attr.lower_ in ("republic", "kingdom", "state"):  # "the Republic of Sudan"
        of = next((c for c in attr.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        first = next((at[p.i] for p in (of.children if of is not None else ()) if p.i in at), None)
    if first is None or first.type == "group":
        return False
    rest = {at[i].key for i in range(attr.i, verb.sent.end) if i in at and at[i].type != "group"}
    return len(rest) >= 2


def _defendants_named(doc: Doc, at: dict[int, Cand], lex: Lexicon) -> bool:
    """Does a sentence bring a suit against two named actors or more ("bring these actions ...
    against the Republic of Sudan, Iran and MOIS"; "sued Iran and Syria")?"""
    for sent in doc.sents:
        suit = [t for t in sent if t.lemma_.lower() in lex.suit_words and t.pos_ in ("NOUN", "VERB")]
        if not suit:
            continue
        against = next((t.i for t in sent if t.lower_ == "against"), None)
        sued = next((t.i + 1 for t in suit if t.lemma_.lower() == "sue"), None)
        begin = against if against is not None else sued
        if begin is None:
            continue
        named = {at[i].key for i in range(begin, sent.end) if i in at and at[i].type != "group"}
        if len(named) >= 2:
            return True
    return False


def _named_with(doc: Doc, head: Token, cands: list[Cand], owned: list[tuple[Token, Cand]]) -> Cand | None:
    """"Yemen's Houthi rebels ... the rebels", "Hamas militants ... the militants": a bare definite
    collective whose noun ended the name of one organization before it, or followed it, is that
    organization."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    lemma = head.lemma_.lower()
    named = [(c.start, c) for c in cands if c.end <= head.i and c.type == "organization" and c.end - c.start > 1
             and doc[c.end - 1].lemma_.lower() == lemma and doc[c.end - 1].tag_ == head.tag_]
    named += [(noun.i, c) for noun, c in owned if noun.i < head.i and noun.lemma_.lower() == lemma
              and noun.tag_ == head.tag_]
    if not named or len({c.key for _, c in named}) != 1:
        return None
    return max(named, key=lambda n: n[0])[1]


def _display_name(doc: Doc, start: int, end: int, lex: Lexicon) -> str:
    """The phrase without the words that do not tell which collective ("various", "more than 40")."""
    i, skipped = start, False
    while i < end - 1 and (fold(doc[i].text) in lex.not_qualifiers or (skipped and doc[i].like_num)):
        i, skipped = i + 1, True
    return doc[i:end].text


def _describes(head: Token, at: dict[int, Cand], start: int):
    """A group phrase that describes a named actor is that actor ("Hizballah, Iran's proxy group";
    "AAH is an Iran-backed militia"); when it describes several ("X and Y are militias") it is
    none of them (False). None when it describes nothing named. An actor inside the phrase
    ("Iran" of "an Iran-backed militia") is never the one described."""
    def outside(c: Cand) -> bool:
        return not (start <= c.start <= head.i)

    if head.dep_ == "appos" and head.head.i in at and outside(at[head.head.i]):
        # a collective is no description of a person: "at the direction of President X, U.S. forces
        # struck ..." is the parser taking the clause's subject for the name's apposition
        # ("Nawres Hamid, an American civilian contractor": one of them in apposition is the person)
        return at[head.head.i] if at[head.head.i].type != "person" or head.tag_ == "NN" else None
    # "the head of X (KH), an Iran-backed group": the parse hung it higher; "carried out by al Qaeda,
    # the terrorist network founded by ...": the parse took it for an object of its own
    if head.dep_ == "appos" or head.dep_ in ("dobj", "pobj", "npadvmod") and not head.conjuncts and any(
            c.dep_ == "acl" and c.tag_ == "VBN" for c in head.children):
        j = first = min(start, head.left_edge.i)
        j -= 1
        while j >= 0 and head.doc[j].is_punct:
            j -= 1
        before = at.get(j)
        if before is not None and before.type == "organization" and first > 0 and head.doc[first - 1].is_punct:
            return before
    if head.dep_ == "attr" and head.head.lemma_ == "be":
        subj = [t for t in head.head.lefts if t.dep_ in ("nsubj", "nsubjpass")][-1:]  # the nearest
        if subj and subj[0].i in at and outside(at[subj[0].i]):
            named = at[subj[0].i]
            before = named.start - 1
            if subj[0].conjuncts or (before > 0 and head.doc[before].lower_ in ("and", "or", ",")
                                     and before - 1 in at and at[before - 1].key != named.key):
                return False  # "X and Y are militias", however the parse hangs them
            return named
    return None


def _nearest(f: _Found, pool: list[_Found]) -> _Found | None:
    """The collective of `pool` in f's sentence, else the nearest before it, else the next after it."""
    pick = ([q for q in pool if q.sent == f.sent] or [q for q in pool if q.cand.start < f.cand.start][-1:]
            or [q for q in pool if q.cand.start > f.cand.start][:1])
    return pick[0] if pick else None


def _join(f: _Found, to: _Found) -> None:
    f.key, f.cand.rule, f.q.countries = to.key, "collective:joined", to.q.countries


def _assign_keys(found: list[_Found], lex: Lexicon) -> None:
    national = [f for f in found if f.q.countries]
    for f in national:
        f.key = "+".join(sorted(f.q.countries))
    for f in found:  # qualified by a place or a sponsor only
        if f.key or not (f.q.places or f.q.sponsors):
            continue
        kin = [n for n in national if n.head.cls == f.head.cls
               and (f.q.sponsors & n.q.sponsors or f.q.places and f.q.places <= n.q.countries)]
        to = _nearest(f, kin)
        if to is not None:
            _join(f, to)
        else:
            f.key = "+".join(sorted(f.q.places)) if f.q.places else "by-" + "+".join(sorted(f.q.sponsors))
            f.q.countries = set(f.q.places)
    keyed = [f for f in found if f.key]
    for f in found:  # no qualifier of its own
        if not f.key:
            to = _nearest(f, [k for k in keyed if k.head.cls == f.head.cls])
            if to is not None:
                _join(f, to)
    # with neither country, place nor sponsor in the document: one per class, qualified by the
    # words of its first mention
    first_words: dict[str, tuple[str, ...]] = {}
    for f in found:
        if not f.key:
            first_words.setdefault(f.head.cls, f.q.words)
    for f in found:
        if len(f.q.countries) == 1 and not next(iter(f.q.countries)).startswith("at-"):
            f.cand.country = next(iter(f.q.countries)).upper()
        qualifier = f.key or ("w-" + "+".join(first_words[f.head.cls]) if first_words[f.head.cls] else "")
        local = not qualifier or f.head.cls in lex.document_classes
        f.cand.key = f"{DOCUMENT_KEY if local else CORPUS_KEY}{f.head.cls}:{qualifier}"
