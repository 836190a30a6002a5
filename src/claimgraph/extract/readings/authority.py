"""A civil authority's deed: when a finance ministry, an agency, a court or an international body
"targets" or "hits" an actor, it sanctions it ("Treasury targeted a network of financiers"); the
same verbs of an armed actor stay attacks. The verbs, the types they become and the authorities'
subtypes are the codebook's (`events.yaml`: `authority_deeds`, `civil_authorities`,
`military_words`)."""
from __future__ import annotations

from dataclasses import replace

from claimgraph.extract.codebook import Codebook
from claimgraph.extract.readings.reader import Reading
from claimgraph.model import Entity


def civil(entity: Entity, cb: Codebook) -> bool:
    """An authority that acts by law, not by force: its subtype is one of the codebook's, and its
    name has no military word (a defence ministry's "targets" are struck)."""
    if entity.subtype not in cb.civil_authorities:
        return False
    words = entity.name.lower().replace("-", " ").split()
    return not any(w in words for w in cb.military_words)


def retype(readings: list[Reading], cb: Codebook) -> list[Reading]:
    """Each event reading whose verb is an authority deed and whose actor a civil authority, as the
    type the codebook gives that verb; its rule says so (`verb:target+authority`)."""
    out = []
    for r in readings:
        lemma = r.trigger.lemma_.lower()
        if r.kind == "event" and lemma in cb.authority_deeds and r.predicate != cb.authority_deeds[lemma] \
                and civil(r.subject, cb):
            r = replace(r, predicate=cb.authority_deeds[lemma], rule=f"{r.rule}+authority")
        out.append(r)
    return out
