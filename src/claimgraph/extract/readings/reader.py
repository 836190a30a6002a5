"""Readings: who-does-what-to-whom tuples found at a trigger word, before modality is judged.

A trigger is a verb, an event noun or a hyphen word of the codebook; its arguments come from
`Arguments`. One trigger may give several readings (coordinated subjects or objects, "including"
lists). Each reading records the rule that made it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claimgraph.extract.references import events as anaphora
from claimgraph.extract.readings.arguments import VERBAL, Arguments, dedupe, is_passive
from claimgraph.extract.readings import multiword, predicative
from claimgraph.extract.readings import halts, lists, relatives, requests, resources, threats
from claimgraph.extract.readings.threats import HOSTILE_DEEDS
from claimgraph.extract.readings.reduced import Reduced, misread_relative
from claimgraph.extract.codebook import Codebook, Trigger
from claimgraph.extract.entities.vessels import ship_name
from claimgraph.model import Entity

ACTING = {"person", "organization", "country", "group"}
# official acts whose agentless passive ("X is being designated", "Y was arrested") is the act of
# whoever announces it or did it last in the text; never an attack ("X was killed")
IMPLICIT_AGENTS = {"SANCTION", "ACCUSE", "COERCE"}
VERDICTS = {"liable", "guilty", "responsible", "culpable", "accountable"}
SELF_COURT = {"Court", "the Court", "The Court", "this Court", "This Court"}
JUDGING = {"hold", "find", "deem", "declare", "adjudge", "judge"}  # "holds X, Y and Z jointly liable", parsed as an adverbial clause
TRANSFERS = {"funds", "arms", "trains"}  # a recipient of money, weapons or training is an actor, never a place
THREATS = {"THREATEN"}  # a threat to do something is aimed at whom the deed would be done to
HEDGED = {"assess", "reckon", "guess"}  # judgments that stay estimates ("the Department assesses that ...")
NAMING = {"name", "list", "include", "identify", "target", "cover"}  # "the companies named in today's action"
BLAMING = {"blame", "pin"}  # "blamed the attack on X": X is who is blamed, not the target
PLACES = {"country", "location"}
TROOPS = "armed_forces"  # the subtype of a state's troops as a collective ("U.S. forces")
SYMMETRIC = {"allied_with", "opposes", "CONSULT"}  # "ties between X and Y", "talks between X and Y"
ARMED = {"terrorist_group", "militia", "armed_group", "armed_forces", "intelligence_service"}
STATE_TIES = {"supports", "allied_with", "opposes", "arms", "funds", "trains"}  # ties a state's troops stand in for it
# ground an actor holds ("X-controlled areas of Y"): its controller operates in Y
TERRITORY = {"area", "territory", "part", "region", "zone", "district", "province", "town", "city", "village",
             "neighborhood", "neighbourhood", "land", "portion", "swath", "stretch"}
# what each relation's two ends may be
SUBJECT_TYPES = {"leads": {"person"}, "member_of": {"person", "organization", "group"},
                 "part_of": {"organization", "group"}, "operates_in": {"person", "organization", "group"}}
OBJECT_TYPES = {"operates_in": PLACES, "leads": {"organization", "country", "group"},
                "member_of": {"organization", "country", "group"}, "part_of": {"organization", "country", "group"}}


@dataclass
class Reading:
    kind: str
    predicate: str
    subject: Entity
    object: Entity | None
    trigger: Token
    rule: str
    attrs: dict = field(default_factory=dict)


def _companion_prep(p: Token) -> bool:
    """"alongside Y", "together with Y", "along with Y"."""
    low = p.lower_
    if low == "alongside":
        return True
    if low == "with":
        return any(c.dep_ == "advmod" and c.lower_ in ("together", "along") for c in p.children)
    return low == "along" and any(c.lower_ == "with" for c in p.children)


def _of_side(speakers: list[Entity], doers: list[Entity]) -> bool:
    """Every speaker a person of a country one of the doers has: their leader or spokesman, whose
    word is the doers' own; a person of no known side (an analyst, a witness) only forecasts."""
    sides = {e.country for e in doers if e.country is not None}
    return bool(speakers) and all(e.type == "person" and e.country in sides for e in speakers)


def _troops_there(trig: Trigger, subj: Entity, obj: Entity | None) -> bool:
    """"The United States keeps 2,500 troops in Iraq", "Iran sent fighters to Syria": a state
    whose forces are in another place operates there (a state is otherwise no operates_in subject)."""
    return trig.predicate == "operates_in" and trig.theme == "personnel" and subj.type == "country" \
        and obj is not None and obj.type in PLACES and obj.id != subj.id and obj.country != subj.country


def _allowed(predicate: str, kind: str, subj: Entity, obj: Entity | None) -> bool:
    if obj is not None and subj.id == obj.id:
        return False
    if subj.type not in SUBJECT_TYPES.get(predicate, ACTING):
        return False
    if obj is None:
        return kind == "event"
    if kind == "event":
        # forces are mobilized, not one person: "X was recruited by the IJO" is his enlistment
        return obj.type in ACTING and not (predicate == "MOBILIZE" and obj.type == "person")
    return obj.type in OBJECT_TYPES.get(predicate, ACTING)


class Reader:
    def __init__(self, args: Arguments, codebook: Codebook):
        self.args = args
        self.cb = codebook
        self.last_agent: dict[str, list[Entity]] = {}  # predicate → last explicit actor (agentless passives)

    def sentence(self, sent: Span) -> list[Reading]:
        out: list[Reading] = []
        cb = self.cb
        hyphen, adjectives, verbs, nouns = cb.hyphen, cb.adjectives, cb.verbs, cb.nouns
        negating = cb.cue("negated", "verbs")
        self.args.events.start_sentence()
        for tok in self.args.index.tokens[sent.start:sent.end]:
            pos = tok.pos_
            verbal = pos in VERBAL
            if not verbal and pos not in ("NOUN", "PROPN", "ADJ"):
                if tok.lower_ in hyphen:  # "backed" in "Iran-backed" may be tagged anything
                    out += self._hyphens(tok)
                if tok.lower_ == "behind" and self._behind_deed_phrase(tok):
                    out += self._verdict(tok)  # "X said Iran was behind the attacks"
                continue
            lemma, low = tok.lemma_.lower(), tok.lower_
            if verbal or _gerund_in_list(tok):
                here = []
                for trig in verbs.get(lemma if verbal else _verb_lemma(tok, cb), ()):
                    here += self._verb(tok, trig)
                out += here
                if verbal and lemma in negating and not here:
                    out += self._denial(tok)
                if verbal and not any(r.kind == "event" for r in here):
                    out += self._locative(tok)  # an event's place is its location attribute instead
                if verbal:
                    out += self._companions(tok)
            elif pos != "ADJ":
                named = _inside_name(tok, self.args.index)  # "the Joint Coordination Center": no coordination
                for trig in () if named else nouns.get(lemma, ()) or nouns.get(low, ()):
                    out += self._noun(tok, trig)
                if lemma in cb.belongings:
                    out += self._sited(tok)
                if tok.dep_ in ("nsubj", "nsubjpass"):
                    out += self._companions(tok)
                if pos == "PROPN":
                    out += self._stationed(tok)
                reduced = misread_relative(tok, self.args.index, cb)
                if reduced is not None:
                    out += self._reduced(tok, reduced)
                out += self._resource(tok)
                if lemma in cb.event_anaphors and not nouns.get(lemma):
                    out += self._general_anaphor(tok)
            if low in hyphen:
                out += self._hyphens(tok)
            if pos == "ADJ" and lemma in VERDICTS:
                out += self._verdict(tok)
            if low in adjectives:
                out += self._predicative(tok)
        return self._for_states(out) + self._requests(sent)  # a request to a state's troops is not to the state

    def _requests(self, sent: Span) -> list[Reading]:
        """Demands voiced in a statement, deeds done at someone's word, rewards offered, threats that
        X "will pay a price" (`readings/requests.py`, `threats.price_threats`)."""
        occurred = {"status": "occurred"}
        found = [("REQUEST", s, o, t, rule) for s, o, t, rule in requests.demands(self.args, sent)]
        found += [("REQUEST", s, o, t, rule) for s, o, t, rule in requests.commands(self.args, sent)]
        found += [("REQUEST", s, None, t, rule) for s, t, rule in requests.rewards(self.args, sent)]
        found += [("THREATEN", s, o, t, "threat:price") for s, o, t in threats.price_threats(self.args, sent)]
        found += [("RETREAT", s, o, t, f"halt:{t.lemma_.lower()}") for s, o, t in halts.halts(self.args, sent)]
        return [Reading("event", p, s, o, t, rule, dict(occurred)) for p, s, o, t, rule in found
                if _allowed(p, "event", s, o)]

    def _for_states(self, readings: list[Reading]) -> list[Reading]:
        """"injuring four U.S. service members", "Iranian forces attacked": a deed done to or by a
        state's troops is done to or by the state too; so is backing given to them or alongside them
        ("with support from X" for U.S. forces backs the United States)."""
        out, seen = list(readings), {(r.predicate, r.subject.id, r.object.id if r.object else None, r.trigger.i)
                                     for r in readings}
        for r in readings:
            if r.kind != "event" and r.predicate not in STATE_TIES:
                continue
            s, o = self._state_of_troops(r.subject) or r.subject, (self._state_of_troops(r.object) if r.object else None) or r.object
            for subj, obj in ((s, r.object), (r.subject, o), (s, o)):
                key = (r.predicate, subj.id, obj.id if obj else None, r.trigger.i)
                if key not in seen and _allowed(r.predicate, r.kind, subj, obj):
                    seen.add(key)
                    out.append(Reading(r.kind, r.predicate, subj, obj, r.trigger, r.rule, dict(r.attrs)))
        return out

    def _predicative(self, tok: Token) -> list[Reading]:
        """"X is loyal to Y", "militias affiliated with Y": the word's holder and its object."""
        out = []
        for trig in self.cb.adjectives[tok.lower_]:
            if predicative.is_predicative(tok, trig, self.cb):
                subs, objs = predicative.arguments(self.args, tok, trig)
                out += self._emit(trig, subs, objs, tok, f"adj:{trig.lemma}")
        return out

    def _refit(self, verb: Token, trig: Trigger, found: list[Entity], deps: tuple[str, ...],
               subject: bool) -> list[Entity]:
        """A relative pronoun's actor, taken from the nearest noun that fits when the parser hung
        the clause on one that cannot be it ("militias from Iraq, which operate in Syria")."""
        if relatives.pronoun(verb, deps) is None:
            return found
        types = (SUBJECT_TYPES if subject != trig.swap else OBJECT_TYPES).get(trig.predicate, ACTING)
        return relatives.refit(self.args, verb, found, lambda e: e.type in types)

    def _resource(self, tok: Token) -> list[Reading]:
        """"supports Y with money", "depended on rockets from X", "with support from X"."""
        g = resources.given(self.args, tok)
        if g is None:
            return []
        trig = Trigger("relation", g.predicate, tok.lemma_.lower(), "noun")
        return self._emit(trig, g.givers, g.getters, tok, f"resource:{tok.lemma_.lower()}")

    def _reduced(self, tok: Token, clause: Reduced) -> list[Reading]:
        """"the militias Iran arms": a relative clause whose verb the tagger read as a noun."""
        objs = self.args.actors(clause.noun)
        out = []
        for trig in self.cb.verbs.get(clause.lemma, ()):
            if not (trig.theme or trig.obj_head or trig.particle or trig.swap or trig.obj_phrase):
                attrs = self._event_attrs(trig, tok) if trig.kind == "event" else {}
                out += self._emit(trig, clause.doers, objs, tok, f"reduced:{trig.lemma}", attrs)
        return out

    def _hyphens(self, tok: Token) -> list[Reading]:
        if tok.i < 2 or tok.doc[tok.i - 1].text not in "-–":
            return []
        return [r for trig in self.cb.hyphen[tok.lower_] for r in self._hyphen(tok, trig)]

    def _locative(self, verb: Token) -> list[Reading]:
        """An organization acting somewhere operates there: "its leaders ... on battlefields in
        several countries, including Iraq, Syria"; "has infiltrated ... in Iraq"."""
        lemma = verb.lemma_.lower()
        if lemma in self.cb.cue("reported", "verbs") or lemma == "be" or lemma in self.cb.locative["not_verbs"]:
            return []
        places: list[Entity] = []
        preps = [c for c in verb.children if c.dep_ == "prep"]
        preps += [p2 for p in preps for o in p.children if o.dep_ == "pobj" and self.args.index.entity_of(o) is None
                  and o.lemma_.lower() not in self.cb.locative["venues"] for p2 in o.children if p2.dep_ == "prep"]
        preps += [p for d in verb.children if d.dep_ == "dobj" and self._event_noun(d)  # "carried out attacks in X"
                  for p in d.children if p.dep_ == "prep"]
        preps += [c for p in preps for c in p.conjuncts if c.dep_ in ("prep", "conj")]  # "in Somalia and in Kenya"
        for p in preps:
            if p.lower_ in ("in", "across", "throughout", "inside"):
                places += [e for o in p.children if o.dep_ == "pobj" for e in self.args.actors(o) if e.type in PLACES]
        if not places:
            return []
        subs = [e for e in self.args.subjects(verb) if e.type == "organization"]
        trig = Trigger("relation", "operates_in", verb.lemma_.lower(), "verb")
        return self._emit(trig, subs, places, verb, f"locative:{verb.lemma_.lower()}")

    def _companions(self, tok: Token) -> list[Reading]:
        """"X struck the camp alongside Y", "X, together with Y, struck ...": actors who act
        together are allied. On an active verb (its subject) or on a clause's subject noun; not on
        a passive ("X was killed alongside Y" is what was done to both) nor after an actor acted upon."""
        partners = [o for p in tok.children if p.dep_ == "prep" and _companion_prep(p)
                    for o in (p.children if p.lower_ != "along" else
                              (g for w in p.children if w.lower_ == "with" for g in w.children))
                    if o.dep_ == "pobj"]
        if not partners:
            return []
        if tok.pos_ in VERBAL:
            dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if is_passive(tok) or dobj is not None and self.args.actors(dobj):
                return []  # "designated X along with Y": Y is designated too
            subs = self.args.subjects(tok)
        elif tok.dep_ == "nsubj":
            subs = self.args.actors(tok)
        else:
            return []
        objs = dedupe([e for o in partners for e in self.args.actors(o)])
        trig = Trigger("relation", "allied_with", tok.lemma_.lower(), "verb")
        return self._emit(trig, subs, objs, tok, "companion")

    def _stationed(self, name: Token) -> list[Reading]:
        """"the Houthis in Yemen", "al-Shabaab in Somalia": an armed organization named with a place
        ("in" hung on its name) operates there (a ministry or a building "in Baghdad" is only sited)."""
        owners = [e for e in self.args.index.entities_of(name) if e.type == "organization" and e.subtype in ARMED]
        if not owners:  # asked of every proper noun: the index answers before the parse is walked
            return []
        preps = [c for c in name.children if c.dep_ == "prep" and c.lower_ in ("in", "inside")]
        if not preps:
            return []
        places = [e for p in preps for o in p.children if o.dep_ == "pobj"
                  for e in self.args.actors(o) if e.type in PLACES]
        trig = Trigger("relation", "operates_in", "in", "noun")
        return self._emit(trig, owners, places, name, "stationed")

    def _sited(self, noun: Token) -> list[Reading]:
        """"five KH facilities, three in western Iraq": an actor's bases, offices or camps in a
        place say it operates there."""
        owners = [e for e in self.args.actors(noun) if e.type == "organization"]
        if not owners:
            return []
        places = [e for t in noun.subtree if t.dep_ == "prep" and t.lower_ in ("in", "inside", "across")
                  for o in t.children if o.dep_ == "pobj" for e in self.args.actors(o) if e.type in PLACES]
        trig = Trigger("relation", "operates_in", noun.lemma_.lower(), "noun")
        return self._emit(trig, owners, places, noun, f"sited:{noun.lemma_.lower()}")

    def _denial(self, verb: Token) -> list[Reading]:
        """"Hamas denies role in ...", "Iran rejected the U.S. accusations": denying a role, an
        involvement or an accusation is a REJECT by the denier, of whoever made the accusation when
        the text names them. (The deed denied is read at its own trigger, negated on the denier's word.)"""
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if dobj is None and verb.dep_ == "relcl" and verb.head.lemma_.lower() in self.cb.cue("alleged", "nouns"):
            dobj = verb.head  # "..., a charge Tehran denies"
        if (dobj is None or dobj.tag_ == "VBG") and any(
                c.dep_ in ("ccomp", "xcomp") and c.pos_ in VERBAL or c.dep_ == "dobj" and c.tag_ == "VBG"
                for c in verb.children):
            # "Sudan denied that it ever assisted al Qaeda", "Iran denied arming the Houthis": a
            # denial of what the clause says (negated at its own trigger) is the denier's REJECT
            out = []
            for s in self.args.subjects(verb):  # of whoever accused the denier last, if the text told it
                accusers = self.args.events.accusers_of(s) or [None]
                out += [Reading("event", "REJECT", s, a, verb, f"denial:{verb.lemma_.lower()}-clause", {"status": "occurred"})
                        for a in accusers if _allowed("REJECT", "event", s, a)]
            return out
        if dobj is None or dobj.lemma_.lower() not in _denied_nouns(self.cb):
            return []
        subs = self.args.subjects(verb)
        accusers = self.args.noun_subjects(dobj) if dobj.lemma_.lower() in self.cb.cue("alleged", "nouns") else []
        if not accusers and dobj.lemma_.lower() in self.cb.cue("alleged", "nouns"):
            accusers = self._accusation_told(verb, dobj)
        trig = Trigger("event", "REJECT", verb.lemma_.lower(), "verb")
        out = self._emit(trig, subs, accusers, verb, f"denial:{dobj.lemma_.lower()}", {"status": "occurred"})
        if not accusers:
            out += [Reading("event", "REJECT", s, None, verb, f"denial:{dobj.lemma_.lower()}", {"status": "occurred"})
                    for s in subs if _allowed("REJECT", "event", s, None)]
        return out

    def _accusation_told(self, verb: Token, charge: Token) -> list[Entity]:
        """"X accuses Iran of arming Y, a charge Tehran denies": who makes the accusation the
        denied noun sums up (the clause it is in apposition to, which the parser may hang on the denial)."""
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i < charge.i]
        if charge.dep_ == "appos":  # hung on the accusation's last noun, or on its verb
            clauses += [a for a in list(charge.ancestors)[:4] if a.pos_ in VERBAL]
        for c in clauses:
            if c.pos_ in VERBAL and any(t.kind == "event" and t.predicate == "ACCUSE"
                                        for t in self.cb.verbs.get(c.lemma_.lower(), ())):
                return self.args.explicit_subjects(c)
        return []

    def _verdict(self, adj: Token) -> list[Reading]:
        """"an order stating that Iran was liable", "found X liable": an accusation by the court
        or official who says so."""
        verb, dep = adj.head, adj.dep_
        if dep == "prep" and adj.lower_ == "behind":
            dep = "acomp"  # "was behind the attacks": said of the subject, as "was responsible for"
        if dep == "conj" and verb.pos_ == "ADV" and verb.dep_ == "advmod":
            verb, dep = verb.head, "oprd"  # "holds X jointly and severally liable": parsed as "jointly"'s conjunct
        accused: list[Entity] = []
        if dep == "acomp" and verb.lemma_ == "be":
            accused = self.args.explicit_subjects(verb)
            sayer = verb.head if verb.dep_ in ("ccomp", "advcl") else None
        elif dep in ("oprd", "xcomp", "ccomp", "acomp") or dep == "advcl" and verb.lemma_.lower() in JUDGING:
            accused = [e for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i for e in self.args.actors(c)]
            accused = accused or [e for c in adj.children if c.dep_ == "nsubj" for e in self.args.actors(c)]
            sayer = verb
        else:
            return []
        if sayer is None and accused and adj.lower_ == "liable" and verb.dep_ in ("ROOT", "conj"):
            court = self._author_court()
            if court is not None:  # a court opinion's own "X is liable under ..." is the court's holding
                trig = Trigger("event", "ACCUSE", "liable", "adj")
                return self._emit(trig, [court], accused, verb, "verdict:liable+court", {"status": "occurred"})
        if sayer is None or not accused:
            return []
        if sayer.lemma_.lower() in self.cb.cue("speculative", "verbs") | HEDGED:
            return []  # "assesses that X was responsible": a hedged estimate, not a finding against X
        accusers = self.args.subjects(sayer)
        trig = Trigger("event", "ACCUSE", adj.lemma_.lower(), "adj")
        top = sayer
        while top.dep_ in ("acl", "relcl") and top.head.head.i != top.head.i and top.head.head.pos_ in VERBAL:
            top = top.head.head  # "issued an order stating that": the issuing is the act
        return self._emit(trig, accusers, accused, top, f"verdict:{adj.lower_}", {"status": "occurred"})

    def _behind_deed_phrase(self, prep: Token) -> bool:
        """"was behind the attacks": "behind" on a copula with a hostile deed as its object."""
        return prep.dep_ == "prep" and prep.head.lemma_ == "be" and any(
            o.dep_ == "pobj" and threats.hostile(self.cb.nouns.get(o.lemma_.lower(), ())) for o in prep.children)

    def _author_court(self) -> Entity | None:
        """The court that calls itself "the Court" in this document (entities/courts.py), if one."""
        courts = [e for e in self.args.index.entities.values() if e.subtype == "court"
                  and any(m.text in SELF_COURT for m in e.mentions)]
        return courts[0] if len(courts) == 1 else None

    def _no_sites(self, trigger: Token, objs: list[Entity]) -> list[Entity]:
        """An event's targets, a site among them standing for the state or body its apposition says
        it belongs to ("struck Tower 22, a U.S. outpost" → the United States), else left out:
        "attacked Camp Taji" names where it happened (attributes.places), no actor acted upon, and
        the event keeps no object, as one on "the convoy" does."""
        index = self.args.index
        out = []
        for o in objs:
            if o.type != "location":
                out.append(o)
                continue
            out += [e for t in trigger.subtree if getattr(index.entity_of(t), "id", None) == o.id
                    for a in t.children if a.dep_ == "appos" and index.entity_of(a) is None
                    for m in a.lefts if m.dep_ in ("amod", "compound", "nmod", "poss")
                    for e in [index.entity_of(m)] if e is not None and e.type in ("country", "organization")]
        return dedupe(out)

    def _emit(self, trig: Trigger, subs, objs, tok: Token, rule: str, attrs=None) -> list[Reading]:
        if trig.swap:
            subs, objs = objs, subs
        if trig.predicate in TRANSFERS:
            objs = [o for o in objs if not self._place_of_activities(tok, o)]
        out = []
        for s in subs:
            for o in objs:
                if _allowed(trig.predicate, trig.kind, s, o) or _troops_there(trig, s, o):
                    out.append(Reading(trig.kind, trig.predicate, s, o, tok, rule, dict(attrs or {})))
        return out

    def _state_of_troops(self, ent: Entity) -> Entity | None:
        """The state whose troops the collective `ent` is, when the document names it."""
        if ent.type != "group" or ent.subtype != TROOPS or not ent.country:
            return None
        return next((e for e in self.args.index.entities.values() if e.type == "country" and e.country == ent.country), None)

    def _event_attrs(self, trig: Trigger, tok: Token) -> dict:
        attrs = {}
        mode = trig.mode
        if trig.predicate == "ASSAULT" and mode is None:
            for t in list(tok.subtree) + [tok.head]:
                mode = self.cb.modes.get(t.lower_) or self.cb.modes.get(t.lemma_.lower())
                if mode:
                    break
        if mode and trig.predicate == "ASSAULT":
            attrs["mode"] = mode
        return attrs

    def _verb(self, tok: Token, trig: Trigger) -> list[Reading]:
        if trig.particle and not any(c.dep_ == "prt" and c.lower_ == trig.particle for c in tok.children):
            return []
        if not multiword.complete(tok, trig, self.cb, self.args._of_theme):
            return []
        if self._restates(tok, trig):
            return []
        prior = self.last_agent.get(trig.predicate, [])
        subs = self._refit(tok, trig, self.args.subjects(tok), () if is_passive(tok) else ("nsubj",), True)
        rule_agent = ""
        if not subs and is_passive(tok):
            subs = self._hung_agent(tok)  # an agent the text names beats one inferred
        if not subs and is_passive(tok) and trig.predicate in IMPLICIT_AGENTS and not _named_agent(tok):
            # "X is being designated": whoever announces it, else the last designator
            announcer = self._announcer(tok)
            if announcer:
                self.last_agent[trig.predicate] = announcer
            subs = announcer or self.last_agent.get(trig.predicate, [])
            rule_agent = "+implicit-agent"
        elif subs and not is_passive(tok) and trig.kind == "event" and (
                tok.dep_ != "relcl" or trig.predicate not in self.last_agent):
            # a relative clause's deed is background ("Y, whom the United States sanctioned in 2017"):
            # it names the agent of a later agentless passive only when no main clause did
            self.last_agent[trig.predicate] = subs
        objs = self._refit(tok, trig, self.args.objects(tok, trig), ("dobj", "nsubjpass"), False)
        if trig.kind == "event":
            objs = self._no_sites(tok, objs)
        if not objs and trig.predicate in THREATS:
            objs = self._threatened(tok, subs)
        if not objs and trig.predicate == "REQUEST":  # "demanded that the Houthis cease ...": who is to act
            objs = [e for c in tok.children if c.dep_ == "ccomp" and c.pos_ in VERBAL
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                    for e in self.args.explicit_subjects(c) if e not in subs]
        if not objs and trig.kind == "event" and tok.dep_ == "acl" and tok.tag_ == "VBN":
            objs = self._listed_ones(tok.head)
            if objs:  # the participle is passive: its agent, else the one who did such acts last
                subs = [e for c in tok.children if c.dep_ == "agent" for p in c.children
                        if p.dep_ == "pobj" for e in self.args.actors(p)]
                if not subs and trig.predicate in IMPLICIT_AGENTS:
                    subs, rule_agent = prior, "+implicit-agent"
                self.last_agent[trig.predicate] = subs or prior
        rule_name = f"verb:{trig.lemma}{rule_agent}"
        threat = threats.threat_over(tok, self.cb) if trig.predicate in HOSTILE_DEEDS else None
        if threat is not None:  # "vowed to strike X": a threat, not a strike
            return self._threat(threat, trig, subs, objs)
        blamed_deeds: list[Reading] = []
        if not objs and trig.predicate == "ACCUSE":
            objs = self._behind_deed(tok, subs)
            blamed_deeds = self._blamed_deeds(tok, objs)
        elif trig.predicate == "ACCUSE" and tok.lemma_.lower() in BLAMING:
            blamed_deeds = self._blamed_for(tok, objs)
        if not objs and trig.predicate == "SUPPORT":  # "praised the assault": the one who carried it out
            objs = self._behind_deed(tok, subs)
        if trig.kind == "event":
            self.args.events.record(trig.predicate, tok, subs, objs)
        attrs = self._event_attrs(trig, tok) if trig.kind == "event" else {}
        out = self._emit(trig, subs, objs, tok, rule_name, attrs)
        if not objs and trig.predicate in THREATS and self._vows_response(tok, subs):
            out += [Reading("event", trig.predicate, s, None, tok, rule_name, dict(attrs))
                    for s in subs if _allowed(trig.predicate, "event", s, None)]
        elif not objs and trig.kind == "event" and (self._thing_target(tok, trig) or trig.predicate == "ACCUSE"
                                                    and self._condemned_deed(tok)):
            out += [Reading("event", trig.predicate, s, None, tok, rule_name, dict(attrs))
                    for s in subs if _allowed(trig.predicate, "event", s, None)]
        if trig.predicate == "ACCUSE" and objs:
            out += self._crimes(tok, subs, objs)
        return out + blamed_deeds

    def _threat(self, threat: Token, trig: Trigger, doers: list[Entity], targets: list[Entity]) -> list[Reading]:
        """A deed only vowed or threatened: the doer's THREATEN against its targets, read at the
        threat's word (its status is the threat's). Only when the one who vows is the doer (or an
        unnamed member of it): "Israeli officials warned that Hezbollah would attack" is a forecast,
        neither a deed nor Hezbollah's threat."""
        voiced = self.args.explicit_subjects(threat)
        if voiced and not {e.id for e in voiced} & {e.id for e in doers} and not _of_side(voiced, doers):
            return []  # a person of the doer's side (its leader, its spokesman) voices its threat
        return self._emit(threats.as_threat(trig), doers, targets, threat, f"threat:{trig.lemma}")

    def _blamed_for(self, verb: Token, blamed: list[Entity]) -> list[Reading]:
        """"blamed X for rocket attacks on Y": X did the deed to Y, on the blamer's word."""
        out = []
        for d in (o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for"
                  for o in p.children if o.dep_ == "pobj"):
            d = _counted(d)  # "for dozens of attacks", "for scores of rocket attacks"
            trig = next((t for t in self.cb.nouns.get(d.lemma_.lower(), ())
                         if t.kind == "event" and t.predicate in HOSTILE_DEEDS), None)
            if trig is None:
                continue
            targets = dedupe([e for p in d.children if p.dep_ == "prep" and p.lower_ in trig.obj
                              for o in p.children if o.dep_ == "pobj" for e in self.args.actors(o)
                              if e not in blamed])
            attrs = self._event_attrs(trig, d)
            out += [Reading("event", trig.predicate, b, t, d, f"blame:{verb.lemma_.lower()}", {**attrs, "status": "occurred"})
                    for b in blamed for t in (targets or [None]) if _allowed(trig.predicate, "event", b, t)]
            self.args.events.record(trig.predicate, d, blamed, targets)
        return out

    def _vows_response(self, verb: Token, vowers: list[Entity]) -> bool:
        """"X vowed that the United States would respond", "Y threatened to retaliate": a threat
        with no target named, by the one who would respond or a person of its side."""
        deed = threats.vowed_response(verb, self.cb)
        if deed is None or not vowers:
            return False
        doers = self.args.explicit_subjects(deed) if deed.dep_ == "ccomp" else []
        return not doers or bool({e.id for e in doers} & {e.id for e in vowers}) or _of_side(vowers, doers)

    def _listed_ones(self, noun: Token) -> list[Entity]:
        """"Among those designated today are A and B", "those arrested include C": the actors a
        copula or "include" gives the ones a participle describes."""
        if self.args.index.entity_of(noun) is not None:
            return []
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "among" and head.head.lemma_ == "be":
            clause, deps = head.head, ("nsubj", "attr")
        elif noun.dep_ == "nsubj" and head.lemma_ in ("include", "be"):
            clause, deps = head, ("dobj", "attr")
        else:
            return []
        return [e for c in clause.children if c.dep_ in deps and c.i != noun.i for e in self.args.actors(c)]

    def _blamed_deeds(self, verb: Token, blamed: list[Entity]) -> list[Reading]:
        """"blamed the attack on X": X did the deed, on the blamer's word (the deed's targets are
        those of the mention it refers back to)."""
        if verb.lemma_.lower() not in BLAMING or not blamed:
            return []
        out = []
        for d in (c for c in verb.children if c.dep_ == "dobj"):
            pred = next((t.predicate for t in self.cb.nouns.get(d.lemma_.lower(), ())
                         if t.kind == "event" and t.predicate in HOSTILE_DEEDS), None)
            if pred is None:
                continue
            targets = dedupe([e for m in self.args.events.antecedents(d, pred) for e in m.objects if e not in blamed])
            out += [Reading("event", pred, b, t, d, f"blame:{verb.lemma_.lower()}", {"status": "occurred"})
                    for b in blamed for t in (targets or [None]) if _allowed(pred, "event", b, t)]
        return out

    def _noun(self, tok: Token, trig: Trigger) -> list[Reading]:
        if trig.theme and not resources.carries(tok, self.cb.themes.get(trig.theme, frozenset())):
            return []  # "transfers" of money fund, of rockets arm
        if trig.predicate in SYMMETRIC and not (trig.kind == "event" and self.args.own_noun_subjects(tok)):
            members = resources.between(self.args, tok)  # not "Egypt's mediation between X and Y": Egypt's
            if len(members) > 1:  # "ties between X and Y": each pair once
                return [r for i, s in enumerate(members) for o in members[i + 1:]
                        for r in self._emit(trig, [s], [o], tok, f"noun:{trig.lemma}")]
        subs = []
        if trig.subj:  # "the involvement of the IRGC-QF in ...": the actor follows "of"
            subs = [e for c in tok.children if c.dep_ == "prep" and c.lower_ in trig.subj
                    for o in c.children if o.dep_ == "pobj" for e in self.args.actors(o)]
        subs = subs or self.args.own_noun_subjects(tok)
        objs, own_target = [], False
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in trig.obj:
                own_target = True
                for o in c.children:
                    if o.dep_ not in ("pobj", "pcomp"):
                        continue
                    found = self.args.actors(o)
                    if not found and trig.predicate == "operates_in":  # "in the Iraq and Syria conflicts"
                        found = [e for m in o.lefts for t in m.subtree
                                 for e in [self.args.index.entity_of(t)] if e is not None and e.type in PLACES]
                    objs += found
        if not objs and tok.dep_ == "dobj":  # "filed charges Tuesday against two Iranians"
            objs = [e for c in tok.head.children if c.dep_ == "prep" and c.lower_ in trig.obj
                    for o in c.children if o.dep_ == "pobj" for e in self.args.actors(o)]
        if not objs:  # "the Hariri assassination": a name before the noun that is not its actor
            for c in tok.lefts:
                if c.dep_ == "compound":
                    objs += [e for e in self.args.actors(c) if e not in subs]
        if not objs and trig.kind == "event":
            objs = self._event_objects(tok)
        if trig.kind == "event":
            objs = self._no_sites(tok, objs)
        threat = threats.threat_over(tok, self.cb) if trig.predicate in HOSTILE_DEEDS else None
        if threat is not None:  # "warned that its attacks on X would grow"
            return self._threat(threat, trig, subs, objs)
        attrs = self._event_attrs(trig, tok) if trig.kind == "event" else {}
        if trig.status:
            attrs["status"] = trig.status
        if trig.kind == "event":
            found = anaphora.readings(self.args.events, tok, trig.predicate, subs, objs, own_target)
            if found is not None:
                return [Reading(trig.kind, trig.predicate, s, o, tok, f"noun:{trig.lemma}+anaphora",
                                {**attrs, "antecedent": ante})
                        for s, o, ante in found if _allowed(trig.predicate, trig.kind, s, o)]
            self.args.events.record(trig.predicate, tok, subs, objs)
        out = self._emit(trig, subs, objs, tok, f"noun:{trig.lemma}", attrs)
        if not objs and trig.kind == "event" and (self._thing_target(tok, trig) or trig.predicate == "ASSAULT" and self._one_deed_done(tok)):
            out += [Reading("event", trig.predicate, s, None, tok, f"noun:{trig.lemma}", dict(attrs))
                    for s in subs if _allowed(trig.predicate, "event", s, None)]
        if trig.predicate == "ACCUSE" and objs:
            out += self._crimes(tok, subs, objs)
        return out

    def _place_of_activities(self, verb: Token, obj: Entity) -> bool:
        """"fund its activities in Lebanon", "funds Lebanese operations": a country found through
        what is funded, not named as a recipient, is the place of the activities."""
        if obj.type not in PLACES:
            return False
        index = self.args.index
        named = [t for t in verb.subtree if index.entity_of(t) is not None and index.entity_of(t).id == obj.id]
        for t in named:
            if not any((a.lower_ in self.cb.activities or a.lemma_.lower() in self.cb.activities) and index.entity_of(a) is None
                       for a in [t, *t.ancestors] if a.i != verb.i and verb.i in {x.i for x in a.ancestors}):
                return False  # named for itself somewhere ("to Lebanon")
        return bool(named)

    def _behind_deed(self, verb: Token, accusers: list[Entity]) -> list[Entity]:
        """"condemned the attack", "blamed the bombing on X": whoever a condemned deed is blamed
        on ("on" X), else the actor of the deed the noun names or refers back to."""
        deeds = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and self._event_noun(c)
                 and threats.hostile(self.cb.nouns.get(c.lemma_.lower(), ()))]
        if not deeds:
            return []
        holders = [verb] + (deeds if verb.lemma_.lower() in BLAMING else [])  # the parser hangs "on X" on the deed too
        blamed = [e for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "on"
                  for o in c.children if o.dep_ == "pobj" for e in self.args.actors(o)]
        found = blamed or [e for d in deeds for e in self.args.noun_subjects(d)]
        named_in = {e.id for d in deeds for c in d.lefts if c.dep_ == "compound"
                    for e in self.args.index.entities_of(c) if e.type == "person"}
        # "the Hariri assassination": a person named before the deed noun is its victim (or a
        # place the tagger took for a person), not its actor
        return [e for e in found if e not in accusers and e.type in ACTING and (blamed or e.id not in named_in)]

    def _condemned_deed(self, verb: Token) -> bool:
        """"Jordan condemned the attack", "condemned what it called a terrorist attack": a hostile deed
        whose doer nobody named is condemned all the same (an ACCUSE with no object)."""
        hostile = lambda n: self._event_noun(n) and threats.hostile(self.cb.nouns.get(n.lemma_.lower(), ()))  # noqa: E731
        kids = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        kids += [o for c in verb.children if c.dep_ == "ccomp" and c.lemma_.lower() == "call"
                 and any(w.dep_ == "dobj" and w.lower_ == "what" for w in c.children)
                 for o in c.children if o.dep_ in ("oprd", "attr", "dobj") and o.lower_ != "what"]
        return any(hostile(c) and not self.args.noun_subjects(c) for c in kids)  # not one whose doer we misread

    def _threatened(self, verb: Token, threateners: list[Entity]) -> list[Entity]:
        """"Hezbollah threatened to attack Israel", "Iran warned it would strike Israel if ...": the
        target of a threat is the target of the deed threatened, when the threatener is to do it."""
        out: list[Entity] = []
        for c in verb.children:
            if c.dep_ not in ("xcomp", "ccomp") or c.pos_ not in VERBAL:
                continue
            if c.dep_ == "ccomp" and {e.id for e in self.args.explicit_subjects(c)} != {e.id for e in threateners}:
                continue  # "X warned that Y would strike": Y's threat, if anyone's
            for trig in self.cb.verbs.get(c.lemma_.lower(), ()):
                if trig.kind == "event" and trig.predicate in HOSTILE_DEEDS:
                    out += self.args.objects(c, trig)
        return out

    def _hung_agent(self, verb: Token) -> list[Entity]:
        """"was designated for its attacks on coalition forces by the State Department": a "by"
        phrase the parser hung on a noun of the passive verb's complements; not in its subject ("the
        attack by X was condemned"), not another clause's, not an event noun's own ("attacks by X")."""
        for t in verb.subtree:
            if t.dep_ != "prep" or t.lower_ != "by" or t.head.i == verb.i:
                continue
            if self._event_noun(t.head) and not any(c.dep_ == "poss" for c in t.head.children):
                continue  # "designated for attacks by X": X's attacks
            cur, ok = t.head, True
            while cur.i != verb.i and ok:
                ok = cur.pos_ not in VERBAL and cur.dep_ not in ("relcl", "acl", "ccomp", "advcl", "nsubjpass", "csubjpass")
                cur = cur.head
            if ok:
                found = [e for o in t.children if o.dep_ == "pobj" for e in self.args.actors(o) if e.type in ACTING]
                if found:
                    return found
        return []

    def _one_deed_done(self, noun: Token) -> bool:
        """"X carried out an attack in Y on Monday": one new attack a doer's verb says was done is an
        event though it names no target (not "numerous attacks": a record, no one event; not "the
        operation": a deed told before, which event anaphora reads)."""
        return noun.tag_ == "NN" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.cb.agent_verbs \
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)  # "the attack" refers back

    def _event_noun(self, tok: Token) -> bool:
        return any(t.kind == "event" for t in self.cb.nouns.get(tok.lemma_.lower(), ()))

    def _general_anaphor(self, noun: Token) -> list[Reading]:
        """"Treasury designated X. Today's action also targets Y": a general noun for the latest
        event, whatever its type, takes that event's actor to the target it adds."""
        ante = self.args.events.latest(noun)
        objs = self._event_objects(noun) if ante is not None else []
        if not objs:  # only the target it adds: "this action" may be a lawsuit, "the move" anything
            return []
        found = anaphora.readings(self.args.events, noun, ante.predicate, [], objs, False, [ante]) or []
        return [Reading("event", ante.predicate, s, o, noun, f"noun:{noun.lemma_.lower()}+anaphora",
                        {"antecedent": a}) for s, o, a in found if _allowed(ante.predicate, "event", s, o)]

    def _restates(self, verb: Token, trig: Trigger) -> bool:
        """"The designation targets X": a verb of `event_objects` whose subject is an event noun of
        another type is that event's, not an event of its own (read at the noun)."""
        if trig.kind != "event" or verb.lemma_.lower() not in self.cb.event_objects:
            return False
        kinds = {t.predicate for c in verb.children if c.dep_ == "nsubj"
                 for t in self.cb.nouns.get(c.lemma_.lower(), ()) if t.kind == "event"}
        return bool(kinds) and trig.predicate not in kinds

    def _event_objects(self, noun: Token) -> list[Entity]:
        """"the designation targets its leader Y", "the sanctions also apply to Z": the object of a
        verb whose subject is the event noun."""
        verb = noun.head
        named_in = verb.head if noun.dep_ == "pobj" and verb.lower_ == "in" else None
        if named_in is not None and named_in.dep_ == "acl" and named_in.tag_ == "VBN" \
                and named_in.lemma_.lower() in NAMING and named_in.head.pos_ in ("NOUN", "PROPN"):
            listed = [e for c in named_in.head.children if c.dep_ == "appos" for e in self.args.actors(c)]
            return dedupe(listed + self.args.actors(named_in.head))  # "the companies named in today's action, A, B and C"
        if noun.dep_ != "nsubj" or verb.lemma_.lower() not in self.cb.event_objects:
            return []
        return [e for c in verb.children if c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "to"
                for o in ([c] if c.dep_ == "dobj" else [x for x in c.children if x.dep_ == "pobj"])
                for e in self.args.actors(o)]

    def _announcer(self, verb: Token) -> list[Entity]:
        """"Two men have been charged ..., the Justice Department announced today": the body that
        announces an action it took."""
        for t in verb.sent:
            if t.lemma_.lower() in ("announce", "say", "state") and t.i != verb.i and (
                    verb.i in {x.i for x in t.subtree} or t.head.i == verb.i):
                return [e for e in self.args.explicit_subjects(t) if e.type == "organization"]
        return []

    def _thing_target(self, tok: Token, trig: Trigger) -> bool:
        """The event has a target that is not an actor: "to silence an American journalist", "seized
        $10 million", "shelled the depot", "the attack on the convoy". A pronoun nobody resolved is
        no target: an unresolved reference makes no claim."""
        if trig.theme and trig.predicate == "ASSAULT":
            return True  # "the use of sarin": the weapon its theme names is the deed, target or not
        kids = list(tok.children)
        if trig.predicate not in self.cb.thing_targets:  # an unnamed person still counts
            obj = next((c for c in kids if c.dep_ in ("dobj", "nsubjpass")), None) if tok.pos_ in VERBAL else None
            return obj is not None and obj.lemma_.lower() in self.cb.unnamed | {w.rstrip("s") for w in self.cb.unnamed}
        if tok.pos_ in VERBAL:
            targets = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
        else:
            targets = [c for c in kids if c.dep_ == "compound" and c.pos_ == "NOUN"]
        targets += [o for c in kids if c.dep_ == "prep" and c.lower_ in trig.obj for o in c.children if o.dep_ == "pobj"]
        index = self.args.index
        for t in targets:
            ent = index.entity_of(t)
            if ent is not None:
                if ent.type in PLACES:
                    return True
            elif t.pos_ in ("NOUN", "NUM", "SYM") and t.lemma_.lower() not in self.cb.documents | self.cb.not_targets:
                return True  # not a pronoun nobody resolved, nor a name nobody recognised
            elif t.pos_ == "PROPN" and ship_name(t.doc, t.i, t.i + 1):
                return True  # "attacked the MV Sea Star": a ship's name
            elif t.pos_ == "PROPN" and any(c.dep_ == "appos" and c.pos_ == "NOUN" and index.entity_of(c) is None
                                           and c.lemma_.lower() in self.cb.belongings for c in t.children):
                return True  # "seized the Galaxy Leader, a vehicle carrier": a name its apposition says is a thing
        return False

    def _hyphen(self, tok: Token, trig: Trigger) -> list[Reading]:
        doc = tok.doc
        named = self.args.index.entity_of(doc[tok.i - 2])
        if named is None:
            return []
        noun = tok.head
        hops = 0
        while noun.pos_ not in ("NOUN", "PROPN") and noun.head.i != noun.i and hops < 3:
            noun, hops = noun.head, hops + 1
        index = self.args.index
        own = index.entities_of(noun)
        if own:  # "Iran-backed A and B": the noun's own actors and those coordinated after it (not
            # before: "the IRGC-QF, and Armenia-based Flight Travel LLC" is the firm's place alone)
            own += [e for t in noun.conjuncts if t.i > noun.i for e in index.entities_of(t)]
        elif noun.dep_ == "appos":  # "Al-Bilad Islamic Bank, an Iraq-based bank"
            own = index.entities_of(noun.head)
        if noun.pos_ == "NOUN":  # "two Iran-backed groups, A and B", "Iran-backed militias including A and B"
            own += [e for e in lists.members(self.args, noun) if e not in own]
        targets = [e for e in own if e.id != named.id]
        if not targets and trig.predicate == "controls" and noun.lemma_.lower() in TERRITORY:
            return self._held_ground(tok, named, noun)
        if not targets and noun.dep_ == "attr" and noun.head.lemma_ == "be":
            targets = self.args.explicit_subjects(noun.head)  # "X and Y are IRGC-QF-led militias"
        return self._emit(trig, [named], targets, tok, f"hyphen:{trig.lemma}")

    def _held_ground(self, tok: Token, named: Entity, noun: Token) -> list[Reading]:
        """"Houthi-controlled areas of Yemen", "Hamas-run parts of Gaza": the controller operates in
        the place the ground is of."""
        places = [e for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
                  for o in p.children if o.dep_ == "pobj" for e in self.args.actors(o) if e.type in PLACES]
        trig = Trigger("relation", "operates_in", tok.lower_, "hyphen")
        return self._emit(trig, [named], places, tok, f"hyphen:{tok.lower_}")

    def _crimes(self, tok: Token, accusers, accused) -> list[Reading]:
        """"murder-for-hire charges against X", "charged X with murder": X allegedly did it."""
        out = []
        first = tok
        while first.dep_ == "conj":
            first = first.head  # "murder-for-hire, money-laundering, and sanctions evasion charges"
        words = list(tok.subtree) + list(tok.doc[first.left_edge.i:tok.i])
        law = {x.i for c in tok.subtree if c.dep_ == "prep" and c.lower_ in ("under", "pursuant") for x in c.subtree}
        # "Plaintiffs, victims of the bombings, brought this action against X": the accusers' own words
        law |= {x.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for x in c.subtree}
        for t in (t for t in words if t.i not in law):  # "under the terrorism exception": the law invoked
            crime = self.cb.crimes.get(t.lower_) or self.cb.crimes.get(t.lemma_.lower())
            if crime and t.i != tok.i:
                for person in accused:
                    if person.type in ACTING:
                        out.append(Reading("event", crime, person, None, t, f"crime:{t.lower_}",
                                           {"status": "occurred", "charged_by": [a.id for a in accusers]}))
                break
        return out


def _counted(noun: Token) -> Token:
    """"dozens of attacks", "scores of rocket attacks", "a series of strikes": the thing counted."""
    if noun.lemma_.lower() in ("dozen", "score", "hundred", "thousand", "series", "number", "wave", "string", "spate"):
        return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"), noun)
    return noun


def _named_agent(verb: Token) -> bool:
    """"indicted by a federal grand jury": the passive names its agent, if no actor of ours, so
    none is to be inferred."""
    return any(c.dep_ == "agent" and any(p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") for p in c.children)
               for c in verb.children)


def _denied_nouns(cb: Codebook) -> frozenset[str]:
    """What one denies having: a role, an involvement, a responsibility ("role in", "responsibility
    for" of the agent phrases), or the accusation itself."""
    return frozenset(p.split()[0] for p in cb.agent_preps if " " in p) | cb.cue("alleged", "nouns")


def _inside_name(tok: Token, index) -> bool:
    """A word of a multi-word name ("Provincial Joint Coordination Center", "Central Command") is no
    event or tie noun of its own."""
    span = index.span_of(tok)
    return tok.pos_ == "PROPN" and span is not None and len(span) > 1


def _gerund_in_list(tok: Token) -> bool:
    """"organizing, supporting, training, arming": the tagger may call a gerund in a list a noun."""
    if tok.pos_ != "NOUN" or not tok.lower_.endswith("ing"):
        return False
    return (tok.dep_ == "conj" and tok.head.pos_ in VERBAL) or any(
        c.dep_ == "conj" and c.pos_ in VERBAL for c in tok.children)


def _verb_lemma(tok: Token, cb: Codebook) -> str:
    w = tok.lower_[:-3]
    for cand in (w, w + "e", w[:-1] if len(w) > 2 and w[-1] == w[-2] else w):
        if cand in cb.verbs:
            return cand
    return w
