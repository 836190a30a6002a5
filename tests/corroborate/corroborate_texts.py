"""Short news texts written for these tests (facts from the public record, words our own)."""
from __future__ import annotations

WIRE_HEADLINE = "Iran fires missiles at bases hosting U.S. troops in Iraq"

WIRE_BODY = """\
BAGHDAD, Jan 8 (Reuters) - Iran launched more than a dozen ballistic missiles overnight at two
military bases in Iraq that host United States and coalition forces, the Pentagon said on
Wednesday, in what Tehran called retaliation for the killing of its top general in a U.S.
drone strike last week.

The missiles struck the Ain al-Asad air base in western Anbar province and a facility near
Erbil in the Kurdish north of the country, according to U.S. officials who spoke on condition
of anonymity. Early assessments found no American casualties, the officials said, although
damage to hangars, living quarters and a parking area was still being surveyed at first light.

Iran's Revolutionary Guards said in a statement carried by state television that the strikes
were the first step of a campaign to avenge Qassem Soleimani, the commander of the Quds Force,
who was killed near Baghdad airport on Friday together with the Iraqi militia leader Abu Mahdi
al-Muhandis. The statement warned Washington and its regional allies against any response.

Iraq's military said in a separate statement that twenty-two missiles had fallen on its
territory and that none of its soldiers had been hurt. Iraqi officials said they had received
word of the attack from Tehran shortly before it began, and that they had passed the warning
on to the coalition command in Baghdad.

Foreign Minister Mohammad Javad Zarif wrote on Twitter that Iran had taken and concluded
proportionate measures in self-defence and did not seek escalation or war, but would defend
itself against any aggression. Analysts said the message appeared to leave room for both
sides to step back from open conflict after days of mounting tension across the region.

Oil prices jumped more than four percent in early Asian trading after news of the strikes
before easing later in the session, as traders weighed the risk of wider disruption to
shipping in the Gulf. Airlines including Lufthansa and Emirates said they were rerouting or
cancelling flights over Iraq and Iran, and the U.S. aviation regulator barred American
carriers from the airspace of both countries and of the waters between Iran and Saudi Arabia.

President Donald Trump wrote on Twitter late on Tuesday that all was well and that an
assessment of casualties and damage was under way. He was expected to make a statement at
the White House later on Wednesday. Members of Congress from both parties called for a
briefing on the intelligence behind last week's strike on Soleimani and on the steps the
administration planned to take next.

NATO said its training mission in Iraq had suffered no casualties. Several European
governments, including Germany and Denmark, said their troops stationed in the country were
safe and accounted for, and urged all parties to show restraint.
"""

WIRE = WIRE_HEADLINE + "\n\n" + WIRE_BODY

# the same wire story run by another paper: its own headline, two words changed
REPRINT = ("Missile barrage hits Iraqi bases as Tehran avenges its general\n\n"
           + WIRE_BODY.replace("overnight", "early").replace("jumped", "rose"))

OWN_STORY = """\
Pentagon: No U.S. troops killed in Iranian strike

Washington - American forces at Ain al-Asad had hours of warning before the Iranian missiles
arrived, defense officials told this newspaper, enough time to move most personnel into
bunkers. Several aircraft and tents were destroyed. A senior officer described the barrage as
the heaviest attack on the base since its reopening in 2014. Officials expect medical
screening to continue for days, since blast injuries are not always visible at once.
"""

THIRD_STORY = """\
Inside the night Iran struck back

Soldiers at the western Iraqi air base said the first impacts came shortly after half past one
in the morning, lighting the desert for miles. Iran's Revolutionary Guards claimed the launch
within the hour. By dawn, teams were clearing debris from the runway while commanders counted
heads and found everyone present.
"""

DENIAL = """\
Guards deny targeting coalition troops

A commentary on the state broadcaster insisted that the missile units had aimed only at empty
structures and that no coalition soldier had been targeted at any point.
"""


# --- building model objects by hand ------------------------------------------------------

from claimgraph.model import Claim, Document, Evidence  # noqa: E402

IRAN, IRGC, USA, HOUTHIS, AIN_AL_ASAD = "ent-iran", "ent-irgc", "ent-usa", "ent-houthis", "ent-ain-al-asad"


def doc(text: str, source: str | None = None, published: str | None = None) -> Document:
    return Document(text=text, source=source, published=published)


def claim(document: Document, subject: str = IRGC, predicate: str = "ASSAULT", object: str | None = USA,
          modality: str = "asserted", kind: str = "event", attributed_to: str | None = None,
          **attrs) -> Claim:
    """A claim read from the first sentence of `document` (its id as the extractor would make it)."""
    from claimgraph.extract.occurrences import claim_id
    year = (attrs.get("date") or {}).get("start", "")[:4] or None if kind == "event" else None
    end = document.text.find("\n") if "\n" in document.text else len(document.text)
    return Claim(id=claim_id(kind, subject, predicate, object, modality, year), kind=kind, subject=subject,
                 predicate=predicate, object=object, modality=modality, attributed_to=attributed_to,
                 evidence=[Evidence(document.id, 0, end, document.text[:end])], attrs=attrs)


def merged(*claims: Claim) -> Claim:
    """One claim with the evidence of all (as the store gives it back), attributes of the first."""
    first = claims[0]
    assert all(c.id == first.id for c in claims)
    return Claim(id=first.id, kind=first.kind, subject=first.subject, predicate=first.predicate,
                 object=first.object, modality=first.modality, attributed_to=first.attributed_to,
                 evidence=[ev for c in claims for ev in c.evidence], attrs=dict(first.attrs))


def day(iso: str, text: str = "") -> dict:
    return {"start": iso, "end": iso, "precision": "day", "text": text or iso}


def fatalities(n: int, qualifier: str | None = None) -> dict:
    q = {"amount": n, "unit": "fatalities"}
    if qualifier:
        q.update(approximate=True, qualifier=qualifier)
    return q
