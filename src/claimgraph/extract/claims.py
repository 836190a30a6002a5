"""The claim stage: readings → claims with modality, attribution, attributes, evidence, confidence.

Confidence is the chance that the claim is read right and stated as its modality says, estimated
from three things: how sure the rule that made it tends to be (`RULE_WEIGHT`), how sure the
document is (`MODALITY_WEIGHT`: a plain statement counts more than a speculation), and how often
the document states it: each further piece of evidence e raises it as 1 − Π(1 − c_e).
"""
from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.references import coref
from claimgraph.extract.attributes import dates
from claimgraph.extract.attributes import places
from claimgraph.extract.attributes import quantities
from claimgraph.extract.attributes import status as event_status
from claimgraph.extract.readings.arguments import VERBAL, Arguments
from claimgraph.extract.codebook import Codebook, default_codebook
from claimgraph.extract.references.descriptions import link_descriptions
from claimgraph.extract import occurrences
from claimgraph.extract.fallback.surface import SurfaceReader
from claimgraph.extract.index import EntityIndex
from claimgraph.extract.limits import too_long
from claimgraph.extract.modality.judge import Judgement, ModalityJudge
from claimgraph.extract.readings import authority, requests
from claimgraph.extract.readings.reader import Reader, Reading
from claimgraph.extract.roles.reader import RoleReader
from claimgraph.model import Claim, Document, Entity, Evidence

MODALITY_WEIGHT = {"asserted": 0.9, "reported": 0.8, "alleged": 0.7, "speculative": 0.6, "negated": 0.8}
RULE_WEIGHT = {"verb": 0.9, "noun": 0.85, "hyphen": 0.9, "role": 0.9, "crime": 0.8, "title": 0.85, "surface": 0.6}
IMPLICIT_PENALTY = 0.85
DATED_GENRES = {"news", "press_release"}  # reports of the day: an undated past event is on or before it
DESCRIPTIONS = ("title:", "role:appos-", "role:title-", "role:possessive", "hyphen:")  # an actor found by climbing the parse or by a resolved reference
# descriptions that a report holding the whole sentence makes its source's ("Hezbollah, the proxy of
# Iran", in a quotation; "an Iran-backed militia ..., Kirby told reporters"); a person's title stays the writer's
REPORTABLE = ("role:appos-", "role:title-", "hyphen:")
# pieces of evidence one claim keeps from one document: a repetitive document (a PDF of 20,000 pages
# stating one thing) would store every one of them; the rest are counted in `attrs["evidence_omitted"]`
# (and still raise the confidence, as a claim stated that often is stated that often)
MAX_EVIDENCE_PER_DOCUMENT = 20


def extract_claims(document: Document, codebook: Codebook | None = None) -> None:
    """Fill `document.claims` from its parse and entities."""
    cb = codebook or default_codebook()
    index = EntityIndex(document)
    link_descriptions(index)
    coref.apply(index)
    args = Arguments(index, cb)
    reader, roles, judge = Reader(args, cb), RoleReader(args, cb), ModalityJudge(args, cb)
    surface = SurfaceReader(args, cb, judge)  # word order, where the parse gave a trigger nothing
    published = document.published
    claims: dict[tuple, Claim] = {}
    positions: dict[tuple, set] = {}  # each claim's evidence (start, end): merging stays linear
    memo: dict = {}
    for sent in document.spacy_doc.sents:
        if too_long(sent):
            continue
        judge.start_sentence(sent)
        parsed = authority.retype(reader.sentence(sent), cb) + roles.sentence(sent)
        for r in parsed + surface.sentence(sent, parsed):
            if r.kind == "event" and (_requested(r.trigger, cb) or requests.commanded(r.trigger)):
                continue  # "called on Iraq to hold X accountable", "Release them!": asked for, not done (the REQUEST is the event)
            j = judge.judge(r.trigger, r.predicate)
            if r.rule.startswith("crime:"):
                j = _charged(r, index)
            elif r.rule.startswith(DESCRIPTIONS):
                # a name's title, apposition or hyphen word ("Iran-backed") is the writer's own description,
                # or, inside a quotation, the speaker's
                j = judge.reporting(r.trigger) if r.rule.startswith(REPORTABLE) else Judgement()
            attrs = _attributes(r, j, index, cb, published, memo, document.genre)
            _add(claims, document, r, j, attrs, positions)
            accusation = _accusation(r, j)
            if accusation is not None:
                _add(claims, document, accusation, Judgement(), {"status": "occurred", "trigger": r.trigger.text},
                     positions)
    document.claims = _cap_evidence(_drop_vague(occurrences.settle(claims)))


def _cap_evidence(claims: list[Claim], limit: int = MAX_EVIDENCE_PER_DOCUMENT) -> list[Claim]:
    """Each claim keeps its first `limit` pieces of evidence (in the text's order); how many more the
    document gave is `attrs["evidence_omitted"]`."""
    for c in claims:
        if len(c.evidence) > limit:
            c.evidence.sort(key=lambda ev: (ev.start, ev.end))
            c.attrs["evidence_omitted"] = len(c.evidence) - limit
            del c.evidence[limit:]
    return claims


def _drop_vague(claims: list[Claim]) -> list[Claim]:
    """An event with no object says less than the same actor's same event with one: keep that."""
    targeted = {(c.subject, c.predicate) for c in claims if c.kind == "event" and c.object is not None}
    return [c for c in claims if not (c.kind == "event" and c.object is None and (c.subject, c.predicate) in targeted)]


HOSTILE = {"ASSAULT"}
# ties to a terrorist group that a person's own quoted words give as fact accuse its holder
ABETTING = {"member_of", "funds", "arms", "supports"}
TERRORIST = {"terrorist_group"}
COUNTED = {"ASSAULT", "AID", "MOBILIZE", "COERCE"}  # events whose size the text may give: dead, money, troops, detained


def _accusation(r: Reading, j: Judgement) -> Reading | None:
    """A named source that alleges or reports an attack by X accuses X ("Today's indictment exposes
    Iran's plot ..., said FBI Director Christopher Wray" → Wray ACCUSE Iran); so does a person who
    says in his own quoted words that X serves, funds, arms or backs a terrorist group."""
    src = j.attributed_to
    if not isinstance(src, Entity) or src.id == r.subject.id or src.type == "location":
        return None
    quoted = any(c.modality == "reported" and c.token.i == r.trigger.i for c in j.cues)  # the speaker's own words
    if r.kind == "relation":  # "'X was a trained Hizballah operative,' said the prosecutor"
        if not (quoted and src.type == "person" and r.predicate in ABETTING and r.object is not None
                and r.object.subtype in TERRORIST and r.object.id != src.id):
            return None
    elif r.predicate not in HOSTILE:
        return None
    elif j.modality != "alleged" and not quoted:
        return None  # reporting an attack is not accusing anyone of it
    return Reading("event", "ACCUSE", src, r.subject, r.trigger, f"accusation:{r.rule}")


def _charged(r: Reading, index: EntityIndex) -> Judgement:
    """The conduct named in a charge is alleged, on the word of whoever brought the charge."""
    by = r.attrs.pop("charged_by", [])
    source = index.entities.get(by[0]) if by else None
    return Judgement("alleged", source, [])


def _attributes(r: Reading, j: Judgement, index: EntityIndex, cb: Codebook, published: str | None,
                memo: dict, genre: str = "unknown") -> dict:
    attrs = dict(r.attrs)
    trig = r.trigger
    ante = attrs.pop("antecedent", None)  # "the attack" told earlier: that mention's date and place

    def once(name, fn, at=None):  # several readings share a trigger: compute its date and quantity once
        key = (name, (at or trig).i)
        if key not in memo:
            memo[key] = fn()
        return dict(memo[key]) if memo[key] else None

    if r.kind == "event":
        status = _status(trig, cb)
        if status == "attempted" or "status" not in attrs:  # a failed plot is attempted, not planned
            attrs["status"] = status
        if attrs["status"] == "hypothetical":
            attrs["conditional"] = event_status.conditional(trig, cb)
        exclude = {r.subject.id, r.object.id if r.object else None}
        attrs["location"] = _location(trig, index, exclude) or (_location(ante, index, exclude) if ante else None)
        when = ante if ante is not None else trig
        attrs["date"] = once("date", lambda: dates.date_for(when, published), when)
        if attrs["date"] is None and attrs["status"] == "occurred" and genre in DATED_GENRES:
            attrs["date"] = once("implied", lambda: dates.implied_date(when, published), when)
        if r.predicate in COUNTED:
            attrs["quantity"] = once("quantity", lambda: quantities.quantity_for(trig))
    else:
        if r.predicate in ("funds",):
            attrs["quantity"] = once("quantity", lambda: quantities.quantity_for(trig))
        if r.predicate in ("leads", "member_of", "controls", "operates_in"):
            attrs["date"] = attrs.get("date") or once("date", lambda: dates.date_for(trig, published))
    attrs["trigger"] = trig.text
    attrs["cues"] = [{"text": c.token.text, "modality": c.modality} for c in j.cues]
    return {k: v for k, v in attrs.items() if v is not None}


def _requested(trig: Token, cb: Codebook) -> bool:
    """The event is the clause of a request ("urged X to attack Y"), not something that happened."""
    cur = trig
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "ccomp", "acomp", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ in VERBAL and any(t.predicate == "REQUEST" for t in cb.verbs.get(cur.lemma_.lower(), ())):
            return True
    return False


def _status(trig: Token, cb: Codebook) -> str:
    return event_status.status_of(trig, cb)


def _location(trig: Token, index: EntityIndex, exclude: set) -> str | None:
    """A place named by a locative phrase on the trigger, the verb that governs it or its target."""
    return places.location_for(trig, index, exclude)


def _weight(r: Reading, j: Judgement, args_implicit: bool) -> float:
    family = r.rule.split(":", 1)[0]
    w = RULE_WEIGHT.get(family, 0.8) * MODALITY_WEIGHT[j.modality]
    return w * IMPLICIT_PENALTY if args_implicit else w


def _add(claims: dict[tuple, Claim], document: Document, r: Reading, j: Judgement, attrs: dict,
         positions: dict[tuple, set] | None = None) -> None:
    src = j.attributed_to
    attributed = src.id if isinstance(src, Entity) else src
    cid = occurrences.key(r.kind, r.subject.id, r.predicate, r.object.id if r.object else None, j.modality, attrs)
    sent = r.trigger.sent
    ev = Evidence(document.id, sent.start_char, sent.end_char, document.text[sent.start_char:sent.end_char])
    c = _weight(r, j, "implicit" in r.rule)
    claim = Claim(id="", kind=r.kind, subject=r.subject.id, predicate=r.predicate,
                  object=r.object.id if r.object else None, modality=j.modality, attributed_to=attributed,
                  rule=r.rule, confidence=c, evidence=[ev], attrs=attrs)
    positions = {} if positions is None else positions
    if cid in claims:
        occurrences.merge(claims[cid], claim, positions.setdefault(cid, {(e.start, e.end) for e in claims[cid].evidence}))
    else:
        claims[cid] = claim
        positions[cid] = {(ev.start, ev.end)}
