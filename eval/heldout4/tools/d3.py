from lib import ent, R, E

NAME = "x03_state_rsf_genocide_sanctions"
META = {
    "title": "Genocide Determination in Sudan and Accountability Measures Against the Rapid Support Forces",
    "source": "Written for claimgraph's eval/heldout4 by a writer session on 8 December 2026, in the style of a U.S. State Department press statement. The January 2025 genocide determination, the sanctions on Hemedti and RSF-owned companies in the UAE, and the 2023 measures against Abdel Rahman Juma and Abdelrahim Hamdan Dagalo are from the public record, simplified and reworded. Not a factual source.",
    "url": None,
    "published": "2025-01-07",
    "genre": "press_release",
}
TEXT = """PRESS STATEMENT
ANTONY J. BLINKEN, SECRETARY OF STATE
JANUARY 7, 2025

Since war broke out in April 2023 between the Rapid Support Forces (RSF) and the Sudanese Armed Forces (SAF), both sides have committed war crimes, and the RSF and allied Arab militias have committed crimes against humanity and ethnic cleansing. Today, based on information gathered by the Department, I have concluded that members of the RSF and allied militias have committed genocide in Sudan.

The RSF and its allies have murdered men and boys, even infants, on an ethnic basis, and have deliberately targeted women and girls from certain ethnic groups for rape and other sexual violence. In West Darfur, RSF fighters attacked Masalit civilians in El Geneina and other towns and shot at those trying to flee. The same forces have blocked food and medicine from reaching people in displacement camps.

To promote accountability, the Department of the Treasury is today sanctioning RSF leader Mohamed Hamdan Dagalo, commonly known as Hemedti, for his role in these atrocities. Hemedti commands the forces that carried them out and bears responsibility for the conduct of the fighters under him. Treasury is also designating seven RSF-owned companies based in the United Arab Emirates, among them Capital Tap Holding LLC, that bought weapons and sold gold on the group’s behalf.

These steps build on earlier actions against the RSF’s leadership. In September 2023, the Department imposed visa restrictions on Abdel Rahman Juma Barakallah, the RSF’s commander in West Darfur, who was involved in the abduction and killing of the state’s governor, Khamis Abakar, in June 2023. That same month, Treasury sanctioned Hemedti’s brother, Abdelrahim Hamdan Dagalo, the RSF’s deputy commander.

The SAF, led by General Abdel Fattah al-Burhan, has also carried out indiscriminate airstrikes on markets, hospitals and homes, and it has obstructed the delivery of aid to areas it does not control. The United States will hold both warring parties accountable for these abuses.

The RSF has rejected these findings and insists that its fighters do not target civilians. The evidence gathered by the Department shows otherwise.

The United States does not support either side in this war. It calls on the RSF and the SAF to agree to an immediate ceasefire, to allow humanitarian aid to reach all Sudanese, and to return to negotiations. We also urge governments in the region to stop sending weapons to the warring parties, which only prolongs the suffering of the Sudanese people.
"""

ENTITIES = [
    ent("state_department", "State Department", "organization", ["Department of State", "the Department", "U.S. Department of State", "the State Department"]),
    ent("blinken", "Antony J. Blinken", "person", ["ANTONY J. BLINKEN", "Antony Blinken", "Blinken", "Secretary Blinken", "Secretary of State Antony J. Blinken"]),
    ent("rsf", "Rapid Support Forces", "organization", ["RSF", "Rapid Support Forces (RSF)", "the RSF"]),
    ent("saf", "Sudanese Armed Forces", "organization", ["SAF", "Sudanese Armed Forces (SAF)", "Sudanese army", "the SAF"]),
    ent("allied_militias", "allied Arab militias", "group", ["allied militias", "Arab militias"], generic=True),
    ent("sudan", "Sudan", "country", ["Sudanese"]),
    ent("treasury_department", "U.S. Department of the Treasury", "organization", ["Department of the Treasury", "Treasury", "Treasury Department", "the Department of the Treasury"]),
    ent("hemedti", "Mohamed Hamdan Dagalo", "person", ["Hemedti", "Mohammed Hamdan Dagalo", "Mohamed Hamdan Dagalo Musa", "Hamdan Dagalo", "Hemeti", "RSF leader Mohamed Hamdan Dagalo"]),
    ent("capital_tap", "Capital Tap Holding LLC", "organization", ["Capital Tap Holding", "Capital Tap"]),
    ent("uae", "United Arab Emirates", "country", ["UAE", "Emirates", "Emirati"]),
    ent("juma", "Abdel Rahman Juma Barakallah", "person", ["Abdel Rahman Juma", "Abdelrahman Juma", "Juma", "Abdul Rahman Juma"]),
    ent("abakar", "Khamis Abakar", "person", ["Abakar", "Khamis Abdallah Abakar"]),
    ent("abdelrahim", "Abdelrahim Hamdan Dagalo", "person", ["Abdel Rahim Hamdan Dagalo", "Abdelrahim Dagalo", "Abdul Rahim Dagalo"]),
    ent("burhan", "Abdel Fattah al-Burhan", "person", ["al-Burhan", "Burhan", "General Abdel Fattah al-Burhan", "Abdel Fattah Burhan", "Abdelfattah al-Burhan"]),
    ent("usa", "United States", "country", ["U.S.", "US", "America", "American", "The United States", "the United States"]),
    ent("masalit", "Masalit civilians", "group", ["Masalit", "the Masalit", "Masalit people"], generic=True),
    ent("civilians", "civilians", "group", ["civilians", "Sudanese civilians"], generic=True),
    ent("west_darfur", "West Darfur", "location", ["West Darfur state"]),
    ent("el_geneina", "El Geneina", "location", ["Geneina", "al-Geneina"]),
    ent("darfur", "Darfur", "location", [], opt=True),
    ent("men_and_boys", "men and boys", "group", ["men and boys, even infants"], opt=True, generic=True),
    ent("women_and_girls", "women and girls", "group", ["women and girls from certain ethnic groups"], opt=True, generic=True),
    ent("displaced_people", "people in displacement camps", "group", ["displacement camps"], opt=True, generic=True),
    ent("regional_governments", "governments in the region", "group", ["regional governments"], opt=True, generic=True),
    ent("sudanese_people", "Sudanese people", "group", ["the Sudanese people", "all Sudanese"], opt=True, generic=True),
]

CLAIMS = [
    R("r1", "blinken", "leads", "state_department", "ANTONY J. BLINKEN, SECRETARY OF STATE", alt=["member_of"]),
    R("r2", "rsf", "opposes", "saf", "war broke out in April 2023 between the Rapid Support Forces (RSF) and the Sudanese Armed Forces (SAF)"),
    R("r3", "allied_militias", "allied_with", "rsf", "the RSF and allied Arab militias have committed crimes against humanity / The RSF and its allies"),
    R("r4", "rsf", "operates_in", "sudan", "members of the RSF and allied militias have committed genocide in Sudan"),
    R("r5", "rsf", "operates_in", "west_darfur", "In West Darfur, RSF fighters attacked Masalit civilians"),
    R("r6", "hemedti", "leads", "rsf", "RSF leader Mohamed Hamdan Dagalo / Hemedti commands the forces that carried them out"),
    R("r7", "rsf", "controls", "capital_tap", "seven RSF-owned companies based in the United Arab Emirates, among them Capital Tap Holding LLC"),
    R("r8", "capital_tap", "operates_in", "uae", "seven RSF-owned companies based in the United Arab Emirates, among them Capital Tap Holding LLC"),
    R("r9", "capital_tap", "supports", "rsf", "that bought weapons and sold gold on the group’s behalf", alt=["arms", "funds"]),
    R("r10", "juma", "member_of", "rsf", "Abdel Rahman Juma Barakallah, the RSF’s commander in West Darfur", alt=["leads"]),
    R("r11", "abdelrahim", "member_of", "rsf", "Abdelrahim Hamdan Dagalo, the RSF’s deputy commander", alt=["leads"]),
    R("r12", "burhan", "leads", "saf", "The SAF, led by General Abdel Fattah al-Burhan"),
    R("r13", "usa", "supports", "rsf", "The United States does not support either side in this war", mod="negated"),
    R("r14", "usa", "supports", "saf", "The United States does not support either side in this war", mod="negated"),
    R("r15", "saf", "operates_in", "sudan", "indiscriminate airstrikes on markets, hospitals and homes / all Sudanese", opt=True),
    E("e1", "blinken", "ACCUSE", "rsf", "I have concluded that members of the RSF and allied militias have committed genocide in Sudan", date="2025-01-07"),
    E("e2", "treasury_department", "SANCTION", "hemedti", "the Department of the Treasury is today sanctioning RSF leader Mohamed Hamdan Dagalo", date="2025-01-07"),
    E("e3", "treasury_department", "SANCTION", "capital_tap", "Treasury is also designating seven RSF-owned companies based in the United Arab Emirates, among them Capital Tap Holding LLC", date="2025-01-07"),
    E("e4", "state_department", "SANCTION", "juma", "the Department imposed visa restrictions on Abdel Rahman Juma Barakallah", date="2023-09"),
    E("e5", "treasury_department", "SANCTION", "abdelrahim", "Treasury sanctioned Hemedti’s brother, Abdelrahim Hamdan Dagalo", date="2023-09"),
    E("e6", "rsf", "ASSAULT", "masalit", "In West Darfur, RSF fighters attacked Masalit civilians in El Geneina and other towns", mode="firearms", loc="el_geneina"),
    E("e7", "juma", "ASSAULT", "abakar", "who was involved in the abduction and killing of the state’s governor, Khamis Abakar, in June 2023", mode="abduction", date="2023-06"),
    E("e8", "rsf", "REJECT", None, "The RSF has rejected these findings"),
    E("e9", "rsf", "ASSAULT", "civilians", "insists that its fighters do not target civilians", mod="negated", att="rsf"),
    E("e10", "usa", "REQUEST", "rsf", "It calls on the RSF and the SAF to agree to an immediate ceasefire"),
    E("e11", "usa", "REQUEST", "saf", "It calls on the RSF and the SAF to agree to an immediate ceasefire"),
    E("e12", "rsf", "ASSAULT", None, "The RSF and its allies have murdered men and boys, even infants, on an ethnic basis"),
    E("e13", "saf", "ASSAULT", None, "The SAF, led by General Abdel Fattah al-Burhan, has also carried out indiscriminate airstrikes on markets, hospitals and homes", mode="aerial"),
    # optional
    R("o1", "hemedti", "controls", "rsf", "Hemedti commands the forces that carried them out", opt=True),
    R("o2", "hemedti", "member_of", "rsf", "RSF leader Mohamed Hamdan Dagalo", opt=True),
    R("o3", "juma", "operates_in", "west_darfur", "the RSF’s commander in West Darfur", opt=True),
    R("o4", "abakar", "leads", "west_darfur", "the state’s governor, Khamis Abakar", opt=True, alt=["member_of"]),
    R("o5", "saf", "part_of", "sudan", "the Sudanese Armed Forces (SAF)", opt=True),
    R("o6", "burhan", "member_of", "saf", "General Abdel Fattah al-Burhan", opt=True),
    R("o7", "allied_militias", "operates_in", "sudan", "allied militias have committed genocide in Sudan", opt=True),
    R("o8", "rsf", "operates_in", "el_geneina", "RSF fighters attacked Masalit civilians in El Geneina", opt=True),
    R("o9", "rsf", "opposes", "masalit", "RSF fighters attacked Masalit civilians", opt=True),
    R("o10", "capital_tap", "arms", "rsf", "that bought weapons and sold gold on the group’s behalf", opt=True),
    R("o11", "capital_tap", "funds", "rsf", "sold gold on the group’s behalf", opt=True),
    R("o12", "rsf", "operates_in", "uae", "seven RSF-owned companies based in the United Arab Emirates", opt=True),
    R("o13", "blinken", "member_of", "usa", "SECRETARY OF STATE", opt=True),
    R("o14", "state_department", "part_of", "usa", "the Department", opt=True),
    R("o15", "treasury_department", "part_of", "usa", "the Department of the Treasury", opt=True),
    R("o16", "usa", "opposes", "rsf", "The United States will hold both warring parties accountable", opt=True),
    R("o17", "usa", "opposes", "saf", "The United States will hold both warring parties accountable", opt=True),
    R("o18", "regional_governments", "arms", "rsf", "urge governments in the region to stop sending weapons to the warring parties", opt=True, mod="speculative"),
    R("o19", "regional_governments", "arms", "saf", "urge governments in the region to stop sending weapons to the warring parties", opt=True, mod="speculative"),
    R("o20", "rsf", "operates_in", "darfur", "In West Darfur", opt=True),
    R("o21", "abdelrahim", "leads", "rsf", "the RSF’s deputy commander", opt=True),
    R("o22", "hemedti", "allied_with", "abdelrahim", "Hemedti’s brother, Abdelrahim Hamdan Dagalo", opt=True),
    R("o23", "allied_militias", "supports", "rsf", "the RSF and allied Arab militias", opt=True),
    R("o24", "rsf", "opposes", "sudan", "war broke out in April 2023", opt=True),
    E("o25", "state_department", "ACCUSE", "rsf", "based on information gathered by the Department, I have concluded", opt=True),
    E("o26", "blinken", "ACCUSE", "allied_militias", "I have concluded that members of the RSF and allied militias have committed genocide in Sudan", opt=True),
    E("o27", "state_department", "ACCUSE", "saf", "both sides have committed war crimes", opt=True),
    E("o28", "blinken", "ACCUSE", "saf", "both sides have committed war crimes / The SAF, led by General Abdel Fattah al-Burhan, has also carried out indiscriminate airstrikes", opt=True),
    E("o29", "blinken", "ACCUSE", "hemedti", "for his role in these atrocities", opt=True),
    E("o30", "usa", "SANCTION", "hemedti", "sanctioning RSF leader Mohamed Hamdan Dagalo", opt=True),
    E("o31", "usa", "SANCTION", "capital_tap", "Treasury is also designating seven RSF-owned companies", opt=True),
    E("o32", "usa", "SANCTION", "juma", "imposed visa restrictions on Abdel Rahman Juma Barakallah", opt=True),
    E("o33", "usa", "SANCTION", "abdelrahim", "Treasury sanctioned Hemedti’s brother", opt=True),
    E("o34", "allied_militias", "ASSAULT", None, "The RSF and its allies have murdered men and boys", opt=True),
    E("o35", "rsf", "ASSAULT", "men_and_boys", "The RSF and its allies have murdered men and boys, even infants", opt=True),
    E("o36", "rsf", "ASSAULT", "women_and_girls", "have deliberately targeted women and girls from certain ethnic groups for rape and other sexual violence", opt=True, mode="other"),
    E("o37", "allied_militias", "ASSAULT", "women_and_girls", "have deliberately targeted women and girls from certain ethnic groups for rape", opt=True, mode="other"),
    E("o38", "rsf", "ASSAULT", "civilians", "shot at those trying to flee", opt=True),
    E("o39", "rsf", "COERCE", "displaced_people", "The same forces have blocked food and medicine from reaching people in displacement camps", opt=True),
    E("o40", "rsf", "COERCE", "abakar", "the abduction and killing of the state’s governor, Khamis Abakar", opt=True, alt=["ASSAULT"]),
    E("o41", "rsf", "ASSAULT", "abakar", "the abduction and killing of the state’s governor, Khamis Abakar", opt=True),
    E("o42", "saf", "ASSAULT", "civilians", "indiscriminate airstrikes on markets, hospitals and homes", opt=True, mode="aerial"),
    E("o43", "saf", "COERCE", None, "it has obstructed the delivery of aid to areas it does not control", opt=True),
    E("o44", "usa", "THREATEN", "rsf", "The United States will hold both warring parties accountable for these abuses", opt=True),
    E("o45", "usa", "THREATEN", "saf", "The United States will hold both warring parties accountable for these abuses", opt=True),
    E("o46", "rsf", "REJECT", "state_department", "The RSF has rejected these findings", opt=True),
    E("o47", "rsf", "REJECT", "usa", "The RSF has rejected these findings", opt=True),
    E("o48", "rsf", "REJECT", "blinken", "The RSF has rejected these findings", opt=True),
    E("o49", "usa", "REQUEST", "regional_governments", "We also urge governments in the region to stop sending weapons to the warring parties", opt=True),
    E("o50", "blinken", "REQUEST", "rsf", "It calls on the RSF and the SAF to agree to an immediate ceasefire", opt=True),
    E("o51", "blinken", "REQUEST", "saf", "It calls on the RSF and the SAF to agree to an immediate ceasefire", opt=True),
    E("o52", "state_department", "REQUEST", "rsf", "It calls on the RSF and the SAF", opt=True),
    E("o53", "state_department", "REQUEST", "saf", "It calls on the RSF and the SAF", opt=True),
    E("o54", "state_department", "ACCUSE", "rsf", "The evidence gathered by the Department shows otherwise", opt=True),
    E("o55", "regional_governments", "AID", None, "stop sending weapons to the warring parties", opt=True),
    E("o56", "rsf", "ASSAULT", None, "RSF fighters attacked Masalit civilians in El Geneina and other towns and shot at those trying to flee", opt=True),
    E("o57", "usa", "REQUEST", None, "We also urge governments in the region", opt=True),
    E("o58", "saf", "ASSAULT", None, "both sides have committed war crimes", opt=True),
    E("o59", "rsf", "ASSAULT", "saf", "war broke out in April 2023 between the Rapid Support Forces (RSF) and the Sudanese Armed Forces (SAF)", opt=True),
    E("o60", "saf", "ASSAULT", "rsf", "war broke out in April 2023 between the Rapid Support Forces (RSF) and the Sudanese Armed Forces (SAF)", opt=True),
]

NOTE = ("Gold claim graph for a State Department press statement written for heldout4 (the January 2025 genocide determination on Sudan), coded with shared/ontology.md as the dev gold is. "
        "The Secretary of State is the author (byline), so his statements are asserted; 'I have concluded ... genocide' is his required ACCUSE of the RSF (the Department as subject is optional). "
        "Sanctions are coded with the acting department as subject (Treasury for Hemedti, Capital Tap Holding and Abdelrahim, the State Department for Juma's visa restrictions; the United States as subject is optional). "
        "'RSF-owned companies' is rsf controls; buying weapons and selling gold on the group's behalf is supports (arms/funds also count). Titles give leads (RSF leader, 'led by', SECRETARY OF STATE) and member_of (commander, deputy commander; leads also counts). "
        "'The RSF has rejected these findings and insists that its fighters do not target civilians' is the RSF's required REJECT (object null) and the denied ASSAULT on civilians as negated, attributed to the RSF. "
        "'The United States does not support either side' is two required negated supports claims. The unnamed victims ('men and boys', 'women and girls') are optional groups; null-object ASSAULT events by the RSF and the SAF are required. "
        "'governments in the region' sending weapons is implied by an appeal, so it is optional (speculative).")
