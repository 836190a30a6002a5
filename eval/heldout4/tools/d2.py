from lib import ent, R, E

NAME = "x02_doj_irgc_murder_for_hire_charges"
META = {
    "title": "Three Men Charged in IRGC-Directed Plot to Kill Critics of the Iranian Regime in the United States",
    "source": "Written for claimgraph's eval/heldout4 by a writer session on 8 December 2026, in the style of a U.S. Justice Department press release. The November 2024 charges against Farhad Shakeri, Carlisle Rivera and Jonathan Loadholt and Iran's denial are from the public record, simplified and reworded; quotations are paraphrased, not the officials' words. Not a factual source.",
    "url": None,
    "published": "2024-11-08",
    "genre": "press_release",
}
TEXT = """A criminal complaint unsealed today in federal court in Manhattan charges Farhad Shakeri, 51, an Afghan national who lives in Iran, with directing a network of criminal associates on behalf of Iran’s Islamic Revolutionary Guard Corps (IRGC) to watch and kill the regime’s targets in the United States. Carlisle Rivera, 49, of Brooklyn, and Jonathan Loadholt, 36, of Staten Island, were arrested on Thursday and are charged with murder-for-hire and conspiracy to commit murder-for-hire. Shakeri remains at large and is believed to be in Tehran.

According to the complaint, an IRGC official instructed Shakeri in September 2024 to put aside his other work and concentrate on surveilling, and ultimately killing, a prominent American journalist of Iranian descent who has long criticized the regime. Shakeri in turn recruited Rivera, whom he had met in prison years earlier, and Rivera brought in Loadholt. The two men allegedly followed the journalist near her home and to an event at a university in Connecticut, and sent photographs back to Shakeri. The complaint also alleges that Shakeri was tasked with planning attacks on two Jewish American citizens living in New York and on Israeli tourists in Sri Lanka.

In recorded interviews with FBI agents, Shakeri said that the IRGC had also asked him to prepare a plan to assassinate President-elect Donald J. Trump before the election.

“The Iranian regime has once again reached onto American soil to go after people who speak out against it,” said Attorney General Merrick B. Garland. “The Justice Department will not stand by while the regime and its hired criminals try to silence them.”

“These charges show how the IRGC uses career criminals to carry out its plots here,” said FBI Director Christopher Wray. “We will find the people who work for it and bring them to justice.”

Shakeri, who came to the United States as a child, served 14 years in an American prison for robbery and was deported in 2008. Prosecutors say he kept in touch with criminal contacts in New York after his removal.

Iran’s Foreign Ministry spokesman, Esmaeil Baghaei, dismissed the accusations as “completely baseless” and said Tehran had played no part in any plot against Trump or against other Americans.

The FBI’s New York Field Office is investigating the case, which is being prosecuted by the U.S. Attorney’s Office for the Southern District of New York with the National Security Division’s Counterterrorism Section. The charges in a complaint are merely allegations, and every defendant is presumed innocent unless and until proven guilty.
"""

ENTITIES = [
    ent("justice_department", "Department of Justice", "organization", ["Justice Department", "The Justice Department", "U.S. Department of Justice", "DOJ"]),
    ent("shakeri", "Farhad Shakeri", "person", ["Shakeri", "Farhad Shakeri, 51"]),
    ent("rivera", "Carlisle Rivera", "person", ["Rivera"]),
    ent("loadholt", "Jonathan Loadholt", "person", ["Loadholt"]),
    ent("irgc", "Islamic Revolutionary Guard Corps", "organization", ["IRGC", "Iran’s Islamic Revolutionary Guard Corps", "Islamic Revolutionary Guard Corps (IRGC)", "Revolutionary Guards", "an IRGC official"]),
    ent("iran", "Iran", "country", ["Iranian", "Tehran", "Iranian regime", "The Iranian regime", "the regime", "Islamic Republic of Iran"]),
    ent("usa", "United States", "country", ["U.S.", "US", "America", "American", "the United States"]),
    ent("trump", "Donald J. Trump", "person", ["Trump", "Donald Trump", "President-elect Donald J. Trump", "President-elect Trump"]),
    ent("garland", "Merrick B. Garland", "person", ["Garland", "Merrick Garland", "Attorney General Merrick B. Garland"]),
    ent("wray", "Christopher Wray", "person", ["Wray", "FBI Director Christopher Wray", "Christopher A. Wray"]),
    ent("fbi", "Federal Bureau of Investigation", "organization", ["FBI", "the FBI", "FBI’s New York Field Office"]),
    ent("baghaei", "Esmaeil Baghaei", "person", ["Baghaei", "Esmail Baghaei", "Ismail Baghaei"]),
    ent("iran_mfa", "Iranian Foreign Ministry", "organization", ["Iran’s Foreign Ministry", "Foreign Ministry", "Ministry of Foreign Affairs of Iran"]),
    ent("journalist", "American journalist of Iranian descent", "person", ["a prominent American journalist of Iranian descent", "the journalist", "journalist"], opt=True),
    ent("jewish_americans", "two Jewish American citizens", "group", ["two Jewish American citizens living in New York", "Jewish American citizens"], opt=True, generic=True),
    ent("israeli_tourists", "Israeli tourists", "group", ["Israeli tourists in Sri Lanka"], opt=True, generic=True),
    ent("sdny", "U.S. Attorney’s Office for the Southern District of New York", "organization", ["Southern District of New York", "U.S. Attorney's Office for the Southern District of New York", "SDNY"], opt=True),
    ent("nsd", "National Security Division", "organization", ["National Security Division’s Counterterrorism Section", "Counterterrorism Section"], opt=True),
    ent("prosecutors", "prosecutors", "group", ["Prosecutors"], opt=True, generic=True),
    ent("afghanistan", "Afghanistan", "country", ["Afghan"], opt=True),
    ent("israel", "Israel", "country", ["Israeli"], opt=True),
    ent("manhattan", "Manhattan", "location", [], opt=True),
    ent("brooklyn", "Brooklyn", "location", [], opt=True),
    ent("staten_island", "Staten Island", "location", [], opt=True),
    ent("new_york", "New York", "location", ["New York City"], opt=True),
    ent("connecticut", "Connecticut", "location", [], opt=True),
    ent("sri_lanka", "Sri Lanka", "country", [], opt=True),
]

CLAIMS = [
    R("r1", "shakeri", "subordinate_to", "irgc", "charges Farhad Shakeri, 51, an Afghan national who lives in Iran, with directing a network of criminal associates on behalf of Iran’s Islamic Revolutionary Guard Corps (IRGC)", mod="alleged", att="the complaint", alt=["supports", "member_of"]),
    R("r2", "shakeri", "operates_in", "iran", "an Afghan national who lives in Iran / is believed to be in Tehran"),
    R("r3", "irgc", "part_of", "iran", "Iran’s Islamic Revolutionary Guard Corps (IRGC)", opt=True),
    R("r4", "shakeri", "controls", "rivera", "Shakeri in turn recruited Rivera", mod="alleged", att="the complaint", alt=["supports", "leads"], opt=True),
    R("r5", "garland", "leads", "justice_department", "said Attorney General Merrick B. Garland", alt=["member_of"]),
    R("r6", "wray", "leads", "fbi", "said FBI Director Christopher Wray", alt=["member_of"]),
    R("r7", "irgc", "controls", "shakeri", "an IRGC official instructed Shakeri in September 2024", mod="alleged", att="the complaint", alt=["supports"]),
    R("r8", "baghaei", "member_of", "iran_mfa", "Iran’s Foreign Ministry spokesman, Esmaeil Baghaei"),
    R("r9", "iran", "opposes", "usa", "Tehran had played no part in any plot against Trump or against other Americans", mod="negated", att="baghaei", opt=True),
    E("e1", "justice_department", "ACCUSE", "shakeri", "A criminal complaint unsealed today in federal court in Manhattan charges Farhad Shakeri", date="2024-11-08", loc="manhattan"),
    E("e2", "justice_department", "ACCUSE", "rivera", "are charged with murder-for-hire and conspiracy to commit murder-for-hire", date="2024-11-08"),
    E("e3", "justice_department", "ACCUSE", "loadholt", "are charged with murder-for-hire and conspiracy to commit murder-for-hire", date="2024-11-08"),
    E("e4", "irgc", "REQUEST", "shakeri", "an IRGC official instructed Shakeri in September 2024 to put aside his other work and concentrate on surveilling, and ultimately killing", mod="alleged", att="the complaint", date="2024-09"),
    E("e5", "irgc", "REQUEST", "shakeri", "Shakeri said that the IRGC had also asked him to prepare a plan to assassinate President-elect Donald J. Trump", mod="reported", att="shakeri", opt=True),
    E("e6", "irgc", "ASSAULT", "trump", "the IRGC had also asked him to prepare a plan to assassinate President-elect Donald J. Trump", mod="reported", att="shakeri", status="planned", mode="assassination"),
    E("e7", "iran", "ASSAULT", "trump", "said Tehran had played no part in any plot against Trump", mod="negated", att="baghaei", status="planned"),
    E("e8", "baghaei", "REJECT", None, "dismissed the accusations as “completely baseless”"),
    E("e9", "garland", "ACCUSE", "iran", "“The Iranian regime has once again reached onto American soil to go after people who speak out against it,”"),
    E("e10", "wray", "ACCUSE", "irgc", "“These charges show how the IRGC uses career criminals to carry out its plots here,”"),
    E("e11", "shakeri", "ASSAULT", None, "to watch and kill the regime’s targets in the United States / surveilling, and ultimately killing, a prominent American journalist of Iranian descent", mod="alleged", att="the complaint", status="planned", loc="usa"),
    E("e12", "shakeri", "ASSAULT", None, "Shakeri was tasked with planning attacks on two Jewish American citizens living in New York and on Israeli tourists in Sri Lanka", mod="alleged", att="the complaint", status="planned", opt=True),
    # optional
    R("o1", "shakeri", "member_of", "irgc", "on behalf of Iran’s Islamic Revolutionary Guard Corps (IRGC)", mod="alleged", att="the complaint", opt=True),
    R("o2", "shakeri", "supports", "irgc", "on behalf of Iran’s Islamic Revolutionary Guard Corps (IRGC)", mod="alleged", att="the complaint", opt=True),
    R("o3", "shakeri", "member_of", "afghanistan", "an Afghan national", opt=True),
    R("o4", "rivera", "controls", "loadholt", "Rivera brought in Loadholt", mod="alleged", att="the complaint", opt=True, alt=["supports"]),
    R("o5", "rivera", "allied_with", "loadholt", "Rivera brought in Loadholt", mod="alleged", att="the complaint", opt=True),
    R("o6", "rivera", "allied_with", "shakeri", "Shakeri in turn recruited Rivera, whom he had met in prison years earlier", mod="alleged", att="the complaint", opt=True),
    R("o7", "rivera", "subordinate_to", "shakeri", "Shakeri in turn recruited Rivera", mod="alleged", att="the complaint", opt=True, alt=["supports"]),
    R("o8", "loadholt", "subordinate_to", "shakeri", "sent photographs back to Shakeri", mod="alleged", att="the complaint", opt=True, alt=["supports", "allied_with"]),
    R("o9", "rivera", "operates_in", "brooklyn", "Carlisle Rivera, 49, of Brooklyn", opt=True),
    R("o10", "loadholt", "operates_in", "staten_island", "Jonathan Loadholt, 36, of Staten Island", opt=True),
    R("o11", "irgc", "operates_in", "usa", "to watch and kill the regime’s targets in the United States", mod="alleged", att="the complaint", opt=True),
    R("o12", "shakeri", "operates_in", "new_york", "he kept in touch with criminal contacts in New York after his removal", mod="reported", att="prosecutors", opt=True),
    R("o13", "irgc", "opposes", "usa", "These charges show how the IRGC uses career criminals to carry out its plots here", mod="reported", att="wray", opt=True),
    R("o14", "iran", "opposes", "journalist", "a prominent American journalist of Iranian descent who has long criticized the regime", opt=True),
    R("o15", "fbi", "part_of", "justice_department", "The FBI’s New York Field Office", opt=True),
    R("o16", "justice_department", "part_of", "usa", "The Justice Department", opt=True),
    R("o17", "garland", "member_of", "usa", "Attorney General Merrick B. Garland", opt=True),
    R("o18", "wray", "member_of", "fbi", "FBI Director Christopher Wray", opt=True),
    R("o19", "trump", "leads", "usa", "President-elect Donald J. Trump", opt=True),
    R("o20", "baghaei", "member_of", "iran", "Iran’s Foreign Ministry spokesman", opt=True),
    R("o21", "iran_mfa", "part_of", "iran", "Iran’s Foreign Ministry", opt=True),
    R("o22", "sdny", "part_of", "justice_department", "the U.S. Attorney’s Office for the Southern District of New York", opt=True),
    R("o23", "nsd", "part_of", "justice_department", "the National Security Division’s Counterterrorism Section", opt=True),
    R("o24", "irgc", "controls", "rivera", "the regime and its hired criminals", mod="reported", att="garland", opt=True),
    R("o25", "irgc", "supports", "shakeri", "an IRGC official instructed Shakeri", mod="alleged", att="the complaint", opt=True),
    R("o26", "iran", "opposes", "trump", "any plot against Trump", mod="negated", att="baghaei", opt=True),
    R("o27", "irgc", "opposes", "trump", "a plan to assassinate President-elect Donald J. Trump", mod="reported", att="shakeri", opt=True),
    E("o28", "usa", "ACCUSE", "shakeri", "A criminal complaint unsealed today in federal court in Manhattan charges Farhad Shakeri", opt=True),
    E("o29", "usa", "ACCUSE", "rivera", "are charged with murder-for-hire", opt=True),
    E("o30", "usa", "ACCUSE", "loadholt", "are charged with murder-for-hire", opt=True),
    E("o31", "fbi", "COERCE", "rivera", "were arrested on Thursday", opt=True),
    E("o32", "fbi", "COERCE", "loadholt", "were arrested on Thursday", opt=True),
    E("o33", "justice_department", "COERCE", "rivera", "were arrested on Thursday", opt=True, alt=["ACCUSE"]),
    E("o34", "justice_department", "COERCE", "loadholt", "were arrested on Thursday", opt=True, alt=["ACCUSE"]),
    E("o35", "usa", "COERCE", "rivera", "were arrested on Thursday", opt=True),
    E("o36", "usa", "COERCE", "loadholt", "were arrested on Thursday", opt=True),
    E("o37", "usa", "COERCE", "shakeri", "was deported in 2008", opt=True),
    E("o38", "sdny", "ACCUSE", "shakeri", "which is being prosecuted by the U.S. Attorney’s Office for the Southern District of New York", opt=True),
    E("o39", "fbi", "ACCUSE", "shakeri", "The FBI’s New York Field Office is investigating the case", opt=True),
    E("o40", "shakeri", "ASSAULT", "journalist", "surveilling, and ultimately killing, a prominent American journalist of Iranian descent", mod="alleged", att="the complaint", status="planned", opt=True),
    E("o41", "rivera", "ASSAULT", "journalist", "The two men allegedly followed the journalist near her home", mod="alleged", att="the complaint", status="planned", opt=True),
    E("o42", "loadholt", "ASSAULT", "journalist", "The two men allegedly followed the journalist near her home", mod="alleged", att="the complaint", status="planned", opt=True),
    E("o43", "rivera", "ASSAULT", None, "are charged with murder-for-hire", mod="alleged", att="the complaint", status="planned", opt=True),
    E("o44", "loadholt", "ASSAULT", None, "are charged with murder-for-hire", mod="alleged", att="the complaint", status="planned", opt=True),
    E("o45", "shakeri", "ASSAULT", "jewish_americans", "planning attacks on two Jewish American citizens living in New York", mod="alleged", att="the complaint", status="planned", opt=True),
    E("o46", "shakeri", "ASSAULT", "israeli_tourists", "on Israeli tourists in Sri Lanka", mod="alleged", att="the complaint", status="planned", opt=True),
    E("o47", "shakeri", "ASSAULT", "trump", "to prepare a plan to assassinate President-elect Donald J. Trump", mod="reported", att="shakeri", status="planned", opt=True),
    E("o48", "rivera", "COOPERATE", "shakeri", "sent photographs back to Shakeri", mod="alleged", att="the complaint", opt=True, alt=["AID"]),
    E("o49", "loadholt", "COOPERATE", "shakeri", "sent photographs back to Shakeri", mod="alleged", att="the complaint", opt=True, alt=["AID"]),
    E("o50", "shakeri", "REQUEST", "rivera", "Shakeri in turn recruited Rivera", mod="alleged", att="the complaint", opt=True, alt=["MOBILIZE"]),
    E("o51", "rivera", "REQUEST", "loadholt", "Rivera brought in Loadholt", mod="alleged", att="the complaint", opt=True, alt=["MOBILIZE"]),
    E("o52", "shakeri", "CONSULT", "fbi", "In recorded interviews with FBI agents, Shakeri said", opt=True),
    E("o53", "baghaei", "REJECT", "usa", "dismissed the accusations as “completely baseless”", opt=True),
    E("o54", "iran", "REJECT", "usa", "dismissed the accusations as “completely baseless”", opt=True),
    E("o55", "iran_mfa", "REJECT", None, "dismissed the accusations as “completely baseless”", opt=True),
    E("o56", "garland", "THREATEN", "iran", "The Justice Department will not stand by while the regime and its hired criminals try to silence them", opt=True),
    E("o57", "wray", "THREATEN", None, "We will find the people who work for it and bring them to justice", opt=True),
    E("o58", "iran", "ASSAULT", None, "to go after people who speak out against it", mod="reported", att="garland", status="attempted", opt=True),
    E("o59", "irgc", "ASSAULT", None, "to watch and kill the regime’s targets in the United States", mod="alleged", att="the complaint", status="planned", opt=True),
    E("o60", "justice_department", "ACCUSE", "irgc", "directing a network of criminal associates on behalf of Iran’s Islamic Revolutionary Guard Corps (IRGC)", opt=True),
    E("o61", "garland", "ACCUSE", "irgc", "the regime and its hired criminals", opt=True),
    E("o62", "usa", "COERCE", "shakeri", "served 14 years in an American prison for robbery", opt=True),
]

NOTE = ("Gold claim graph for a Justice Department release written for heldout4 (the 2024 IRGC murder-for-hire complaint), coded with shared/ontology.md as the dev gold is. "
        "The charging itself is the Department's asserted ACCUSE (COERCE for the arrests, which have no named agent, is optional with the FBI, the Department or the United States as subject). "
        "What rests on the complaint ('charges ... with directing', 'According to the complaint', 'allegedly', 'also alleges') is alleged, attributed to 'the complaint'; "
        "Shakeri's statements to the FBI are reported, attributed to him. Shakeri acting for the IRGC is subordinate_to (supports/member_of also count); the IRGC official's instruction is the IRGC's REQUEST and controls. "
        "The unnamed journalist, the Jewish Americans and the Israeli tourists are optional entities; the required planned ASSAULT by Shakeri has a null object (the attacks on the Jewish Americans and tourists are optional). "
        "Baghaei's denial gives his asserted REJECT (object null: the accuser is not named) and the denied ties as negated (Iran ASSAULT Trump, Iran opposes the United States: 'no part in any plot against Trump or against other Americans'). "
        "Quotations are the speakers' asserted ACCUSE events; their content is optional reported claims. Titles give leads (Attorney General, FBI Director) and member_of (spokesman).")
