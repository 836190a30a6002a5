"""Surface readings: a codebook verb standing between two actors, read from word order alone.

The small parser misreads long lists, headlines and garden-path sentences (a verb tagged as a
noun, a list of subjects hung on an apposition); the readers then find no subject or object and
the claim is lost. This step reads such a trigger by position instead, in the tightest shapes only:

  active   SUBJECTS [auxiliaries, adverbs] VERBS [particle] [det., adj., theme phrase] [PREP] OBJECTS
  passive  OBJECTS be-form [adverbs] VERBS [adverbs] by [det.] SUBJECTS

SUBJECTS and OBJECTS are runs of actor mentions joined by commas, "and", "or" ("A, B and the C");
VERBS one verb or a run of them ("trains, funds and arms"). Nothing else may stand between: no
other verb, no clause break (`extract/data/surface.yaml`), no noun but the trigger's theme
("sent weapons to X") — so no phrase of a second clause can supply an actor. The first actor must
open a clause (sentence start, punctuation, a subordinator, a reporting verb: not "the son of X"),
the last must end its noun phrase ("X's rivals" are not X; "X positions" stand for X, as in the
parse readers). Entity types must fit the predicate as for parse readings; the ModalityJudge judges
the trigger, and a negation or hedge in the window the judge did not see drops the reading. Only
triggers the parse gave no reading are read (`SCOPE`). Rules: `surface:LEMMA`, `surface:LEMMA+passive`.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from spacy import symbols
from spacy.strings import hash_string
from spacy.tokens import Span, Token

from claimgraph.extract.codebook import Codebook, Trigger
from claimgraph.extract.modality.judge import ModalityJudge
from claimgraph.extract.readings.arguments import IRREGULAR, Arguments, dedupe
from claimgraph.extract.readings import threats
from claimgraph.extract.readings.reader import Reading, _allowed
from claimgraph.model import Entity

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when built with it

DATA = Path(__file__).resolve().parent.parent / "data" / "surface.yaml"
# Which triggers are read: "sentence" — only in sentences whose parse gave no reading at all;
# "trigger" — any trigger verb the parse gave no reading; "pair" — any (subject, predicate, object)
# the parse did not give (tools/rule_families.py measures them).
SCOPE = "trigger"
_MAX_GAP = 8  # words between the verbs and their object ("sent millions of dollars in cash to")
_SUBJECT_GAP_POS = {"AUX", "ADV", "PART"}
_OBJECT_GAP_POS = {"DET", "ADJ", "NUM", "ADV", "SYM"}
_VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
# the same as ids, for the loop over every word (spaCy's string attributes cost a lookup each)
_VERB_TAG_IDS = frozenset(hash_string(t) for t in _VERB_TAGS)
_NOMINAL_IDS = frozenset((symbols.NOUN, symbols.PROPN, symbols.ADJ))
_SUBJECT_GAP_IDS = frozenset((symbols.AUX, symbols.ADV, symbols.PART))
_TIME = {"DATE", "TIME"}


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    data = yaml.load(DATA.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    return {k: frozenset(str(w).lower() for w in v) for k, v in data.items()}


_FORMS: dict[int, tuple[Codebook, dict[str, str], frozenset[int]]] = {}  # per codebook (the default, as a rule)


def _inflections(codebook: Codebook) -> tuple[dict[str, str], frozenset[int]]:
    """Every codebook verb's regular forms ("fund", "funds", "funded", "funding"; "supplies") → its
    lemma, and their string ids, to pass over other words fast."""
    held = _FORMS.get(id(codebook))
    if held is not None and held[0] is codebook:
        return held[1], held[2]
    out: dict[str, str] = {}
    for lemma in codebook.verbs:
        forms = {lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
        if lemma.endswith("e"):
            forms.add(lemma[:-1] + "ing")
        if lemma.endswith("y"):
            forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
        if len(lemma) > 2 and lemma[-1] not in "aeiouwyx" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "plotted", "equipping"
        for f in forms:
            out.setdefault(f, lemma)
    for lemma in codebook.verbs:
        out[lemma] = lemma
    ids = frozenset(hash_string(w) for w in out)
    _FORMS[id(codebook)] = (codebook, out, ids)
    return out, ids


class SurfaceReader:
    def __init__(self, args: Arguments, codebook: Codebook, judge: ModalityJudge, scope: str | None = None):
        self.index = args.index
        self.cb = codebook
        self.judge = judge
        self.scope = scope or SCOPE
        words = _words()
        self.breaks, self.openers, self.joins = words["clause_breaks"], words["clause_openers"], words["list_joins"]
        self.join_ids = frozenset(hash_string(w) for w in self.joins)
        self.reporting = codebook.cue("reported", "verbs")
        self.metonyms = codebook.members | codebook.belongings
        self.forms, self.ids = _inflections(codebook)
        self.hedges = (codebook.cue("negated", "negations") | codebook.cue("speculative", "auxiliaries")
                       | codebook.cue("speculative", "adverbs") | codebook.cue("alleged", "adverbs")
                       | codebook.cue("reported", "adverbs"))

    def sentence(self, sent: Span, parsed: list[Reading]) -> list[Reading]:
        """Surface readings of a sentence, given what the parse-based readers found in it."""
        if self.scope == "sentence" and parsed:
            return []
        taken = {r.trigger.i for r in parsed}
        known = {(r.subject.id, r.predicate, r.object.id if r.object else None) for r in parsed}
        out: list[Reading] = []
        toks, ids, index = self.index.tokens, self.ids, self.index
        if self.scope != "trigger":
            taken = set()
        for tok in toks[sent.start + 1:sent.end]:
            if (tok.lemma not in ids and tok.lower not in ids) or tok.i in taken:
                continue
            prev = toks[tok.i - 1]
            if prev.pos not in _SUBJECT_GAP_IDS and prev.lower not in self.join_ids and index.entity_of(prev) is None:
                continue  # neither an actor, an auxiliary nor a list of verbs before it
            lemma = self._verb_lemma(tok, sent)
            if lemma is None:
                continue
            if threats.hostile(self.cb.verbs[lemma]) and threats.threat_over(tok, self.cb) is not None:
                continue  # "vowed that X would strike Y": a threat the parse read, or a forecast
            run = [t for t in self._verb_run(tok, sent) if t.lower_ not in self.joins]
            left = self._subject_gap(run[0], sent)
            if left is None:
                continue  # no actor right before the verbs
            for trig in self.cb.verbs[lemma]:
                out += [r for r in self._read(tok, trig, sent, run, left)
                        if (r.subject.id, r.predicate, r.object.id if r.object else None) not in known]
        return out

    # -- the verbs ------------------------------------------------------------------------------
    def _verb_lemma(self, tok: Token, sent: Span) -> str | None:
        """A codebook verb's lemma when `tok` is one: tagged a verb, or a form of one the tagger took
        for a noun inside a run of verbs or between two actors ("Iran trains, funds and arms X")."""
        toks = self.index.tokens
        verbal = tok.tag in _VERB_TAG_IDS
        if verbal:
            lemma = tok.lemma_.lower()
            if lemma not in self.cb.verbs:
                return None
        elif tok.pos in _NOMINAL_IDS:
            lemma = self._form_of(tok.lower_)
            if lemma is None:
                return None
        else:
            return None
        if tok.i > sent.start and toks[tok.i - 1].text in ("-", "–"):
            return None  # "Iran-backed": the hyphen reader's
        if verbal:
            return lemma
        run = self._verb_run(tok, sent)
        if any(t.tag_ in _VERB_TAGS for t in run if t.i != tok.i):
            return lemma
        before, after = self.index.tokens[tok.i - 1] if tok.i > sent.start else None, self.index.tokens[tok.i + 1] if tok.i + 1 < sent.end else None
        if before is not None and after is not None and self.index.entity_of(before) is not None and (
                self.index.entity_of(after) is not None or after.pos_ == "DET") and before.tag_ != "POS":
            return lemma  # "Iran arms the Houthis" read as a noun compound
        return None

    def _form_of(self, word: str) -> str | None:
        return self.forms.get(word)

    def _is_verb(self, tok: Token) -> bool:
        """Tagged a verb, or looks like an inflected one ("equips", "funded") in a run the tagger misread."""
        if tok.tag in _VERB_TAG_IDS:
            return True
        return tok.pos_ in ("NOUN", "ADJ") and tok.is_lower and (
            self._form_of(tok.lower_) is not None or tok.lower_.endswith(("s", "ed")))

    def _verb_run(self, tok: Token, sent: Span) -> list[Token]:
        """The verbs joined to `tok` by commas, "and", "or": "armed, trained, funded and directed"."""
        doc, first, last = self.index.tokens, tok.i, tok.i
        if (tok.i == sent.start or doc[tok.i - 1].lower not in self.join_ids) and (
                tok.i + 1 >= sent.end or doc[tok.i + 1].lower not in self.join_ids):
            return [tok]
        while True:
            j = first - 1
            while j >= sent.start and doc[j].lower_ in self.joins:
                j -= 1
            if j == first - 1 or j < sent.start or not self._is_verb(doc[j]) or self.index.entity_of(doc[j]):
                break
            first = j
        while True:
            j = last + 1
            while j < sent.end and doc[j].lower_ in self.joins:
                j += 1
            if j == last + 1 or j >= sent.end or not self._is_verb(doc[j]) or self.index.entity_of(doc[j]):
                break
            last = j
        if not any(t.lower_ in ("and", "or") for t in doc[first:last]):
            return [tok]  # "the militia that X founded, told Y": a comma alone joins no verbs
        return list(doc[first:last + 1])

    # -- the two shapes -------------------------------------------------------------------------
    def _read(self, verb: Token, trig: Trigger, sent: Span, run: list[Token],
              left: tuple[list[Token], int]) -> list[Reading]:
        """`verb`'s readings as `trig`, given its run of verbs and what stands before the run."""
        doc = self.index.tokens
        after = run[-1].i + 1
        if trig.obj_head_adj and not any(t.lower_ in trig.obj_head_adj for t in doc[after:sent.end]):
            return []  # "held X hostage" without "hostage" is no abduction ("holds X liable")
        if trig.particle:
            if verb.i != run[-1].i or after >= sent.end or doc[after].lower_ != trig.particle:
                return []
            after += 1
        gap, first = left
        passive = verb.tag_ != "VBG" and not verb.lower_.endswith("ing") and any(t.lemma_ == "be" for t in gap)
        if passive:
            objs, start = self._run_before(first, sent)
            subs, end = self._agent(after, sent)
        else:
            subs, start = self._run_before(first, sent)
            objs, end = self._object(after, trig, sent)
        if not subs or not objs or start is None or end is None:
            return []
        if not self._ends_phrase(end, sent):
            return []
        if any(t.lower_ in self.breaks for t in doc[start:end]):
            return []
        hedges = {t.i for t in gap if t.lower_ in self.hedges}
        if hedges - {c.token.i for c in self.judge.judge(verb, trig.predicate).cues}:
            return []  # "did not fund", "may have attacked": read by the judge, or no claim
        if trig.swap:
            subs, objs = objs, subs
        attrs = {}
        mode = trig.mode or self.cb.modes.get(verb.lower_) or self.cb.modes.get(verb.lemma_.lower())
        if trig.predicate == "ASSAULT" and mode:
            attrs["mode"] = mode
        rule = f"surface:{trig.lemma}" + ("+passive" if passive else "")
        return [Reading(trig.kind, trig.predicate, s, o, verb, rule, dict(attrs))
                for s in subs for o in objs if _allowed(trig.predicate, trig.kind, s, o)]

    def _subject_gap(self, verb: Token, sent: Span) -> tuple[list[Token], int] | None:
        """The auxiliaries and adverbs right before the verb, and the last token of the actor before them."""
        doc, i, gap = self.index.tokens, verb.i - 1, []
        while i >= sent.start and self.index.entity_of(doc[i]) is None and len(gap) < 4:
            t = doc[i]
            if t.pos_ not in _SUBJECT_GAP_POS or t.tag_ == "POS" or t.lower_ in self.breaks or (
                    t.pos_ == "PART" and t.lower_ not in self.hedges):  # "urged X to attack Y": X is not the attacker
                break
            gap.append(t)
            i -= 1
        if i >= sent.start and doc[i].pos_ == "NOUN" and doc[i].lemma_.lower() in self.metonyms:
            i -= 1  # "Hezbollah fighters attacked", "the group's operatives met"
            if i >= sent.start and doc[i].tag_ == "POS":
                i -= 1
        if i < sent.start or self.index.entity_of(doc[i]) is None:
            return None
        return gap, i

    def _run_before(self, last: int, sent: Span) -> tuple[list[Entity], int | None]:
        """The actors of the run of mentions ending at token `last`, and where the run starts. A run
        that does not open a clause may still end in one that does: "X denounced Y, and Z praised W"."""
        doc, ents, i = self.index.tokens, [], last
        nearest = None
        while True:
            span = self.index.span_of(doc[i])
            if span is None:
                return [], None
            ents = self.index.entities_of(doc[i]) + ents
            start = span.start
            while start > sent.start and doc[start - 1].pos_ == "DET" and self.index.entity_of(doc[start - 1]) is None:
                start -= 1
            nearest = nearest or (list(ents), start)
            j = start - 1
            while j >= sent.start and doc[j].lower_ in self.joins:
                j -= 1
            if j == start - 1 or j < sent.start or self.index.entity_of(doc[j]) is None:
                break
            i = j
        if self._opens_clause(start, sent):
            return dedupe(ents), start
        ents, start = nearest
        if start - 2 >= sent.start and doc[start - 1].pos_ == "CCONJ" and doc[start - 2].text == ",":
            return dedupe(ents), start
        return [], None

    def _run_after(self, first: int, sent: Span) -> tuple[list[Entity], int | None]:
        """The actors of the run of mentions starting at token `first`, and where the run ends: each
        one ends its noun phrase, and a name that opens a clause of its own is not in the run
        ("denounced Y, and Z praised W"; "arrested Y, a Hezbollah operative")."""
        doc, ents, i = self.index.tokens, [], first
        while True:
            span = self._head_span(i)
            if span is None:
                return [], None
            ents += self.index.entities_of(doc[span.end - 1])
            j = span.end
            while j < sent.end and doc[j].lower_ in self.joins:
                j += 1
            joined = j > span.end
            while j < sent.end and doc[j].pos_ == "DET" and self.index.entity_of(doc[j]) is None:
                if doc[j].lower_ in ("a", "an"):
                    return dedupe(ents), span.end  # ", a Hezbollah operative": an apposition
                j += 1
            if not joined or j >= sent.end or self.index.entity_of(doc[j]) is None:
                return dedupe(ents), span.end
            nxt = self._head_span(j)
            after = doc[nxt.end] if nxt is not None and nxt.end < sent.end else None
            if nxt is None or (after is not None and (
                    after.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "ADJ") or after.tag_ in _VERB_TAGS)):
                return dedupe(ents), span.end
            i = j

    def _head_span(self, i: int) -> Span | None:
        """The mention at token i, or the one it modifies right after it ("Iraqi" in "Iraqi militants")."""
        span = self.index.span_of(self.index.tokens[i])
        while span is not None and span.end < span.sent.end and self.index.span_of(self.index.tokens[span.end]) is not None:
            span = self.index.span_of(self.index.tokens[span.end])
        return span

    def _object(self, start: int, trig: Trigger, sent: Span) -> tuple[list[Entity], int | None]:
        """"funded Hezbollah", "sent weapons to the Houthis", "met with X": the actors after the verbs."""
        doc, i, prep, theme = self.index.tokens, start, None, False
        while i < sent.end and i - start <= _MAX_GAP and self.index.entity_of(doc[i]) is None:
            t = doc[i]
            if prep is not None:  # after the preposition only a determiner or an adjective
                if t.pos_ not in ("DET", "ADJ"):
                    return [], None
            elif t.pos_ in ("NOUN", "PROPN") or t.ent_type_ == "MONEY":
                if not self._themed(t, trig):
                    return [], None
                theme = True
            elif (t.pos_ == "ADP" or t.lower_ in trig.obj) and t.lower_ != "of":
                prep = t.lower_
            elif t.lower_ in self.hedges or t.lower_ in self.breaks:
                return [], None
            elif not (t.pos_ in _OBJECT_GAP_POS or (theme and (t.lower_ in self.joins or t.lower_ == "of"))):
                return [], None
            i += 1
        if i >= sent.end or self.index.entity_of(doc[i]) is None:
            return [], None
        if trig.theme and not theme and prep is None:  # "supplies Hezbollah with rockets"
            objs, end = self._run_after(i, sent)
            return (objs, end) if end is not None and self._with_theme(end, trig, sent) else ([], None)
        if (trig.theme or trig.obj_head) and not theme:
            return [], None  # "sent X": only "sent money to X" says the tie
        if prep is not None and prep not in trig.obj:
            return [], None
        if prep is None and (trig.obj_required or trig.theme or trig.obj_head):
            return [], None
        if doc[i - 1].lower_ == "of":
            return [], None  # "attacked the base of X"
        span = self.index.span_of(doc[i])
        if self.index.entity_of(doc[i]).type == "country" and span is not None and span.end < sent.end \
                and doc[span.end].lemma_.lower() in IRREGULAR:
            return [], None  # "taught Palestinian fighters": of that nationality, not the state
        return self._run_after(i, sent)

    def _with_theme(self, end: int, trig: Trigger, sent: Span) -> bool:
        doc, i = self.index.tokens, end
        if i >= sent.end or doc[i].lower_ != "with":
            return False
        i += 1
        while i < sent.end and doc[i].pos_ in _OBJECT_GAP_POS and doc[i].lower_ not in self.hedges:
            i += 1
        return i < sent.end and self._themed(doc[i], trig)

    def _themed(self, t: Token, trig: Trigger) -> bool:
        """A noun before the object that belongs to the trigger: its theme or its head ("took action against")."""
        if trig.obj_head:
            return t.lemma_.lower() in trig.obj_head or t.lower_ in trig.obj_head
        if not trig.theme:
            return False
        words = self.cb.themes.get(trig.theme, frozenset())
        return t.lower_ in words or t.lemma_.lower() in words or (trig.theme == "money" and t.ent_type_ == "MONEY")

    def _agent(self, start: int, sent: Span) -> tuple[list[Entity], int | None]:
        """"... by the Treasury": the actors of a passive's by-phrase right after the verbs."""
        doc, i = self.index.tokens, start
        while i < sent.end and doc[i].pos_ == "ADV" and doc[i].lower_ not in self.hedges:
            i += 1
        if i >= sent.end or doc[i].lower_ != "by":
            return [], None
        i += 1
        while i < sent.end and doc[i].pos_ == "DET" and self.index.entity_of(doc[i]) is None:
            i += 1
        if i >= sent.end or self.index.entity_of(doc[i]) is None:
            return [], None
        return self._run_after(i, sent)

    # -- the clause window ----------------------------------------------------------------------
    def _opens_clause(self, start: int, sent: Span) -> bool:
        """The first actor opens a clause: "the son of X" and "X's ally Y" have no such subject."""
        doc, i = self.index.tokens, start - 1
        while i >= sent.start and doc[i].pos_ in ("DET", "ADJ") and doc[i].ent_type_ not in _TIME:
            i -= 1
        if i < sent.start:
            return True
        t = doc[i]
        if t.tag_ == "POS" and i > sent.start and self.index.span_of(doc[i - 1]) is not None:
            return self._opens_clause(self.index.span_of(doc[i - 1]).start, sent)  # "Iran's Quds Force supplies"
        if t.ent_type_ in _TIME or t.lower_ in self.openers or t.pos_ == "SCONJ":
            return True
        if t.is_punct:
            return t.tag_ != "POS" and t.text not in "-–"
        return t.pos_ == "VERB" and t.lemma_.lower() in self.reporting

    def _ends_phrase(self, end: int, sent: Span) -> bool:
        """The last actor ends its noun phrase, or heads one that stands for it ("struck Hezbollah
        positions", "Hezbollah's depots"): "answer to the Iraqi prime minister" is no tie to Iraq."""
        if end >= sent.end:
            return True
        t = self.index.tokens[end]
        if t.tag_ == "POS":
            t = self.index.tokens[end + 1] if end + 1 < sent.end else t
            return t.pos_ == "NOUN" and t.lemma_.lower() in self.metonyms
        if t.text in "-–":
            return False
        if self.index.entity_of(t) is not None:
            return False
        if t.pos_ in ("NOUN", "PROPN"):  # "Hamas commander Marwan Issa" is Marwan Issa
            nxt = self.index.tokens[end + 1] if end + 1 < sent.end else None
            return t.ent_type_ in _TIME or (t.lemma_.lower() in self.metonyms and (
                nxt is None or self.index.entity_of(nxt) is None))
        return t.pos_ != "ADJ"

