"""Relations read from role nouns (roles.yaml): titles before a name ("Supreme Leader Ali Khamenei",
"FBI Director Christopher Wray"), appositions ("the head of the Quds Force, Gen. Qassem
Soleimani"; "the Quds Force, the elite branch of the IRGC"), copulas ("the general is a loyal
confidante of Khamenei"), "as" phrases ("described him as a member of the Quds Force"), organization roles before a name ("Hezbollah's
patron Iran", "its proxy Kata'ib Hizballah") and possessed units ("the IRGC and its Basij militia").
A role marked `inverse` in roles.yaml makes the other actor the subject ("X, Iran's proxy" → Iran
controls X)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.extract.readings.arguments import Arguments
from claimgraph.extract.codebook import Codebook
from claimgraph.extract.readings import directed, state_organs
from claimgraph.extract.readings.reader import Reading, _allowed
from claimgraph.model import Entity
from claimgraph.nlp.tokens import sentences

ABBREVIATIONS = {"gen": "general", "adm": "admiral", "col": "colonel", "lt": "lieutenant", "brig": "brigadier",
                 "maj": "major", "sgt": "sergeant", "pres": "president", "sen": "senator", "rep": "representative",
                 "amb": "ambassador", "gov": "governor", "sec": "secretary", "dir": "director"}
NON_STATE = {"militia", "armed_group", "terrorist_group", "political_party", "company", "media", "ngo"}
JUNIOR = {"assistant", "deputy", "vice", "associate", "acting", "former", "senior"}  # "assistant director" serves, not leads
AS_VERBS = {"describe", "name", "identify", "view", "consider", "see", "regard", "call", "label", "brand",
            "portray", "list", "know", "recognize", "appoint", "elect", "serve", "install", "name", "use",
            "register", "enroll", "incorporate", "establish", "found", "set", "act", "function", "operate"}
JOINT = {"joint", "shared", "combined"}  # "a joint operations room"
NOT_JOINT = {"talk", "talks", "negotiation", "statement", "declaration", "communique", "conference", "session",
             "meeting", "investigation", "inquiry", "probe", "review", "commission", "committee"}
SERVING = {"serve", "act", "function", "operate"}  # "X serves as Y's proxy": X is the role's holder
USING = {"use", "employ"}  # "Iran uses X as a proxy": the user is the other actor


def _partitive(tok: Token) -> Token | None:
    """The plural noun of "one of the <nouns>" ("one of the factions of Y"), else None."""
    if tok.lower_ != "one":
        return None
    return next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS")), None)


def _word(t: Token) -> str:
    w = t.lower_.rstrip(".")
    return ABBREVIATIONS.get(w, w)


class RoleReader:
    def __init__(self, args: Arguments, codebook: Codebook):
        self.args = args
        self.cb = codebook
        self.index = args.index
        self._body_names: list[tuple[Entity, list[list[str]]]] | None = None

    def sentence(self, sent: Span) -> list[Reading]:
        out: list[Reading] = []
        seen_spans = set()
        for tok in self.index.tokens[sent.start:sent.end]:
            span = self.index.span_of(tok)
            ent = self.index.entity_of(tok)
            if span is not None and ent is not None and span.start not in seen_spans:
                seen_spans.add(span.start)
                out += self._title(span, ent) if ent.type == "person" else self._org_title(span, ent)
                if ent.type == "person":
                    out += self._title_after(span, ent)
                else:
                    out += self._owned_by_words(span, ent)
                state = state_organs.state_of(self.index, span, ent)
                if state is not None:  # "the Iranian Ministry of Intelligence"
                    out += self._make("part_of", ent, state, span.root, "role:state-organ")
            if tok.dep_ == "appos" or (tok.dep_ == "attr" and tok.head.lemma_ in ("be", "remain", "become")):
                out += self._apposition(tok)
            if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in AS_VERBS:
                out += self._as_phrase(tok)
            if tok.dep_ == "poss" and ent is not None:
                out += self._possessed(tok, ent)
                out += self._modified_role(tok.head)
            if tok.lower_ == "including":
                out += self._included_units(tok)
            if tok.lower_ in JOINT and tok.dep_ == "amod":
                out += self._joint(tok.head)
            if tok.dep_ == "pobj" and tok.lower_ in directed.WORDS:  # "at the direction of Y", "on Y's behalf"
                for pred, subj, obj in directed.read(self.args, tok):
                    out += self._make(pred, subj, obj, tok, f"role:{tok.lower_}")
        return out

    # "Supreme Leader Ali Khamenei", "Lebanon's Prime Minister Rafik Hariri", "then-Saudi Ambassador to the US Adel Al-Jubeir"
    def _title(self, span: Span, person: Entity) -> list[Reading]:
        root = span.root
        left = sorted((t for t in root.subtree if t.i < span.start), key=lambda t: t.i)
        # the run of tokens right before the name
        run = []
        for t in reversed(left):
            if t.i != (run[0].i - 1 if run else span.start - 1):
                break
            run.insert(0, t)
        inner = []  # a KB alias may hold the title itself: "Supreme Leader Ali Khamenei"
        span_words = [_word(t) for t in span]
        for n in range(min(3, len(span) - 1), 0, -1):
            if tuple(span_words[:n]) in self.cb.person_roles:
                inner = list(span[:n])
                break
        body = None  # the alias may hold the body before the title too: "FBI Director Christopher Wray"
        for k in range(1, 3) if not inner else ():
            hit = next((n for n in range(3, 0, -1) if k + n < len(span)
                        and tuple(span_words[k:k + n]) in self.cb.person_roles), None)
            body = self._named_body(span_words[:k], person) if hit else None
            if body is not None:
                inner = list(span[:k + hit])
                break
        run = run + inner
        words = [_word(t) for t in run]
        match = self._role_at_end(words, self.cb.person_roles)
        if match is None and not inner:  # the parser may hang a long title elsewhere ("said Under Secretary ...")
            run = _title_words_before(span)
            words = [_word(t) for t in run]
            match = self._role_at_end(words, self.cb.person_roles)
        cut = max((k for k, t in enumerate(run) if t.lower_ == "for"), default=None)
        if match is None and cut:  # "Under Secretary of the Treasury for Terrorism and ...": the portfolio
            run, words = run[:cut], words[:cut]
            match = self._role_at_end(words, self.cb.person_roles)
        if match is None:  # "Under Secretary of the Treasury": the role, then the body it serves
            of = next((k for k, w in enumerate(words) if w == "of" and k > 0), None)
            match = self._role_at_end(words[:of], self.cb.person_roles) if of else None
            if match is not None:
                match = (match[0] + len(words) - of, match[1])
        if match is None:
            return []
        n, (predicate, state) = match
        role_start = run[len(run) - n]
        if predicate == "leads" and len(run) > n and _word(run[len(run) - n - 1]) in JUNIOR:
            predicate = "member_of"  # "Assistant Attorney General X" serves
        before = [t for t in run if t.i < role_start.i]
        others = []
        for t in before:
            e = self.index.entity_of(t)
            if e is not None and e.id != person.id and e not in others:
                others.append(e)
        rule = "title:" + " ".join(words[-n:])
        if not others and body is not None:
            others = [body]
        parents: list[Entity] = []
        if not others:  # "U.S. Attorney Damian Williams of the Southern District of New York"
            units = [o for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i >= span.end
                     for o in c.children if o.dep_ == "pobj"]
            others = [e for o in units for e in self.args.actors(o)
                      if e.type in ("organization", "country") and e.id != person.id]
            # "... of the Justice Department's National Security Division": he serves the department too
            parents = [e for o in units if others for p in o.children if p.dep_ == "poss"
                       for e in self.args.actors(p) if e.type == "organization" and e not in others]
            parents += [e for o in units if others for e in [self._owner_in_name(o, person)]
                        if e is not None and e not in others and e not in parents]
        office = self._office(words, person) if not others or all(e.type == "country" for e in others) else None
        if office is not None:  # "Secretary of State X", "Defense Secretary Y": the department
            holds = words[-n:] == office[1][-n:] and not JUNIOR & set(words)
            return self._make("leads" if holds else "member_of", person, office[0], role_start, rule) + (
                self._make("member_of", person, others[-1], role_start, rule) if others else [])
        if not others:
            if state and person.country:
                state_ent = self._state(person.country)
                return self._make(predicate, person, state_ent, role_start, rule) if state_ent else []
            return []
        other = others[-1]
        if predicate == "leads" and other.type == "country" and not state:
            predicate = "member_of"  # "U.S. Attorney General Eric Holder" serves the state, does not lead it
        ended = next((t.lower_ for t in run if t.lower_ in self.cb.ended_words), None)
        attrs = {"date": {"start": None, "end": None, "precision": "relative", "text": ended}} if ended else {}
        return self._make(predicate, person, other, role_start, rule, attrs) + [
            r for p in parents for r in self._make("member_of", person, p, role_start, rule, attrs)]

    def _title_after(self, span: Span, person: Entity) -> list[Reading]:
        """"X, Treasury Under Secretary for ...": a title after the name whose body is named before
        its role, where the parser split it ("Treasury" the apposition, "Under Secretary" its
        phrase); the portfolio after "for" is no body of his."""
        run = _title_words_after(span)
        if not run or not any(t.dep_ == "appos" and t.head.i in range(span.start, span.end) for t in run):
            return []
        words = [_word(t) for t in run]
        cut = next((k for k, w in enumerate(words) if w == "for"), len(words))
        for k in range(1, min(cut, 4)):
            hit = next((n for n in (3, 2, 1) if k + n <= cut and tuple(words[k:k + n]) in self.cb.person_roles), None)
            body = self._named_body(words[:k], person) if hit else None
            if body is None or any(self.index.entity_of(t) is not None and self.index.entity_of(t).id != body.id
                                   for t in run[:k]):
                continue
            predicate = self.cb.person_roles[tuple(words[k:k + hit])][0]
            if predicate == "leads" and JUNIOR & set(words[:k + hit]):
                predicate = "member_of"
            return self._make(predicate, person, body, run[k], "title:" + " ".join(words[k:k + hit]))
        return []

    def _owner_in_name(self, tok: Token, person: Entity) -> Entity | None:
        """The organization a unit's own name possesses: "the Justice Department's National
        Security Division" as one name."""
        span = self.index.span_of(tok)
        pos = next((t for t in span if t.tag_ == "POS"), None) if span is not None else None
        return self._named_body([_word(t) for t in span[:pos.i - span.start]], person) if pos is not None else None

    def _named_body(self, words: list[str], person: Entity) -> Entity | None:
        """The document's organization whose whole name (or alias) these words are."""
        return next((e for e, names in self._org_names() if e.id != person.id
                     and any(_unprefixed(n) == words for n in names)), None)

    def _org_names(self) -> list[tuple[Entity, list[list[str]]]]:
        """The document's organizations with the words of each of their names, made once per
        document: the titles of every person's mention are matched against them."""
        if self._body_names is None:
            self._body_names = [(e, [[_word(t) for t in _split(a)] for a in (e.name, *e.aliases)])
                                for e in self.index.entities.values() if e.type == "organization"]
        return self._body_names

    def _office(self, words: list[str], person: Entity) -> tuple[Entity, list[str]] | None:
        """The organization of the document whose name an office title holds ("Secretary of State"
        names the State Department, "under secretary of the treasury" the Treasury), with the
        title words its name matched; the longest such name."""
        names: dict[tuple[str, ...], Entity] = {}
        for e, words_of in self._org_names():
            if e.id != person.id:
                for n in words_of:
                    names.setdefault(tuple(n), e)
        for size in range(len(words), 1, -1):
            for k in range(len(words) - size + 1):
                hit = names.get(tuple(words[k:k + size]))
                if hit is not None:
                    return hit, words[k:k + size]
        return None

    # "Hezbollah's patron Iran", "its proxy Kata'ib Hizballah", "U.S. ally Saudi Arabia"
    def _org_title(self, span: Span, ent: Entity) -> list[Reading]:
        doc, start = self.index.tokens, sentences(self.index.doc)[0][span.start]  # the Doc's tokens, made once
        run, i = [], span.start - 1
        while i >= start and len(run) < 3 and doc[i].is_alpha and doc[i].is_lower and doc[i].pos_ in ("NOUN", "ADJ") \
                and self.index.entity_of(doc[i]) is None:
            run.insert(0, doc[i])
            i -= 1
        words = [_word(t) for t in run]
        match = self._role_at_end(words, self.cb.org_roles)
        if match is None or i < start:
            return []
        n, pred = match
        before, others = doc[i], []
        if before.tag_ == "POS" and i > start:  # "Hezbollah's patron", "the group's political wing"
            others = self.args.actors(doc[i - 1])
        elif before.tag_ == "PRP$":  # "its proxy"
            others = self.args.actors(before)
        elif self.index.entity_of(before) is not None and not _hyphened(before):  # "Iranian proxy X"
            others = self.index.entities_of(before)
        inverse = tuple(words[-n:]) in self.cb.inverse_roles
        out = []
        for other in others:
            if pred == "part_of" and other.type == "country" and ent.subtype in NON_STATE:
                continue  # "the Iraqi militia KH" is not a unit of the state
            subj, obj = (other, ent) if inverse else (ent, other)
            out += self._make(pred, subj, obj, run[len(run) - n], "role:title-" + " ".join(words[-n:]))
        return out

    def _state(self, alpha3: str) -> Entity | None:
        for e in self.index.entities.values():
            if e.type == "country" and e.country == alpha3:
                return e
        return None

    def _joint(self, noun: Token) -> list[Reading]:
        """"Hizballah and Hamas maintain a joint operations room": actors who keep or run something
        together are allied (not talks or statements, which adversaries hold too)."""
        while noun.dep_ == "compound" and noun.head.i != noun.i:  # "a joint operations room"
            noun = noun.head
        if noun.dep_ != "dobj" or noun.lemma_.lower() in NOT_JOINT or noun.head.pos_ not in ("VERB", "AUX"):
            return []
        doers = [e for e in self.args.subjects(noun.head) if e.type in ("organization", "country", "group")]
        return [r for k, a in enumerate(doers) for b in doers[k + 1:]
                for r in self._make("allied_with", a, b, noun, "role:joint")]

    def _included_units(self, including: Token) -> list[Reading]:
        """"the IRGC, including the Quds Force": organizations an organization or state's name
        includes are its units (read from the words: the parser hangs "including" anywhere)."""
        doc = self.index.tokens
        if including.i < 2 or doc[including.i - 1].text != ",":
            return []
        whole = self.index.entity_of(doc[including.i - 2])
        if whole is None or whole.type not in ("organization", "country"):
            return []
        pobj = next((c for c in including.children if c.dep_ == "pobj"), None)
        parts = [e for e in self.args.actors(pobj) if e.type == "organization"] if pobj is not None else []
        return [r for e in parts if e.id != whole.id
                for r in self._make("part_of", e, whole, including, "role:including")]

    def _modified_role(self, noun: Token) -> list[Reading]:
        """"its KH proxy forces", "Hezbollah's Iranian sponsors": a role noun whose holder is a name or
        demonym before it, the other actor its possessor; a state's role noun takes a name only."""
        if noun.pos_ != "NOUN" or self.index.entity_of(noun) is not None:
            return []
        mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
        holders = [e for c in mods for e in self.index.entities_of(c) if e.type in ("organization", "country")]
        words = [_word(c) for c in mods if self.index.entity_of(c) is None] + [noun.lemma_.lower()]
        match = self._role_at_end(words, self.cb.org_roles)
        if not holders or match is None:
            return []
        n, pred = match
        inverse = tuple(words[-n:]) in self.cb.inverse_roles
        owners = [e for c in noun.children if c.dep_ == "poss" for e in self.args.actors(c)]
        if any(o.type == "country" for o in owners):
            # a state's "Iraqi partners", "Syrian allies": groups of that nationality, not the other state
            holders = [h for c in mods if c.dep_ == "compound" for h in self.index.entities_of(c) if h in holders]
        rule = "role:title-" + " ".join(words[-n:])
        return [r for o in owners for h in holders if h.id != o.id
                for r in self._make(pred, *((o, h) if inverse else (h, o)), noun, rule)]

    @staticmethod
    def _role_at_end(words: list[str], table) -> tuple[int, object] | None:
        for n in (3, 2, 1):
            if len(words) >= n and tuple(words[-n:]) in table:
                return n, table[tuple(words[-n:])]
        return None

    def _role_of_noun(self, noun: Token, table):
        """(words matched, the table's value, inverse?) for the role a noun and its modifiers name."""
        own = self.index.entity_of(noun)  # a description linked to a name: its words are still the role's
        words = [_word(t) for t in noun.lefts if t.dep_ in ("compound", "amod") and self.index.entity_of(t) in (None, own)]
        words = [w for w in words if w.isalpha()] + [_word(noun)]
        if noun.tag_ in ("NNS", "NNPS") and not self._role_at_end(words, table):
            words[-1] = noun.lemma_.lower()  # "Iran's proxies", "members of"
        match = self._role_at_end(words, table) or self._role_at_end(words[-1:], table)
        if match is None:
            return None
        if table is self.cb.person_roles and JUNIOR & set(words[:-1]) and match[1][0] == "leads":
            return match[0], ("member_of", False), False
        return match[0], match[1], table is self.cb.org_roles and tuple(words[-match[0]:]) in self.cb.inverse_roles

    def _role_other(self, noun: Token) -> list[Entity]:
        """The actor a role noun relates to: "of" object, possessor, or a name before it."""
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "for"):
                ents = [e for o in c.children if o.dep_ == "pobj" for e in self.args.actors(o)]
                if ents:
                    return ents
            if c.dep_ == "poss":
                return self.args.actors(c)
        for c in noun.lefts:
            if c.dep_ in ("compound", "amod", "nmod") and not _hyphened(c):
                ents = self.args.actors(c)
                if ents:
                    return ents
        return []

    def _through_unit(self, noun: Token) -> list[Entity]:
        """The owner of an unnamed unit a person's role is of: "the chief of X's security apparatus"
        serves X (heads a part of it, not all of it)."""
        return [e for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children if o.dep_ == "pobj" and self.index.entity_of(o) is None
                for p in o.children if p.dep_ == "poss" for e in self.args.actors(p) if e.type != "person"]

    def _description(self, tok: Token, named: list[Entity]) -> bool:
        """Is `tok` in a description linked to one of `named` ("Hizballah, Iran's proxy group", or
        before the name: "the chief of X, Y"), not a name?"""
        ent, span = self.index.entity_of(tok), self.index.span_of(tok)
        return ent in named and span is not None and any(
            m.rule in ("description", "coref:cataphora") and m.start == span.start_char for m in ent.mentions)

    # "the head of the Quds Force, Gen. Qassem Soleimani" / "the Quds Force, the elite branch of the IRGC"
    def _apposition(self, tok: Token) -> list[Reading]:
        kind = "copula" if tok.dep_ == "attr" else "appos"
        if tok.dep_ == "attr":
            subj = [c for c in tok.head.children if c.dep_ in ("nsubj",)]
            pairs = [(subj[0], tok)] if subj else []
            if subj and self.index.entity_of(tok) is not None and self.index.entity_of(subj[0]) is None:
                pairs = [(tok, subj[0])]  # "Iran's closest partners remain KH and HAN"
            elif subj and self.index.entity_of(subj[0]) is None:  # "Its founder, X, was an associate of Y": X
                pairs += [(a, tok) for a in subj[0].children if a.dep_ == "appos" and self.index.entity_of(a) is not None]
        else:
            pairs = [(tok.head, tok), (tok, tok.head)]
            of = tok.head.head if tok.head.dep_ == "pobj" else None
            if of is not None and of.lower_ == "of" and of.head.pos_ in ("NOUN", "PROPN"):
                pairs.append((tok, of.head))  # the parser hung the name on the role's object
        out = []
        for named_tok, role_tok in pairs:
            one = _partitive(role_tok)  # "X is one of the factions of Y", "X, one of the commanders of Y"
            role_tok = one if one is not None else role_tok
            # a singular role is that one actor's, not its coordinated neighbours' ("X and Y, deputy
            # head of Z"); a plural one is every one's ("X and Y are Iran's proxies")
            plural = role_tok.tag_ in ("NNS", "NNPS")
            named = (self.args.actors(named_tok) if plural else self.index.entities_of(named_tok)) or \
                self.args.actors(named_tok)
            if not named or self.index.entity_of(role_tok) is not None and not self._description(role_tok, named):
                continue
            if self.index.entity_of(named_tok) is None and self._role_word(named_tok):
                continue  # "a member of the Qods Force, a unit of the IRGC": "unit of the IRGC" stands
                # for the IRGC, but it is a role too, not the name the other role describes
            for ent in named:
                table = self.cb.person_roles if ent.type == "person" else self.cb.org_roles
                match = self._role_of_noun(role_tok, table)
                if match is None:
                    continue
                pred = match[1][0] if isinstance(match[1], tuple) else match[1]
                if one is not None and pred == "leads":
                    pred = "member_of"  # one of its leaders is no head of all of it
                others = self._role_other(role_tok)
                if ent.type == "person" and pred == "leads" and others and \
                        {e.id for e in others} <= {e.id for e in self._through_unit(role_tok)}:
                    pred = "member_of"  # "chief of Hamas's external operations": its operations stand for it
                if not others and ent.type == "person":  # "the chief of Hizballah's security apparatus"
                    others = self._through_unit(role_tok)
                    pred = "member_of" if others and pred == "leads" else pred
                ended = next((t.lower_ for t in role_tok.lefts if t.lower_ in self.cb.ended_words), None)
                attrs = {"date": {"start": None, "end": None, "precision": "relative", "text": ended}} if ended else {}
                for other in others:
                    p = "member_of" if pred == "leads" and other.type == "country" and not (
                        isinstance(match[1], tuple) and match[1][1]) else pred
                    subj, obj = (other, ent) if match[2] else (ent, other)
                    out += self._make(p, subj, obj, role_tok, f"role:{kind}-{_word(role_tok)}", attrs)
        return out

    def _role_word(self, tok: Token) -> bool:
        return (self._role_of_noun(tok, self.cb.org_roles) or self._role_of_noun(tok, self.cb.person_roles)) is not None

    # "described him as a member of the Quds Force", "views the Assad regime as a crucial ally"
    def _as_phrase(self, role_tok: Token) -> list[Reading]:
        verb = role_tok.head.head
        dobj = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if dobj:
            named = self.args.actors(dobj[0])
        elif verb.lemma_.lower() in SERVING:  # "a militia that serves as a proxy of Iran": its subject
            named = self.args.subjects(verb)
        else:
            return []
        out = []
        for ent in named:
            table = self.cb.person_roles if ent.type == "person" else self.cb.org_roles
            match = self._role_of_noun(role_tok, table) or self._role_of_noun(role_tok, self.cb.person_roles)
            if match is None:
                continue
            pred = match[1][0] if isinstance(match[1], tuple) else match[1]
            others = self._role_other(role_tok)
            if not others and (pred in ("allied_with", "opposes") or match[2] and verb.lemma_.lower() in USING):
                others = self.args.explicit_subjects(verb)  # "Iran views X as an ally", "Iran uses X as a proxy"
            for other in others:
                subj, obj = (other, ent) if match[2] else (ent, other)
                out += self._make(pred, subj, obj, role_tok, f"role:as-{_word(role_tok)}")
        return out

    # "the IRGC and its Basij militia", "Iran's Quds Force", "Lebanon's Hezbollah"; a person's: he leads it
    def _possessed(self, poss: Token, owner: Entity) -> list[Reading]:
        unit = self.index.entity_of(poss.head)
        if unit is not None and unit.type == "organization" and owner.type == "person" and poss.head.pos_ == "PROPN" \
                and unit.subtype not in state_organs.ORGANS:
            return self._make("leads", owner, unit, poss.head, "role:possessive-leader")  # "Muqtada al-Sadr's Mahdi Army"
        if unit is None or unit.type != "organization" or owner.type not in ("organization", "country"):
            return []
        span = self.index.span_of(poss.head)
        if span is not None and any(self._role_at_end([_word(t)], self.cb.org_roles) for t in poss.doc[poss.i + 1:span.start]):
            return []  # "its proxy Kata'ib Hizballah": the role says the tie (`_org_title`)
        if owner.type == "country" and unit.country and unit.country != owner.country:
            return []
        if owner.type == "country" and unit.subtype in NON_STATE:
            return self._make("operates_in", unit, owner, poss.head, "role:possessive")  # not the state's own
        return self._make("part_of", unit, owner, poss.head, "role:possessive")

    def _owned_by_words(self, span: Span, unit: Entity) -> list[Reading]:
        """"the Department of State's Rewards for Justice (RFJ) program": a name right after another
        name's "'s", where the parser did not make the first the second's possessor."""
        doc = self.index.tokens
        if span.start < 2 or doc[span.start - 1].tag_ != "POS" or unit.type != "organization":
            return []
        owner_tok = doc[span.start - 2]
        owner = self.index.entity_of(owner_tok)
        if owner is None or owner.id == unit.id or owner_tok.dep_ == "poss" and owner_tok.head.i in range(span.start, span.end):
            return []  # read already as the parse's possessive
        if owner.type != "organization" or unit.subtype in NON_STATE:
            return []
        return self._make("part_of", unit, owner, span.root, "role:possessive")

    @staticmethod
    def _make(predicate: str, subj: Entity, obj: Entity, trigger: Token, rule: str, attrs=None) -> list[Reading]:
        if not _allowed(predicate, "relation", subj, obj):
            return []
        return [Reading("relation", predicate, subj, obj, trigger, rule, dict(attrs or {}))]


TITLE_GLUE = {"of", "the", "for", "and", "-"}


def _title_words_before(span: Span) -> list[Token]:
    """The capitalised words (and "of", "the", "for", "and") right before a name, in the order of
    the text, whatever the parse: "Under Secretary of the Treasury for Terrorism and Financial
    Intelligence Brian E. Nelson"."""
    doc, i, out = span.doc, span.start - 1, []
    start = sentences(doc)[0][span.start]
    while i >= start and len(out) < 12:
        t = doc[i]
        if not (t.lower_ in TITLE_GLUE or t.is_alpha and t.text[:1].isupper() or t.text in ("U.S.", "U.N.")):
            break
        out.insert(0, t)
        i -= 1
    while out and out[0].lower_ in TITLE_GLUE:
        out.pop(0)
    return out


def _unprefixed(words: list[str]) -> list[str]:
    """A name without the article or national label it may carry: "the Treasury", "U.S. Treasury"."""
    return words[1:] if len(words) > 1 and words[0] in ("the", "u.s.", "us") else words


def _title_words_after(span: Span) -> list[Token]:
    """The capitalised words (and glue words) after a name and its comma: "X, Treasury Under Secretary"."""
    doc, i, out = span.doc, span.end, []
    end = sentences(doc)[1][span.end - 1]
    if i >= end or doc[i].text != ",":
        return []
    i += 1
    while i < end and len(out) < 12:
        t = doc[i]
        if not (t.lower_ in TITLE_GLUE or t.is_alpha and t.text[:1].isupper() or t.text in ("U.S.", "U.N.")):
            break
        out.append(t)
        i += 1
    return out


class _Word:
    def __init__(self, text: str):
        self.lower_ = text.lower()


def _split(name: str) -> list[_Word]:
    return [_Word(w) for w in name.replace("U.S. ", "U.S ").split()]


def _hyphened(tok: Token) -> bool:
    """"a Yemen-based financier": the name is where the person is, not what they belong to."""
    doc = tok.doc
    for t in tok.subtree:
        if t.i + 2 < len(doc) and doc[t.i + 1].text in "-–" and doc[t.i + 2].lower_ in (
                "based", "backed", "linked", "led", "born", "funded", "sponsored", "aligned", "allied", "trained"):
            return True
    return False
