"""Where to highlight an evidence sentence: the actors named in it and the claim's cue words.

Offsets are relative to the excerpt (`excerpt[start:end]` is the highlighted text), sorted,
and never overlap (an actor wins over a cue word).

- Actors come from the `mentions` table: every stored mention inside the sentence, with its
  entity (the merged actor's id when it was merged).
- Cue words: the extractor stores no offsets for them, only their words: the trigger
  (`attrs["trigger"]`, the word that expresses the predicate) and the modality cues
  (`attrs["cues"]`: [{text, modality}], "reportedly", "denied", ...), on the claim and, where
  the store has them, on each piece of evidence. Each word is found in the sentence as a whole
  word. A claim read from several sentences keeps the trigger of its first reading; in a
  sentence where that word does not occur, the predicate's trigger words from the codebook
  lexicon (verbs, nouns, hyphen words and role nouns, with regular inflections) are looked for
  instead (`"from": "lexicon"`).
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimgraph.model import Claim, Evidence
from claimgraph.store.schema import MentionRow


def _forms(lemma: str) -> set[str]:
    """A lemma with its regular inflections: arm → arms, armed, arming; fund → funded; supply → supplied."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "d"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgkmnprt]$", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """Predicate → the words (lowercase) that can express it, from the codebook."""
    from claimgraph.extract.codebook import default_codebook
    cb = default_codebook()
    words: dict[str, set[str]] = defaultdict(set)
    for table in (cb.verbs, cb.nouns, cb.hyphen):
        for lemma, triggers in table.items():
            for t in triggers:
                words[t.predicate] |= _forms(lemma)
    for role, (predicate, _) in cb.person_roles.items():
        words[predicate].add(" ".join(role))
    for role, predicate in cb.org_roles.items():
        words[predicate].add(" ".join(role))
    return {p: frozenset(w) for p, w in words.items()}


def _find(text: str, word: str, ignore_case: bool = False) -> list[tuple[int, int]]:
    if not word or not word.strip():
        return []
    pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE if ignore_case else 0)
    return [m.span() for m in pattern.finditer(text)]


def _spans(text: str, word: str) -> list[tuple[int, int]]:
    """Whole-word occurrences, as written; failing that, in any case ("Reportedly")."""
    return _find(text, word) or _find(text, word, ignore_case=True)


def cue_highlights(claim: Claim, ev: Evidence) -> list[dict]:
    attrs = {**claim.attrs, **{k: v for k, v in (ev.attrs or {}).items() if k in ("trigger", "cues")}}
    text = ev.text
    found = []
    trigger = attrs.get("trigger")
    spans = _spans(text, trigger) if isinstance(trigger, str) else []
    for s, e in spans:
        found.append({"start": s, "end": e, "kind": "cue", "role": "trigger", "from": "stored"})
    if not spans:
        for word in sorted(lexicon().get(claim.predicate, ()), key=len, reverse=True):
            for s, e in _find(text, word, ignore_case=True):
                found.append({"start": s, "end": e, "kind": "cue", "role": "trigger", "from": "lexicon"})
    for cue in attrs.get("cues") or []:
        word = cue.get("text") if isinstance(cue, dict) else None
        for s, e in _spans(text, word) if isinstance(word, str) else []:
            found.append({"start": s, "end": e, "kind": "cue", "role": "modality", "modality": cue.get("modality"),
                          "from": "stored"})
    return found


def actor_highlights(ev: Evidence, mentions: list[tuple[str, int, int, str]], canonical, names) -> list[dict]:
    found = []
    for entity_id, start, end, mention_text in mentions:
        if start < ev.start or end > ev.end:
            continue
        s, e = start - ev.start, end - ev.start
        if ev.text[s:e] != mention_text:  # an excerpt that is not the document's text there: no guess
            continue
        head = canonical(entity_id)
        found.append({"start": s, "end": e, "kind": "actor", "entity": head, "name": names(head)})
    return found


def _no_overlaps(spans: list[dict]) -> list[dict]:
    """Actors first, then longer spans first; a span overlapping one already kept is dropped."""
    kept: list[dict] = []
    for h in sorted(spans, key=lambda h: (h["kind"] != "actor", -(h["end"] - h["start"]), h["start"])):
        if all(h["end"] <= k["start"] or h["start"] >= k["end"] for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: (h["start"], h["end"]))


def mentions_in(session: Session, doc_ids: set[str]) -> dict[str, list[tuple[str, int, int, str]]]:
    """Document id → its mentions (entity id, start, end, text), in order."""
    found: dict[str, list] = defaultdict(list)
    if doc_ids:
        rows = session.execute(select(MentionRow.doc_id, MentionRow.entity_id, MentionRow.start, MentionRow.end,
                                      MentionRow.text).where(MentionRow.doc_id.in_(doc_ids))
                               .order_by(MentionRow.doc_id, MentionRow.start))
        for doc_id, entity_id, start, end, text in rows:
            found[doc_id].append((entity_id, start, end, text))
    return found


def add_highlights(store, view, claim: Claim, row: dict) -> dict:
    """Give each piece of evidence in `row` (a claim row of `claim`) its `highlights`."""
    with Session(store.engine.execution_options(sqlite_begin="DEFERRED")) as session:
        mentions = mentions_in(session, {ev.doc_id for ev in claim.evidence})
    pieces = {(ev.doc_id, ev.start, ev.end): ev for ev in claim.evidence}
    for item in row["evidence"]:
        ev = pieces.get((item["doc"], item["start"], item["end"]))
        if ev is None:
            item["highlights"] = []
            continue
        spans = actor_highlights(ev, mentions.get(ev.doc_id, []), view.canonical, view.snap.name)
        item["highlights"] = _no_overlaps(spans + cue_highlights(claim, ev))
    return row
