from lib import ent, R, E

NAME = "x06_un_libya_panel_arms_embargo"
META = {
    "title": "Arms Embargo on Libya Remains Ineffective, Panel of Experts Tells Security Council Committee",
    "source": "Written for claimgraph's eval/heldout4 by a writer session on 8 December 2026, in the style of a United Nations press release summarizing a Panel of Experts report. The findings on the UAE, Russia's Wagner Group, Turkey and Syrian fighters, Erik Prince's 2019 aircraft operation, and the responses are from the public record (the Libya panel's 2021 reports and reactions to them), simplified and reworded; the delegates' words are paraphrases. Not a factual source.",
    "url": None,
    "published": "2021-03-17",
    "genre": "press_release",
}
TEXT = """The arms embargo on Libya imposed by Security Council resolution 1970 (2011) remains “totally ineffective”, the Panel of Experts on Libya concluded in its final report, which the Council’s sanctions committee on Libya discussed today.

According to the report, Member States that supported the parties to the conflict violated the embargo openly and repeatedly during 2020. The Panel found that the United Arab Emirates continued to send military cargo flights to the Haftar Affiliated Forces (HAF), led by Khalifa Haftar, through airbases in eastern Libya, and that it had supplied the forces with armoured vehicles and air-defence systems.

The Panel also documented the presence of up to 1,200 personnel of the ChVK Wagner, a Russian private military company, who fought alongside the HAF as snipers, artillery crews and technicians. Wagner had further recruited several hundred Syrian fighters to guard oil installations controlled by the HAF, according to the report. The Panel said it could not establish who paid those fighters, but it noted that Wagner’s logistics flights relied on Russian military aircraft. The experts also believe that Wagner personnel may have laid landmines and booby traps in residential areas south of Tripoli when they pulled back in mid-2020.

On the other side, the Panel reported that Turkey had deployed military advisers and armed drones in support of the Government of National Accord (GNA) in Tripoli, and had transferred fighters of the Syrian National Army to Libya, where they were paid by Turkish companies. Chadian and Sudanese armed groups fought as mercenaries for both camps, the experts added.

The report further finds that the American businessman Erik Prince violated the embargo in 2019 by organizing an operation, through companies registered in the United Arab Emirates, to deliver attack aircraft and armed helicopters to the HAF. Mr. Prince has denied any involvement, and his lawyer told reporters that he had never had dealings with Mr. Haftar.

Speaking in the committee, the representative of the Russian Federation dismissed the findings on Wagner as based on unverified sources and said that no Russian servicemen were present in Libya. The representative of Turkey said that his country’s training and advisory mission had been requested by the legitimate Government of Libya and could not be considered a violation. The United Arab Emirates, in a letter to the committee, rejected the Panel’s conclusions as inaccurate.

The Chair of the committee, T. S. Tirumurti of India, urged all Member States to comply fully with the embargo and to withdraw foreign fighters and mercenaries from Libya, in line with the ceasefire agreement that the Libyan parties signed in Geneva in October 2020. He welcomed the formation of a Government of National Unity under Prime Minister Abdul Hamid Dbeibah, which replaces the rival administrations.
"""

ENTITIES = [
    ent("unsc", "Security Council", "organization", ["UN Security Council", "United Nations Security Council", "the Council", "Council"]),
    ent("committee", "Security Council Committee on Libya", "organization", ["the Council’s sanctions committee on Libya", "sanctions committee on Libya", "the committee", "1970 Committee", "Committee"]),
    ent("panel", "Panel of Experts on Libya", "organization", ["the Panel", "Panel", "Panel of Experts", "the experts", "the Panel of Experts on Libya"]),
    ent("libya", "Libya", "country", ["Libyan", "Government of Libya"]),
    ent("uae", "United Arab Emirates", "country", ["UAE", "Emirates", "Emirati"]),
    ent("haf", "Haftar Affiliated Forces", "organization", ["HAF", "Haftar Affiliated Forces (HAF)", "Libyan National Army", "LNA", "Libyan Arab Armed Forces"]),
    ent("haftar", "Khalifa Haftar", "person", ["Haftar", "Mr. Haftar", "Khalifa Hifter"]),
    ent("wagner", "Wagner Group", "organization", ["ChVK Wagner", "Wagner", "the ChVK Wagner", "PMC Wagner"]),
    ent("russia", "Russia", "country", ["Russian", "Russian Federation", "the Russian Federation"]),
    ent("russia_rep", "representative of the Russian Federation", "person", ["the representative of the Russian Federation"], opt=True),
    ent("syrian_fighters", "Syrian fighters", "group", ["several hundred Syrian fighters", "those fighters"], generic=True),
    ent("turkey", "Turkey", "country", ["Turkish", "Türkiye"]),
    ent("turkey_rep", "representative of Turkey", "person", ["The representative of Turkey"], opt=True),
    ent("gna", "Government of National Accord", "organization", ["GNA", "Government of National Accord (GNA)", "legitimate Government of Libya"]),
    ent("sna", "Syrian National Army", "organization", ["SNA", "the Syrian National Army"]),
    ent("turkish_companies", "Turkish companies", "group", [], generic=True, opt=True),
    ent("chadian_groups", "Chadian armed groups", "group", ["Chadian and Sudanese armed groups"], generic=True),
    ent("sudanese_groups", "Sudanese armed groups", "group", [], generic=True, opt=True),
    ent("prince", "Erik Prince", "person", ["Prince", "Mr. Prince"]),
    ent("prince_lawyer", "Erik Prince's lawyer", "person", ["his lawyer"], opt=True),
    ent("uae_companies", "companies registered in the United Arab Emirates", "group", ["companies registered in the United Arab Emirates"], generic=True, opt=True),
    ent("usa", "United States", "country", ["American", "U.S."], opt=True),
    ent("tirumurti", "T. S. Tirumurti", "person", ["Tirumurti", "T.S. Tirumurti"]),
    ent("india", "India", "country", ["Indian"]),
    ent("member_states", "Member States", "group", ["all Member States"], generic=True, opt=True),
    ent("gnu", "Government of National Unity", "organization", ["GNU"]),
    ent("dbeibah", "Abdul Hamid Dbeibah", "person", ["Dbeibah", "Abdul Hamid Dbeibeh", "Prime Minister Abdul Hamid Dbeibah"]),
    ent("libyan_parties", "Libyan parties", "group", ["the Libyan parties"], generic=True, opt=True),
    ent("tripoli", "Tripoli", "location", []),
    ent("eastern_libya", "eastern Libya", "location", [], opt=True),
    ent("geneva", "Geneva", "location", [], opt=True),
    ent("resolution_1970", "resolution 1970 (2011)", "organization", ["Security Council resolution 1970 (2011)", "resolution 1970"], opt=True),
]

CLAIMS = [
    R("r1", "uae", "arms", "haf", "the United Arab Emirates continued to send military cargo flights to the Haftar Affiliated Forces (HAF) / it had supplied the forces with armoured vehicles and air-defence systems", mod="reported", att="panel", alt=["supports"]),
    R("r2", "haftar", "leads", "haf", "the Haftar Affiliated Forces (HAF), led by Khalifa Haftar"),
    R("r3", "wagner", "operates_in", "libya", "The Panel also documented the presence of up to 1,200 personnel of the ChVK Wagner", mod="reported", att="panel"),
    R("r4", "wagner", "allied_with", "haf", "who fought alongside the HAF as snipers, artillery crews and technicians", mod="reported", att="panel", alt=["supports"]),
    R("r5", "wagner", "operates_in", "russia", "the ChVK Wagner, a Russian private military company", opt=True),
    R("r6", "wagner", "controls", "syrian_fighters", "Wagner had further recruited several hundred Syrian fighters to guard oil installations controlled by the HAF", mod="reported", att="panel", alt=["supports"]),
    R("r7", "russia", "supports", "wagner", "Wagner’s logistics flights relied on Russian military aircraft", mod="reported", att="panel"),
    R("r8", "turkey", "supports", "gna", "Turkey had deployed military advisers and armed drones in support of the Government of National Accord (GNA) in Tripoli", mod="reported", att="panel", alt=["arms"]),
    R("r9", "gna", "operates_in", "tripoli", "the Government of National Accord (GNA) in Tripoli"),
    R("r10", "turkey", "funds", "sna", "where they were paid by Turkish companies", mod="reported", att="panel", alt=["supports"], opt=True),
    R("r11", "turkey", "supports", "sna", "had transferred fighters of the Syrian National Army to Libya", mod="reported", att="panel", alt=["controls"]),
    R("r12", "sna", "operates_in", "libya", "had transferred fighters of the Syrian National Army to Libya", mod="reported", att="panel"),
    R("r13", "chadian_groups", "operates_in", "libya", "Chadian and Sudanese armed groups fought as mercenaries for both camps", mod="reported", att="panel"),
    R("r14", "prince", "arms", "haf", "to deliver attack aircraft and armed helicopters to the HAF", mod="reported", att="panel", alt=["supports"]),
    R("r15", "prince", "arms", "haf", "Mr. Prince has denied any involvement", mod="negated", att="prince", alt=["supports"]),
    R("r16", "prince", "allied_with", "haftar", "he had never had dealings with Mr. Haftar", mod="negated", att="his lawyer"),
    R("r17", "russia", "operates_in", "libya", "said that no Russian servicemen were present in Libya", mod="negated", att="russia"),
    R("r18", "turkey", "trains", "gna", "his country’s training and advisory mission had been requested by the legitimate Government of Libya", mod="reported", att="turkey", alt=["supports"]),
    R("r19", "tirumurti", "leads", "committee", "The Chair of the committee, T. S. Tirumurti of India", alt=["member_of"]),
    R("r20", "tirumurti", "member_of", "india", "T. S. Tirumurti of India"),
    R("r21", "dbeibah", "leads", "gnu", "a Government of National Unity under Prime Minister Abdul Hamid Dbeibah"),
    R("r22", "committee", "part_of", "unsc", "the Council’s sanctions committee on Libya"),
    R("r23", "haf", "controls", "syrian_fighters", "oil installations controlled by the HAF", opt=True),
    R("r24", "haf", "operates_in", "eastern_libya", "through airbases in eastern Libya", opt=True),
    R("r25", "haf", "opposes", "gna", "On the other side / fought as mercenaries for both camps", opt=True),
    R("r26", "panel", "part_of", "unsc", "the Panel of Experts on Libya", opt=True),
    R("r27", "uae", "supports", "haf", "the United Arab Emirates continued to send military cargo flights to the Haftar Affiliated Forces (HAF)", mod="reported", att="panel", opt=True),
    R("r28", "wagner", "supports", "haf", "who fought alongside the HAF", mod="reported", att="panel", opt=True),
    R("r29", "russia", "supports", "haf", "Wagner’s logistics flights relied on Russian military aircraft", mod="reported", att="panel", opt=True),
    R("r30", "syrian_fighters", "supports", "haf", "to guard oil installations controlled by the HAF", mod="reported", att="panel", opt=True),
    R("r31", "syrian_fighters", "operates_in", "libya", "to guard oil installations controlled by the HAF", mod="reported", att="panel", opt=True),
    R("r32", "turkey", "arms", "gna", "armed drones in support of the Government of National Accord (GNA)", mod="reported", att="panel", opt=True),
    R("r33", "turkey", "operates_in", "libya", "had deployed military advisers and armed drones", mod="reported", att="panel", opt=True),
    R("r34", "sna", "supports", "gna", "had transferred fighters of the Syrian National Army to Libya", mod="reported", att="panel", opt=True),
    R("r35", "turkish_companies", "funds", "sna", "where they were paid by Turkish companies", mod="reported", att="panel", opt=True),
    R("r36", "chadian_groups", "supports", "haf", "fought as mercenaries for both camps", mod="reported", att="panel", opt=True),
    R("r37", "chadian_groups", "supports", "gna", "fought as mercenaries for both camps", mod="reported", att="panel", opt=True),
    R("r38", "sudanese_groups", "supports", "haf", "fought as mercenaries for both camps", mod="reported", att="panel", opt=True),
    R("r39", "sudanese_groups", "supports", "gna", "fought as mercenaries for both camps", mod="reported", att="panel", opt=True),
    R("r40", "prince", "member_of", "usa", "the American businessman Erik Prince", opt=True),
    R("r41", "prince", "controls", "uae_companies", "through companies registered in the United Arab Emirates", mod="reported", att="panel", opt=True),
    R("r42", "prince", "supports", "haftar", "to deliver attack aircraft and armed helicopters to the HAF", mod="reported", att="panel", opt=True),
    R("r43", "gna", "part_of", "libya", "the legitimate Government of Libya", opt=True),
    R("r44", "gna", "leads", "libya", "the legitimate Government of Libya", mod="reported", att="turkey", opt=True),
    R("r45", "dbeibah", "leads", "libya", "Prime Minister Abdul Hamid Dbeibah", opt=True),
    R("r46", "gnu", "part_of", "libya", "a Government of National Unity", opt=True),
    R("r47", "haf", "operates_in", "libya", "military cargo flights to the Haftar Affiliated Forces (HAF), led by Khalifa Haftar, through airbases in eastern Libya", opt=True),
    R("r48", "wagner", "part_of", "russia", "a Russian private military company", opt=True),
    R("r49", "uae", "controls", "uae_companies", "companies registered in the United Arab Emirates", opt=True),
    R("r50", "russia", "arms", "haf", "Wagner’s logistics flights relied on Russian military aircraft", mod="reported", att="panel", opt=True),
    R("r51", "turkey", "controls", "sna", "had transferred fighters of the Syrian National Army to Libya", mod="reported", att="panel", opt=True),
    E("e1", "panel", "ACCUSE", "uae", "The Panel found that the United Arab Emirates continued to send military cargo flights"),
    E("e2", "panel", "ACCUSE", "wagner", "The Panel also documented the presence of up to 1,200 personnel of the ChVK Wagner"),
    E("e3", "panel", "ACCUSE", "turkey", "the Panel reported that Turkey had deployed military advisers and armed drones"),
    E("e4", "panel", "ACCUSE", "prince", "The report further finds that the American businessman Erik Prince violated the embargo in 2019"),
    E("e5", "prince", "REJECT", None, "Mr. Prince has denied any involvement"),
    E("e6", "russia", "REJECT", None, "the representative of the Russian Federation dismissed the findings on Wagner as based on unverified sources"),
    E("e7", "turkey", "REJECT", None, "said that his country’s training and advisory mission had been requested by the legitimate Government of Libya and could not be considered a violation"),
    E("e8", "uae", "REJECT", "panel", "The United Arab Emirates, in a letter to the committee, rejected the Panel’s conclusions as inaccurate"),
    E("e9", "tirumurti", "REQUEST", None, "urged all Member States to comply fully with the embargo and to withdraw foreign fighters and mercenaries from Libya"),
    E("e10", "tirumurti", "SUPPORT", "gnu", "He welcomed the formation of a Government of National Unity"),
    E("e34", "wagner", "ASSAULT", None, "The experts also believe that Wagner personnel may have laid landmines and booby traps in residential areas south of Tripoli", mod="speculative", att="panel", mode="explosives", loc="tripoli", date="2020"),
    R("r52", "wagner", "operates_in", "tripoli", "Wagner personnel may have laid landmines and booby traps in residential areas south of Tripoli", mod="speculative", att="panel", opt=True),
    E("e11", "uae", "AID", "haf", "it had supplied the forces with armoured vehicles and air-defence systems", mod="reported", att="panel", alt=["COOPERATE"], opt=True),
    E("e12", "turkey", "MOBILIZE", None, "Turkey had deployed military advisers and armed drones", mod="reported", att="panel", opt=True),
    E("e13", "turkey", "AID", "gna", "had deployed military advisers and armed drones in support of the Government of National Accord (GNA)", mod="reported", att="panel", opt=True),
    E("e14", "wagner", "REQUEST", "syrian_fighters", "Wagner had further recruited several hundred Syrian fighters", mod="reported", att="panel", opt=True, alt=["MOBILIZE"]),
    E("e15", "prince", "AID", "haf", "to deliver attack aircraft and armed helicopters to the HAF", mod="reported", att="panel", opt=True),
    E("e16", "prince_lawyer", "REJECT", None, "his lawyer told reporters that he had never had dealings with Mr. Haftar", opt=True),
    E("e17", "russia_rep", "REJECT", "panel", "the representative of the Russian Federation dismissed the findings", opt=True),
    E("e18", "turkey_rep", "REJECT", "panel", "could not be considered a violation", opt=True),
    E("e19", "gna", "REQUEST", "turkey", "had been requested by the legitimate Government of Libya", mod="reported", att="turkey", opt=True),
    E("e20", "libyan_parties", "AGREE", None, "the ceasefire agreement that the Libyan parties signed in Geneva in October 2020", opt=True),
    E("e21", "haf", "AGREE", "gna", "the ceasefire agreement that the Libyan parties signed in Geneva in October 2020", opt=True),
    E("e22", "unsc", "SANCTION", "libya", "The arms embargo on Libya imposed by Security Council resolution 1970 (2011)", opt=True),
    E("e23", "panel", "ACCUSE", "russia", "Wagner’s logistics flights relied on Russian military aircraft", opt=True),
    E("e24", "panel", "ACCUSE", "member_states", "Member States that supported the parties to the conflict violated the embargo openly and repeatedly", opt=True),
    E("e25", "committee", "CONSULT", None, "which the Council’s sanctions committee on Libya discussed today", opt=True),
    E("e26", "tirumurti", "REQUEST", "member_states", "urged all Member States to comply fully with the embargo", opt=True),
    E("e27", "uae", "CONSULT", "committee", "in a letter to the committee", opt=True),
    E("e28", "panel", "ACCUSE", "haf", "to deliver attack aircraft and armed helicopters to the HAF", opt=True),
    E("e29", "panel", "ACCUSE", "chadian_groups", "Chadian and Sudanese armed groups fought as mercenaries for both camps, the experts added", opt=True),
    E("e30", "panel", "ACCUSE", None, "remains “totally ineffective”", opt=True),
    E("e31", "russia", "MOBILIZE", None, "no Russian servicemen were present in Libya", mod="negated", att="russia", opt=True),
    E("e32", "turkey", "REQUEST", "gna", "his country’s training and advisory mission", opt=True),
    E("e33", "uae", "REJECT", "committee", "rejected the Panel’s conclusions as inaccurate", opt=True),
]

NOTE = ("Gold claim graph for a UN press release written for heldout4, summarizing the Libya Panel of Experts' findings on arms-embargo violations and the responses, coded with shared/ontology.md as the dev gold is. "
        "Almost every tie rests on the Panel ('According to the report', 'The Panel found', 'documented', 'reported'), so the ties are reported, attributed to the Panel; the Panel's findings themselves are its asserted ACCUSE events against the UAE, Wagner, Turkey and Prince. "
        "Denials carry both sides, each required: Prince arms the HAF (reported) and the same tie negated on his word, with his REJECT (object null); his lawyer's 'never had dealings with Mr. Haftar' is a negated allied_with attributed to the string 'his lawyer'. "
        "Russia's delegate's 'no Russian servicemen were present in Libya' is a negated operates_in, attributed to Russia (the delegate speaks for the country; the delegate as an entity is optional), with Russia's REJECT; Russia's and Turkey's REJECT have a null object (the rejecting clause names no accuser), the UAE's the Panel ('rejected the Panel's conclusions'). "
        "Turkey's 'training and advisory mission' is reported on Turkey's word (trains; supports also counts). 'Chadian and Sudanese armed groups' is one required generic group (the Sudanese groups alone optional). "
        "'the legitimate Government of Libya' in Turkey's statement is the GNA. The experts' belief that Wagner 'may have laid landmines' is a required speculative null-object ASSAULT attributed to the Panel. The committee chair is coded leads (member_of also counts), his welcome of the GNU a SUPPORT, his appeal a REQUEST with null object. The embargo resolution is optional.")
