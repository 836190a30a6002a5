from lib import ent, R, E

NAME = "x01_treasury_houthi_oil_network"
META = {
    "title": "Treasury Targets Oil-Smuggling Network Financing the IRGC-Qods Force and the Houthis",
    "source": "Written for claimgraph's eval/heldout4 by a writer session on 8 December 2026, in the style of a U.S. Treasury (OFAC) press release. The financier Sa'id al-Jamal, the IRGC-QF, the Houthis and their 2024 SDGT designation are from the public record, simplified; the companies, the vessel and the individuals other than al-Jamal and Under Secretary Nelson are illustrative. Not a factual source.",
    "url": None,
    "published": "2024-03-12",
    "genre": "press_release",
}
TEXT = """WASHINGTON – Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC) designated six individuals and entities and identified one vessel in an oil-smuggling network that earns tens of millions of dollars for Iran’s Islamic Revolutionary Guard Corps-Qods Force (IRGC-QF) and for the Houthis in Yemen. The network is directed by Sa’id al-Jamal, an Iran-based financier of the Houthis whom OFAC designated in June 2019.

Al-Jamal works closely with senior IRGC-QF officials to sell Iranian petroleum to buyers in Asia and the Middle East. The proceeds are moved through front companies and exchange houses and are then passed to the Houthis, who use them to buy weapons and pay their fighters. Al-Jamal is also believed to have used the network’s tankers to move weapons components to the Houthis. Since November 2023, the Houthis have attacked commercial ships in the Red Sea and the Gulf of Aden with missiles and drones supplied by Iran.

“The Houthis’ attacks on international shipping are paid for, in part, by networks like this one,” said Under Secretary of the Treasury for Terrorism and Financial Intelligence Brian E. Nelson. “We will keep exposing the companies and brokers that keep this money moving.”

FRONT COMPANIES AND A TANKER

Sea Lantern Shipping LLC, a Dubai-based company, manages the tankers that carry the network’s oil. It is owned by Hamid Kazem Rostami, an Iranian businessman who has served as al-Jamal’s shipping agent since at least 2020. In 2023, Rostami arranged for Iranian crude to be loaded onto the tanker NAVIS PEARL, which delivered it to Baniyas, Syria. Sea Lantern and Rostami are being designated for having materially assisted al-Jamal.

OFAC is also designating Istanbul-based Meridian Energy Trading, which collected payments from buyers of the oil on al-Jamal’s behalf and transferred them to accounts controlled by the network.

EXCHANGE HOUSES

Two exchange houses handled the network’s transfers. Sanaa-based Al-Muttahida Exchange received funds from Meridian Energy Trading and paid them out to Houthi officials. Beirut-based Rawda Exchange moved money between the network’s companies. Its owner, Lebanese national Fadi Nasser, has also handled funds for Hizballah for several years. Al-Muttahida Exchange, Rawda Exchange and Nasser are designated today for their support to al-Jamal.

SANCTIONS IMPLICATIONS

As a result of today’s action, all property and interests in property of the persons designated today that are in the United States or in the possession or control of U.S. persons are blocked and must be reported to OFAC.

Ansarallah, commonly known as the Houthis, was designated as a Specially Designated Global Terrorist by the Department of State in January 2024.
"""

ENTITIES = [
    ent("treasury_department", "U.S. Department of the Treasury", "organization", ["Department of the Treasury", "Treasury", "U.S. Treasury", "Treasury Department"]),
    ent("ofac", "Office of Foreign Assets Control", "organization", ["OFAC", "Office of Foreign Assets Control (OFAC)", "U.S. Department of the Treasury’s Office of Foreign Assets Control", "U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC)", "Treasury’s Office of Foreign Assets Control"]),
    ent("quds_force", "Quds Force", "organization", ["IRGC-QF", "Qods Force", "Islamic Revolutionary Guard Corps-Qods Force", "Islamic Revolutionary Guard Corps-Qods Force (IRGC-QF)", "Iran’s Islamic Revolutionary Guard Corps-Qods Force", "IRGC-Qods Force", "IRGC Quds Force"]),
    ent("irgc", "Islamic Revolutionary Guard Corps", "organization", ["IRGC", "Revolutionary Guards", "Iran’s Islamic Revolutionary Guard Corps"], opt=True),
    ent("iran", "Iran", "country", ["Iranian", "Islamic Republic of Iran", "Tehran"]),
    ent("houthis", "Houthis", "organization", ["the Houthis", "Ansarallah", "Ansar Allah", "Houthi", "Houthi movement"]),
    ent("yemen", "Yemen", "country", ["Yemeni"]),
    ent("al_jamal", "Sa'id al-Jamal", "person", ["Sa’id al-Jamal", "al-Jamal", "Al-Jamal", "Said al-Jamal", "Sa'id al Jamal", "Saeed al-Jamal"]),
    ent("nelson", "Brian E. Nelson", "person", ["Brian Nelson", "Nelson", "Under Secretary Nelson"]),
    ent("sea_lantern", "Sea Lantern Shipping LLC", "organization", ["Sea Lantern Shipping", "Sea Lantern"]),
    ent("rostami", "Hamid Kazem Rostami", "person", ["Rostami", "Hamid Rostami"]),
    ent("navis_pearl", "NAVIS PEARL", "organization", ["Navis Pearl", "the tanker NAVIS PEARL"], opt=True),
    ent("meridian", "Meridian Energy Trading", "organization", ["Meridian", "Meridian Energy"]),
    ent("al_muttahida", "Al-Muttahida Exchange", "organization", ["Al Muttahida Exchange", "al-Muttahida Exchange", "Al-Muttahida"]),
    ent("rawda", "Rawda Exchange", "organization", ["Rawda"]),
    ent("nasser", "Fadi Nasser", "person", ["Nasser"]),
    ent("hizballah", "Hizballah", "organization", ["Hezbollah", "Hizbollah", "Hizbullah"]),
    ent("state_department", "State Department", "organization", ["Department of State", "the Department of State", "U.S. Department of State"]),
    ent("usa", "United States", "country", ["U.S.", "US", "USA", "America", "American", "the United States"], opt=True),
    ent("dubai", "Dubai", "location", ["Dubai-based"]),
    ent("istanbul", "Istanbul", "location", ["Istanbul-based"]),
    ent("sanaa", "Sanaa", "location", ["Sana'a", "Sana’a", "Sanaa-based"]),
    ent("beirut", "Beirut", "location", ["Beirut-based"]),
    ent("lebanon", "Lebanon", "country", ["Lebanese"], opt=True),
    ent("syria", "Syria", "country", ["Syrian"]),
    ent("baniyas", "Baniyas", "location", ["Banias"]),
    ent("red_sea", "Red Sea", "location", ["the Red Sea"]),
    ent("gulf_of_aden", "Gulf of Aden", "location", ["the Gulf of Aden"]),
    ent("washington_dc", "Washington, D.C.", "location", ["WASHINGTON", "Washington"], opt=True),
    ent("asia", "Asia", "location", [], opt=True),
    ent("middle_east", "Middle East", "location", ["the Middle East"], opt=True),
    ent("houthi_officials", "Houthi officials", "group", ["Houthi officials"], opt=True, generic=True),
    ent("irgc_qf_officials", "senior IRGC-QF officials", "group", ["IRGC-QF officials"], opt=True, generic=True),
    ent("commercial_ships", "commercial ships", "group", ["commercial ships", "international shipping"], opt=True, generic=True),
    ent("sdgt", "Specially Designated Global Terrorist", "organization", ["SDGT"], opt=True),
]

CLAIMS = [
    R("r1", "ofac", "part_of", "treasury_department", "the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC)"),
    R("r2", "al_jamal", "funds", "houthis", "an oil-smuggling network that earns tens of millions of dollars for Iran’s Islamic Revolutionary Guard Corps-Qods Force (IRGC-QF) and for the Houthis in Yemen / an Iran-based financier of the Houthis / are then passed to the Houthis", alt=["supports"]),
    R("r3", "al_jamal", "funds", "quds_force", "an oil-smuggling network that earns tens of millions of dollars for Iran’s Islamic Revolutionary Guard Corps-Qods Force (IRGC-QF)", alt=["supports"]),
    R("r4", "al_jamal", "allied_with", "quds_force", "Al-Jamal works closely with senior IRGC-QF officials", alt=["supports", "subordinate_to"]),
    R("r5", "al_jamal", "operates_in", "iran", "an Iran-based financier of the Houthis"),
    R("r6", "houthis", "operates_in", "yemen", "for the Houthis in Yemen"),
    R("r7", "iran", "arms", "houthis", "the Houthis have attacked commercial ships in the Red Sea and the Gulf of Aden with missiles and drones supplied by Iran"),
    R("r8", "quds_force", "part_of", "iran", "Iran’s Islamic Revolutionary Guard Corps-Qods Force (IRGC-QF)", opt=True),
    R("r9", "nelson", "member_of", "treasury_department", "said Under Secretary of the Treasury for Terrorism and Financial Intelligence Brian E. Nelson"),
    R("r10", "rostami", "controls", "sea_lantern", "It is owned by Hamid Kazem Rostami", alt=["leads"]),
    R("r11", "rostami", "supports", "al_jamal", "an Iranian businessman who has served as al-Jamal’s shipping agent since at least 2020 / Sea Lantern and Rostami are being designated for having materially assisted al-Jamal", alt=["subordinate_to", "member_of"]),
    R("r12", "sea_lantern", "supports", "al_jamal", "Sea Lantern and Rostami are being designated for having materially assisted al-Jamal / manages the tankers that carry the network’s oil"),
    R("r13", "sea_lantern", "operates_in", "dubai", "Sea Lantern Shipping LLC, a Dubai-based company"),
    R("r14", "rostami", "member_of", "iran", "an Iranian businessman", opt=True),
    R("r15", "meridian", "supports", "al_jamal", "which collected payments from buyers of the oil on al-Jamal’s behalf", alt=["funds"]),
    R("r16", "meridian", "operates_in", "istanbul", "Istanbul-based Meridian Energy Trading"),
    R("r17", "al_muttahida", "funds", "houthis", "Sanaa-based Al-Muttahida Exchange received funds from Meridian Energy Trading and paid them out to Houthi officials", alt=["supports"]),
    R("r18", "al_muttahida", "operates_in", "sanaa", "Sanaa-based Al-Muttahida Exchange"),
    R("r19", "rawda", "operates_in", "beirut", "Beirut-based Rawda Exchange"),
    R("r20", "nasser", "controls", "rawda", "Its owner, Lebanese national Fadi Nasser", alt=["leads"]),
    R("r21", "nasser", "supports", "hizballah", "has also handled funds for Hizballah for several years", alt=["funds"]),
    R("r22", "nasser", "supports", "al_jamal", "Al-Muttahida Exchange, Rawda Exchange and Nasser are designated today for their support to al-Jamal"),
    R("r23", "al_muttahida", "supports", "al_jamal", "Al-Muttahida Exchange, Rawda Exchange and Nasser are designated today for their support to al-Jamal"),
    R("r24", "rawda", "supports", "al_jamal", "Al-Muttahida Exchange, Rawda Exchange and Nasser are designated today for their support to al-Jamal"),
    R("r25", "houthis", "operates_in", "red_sea", "the Houthis have attacked commercial ships in the Red Sea and the Gulf of Aden", opt=True),
    R("r26", "al_jamal", "arms", "houthis", "Al-Jamal is also believed to have used the network’s tankers to move weapons components to the Houthis", mod="speculative"),
    E("e1", "ofac", "SANCTION", "al_jamal", "an Iran-based financier of the Houthis whom OFAC designated in June 2019", date="2019-06"),
    E("e2", "ofac", "SANCTION", "sea_lantern", "Sea Lantern and Rostami are being designated for having materially assisted al-Jamal", date="2024-03-12"),
    E("e3", "ofac", "SANCTION", "rostami", "Sea Lantern and Rostami are being designated for having materially assisted al-Jamal", date="2024-03-12"),
    E("e4", "ofac", "SANCTION", "meridian", "OFAC is also designating Istanbul-based Meridian Energy Trading", date="2024-03-12"),
    E("e5", "ofac", "SANCTION", "al_muttahida", "Al-Muttahida Exchange, Rawda Exchange and Nasser are designated today", date="2024-03-12"),
    E("e6", "ofac", "SANCTION", "rawda", "Al-Muttahida Exchange, Rawda Exchange and Nasser are designated today", date="2024-03-12"),
    E("e7", "ofac", "SANCTION", "nasser", "Al-Muttahida Exchange, Rawda Exchange and Nasser are designated today", date="2024-03-12"),
    E("e8", "state_department", "SANCTION", "houthis", "Ansarallah, commonly known as the Houthis, was designated as a Specially Designated Global Terrorist by the Department of State in January 2024", date="2024-01"),
    E("e9", "nelson", "ACCUSE", "houthis", "“The Houthis’ attacks on international shipping are paid for, in part, by networks like this one,”"),
    E("e10", "houthis", "ASSAULT", None, "Since November 2023, the Houthis have attacked commercial ships in the Red Sea and the Gulf of Aden with missiles and drones supplied by Iran", mode="explosives", loc="red_sea", date="2023-11"),
    # optional
    R("o1", "quds_force", "part_of", "irgc", "Iran’s Islamic Revolutionary Guard Corps-Qods Force (IRGC-QF)", opt=True),
    R("o2", "iran", "supports", "houthis", "missiles and drones supplied by Iran", opt=True),
    R("o3", "houthis", "operates_in", "gulf_of_aden", "the Houthis have attacked commercial ships in the Red Sea and the Gulf of Aden", opt=True),
    R("o4", "al_jamal", "supports", "houthis", "an Iran-based financier of the Houthis", opt=True),
    R("o5", "al_jamal", "supports", "quds_force", "Al-Jamal works closely with senior IRGC-QF officials to sell Iranian petroleum", opt=True),
    R("o7", "sea_lantern", "controls", "navis_pearl", "manages the tankers that carry the network’s oil", opt=True),
    R("o8", "rostami", "supports", "sea_lantern", "It is owned by Hamid Kazem Rostami", opt=True, alt=["member_of", "leads"]),
    R("o9", "meridian", "funds", "al_muttahida", "Al-Muttahida Exchange received funds from Meridian Energy Trading", opt=True, alt=["supports"]),
    R("o10", "nasser", "member_of", "lebanon", "Lebanese national Fadi Nasser", opt=True),
    R("o11", "nasser", "funds", "hizballah", "has also handled funds for Hizballah", opt=True),
    R("o12", "rawda", "supports", "hizballah", "Its owner, Lebanese national Fadi Nasser, has also handled funds for Hizballah", opt=True),
    R("o13", "al_jamal", "operates_in", "syria", "which delivered it to Baniyas, Syria", opt=True),
    R("o14", "rostami", "operates_in", "syria", "Rostami arranged for Iranian crude to be loaded onto the tanker NAVIS PEARL, which delivered it to Baniyas, Syria", opt=True),
    R("o15", "ofac", "opposes", "al_jamal", "The network is directed by Sa’id al-Jamal", opt=True),
    R("o16", "treasury_department", "part_of", "usa", "U.S. Department of the Treasury", opt=True),
    R("o17", "state_department", "part_of", "usa", "the Department of State", opt=True),
    R("o18", "houthis", "opposes", "usa", "The Houthis’ attacks on international shipping", opt=True),
    R("o19", "nelson", "member_of", "usa", "Under Secretary of the Treasury", opt=True),
    R("o20", "al_jamal", "member_of", "houthis", "an Iran-based financier of the Houthis", opt=True),
    R("o21", "rostami", "controls", "navis_pearl", "Rostami arranged for Iranian crude to be loaded onto the tanker NAVIS PEARL", opt=True),
    R("o22", "meridian", "supports", "houthis", "Al-Muttahida Exchange received funds from Meridian Energy Trading and paid them out to Houthi officials", opt=True),
    R("o23", "houthis", "operates_in", "sanaa", "paid them out to Houthi officials", opt=True),
    R("o24", "al_muttahida", "operates_in", "yemen", "Sanaa-based Al-Muttahida Exchange", opt=True),
    R("o25", "rawda", "operates_in", "lebanon", "Beirut-based Rawda Exchange", opt=True),
    E("o27", "treasury_department", "SANCTION", "al_jamal", "The network is directed by Sa’id al-Jamal", opt=True),
    E("o28", "treasury_department", "SANCTION", "sea_lantern", "Sea Lantern and Rostami are being designated", opt=True),
    E("o29", "treasury_department", "SANCTION", "rostami", "Sea Lantern and Rostami are being designated", opt=True),
    E("o30", "treasury_department", "SANCTION", "meridian", "OFAC is also designating Istanbul-based Meridian Energy Trading", opt=True),
    E("o31", "treasury_department", "SANCTION", "al_muttahida", "Al-Muttahida Exchange, Rawda Exchange and Nasser are designated today", opt=True),
    E("o32", "treasury_department", "SANCTION", "rawda", "Al-Muttahida Exchange, Rawda Exchange and Nasser are designated today", opt=True),
    E("o33", "treasury_department", "SANCTION", "nasser", "Al-Muttahida Exchange, Rawda Exchange and Nasser are designated today", opt=True),
    E("o34", "usa", "SANCTION", "al_jamal", "all property and interests in property of the persons designated today that are in the United States", opt=True),
    E("o35", "iran", "AID", "houthis", "missiles and drones supplied by Iran", opt=True, alt=["COOPERATE"]),
    E("o36", "houthis", "ASSAULT", "commercial_ships", "the Houthis have attacked commercial ships in the Red Sea and the Gulf of Aden", opt=True, mode="explosives", loc="red_sea"),
    E("o37", "nelson", "THREATEN", None, "“We will keep exposing the companies and brokers that keep this money moving.”", opt=True),
    E("o38", "al_jamal", "COOPERATE", "quds_force", "Al-Jamal works closely with senior IRGC-QF officials to sell Iranian petroleum", opt=True),
    E("o39", "al_jamal", "AID", "houthis", "are then passed to the Houthis, who use them to buy weapons and pay their fighters", opt=True, alt=["COOPERATE"]),
    E("o40", "rostami", "AID", "al_jamal", "Sea Lantern and Rostami are being designated for having materially assisted al-Jamal", opt=True),
    E("o41", "ofac", "ACCUSE", "al_jamal", "The network is directed by Sa’id al-Jamal", opt=True),
    E("o42", "nelson", "ACCUSE", None, "paid for, in part, by networks like this one", opt=True),
]
CLAIMS = [c for c in CLAIMS if c is not None]

NOTE = ("Gold claim graph for a Treasury (OFAC) release written for heldout4, coded with shared/ontology.md as the dev gold is. "
        "Treasury is the author, so its statements, including the stated bases of designation ('for having materially assisted al-Jamal'), are asserted; "
        "the designating body is OFAC (Treasury as subject is optional). The 'network' has no name and is not an entity: what it earns for the IRGC-QF "
        "and the Houthis is coded as al-Jamal funds (supports as alternative), since he directs it. 'works closely with senior IRGC-QF officials' is "
        "allied_with (supports/subordinate_to also count). Ownership ('It is owned by', 'Its owner') is controls (leads also counts). Each named "
        "designee is a required SANCTION by OFAC; the 2019 designation of al-Jamal and the State Department's 2024 SDGT designation of the Houthis are "
        "required too. 'is also believed to have used the network's tankers to move weapons components' is a required speculative arms claim (author's hedge, attributed_to null). Nelson's quotation is his asserted ACCUSE of the Houthis; the Houthi attacks on ships are a required null-object ASSAULT "
        "(the generic 'commercial ships' target is optional). The tanker NAVIS PEARL is an optional entity (a vessel, not an actor). Required claims precede optional ones.")
