from lib import ent, R, E

NAME = "x07_court_pham_aqap_sentencing"
META = {
    "title": "United States v. Minh Quang Pham — memorandum on sentencing (excerpt)",
    "source": "Written for claimgraph's eval/heldout4 by a writer session on 8 December 2026, in the style of a U.S. district court sentencing memorandum. The 2016 material-support case against Minh Quang Pham (AQAP, Anwar al-Awlaki, Inspire, the Heathrow plan, extradition from the United Kingdom, the 40-year sentence) is from the public record, simplified; the court's reasoning, the parties' arguments as stated and the docket details are the writer's paraphrase. Not a factual source.",
    "url": None,
    "published": "2016-05-27",
    "genre": "court",
}
TEXT = """UNITED STATES DISTRICT COURT
SOUTHERN DISTRICT OF NEW YORK

UNITED STATES OF AMERICA v. MINH QUANG PHAM, Defendant.

MEMORANDUM AND ORDER ON SENTENCING

ALISON J. NATHAN, District Judge:

Defendant Minh Quang Pham, a British citizen, pleaded guilty to providing material support to al Qaeda in the Arabian Peninsula (“AQAP”), a designated foreign terrorist organization, to conspiring to receive military-type training from AQAP, and to possessing a firearm in furtherance of a crime of violence. The Court sets out below the findings on which its sentence rests.

I. The Offense Conduct

In December 2010, the defendant left London and traveled to Yemen with the purpose of joining AQAP. Soon after his arrival, he swore an oath of allegiance to the group and was taken to a camp where AQAP instructors trained him to use an assault rifle. He was then assigned to work with Anwar al-Awlaki, the American-born cleric who directed AQAP’s external operations, and helped to design and produce Inspire, the group’s English-language online magazine, which urged readers in the West to carry out attacks at home.

The Government contends that Ibrahim al-Asiri, AQAP’s principal bomb maker, taught the defendant how to build an explosive device from commonly available chemicals. The defendant admits meeting al-Asiri but denies that he received any instruction in explosives. The Court need not resolve that dispute, because the sentence would be the same under either account.

It is undisputed that, before the defendant left Yemen in July 2011, al-Awlaki directed him to return to the United Kingdom and to detonate a bomb in the arrivals hall of Heathrow Airport, targeting travelers arriving from the United States and Israel. Al-Awlaki gave him money for the journey. British authorities arrested the defendant at Heathrow when he landed; officers found a live round of ammunition in his luggage. Al-Awlaki was killed in a United States strike in Yemen in September 2011.

The United Kingdom extradited the defendant to the United States in February 2015.

II. The Defendant’s Arguments

The defendant maintains that he abandoned the Heathrow plan before he left Yemen and never intended to carry it out. He argues that he was a young man drawn in by al-Awlaki’s preaching, and that his work on Inspire was limited to graphic design. The Court does not find these arguments persuasive. The defendant took no step to alert the authorities, kept in contact with AQAP after his return, and, by his own admission, remained committed to the group’s goals for months.

III. Sentence

Having considered the factors set out in 18 U.S.C. § 3553(a), the Court concludes that a sentence of 40 years’ imprisonment is sufficient, but not greater than necessary. The defendant joined one of the most dangerous terrorist organizations in the world and agreed to commit mass murder on its behalf. The sentence reflects the seriousness of that conduct and the need to protect the public.

SO ORDERED.
"""

ENTITIES = [
    ent("court", "United States District Court for the Southern District of New York", "organization", ["UNITED STATES DISTRICT COURT", "SOUTHERN DISTRICT OF NEW YORK", "The Court", "the Court", "Court", "Southern District of New York"]),
    ent("nathan", "Alison J. Nathan", "person", ["ALISON J. NATHAN", "Judge Nathan", "Alison Nathan", "Nathan"]),
    ent("pham", "Minh Quang Pham", "person", ["MINH QUANG PHAM", "Pham", "the defendant", "Defendant Minh Quang Pham", "Defendant", "The defendant"]),
    ent("aqap", "al Qaeda in the Arabian Peninsula", "organization", ["AQAP", "al-Qaeda in the Arabian Peninsula", "Al Qaeda in the Arabian Peninsula", "al-Qa'ida in the Arabian Peninsula", "al Qaeda in the Arabian Peninsula (“AQAP”)"]),
    ent("uk", "United Kingdom", "country", ["British", "U.K.", "UK", "Britain", "British authorities", "the United Kingdom"]),
    ent("usa", "United States", "country", ["UNITED STATES OF AMERICA", "United States of America", "the United States", "U.S.", "American"]),
    ent("government", "the Government", "organization", ["The Government", "Government", "prosecution"]),
    ent("yemen", "Yemen", "country", ["Yemeni"]),
    ent("awlaki", "Anwar al-Awlaki", "person", ["al-Awlaki", "Al-Awlaki", "Awlaki", "Anwar al-Aulaqi", "Anwar al Awlaki"]),
    ent("inspire", "Inspire", "organization", ["Inspire magazine"]),
    ent("asiri", "Ibrahim al-Asiri", "person", ["al-Asiri", "Asiri", "Ibrahim al Asiri", "Ibrahim Hassan al-Asiri"]),
    ent("aqap_instructors", "AQAP instructors", "group", [], generic=True, opt=True),
    ent("travelers", "travelers arriving from the United States and Israel", "group", ["travelers"], generic=True, opt=True),
    ent("israel", "Israel", "country", ["Israeli"], opt=True),
    ent("heathrow", "Heathrow Airport", "location", ["Heathrow", "London Heathrow"]),
    ent("london", "London", "location", [], opt=True),
    ent("west_readers", "readers in the West", "group", [], generic=True, opt=True),
]

CLAIMS = [
    R("r1", "nathan", "member_of", "court", "ALISON J. NATHAN, District Judge", alt=["leads"]),
    R("r2", "pham", "member_of", "uk", "a British citizen", opt=True),
    R("r3", "pham", "supports", "aqap", "pleaded guilty to providing material support to al Qaeda in the Arabian Peninsula (“AQAP”)", alt=["member_of"]),
    R("r4", "pham", "member_of", "aqap", "he swore an oath of allegiance to the group / The defendant joined one of the most dangerous terrorist organizations in the world"),
    R("r5", "aqap", "trains", "pham", "was taken to a camp where AQAP instructors trained him to use an assault rifle / conspiring to receive military-type training from AQAP"),
    R("r6", "pham", "operates_in", "yemen", "traveled to Yemen with the purpose of joining AQAP / before the defendant left Yemen in July 2011"),
    R("r7", "awlaki", "leads", "aqap", "the American-born cleric who directed AQAP’s external operations", alt=["member_of"]),
    R("r8", "awlaki", "member_of", "usa", "the American-born cleric", opt=True),
    R("r9", "aqap", "controls", "inspire", "Inspire, the group’s English-language online magazine", alt=["created", "leads"]),
    R("r10", "pham", "supports", "inspire", "helped to design and produce Inspire", alt=["member_of"]),
    R("r11", "asiri", "member_of", "aqap", "Ibrahim al-Asiri, AQAP’s principal bomb maker"),
    R("r12", "asiri", "trains", "pham", "The Government contends that Ibrahim al-Asiri, AQAP’s principal bomb maker, taught the defendant how to build an explosive device", mod="alleged", att="government"),
    R("r13", "asiri", "trains", "pham", "denies that he received any instruction in explosives", mod="negated", att="pham"),
    R("r14", "awlaki", "controls", "pham", "al-Awlaki directed him to return to the United Kingdom and to detonate a bomb", alt=["subordinate_to", "leads"]),
    R("r15", "awlaki", "funds", "pham", "Al-Awlaki gave him money for the journey"),
    R("r16", "pham", "allied_with", "awlaki", "He was then assigned to work with Anwar al-Awlaki", opt=True),
    R("r17", "pham", "subordinate_to", "awlaki", "He was then assigned to work with Anwar al-Awlaki", opt=True),
    R("r18", "aqap", "operates_in", "yemen", "traveled to Yemen with the purpose of joining AQAP", opt=True),
    R("r19", "awlaki", "operates_in", "yemen", "Al-Awlaki was killed in a United States strike in Yemen", opt=True),
    R("r20", "aqap", "opposes", "usa", "targeting travelers arriving from the United States and Israel", opt=True),
    R("r21", "aqap", "opposes", "uk", "to detonate a bomb in the arrivals hall of Heathrow Airport", opt=True),
    R("r22", "usa", "opposes", "aqap", "a designated foreign terrorist organization", opt=True),
    R("r23", "pham", "allied_with", "asiri", "The defendant admits meeting al-Asiri", opt=True),
    R("r24", "pham", "supports", "aqap", "kept in contact with AQAP after his return / remained committed to the group’s goals for months", opt=True),
    R("r25", "pham", "operates_in", "uk", "the defendant left London", opt=True),
    R("r26", "pham", "operates_in", "london", "the defendant left London", opt=True),
    R("r27", "awlaki", "member_of", "aqap", "the American-born cleric who directed AQAP’s external operations", opt=True),
    R("r28", "inspire", "part_of", "aqap", "the group’s English-language online magazine", opt=True),
    R("r29", "aqap", "operates_in", "heathrow", "to detonate a bomb in the arrivals hall of Heathrow Airport", opt=True),
    R("r30", "pham", "opposes", "usa", "targeting travelers arriving from the United States and Israel", opt=True),
    R("r31", "asiri", "trains", "pham", "The Court need not resolve that dispute", mod="speculative", opt=True),
    R("r32", "aqap_instructors", "part_of", "aqap", "AQAP instructors", opt=True),
    R("r33", "aqap_instructors", "trains", "pham", "AQAP instructors trained him to use an assault rifle", opt=True),
    R("r34", "pham", "supports", "aqap", "he received any instruction in explosives", mod="negated", att="pham", opt=True),
    E("e1", "awlaki", "REQUEST", "pham", "al-Awlaki directed him to return to the United Kingdom and to detonate a bomb in the arrivals hall of Heathrow Airport"),
    E("e2", "pham", "ASSAULT", None, "to detonate a bomb in the arrivals hall of Heathrow Airport, targeting travelers arriving from the United States and Israel", status="planned", mode="explosives", loc="heathrow"),
    E("e3", "pham", "ASSAULT", None, "The defendant maintains that he abandoned the Heathrow plan before he left Yemen and never intended to carry it out", mod="negated", att="pham", status="planned", mode="explosives", loc="heathrow"),
    E("e4", "uk", "COERCE", "pham", "British authorities arrested the defendant at Heathrow when he landed", loc="heathrow", date="2011-07"),
    E("e5", "usa", "ASSAULT", "awlaki", "Al-Awlaki was killed in a United States strike in Yemen in September 2011", mode="aerial", loc="yemen", date="2011-09"),
    E("e7", "uk", "COERCE", "pham", "The United Kingdom extradited the defendant to the United States in February 2015", date="2015-02", alt=["COOPERATE"], opt=True),
    E("e8", "court", "COERCE", "pham", "the Court concludes that a sentence of 40 years’ imprisonment is sufficient, but not greater than necessary", alt=["ACCUSE"]),
    E("e9", "government", "ACCUSE", "pham", "The Government contends that Ibrahim al-Asiri, AQAP’s principal bomb maker, taught the defendant"),
    E("e10", "pham", "REJECT", None, "The defendant admits meeting al-Asiri but denies that he received any instruction in explosives"),
    E("e11", "court", "REJECT", None, "The Court does not find these arguments persuasive"),
    E("e12", "pham", "CONSULT", "asiri", "The defendant admits meeting al-Asiri", mod="reported", att="pham"),
    E("e13", "court", "ACCUSE", "pham", "The defendant joined one of the most dangerous terrorist organizations in the world and agreed to commit mass murder on its behalf"),
    # optional
    E("o1", "nathan", "COERCE", "pham", "a sentence of 40 years’ imprisonment", opt=True, alt=["ACCUSE"]),
    E("o2", "usa", "COERCE", "pham", "a sentence of 40 years’ imprisonment", opt=True, alt=["ACCUSE"]),
    E("o3", "pham", "ASSAULT", "travelers", "targeting travelers arriving from the United States and Israel", status="planned", opt=True),
    E("o4", "pham", "ASSAULT", "usa", "targeting travelers arriving from the United States and Israel", status="planned", opt=True),
    E("o5", "pham", "ASSAULT", "uk", "to detonate a bomb in the arrivals hall of Heathrow Airport", status="planned", opt=True),
    E("o6", "aqap", "ASSAULT", None, "to detonate a bomb in the arrivals hall of Heathrow Airport", status="planned", opt=True),
    E("o7", "awlaki", "ASSAULT", None, "al-Awlaki directed him to return to the United Kingdom and to detonate a bomb", status="planned", opt=True),
    E("o8", "pham", "AGREE", "aqap", "agreed to commit mass murder on its behalf", opt=True),
    E("o9", "pham", "RETREAT", None, "he abandoned the Heathrow plan before he left Yemen", mod="reported", att="pham", opt=True),
    E("o10", "pham", "SUPPORT", "aqap", "he swore an oath of allegiance to the group", opt=True),
    E("o11", "inspire", "REQUEST", "west_readers", "which urged readers in the West to carry out attacks at home", opt=True),
    E("o12", "aqap", "REQUEST", "west_readers", "which urged readers in the West to carry out attacks at home", opt=True),
    E("o13", "pham", "AID", "aqap", "helped to design and produce Inspire", opt=True, alt=["COOPERATE"]),
    E("o14", "awlaki", "AID", "pham", "Al-Awlaki gave him money for the journey", opt=True),
    E("o15", "pham", "CONSULT", "aqap", "kept in contact with AQAP after his return", opt=True),
    E("o16", "court", "ACCUSE", "aqap", "one of the most dangerous terrorist organizations in the world", opt=True),
    E("o17", "usa", "ACCUSE", "pham", "UNITED STATES OF AMERICA v. MINH QUANG PHAM", opt=True),
    E("o18", "usa", "SANCTION", "aqap", "a designated foreign terrorist organization", opt=True),
    E("o19", "nathan", "REJECT", "pham", "The Court does not find these arguments persuasive", opt=True),
    E("o20", "pham", "REJECT", None, "denies that he received any instruction in explosives", opt=True),
    E("o21", "pham", "CONCEDE", None, "pleaded guilty to providing material support", opt=True),
    E("o22", "uk", "COOPERATE", "usa", "The United Kingdom extradited the defendant to the United States", opt=True),
    E("o23", "usa", "ASSAULT", "aqap", "Al-Awlaki was killed in a United States strike in Yemen", opt=True),
    E("o24", "asiri", "AID", "pham", "taught the defendant how to build an explosive device", mod="alleged", att="government", opt=True),
    E("o25", "aqap", "AID", "pham", "AQAP instructors trained him to use an assault rifle", opt=True),
    E("o26", "pham", "ACCUSE", "awlaki", "he was a young man drawn in by al-Awlaki’s preaching", opt=True),
    E("o27", "court", "ACCUSE", None, "the need to protect the public", opt=True),
]

NOTE = ("Gold claim graph for a sentencing memorandum written for heldout4 (United States v. Minh Quang Pham, AQAP material support), coded with shared/ontology.md as the dev gold is. "
        "The court's findings are asserted (the plea, the allegiance, AQAP's training of Pham, his work on Inspire, al-Awlaki's direction and money, the arrest, the strike that killed al-Awlaki, the extradition). "
        "'The defendant' and 'Defendant' are aliases of Pham, 'British authorities' of the United Kingdom, 'The Court' of the district court. "
        "'The Government contends that ... al-Asiri ... taught the defendant' is alleged, attributed to the Government, and the defendant's denial gives the same trains tie as negated on his word plus his REJECT (object null: the rejecting clause names no accuser), each required (the court's 'need not resolve that dispute' leaves both standing). "
        "The planned Heathrow bombing is a required null-object ASSAULT by Pham (status planned; travelers, the United States and the United Kingdom as targets optional), and his claim that he 'never intended to carry it out' the same event as negated, attributed to him; the court's rejection of his arguments is its REJECT. "
        "The sentence is the court's COERCE (ACCUSE also counts; the judge or the United States as subject optional), and its closing characterization an ACCUSE. The extradition is optional (UK COERCE Pham, COOPERATE also counts), since the arrest already gives the required UK COERCE Pham and a second identical claim would be merged. "
        "Judge Nathan is member_of the court (leads also counts). 'admits meeting al-Asiri' is a CONSULT, reported on Pham's word.")
